#!/usr/bin/python3
"""Writes tokenizer.json for ALBERT's published SentencePiece model (spiece.model, see SOURCE.md).

Pure Python (no protobuf module): enough of the protobuf wire format to read ModelProto's pieces, trainer_spec and
normalizer_spec. The layout is the one transformers' AlbertConverter (convert_slow_tokenizer.py) gives
albert-base-v2 (do_lower_case=True, keep_accents=False):
- normalizer: Replace `` -> ", Replace '' -> ", NFKD, StripAccents, Lowercase, Precompiled (the model's nmt_nfkc
  charsmap), Replace(Regex " {2,}") -> " ";
- pre_tokenizer and decoder: Metaspace (U+2581, prepend_scheme "always", split);
- model: Unigram with the model's pieces and unk_id; a piece ending in a digit and a comma ("9,") scores 100 lower,
  as AlbertConverter does (check_number_comma);
- added tokens, none normalized: the control pieces and the unknown one as special tokens ([MASK] with lstrip, as
  AlbertTokenizer declares it), the user-defined pieces ( ) " - . – £ € as added tokens that are not special;
- post_processor: "[CLS] $A [SEP]" / "[CLS] $A [SEP] $B:1 [SEP]:1".

Run from this folder: python3 make_tokenizer_json.py   (writes tokenizer.json next to spiece.model)
"""
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def fields(buf):
    """Every (number, value) of a protobuf message, in order (varints as ints, length-delimited as bytes)."""
    i = 0
    out = []

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
        out.append((number, value))
    return out


def first(msg, number, default=None):
    for n, v in msg:
        if n == number:
            return v
    return default


model = fields(open(os.path.join(HERE, "spiece.model"), "rb").read())
NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE = 1, 2, 3, 4, 5, 6
pieces = []
for n, v in model:
    if n != 1:  # ModelProto.pieces
        continue
    p = fields(v)
    piece = first(p, 1).decode("utf-8")
    score = struct.unpack("<f", first(p, 2, b"\0\0\0\0"))[0]
    kind = first(p, 3, NORMAL)
    pieces.append((piece, score, kind))
trainer = fields(first(model, 2))
normalizer = fields(first(model, 3))
assert first(trainer, 3, 1) == 1, "not a Unigram model"  # TrainerSpec.model_type
assert not first(trainer, 35, 0), "byte_fallback"  # TrainerSpec.byte_fallback
unk_id = first(trainer, 40, 0)  # TrainerSpec.unk_id
assert pieces[unk_id][2] == UNKNOWN
charsmap = first(normalizer, 2)  # NormalizerSpec.precompiled_charsmap
assert first(normalizer, 1) == b"nmt_nfkc", first(normalizer, 1)

import base64  # noqa: E402


def check_number_comma(piece):
    return len(piece) < 2 or piece[-1] != "," or not piece[-2].isdigit()


def added(i):
    # Control pieces and the unknown one are special; user-defined pieces are added tokens that are not.
    return {"id": i, "content": pieces[i][0], "single_word": False, "lstrip": pieces[i][0] == "[MASK]",
            "rstrip": False, "normalized": False, "special": pieces[i][2] != USER_DEFINED}


special_ids = [i for i, (_, _, kind) in enumerate(pieces) if kind in (UNKNOWN, CONTROL, USER_DEFINED)]
ids = {pieces[i][0]: i for i in special_ids}
meta = {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True}
tokenizer = {
    "version": "1.0", "truncation": None, "padding": None,
    "added_tokens": [added(i) for i in special_ids],
    "normalizer": {"type": "Sequence", "normalizers": [
        {"type": "Replace", "pattern": {"String": "``"}, "content": "\""},
        {"type": "Replace", "pattern": {"String": "''"}, "content": "\""},
        {"type": "NFKD"},
        {"type": "StripAccents"},
        {"type": "Lowercase"},
        {"type": "Precompiled", "precompiled_charsmap": base64.b64encode(charsmap).decode("ascii")},
        {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "}]},
    "pre_tokenizer": meta,
    "post_processor": {"type": "TemplateProcessing",
                       "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                                  {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
                       "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                                {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                                {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
                       "special_tokens": {t: {"id": t, "ids": [ids[t]], "tokens": [t]} for t in ("[CLS]", "[SEP]")}},
    "decoder": meta,
    "model": {"type": "Unigram", "unk_id": unk_id, "byte_fallback": False,
              "vocab": [[p, s if check_number_comma(p) else s - 100] for p, s, _ in pieces]},
}
with open(os.path.join(HERE, "tokenizer.json"), "w", encoding="utf-8") as f:
    json.dump(tokenizer, f, ensure_ascii=False, separators=(",", ":"))
print("tokenizer.json: %d pieces, unk_id %d, added %s" % (len(pieces), unk_id, [pieces[i][0] for i in special_ids]))
