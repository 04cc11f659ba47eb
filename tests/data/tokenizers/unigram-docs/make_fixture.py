#!/usr/bin/python3
"""Writes tokenizer.json for unigram.model and the expected ids of ../corpus.json (../expected/unigram-docs*.jsonl).

unigram.model is a SentencePiece Unigram model trained here, with Debian's sentencepiece 0.1.97, on Throughline's
own README.md and docs/*.md (so no published model's licence applies):

  cat README.md docs/*.md > train.txt
  spm_train --input=train.txt --model_prefix=unigram --model_type=unigram --vocab_size=2000 \
    --character_coverage=1.0 --byte_fallback=true --normalization_rule_name=identity --add_dummy_prefix=false \
    --remove_extra_whitespaces=false --split_digits=false --max_sentence_length=100000 --num_threads=1

tokenizer.json is laid out like T5's and XLM-R's (WhitespaceSplit then Metaspace with prepend "always", a Unigram
model with byte fallback, "$A </s>", the special pieces as added tokens), but with no normalizer: the model was
trained with the identity rule, so no Precompiled charsmap is involved.

The expected ids come from SentencePiece itself (the C++ library through its Python module), run the way
Hugging Face's pipeline feeds its Unigram model: the text is cut at the added tokens, each rest is split on
Unicode White_Space, every word gets a leading U+2581 (unless it has one) and is cut before every further U+2581,
and each such piece is encoded by SentencePiece on its own (add_dummy_prefix is off in the model, the identity
normalizer leaves the piece as it is). Strings holding a byte piece's text ("<0x..>") are written with "skip":
Hugging Face's Unigram trie holds every piece, byte pieces included, and SentencePiece never matches them.

Run with Debian's python3 (apt-get install python3-sentencepiece): /usr/bin/python3 make_fixture.py
"""
import json
import os
import re

import sentencepiece

HERE = os.path.dirname(os.path.abspath(__file__))
sp = sentencepiece.SentencePieceProcessor(model_file=os.path.join(HERE, "unigram.model"))
n = sp.get_piece_size()
vocab = [[sp.id_to_piece(i), float(sp.get_score(i))] for i in range(n)]
unk = sp.unk_id()
specials = [i for i in range(n) if sp.is_control(i) or sp.is_unknown(i)]


def added(i):
    return {"id": i, "content": sp.id_to_piece(i), "single_word": False, "lstrip": False, "rstrip": False,
            "normalized": False, "special": True}


eos = sp.piece_to_id("</s>")
tokenizer = {
    "version": "1.0", "truncation": None, "padding": None,
    "added_tokens": [added(i) for i in specials],
    "normalizer": None,
    "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
        {"type": "WhitespaceSplit"},
        {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True}]},
    "post_processor": {"type": "TemplateProcessing",
                       "single": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
                       "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}},
                                {"Sequence": {"id": "B", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
                       "special_tokens": {"</s>": {"id": "</s>", "ids": [eos], "tokens": ["</s>"]}}},
    "decoder": {"type": "Sequence", "decoders": [
        {"type": "Replace", "pattern": {"String": "\u2581"}, "content": " "},
        {"type": "ByteFallback"}, {"type": "Fuse"}, {"type": "Strip", "content": " ", "start": 1, "stop": 0}]},
    "model": {"type": "Unigram", "unk_id": unk, "vocab": vocab, "byte_fallback": True},
}
with open(os.path.join(HERE, "tokenizer.json"), "w", encoding="utf-8") as f:
    json.dump(tokenizer, f, ensure_ascii=False, indent=1)

# Unicode's White_Space property (Rust's char::is_whitespace), which WhitespaceSplit splits on.
WHITE_SPACE = set(map(chr, [*range(0x09, 0x0E), 0x20, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029,
                            0x202F, 0x205F, 0x3000]))
added_re = re.compile("|".join(re.escape(sp.id_to_piece(i)) for i in sorted(specials, key=lambda i: -len(sp.id_to_piece(i)))))


def encode(text):
    ids = []
    pos = 0
    segments = []
    for m in added_re.finditer(text):
        segments.append((text[pos:m.start()], None))
        segments.append((None, sp.piece_to_id(m.group(0))))
        pos = m.end()
    segments.append((text[pos:], None))
    for segment, special in segments:
        if special is not None:
            ids.append(special)
            continue
        word = ""
        words = []
        for ch in segment:
            if ch in WHITE_SPACE:
                if word:
                    words.append(word)
                word = ""
            else:
                word += ch
        if word:
            words.append(word)
        for w in words:
            if not w.startswith("\u2581"):
                w = "\u2581" + w
            for piece in re.findall("\u2581[^\u2581]*", w):
                ids.extend(sp.encode(piece))
    return ids


with open(os.path.join(HERE, "..", "corpus.json"), encoding="utf-8") as f:
    corpus = json.load(f)
for special in (False, True):
    lines = []
    for i, text in enumerate(corpus):
        if re.search("<0x[0-9A-F]{2}>", text):
            lines.append(json.dumps({"i": i, "skip": "holds a byte piece's text, which SentencePiece never matches"}))
            continue
        ids = encode(text) + ([eos] if special else [])
        lines.append(json.dumps({"i": i, "n": len(ids), "ids": ids}))
    name = "unigram-docs.special.jsonl" if special else "unigram-docs.jsonl"
    with open(os.path.join(HERE, "..", "expected", name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
print("wrote tokenizer.json and ../expected/unigram-docs*.jsonl")
