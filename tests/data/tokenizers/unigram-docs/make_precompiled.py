#!/usr/bin/python3
"""Writes nmt_nfkc.charsmap.b64 and ../expected/precompiled-nmt_nfkc.jsonl for the Precompiled normalizer.

nmt.model is trained like unigram.model (make_fixture.py) but with SentencePiece's default normalization rule,
nmt_nfkc, so it carries the compiled character map (`precompiled_charsmap`) that T5's and XLM-R's tokenizer.json
hold as their Precompiled normalizer:

  spm_train --input=train.txt --model_prefix=nmt --model_type=unigram --vocab_size=2000 --character_coverage=1.0 \
    --byte_fallback=true --add_dummy_prefix=false --remove_extra_whitespaces=false --split_digits=false \
    --max_sentence_length=100000 --num_threads=1

The oracle is SentencePiece's own normalization (the C++ library through python3-sentencepiece 0.1.97): the
pieces of its encoding joined, byte pieces turned back into bytes and U+2581 into a space (whitespace escaping is
on; no dummy prefix, no whitespace removal). Hugging Face's Precompiled differs from it by design: it cuts the
text into extended grapheme clusters (here: the regex module's \X), maps a cluster shorter than 6 bytes whole by
the rule of its shortest matching prefix, and any other cluster character by character, where SentencePiece
takes the longest match over the text. So "norm" is that algorithm (precompiled() below) run on the charsmap,
and every line where it differs from SentencePiece also carries SentencePiece's text as "spm"; those lines are
checked against the algorithm only (a cluster of 6+ bytes left decomposed, CRLF as one cluster mapped by the
rule for CR). Run (apt-get install python3-sentencepiece python3-regex): /usr/bin/python3 make_precompiled.py
"""
import base64
import json
import os
import re

import regex
import sentencepiece

HERE = os.path.dirname(os.path.abspath(__file__))


def field(buf, want):
    """The first field `want` of a protobuf message (enough of the wire format for ModelProto)."""
    i = 0

    def varint():
        nonlocal i
        value = shift = 0
        while True:
            b = buf[i]
            i += 1
            value |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                return value

    while i < len(buf):
        key = varint()
        number, wire = key >> 3, key & 7
        if wire == 0:
            value = varint()
        elif wire == 2:
            length = varint()
            value = buf[i:i + length]
            i += length
        elif wire == 5:
            value = buf[i:i + 4]
            i += 4
        elif wire == 1:
            value = buf[i:i + 8]
            i += 8
        else:
            raise ValueError("wire type %d" % wire)
        if number == want:
            return value
    return None


model = open(os.path.join(HERE, "nmt.model"), "rb").read()
spec = field(model, 3)  # ModelProto.normalizer_spec
assert field(spec, 1) == b"nmt_nfkc"
charsmap = field(spec, 2)  # NormalizerSpec.precompiled_charsmap
with open(os.path.join(HERE, "nmt_nfkc.charsmap.b64"), "w") as f:
    f.write(base64.b64encode(charsmap).decode("ascii") + "\n")

size = int.from_bytes(charsmap[:4], "little")
units = [int.from_bytes(charsmap[4 + 4 * k:8 + 4 * k], "little") for k in range(size // 4)]
replacements = charsmap[4 + size:]


def precompiled(text):
    out = ""
    for grapheme in regex.findall(r"\X", text):
        if len(grapheme.encode("utf-8")) < 6:
            norm = lookup(grapheme)
            if norm is not None:
                out += norm
                continue
        for ch in grapheme:
            norm = lookup(ch)
            out += ch if norm is None else norm
    return out


def lookup(chunk):
    def offset(u):
        return (u >> 10) << ((u & 0x200) >> 6)
    pos = offset(units[0])
    for c in chunk.encode("utf-8"):
        if c == 0:
            return None
        pos ^= c
        if pos >= len(units):
            return None
        u = units[pos]
        if (u & 0x800000FF) != c:
            return None
        pos ^= offset(u)
        if (u >> 8) & 1:
            start = units[pos] & 0x7FFFFFFF
            end = replacements.find(b"\0", start)
            return replacements[start:end if end >= 0 else len(replacements)].decode("utf-8")
    return None


sp = sentencepiece.SentencePieceProcessor(model_file=os.path.join(HERE, "nmt.model"))
with open(os.path.join(HERE, "..", "corpus.json"), encoding="utf-8") as f:
    corpus = json.load(f)
lines = []
for i, text in enumerate(corpus):
    raw = bytearray()
    for piece in sp.encode(text, out_type=str):
        m = re.fullmatch("<0x([0-9A-F]{2})>", piece)
        if m and sp.piece_to_id(piece) != sp.unk_id():
            raw.append(int(m.group(1), 16))
        else:
            raw += piece.replace("\u2581", " ").encode("utf-8")
    row = {"i": i, "norm": precompiled(text)}
    if raw.decode("utf-8") != row["norm"]:
        row["spm"] = raw.decode("utf-8")
    lines.append(json.dumps(row, ensure_ascii=False))
with open(os.path.join(HERE, "..", "expected", "precompiled-nmt_nfkc.jsonl"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print("wrote nmt_nfkc.charsmap.b64 and ../expected/precompiled-nmt_nfkc.jsonl")
