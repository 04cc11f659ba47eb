#!/usr/bin/env python3
"""Oracle for the pre-tokenizer's hand-written Split matchers (tests/core/tst_pretokenizer.cpp).

What it does: for each Split regex that core/tokenizer/pretokenizer.cpp recognises (GPT-2, Qwen2/Qwen3,
Llama 3 and DeepSeek V3's three steps, plus DeepSeek V3's whole three-step sequence), it splits every
input string the way Hugging Face tokenizers' `Split` pre-tokenizer does with `behavior: "Isolated"` and
`invert: false`: each match is one piece, and the text between two matches (or before the first / after
the last) is one piece too; empty pieces are dropped. A sequence of Splits re-splits every piece of the
previous step. The result is written to pretokenize_expected.json next to this script, which the C++ test
reads (CI has no Python; the JSON is checked in).

The regexes are run with the `regex` module (not `re`: `re` lacks \\p{..}), which agrees with Oniguruma,
the engine tokenizers uses, on every construct these patterns use: \\s is the White_Space property in both,
\\p{L}/\\p{N}/\\p{M}/\\p{P}/\\p{S} are General_Category classes, (?i:...) folds ſ (U+017F) to s in both,
and (?!\\S) / greedy backtracking behave alike. The one known source of difference is the Unicode version
of the property tables: `regex`, the Oniguruma 6.9.x that tokenizers bundles (through onig_sys) and Qt's
QChar each carry their own. The script therefore refuses any input character whose class (L, N, M, P, S,
whitespace) under `regex` differs from Python's `unicodedata` (Unicode 14.0 in Python 3.11), so only
characters whose class is stable from Unicode 14.0 to `regex`'s version are tested.

Inputs: every string of ../shared/fixtures/tokenizers/corpus.json and corpus_ascii.json (the same
strings, escaped; duplicates are dropped), hand-written adversarial cases, and seeded random strings
drawn from a pool of characters chosen to hit every branch of the patterns.

Re-run (from the repository root, with `pip install regex` if missing):
    python3 tests/data/tokenizers/pretokenize_oracle.py
and commit the regenerated pretokenize_expected.json. The output is deterministic.
"""

import json
import os
import random
import sys
import unicodedata

import regex

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared", "fixtures", "tokenizers"))

# The patterns exactly as they appear, after JSON unescaping, in the models' tokenizer.json files.
GPT2 = r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
QWEN2 = r"""(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"""
LLAMA3 = r"""(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"""
DEEPSEEK_DIGITS = r"""\p{N}{1,3}"""
DEEPSEEK_CJK = "[\u4e00-\u9fa5\u3040-\u309f\u30a0-\u30ff]+"
# DeepSeek V3's tokenizer.json writes this one with JSON "\r\n" escapes, so the regex holds a real CR and
# LF inside its classes (not the two-character escapes \r \n of the Llama 3 pattern).
DEEPSEEK_MAIN = (
    r"""[!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~][A-Za-z]+|[^""" + "\r\n" + r"""\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+| ?[\p{P}\p{S}]+["""
    + "\r\n" + r"""]*|\s*[""" + "\r\n" + r"""]+|\s+(?!\S)|\s+"""
)
# The same pattern with regex escapes instead of raw CR/LF, as re-typed copies of it often have.
DEEPSEEK_MAIN_ESCAPED = DEEPSEEK_MAIN.replace("\r", r"\r").replace("\n", r"\n")

PATTERNS = [
    ("gpt2", [GPT2]),
    ("qwen2", [QWEN2]),
    ("llama3", [LLAMA3]),
    ("deepseek_digits", [DEEPSEEK_DIGITS]),
    ("deepseek_cjk", [DEEPSEEK_CJK]),
    ("deepseek_main", [DEEPSEEK_MAIN]),
    ("deepseek_main_escaped", [DEEPSEEK_MAIN_ESCAPED]),
    ("deepseek_v3", [DEEPSEEK_DIGITS, DEEPSEEK_CJK, DEEPSEEK_MAIN]),
]

ADVERSARIAL = [
    "",
    # contractions, every case, straight and curly apostrophes, and ſ (folds to s under (?i))
    "'s 'S 't 'T 're 'RE 'Re 'rE 've 'VE 'm 'M 'll 'LL 'Ll 'lL 'd 'D",
    "he's HE'S he'S it'd IT'D we'll WE'LL WE'Ll they're THEY'RE I've I'VE I'm I'M can't CAN'T",
    "'sa 'tx 'rex 'vex 'mm 'lll 'dd 'x 'l 'r 'v",
    "''s '''ll ''' 's' 'st 'ſ 'ſt x'ſ",
    "don\u2019t it\u2019s we\u2019LL \u2018quoted\u2019 \u02bcs",
    "'", "'s", "'S", "'ll", "'L", " 's", "\n's", "a's", "1's", "!'s", "'\n", "' s",
    # digit runs of 1..7, ASCII and other scripts
    "1", "12", "123", "1234", "12345", "123456", "1234567",
    " 1", " 12", " 1234567", "a1234567b", "x 123 4567 89",
    "\u0661", "\u0661\u0662", "\u0661\u0662\u0663", "\u0661\u0662\u0663\u0664", "\u0661\u0662\u0663\u0664\u0665\u0666\u0667",
    "\uff11\uff12\uff13\uff14\uff15", "\uff11\uff12\uff13\uff14\uff15\uff16\uff17",
    "\u0967\u0968\u0969\u096a", "\u00b2\u00b3\u00b9 \u00bd\u00bc \u2160\u2161\u216b \u2460\u2461\u2462\u2463",
    "12\u0663\uff14\u00b25", "3.14159", "-42", "1,000,000", "1e10", "0x1F", "v1.2.3-rc4",
    # letters mixed with digits
    "abc123def4567ghi", "a1b2c3", "H2O CO2 x86_64 utf8 mp3", "\u4f60123\u597d", "caf\u00e91234",
    "Ab12\u0661\u0662Cd", "123abc", "123 abc", " 123abc",
    # CJK, kana, Hangul with Latin and punctuation
    "\u4f60\u597d\u4e16\u754c", "\u4f60\u597dabc\u4e16\u754c", "abc\u4f60\u597d", "\u4f60\u597d, world!",
    "\u3053\u3093\u306b\u3061\u306f\u30ab\u30bf\u30ab\u30ca\u6f22\u5b57", "\u3042\u30a2\u30fc\u30fb\u3001\u3002",
    "\u3040\u309f\u30a0\u30ff\u4e00\u9fa5\u9fa6\u9fff\u3400\u2e80",
    "\ud55c\uad6d\uc5b4abc\ud55c\uae00", "\u1100\u1161\u11a8 jamo",
    "\u300c\u6771\u4eac\u300d\u3068\u300e\u5927\u962a\u300f\u3002\n\u6b21",
    "\uff08\u62ec\u5f27\uff09\uff01\uff1f", "mixed\u4e2d\u6587English\u6df7\u5408text123\u6570\u5b57",
    "\u4e2d\u6587 \u4e2d\u6587  \u4e2d\u6587\n\u4e2d\u6587",
    " \u4f60\u597d", ".\u4f60\u597d", "\u4f60\u597d.", "$\u3042", "\uff0c\u4e2d",
    # emoji, ZWJ sequences, variation selectors, flags, skin tones
    "\U0001f600\U0001f601", "a\U0001f600b", " \U0001f600", "\U0001f600 \U0001f600",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f44d\U0001f3fd", "\u2764\ufe0f", "\U0001f1fa\U0001f1f8",
    "\u200d", "a\u200db", "\u200da", " \u200d", "x\u200b\u200cy", "\u00ad soft\u00adhyphen",
    # combining marks
    "e\u0301", "e\u0301\u0302x", "\u0301", "\u0301a", " \u0301", " \u0301a", "a \u0301", "\u0301\u0301",
    "A\u0323\u030a\u0301 x", "\u0915\u094d\u0937", "\u0928\u092e\u0938\u094d\u0924\u0947",
    "1\u0301", "!\u0301", ".\u0301a", "\u4f60\u0301",
    # whitespace of every kind
    " ", "  ", "   ", "\t", "\n", "\r", "\r\n", "\n\r", "\r\n\r\n", "\n \n", " \n ", "\t\n\t",
    "a b", "a  b", "a   b", "a    b", "a\tb", "a\t\tb", "a \tb", "a\t b", "a\nb", "a\n\nb", "a\r\nb",
    "a \n b", "a  \n  b", "a \n  \n  b", "a\n \nb", "a \r\n b",
    "trailing ", "trailing  ", "trailing \t", "trailing\n", "trailing \n", "trailing\n ",
    " leading", "  leading", "\tleading", "\nleading", "\r\nleading", " \nleading",
    "\u00a0a", "a\u00a0b", "a\u00a0\u00a0b", " \u00a0a", "\u00a0 a", "a\u00a0", "\u00a0",
    "\u3000a", "a\u3000b", "\u3000\u3000", "\u4f60\u3000\u597d", "a\u2003b", "a\u2028b", "a\u2029b",
    "\u0085a", "a\u0085b", "a\x0bb", "a\x0cb", "a\x0b\nb", "\x0c\n",
    "a\x1cb\x1dc\x1ed\x1fe", "\u180ea", "\u200ba",
    " \u00a0\u3000\t\n\r\x0b\x0c\u0085\u2028\u2029\u2000\u200a\u202f\u205f",
    # punctuation runs followed by newlines
    "a.\n", "a.\n\nb", "a.\r\nb", "a.\n \nb", "!!!\n\n\n", "...\r\n\r\n", " ...\n", "  ...\n",
    "?!\n?!", ";\n\t", "}\n}\n", "\u3002\n", "\u3002\r\n\u3002", " \u3001\n", "$$\n", "+\n-",
    ".a", ".ab.cd", "..abc", "_abc", "-abc", "@user", "#tag", "$var", "\\n", "`code`", "~x", "^x",
    ".caf\u00e9", ".\u00e9", " .abc", "a.b ,c", "\u2014abc", "\u00bfque?", "\u00a1hola!",
    "(a)", "[x]", "{y}", "<z>", "a->b", "a=>b", "a::b", "a//b", "x += 1;", "#!/bin/sh",
    "\u20ac100", "\u00a9 2024", "\u2192x", "x\u2192", "\u221ax", "+-*/", "\u00d7\u00f7",
    # control and unusual characters
    "\x00", "a\x00b", "\x01\x02", "\x7f", "\ufeff", "\ufeffa", "\ufffd", "a\ufffdb", "\ue000",
    "\u2028", "\u2029",
    # scripts
    "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440!", "\u0645\u0631\u062d\u0628\u0627 \u0661\u0662",
    "\u05e9\u05dc\u05d5\u05dd", "\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35", "\u1f08\u03b8\u03b7\u03bd\u1fb6",
    "stra\u00dfe STRASSE \u0130stanbul \u212aelvin \u01c5 \u01c6",
    "\U0001d407\U0001d41e\U0001d425 \U0001d54e",
]

POOL = (
    list("aZsStTlLreEvVmMdD") + ["'", "'", "\u2019", "\u017f"]
    + [" ", " ", " ", "\t", "\n", "\n", "\r", "\u00a0", "\u3000", "\u2028", "\x0b", "\x0c", "\u0085", "\u2003"]
    + list("17") + ["\u0663", "\uff15", "\u00b2", "\u00bd", "\u2163", "\u2460"]
    + list(".,!?$+^`_-(\"#\\") + ["\u3002", "\uff0c", "\u00bf", "\u20ac", "\u00a9", "\u2192", "\u2014", "\u300c"]
    + ["\u4f60", "\u597d", "\u9fa5", "\u9fa6", "\u3041", "\u309f", "\u30a0", "\u30a2", "\u30fc", "\u30ff",
       "\u3400", "\ud55c", "\uae00"]
    + ["\u00e9", "\u0301", "\u0308", "\u093e", "\u0915", "\u0627", "\u03b1", "\u0414"]
    + ["\u200d", "\u200b", "\u00ad", "\ufe0f", "\U0001f600", "\U0001f44d", "\U0001f3fd", "\U0001f1fa"]
    + ["\x00", "\x1f", "\x7f", "\ufeff", "\ue000"]
)


def load_corpus():
    out = []
    for name in ("corpus.json", "corpus_ascii.json"):
        with open(os.path.join(CORPUS_DIR, name), encoding="utf-8") as f:
            out.extend(json.load(f))
    return out


def random_inputs(count, seed=20261127):
    rng = random.Random(seed)
    return ["".join(rng.choice(POOL) for _ in range(rng.randint(1, 12))) for _ in range(count)]


def split_once(text, compiled):
    pieces = []
    prev = 0
    for m in compiled.finditer(text):
        if m.start() == m.end():
            continue  # none of these patterns can match empty; tokenizers would drop an empty piece anyway
        if prev < m.start():
            pieces.append(text[prev:m.start()])
        pieces.append(m.group())
        prev = m.end()
    if prev < len(text):
        pieces.append(text[prev:])
    return pieces


def split(text, compiled_steps):
    pieces = [text] if text else []
    for compiled in compiled_steps:
        pieces = [p for piece in pieces for p in split_once(piece, compiled)]
    return pieces


CLASSES = [("L", r"\p{L}"), ("N", r"\p{N}"), ("M", r"\p{M}"), ("P", r"\p{P}"), ("S", r"\p{S}")]
WHITE_SPACE_14 = set(map(ord, "\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000")) | set(
    range(0x2000, 0x200B))


def check_unicode_version(ch):
    """Refuses characters whose class under `regex` differs from Unicode 14.0 (Oniguruma 6.9.8, Qt 6.4)."""
    category = unicodedata.category(ch)
    for letter, prop in CLASSES:
        if bool(regex.match(prop, ch)) != category.startswith(letter):
            sys.exit(f"U+{ord(ch):04X}: \\p{{{letter}}} differs between regex and Unicode 14.0; pick another")
    if bool(regex.match(r"\s", ch)) != (ord(ch) in WHITE_SPACE_14):
        sys.exit(f"U+{ord(ch):04X}: \\s differs between regex and Unicode 14.0 White_Space; pick another")


def main():
    if unicodedata.unidata_version != "14.0.0":
        sys.exit(f"run with Python 3.11 (unicodedata 14.0.0), not {unicodedata.unidata_version}")
    inputs = []
    seen = set()
    for s in load_corpus() + ADVERSARIAL + random_inputs(400):
        if s not in seen:
            seen.add(s)
            inputs.append(s)
    for ch in sorted(set("".join(inputs))):
        check_unicode_version(ch)
    patterns = []
    for name, regexes in PATTERNS:
        steps = [regex.compile(r) for r in regexes]
        expected = [split(s, steps) for s in inputs]
        for s, pieces in zip(inputs, expected):
            assert "".join(pieces) == s
        patterns.append({"name": name, "regexes": regexes, "expected": expected})
    out = {
        "about": "Generated by pretokenize_oracle.py (see its docstring); do not edit by hand.",
        "oracle": f"Python regex {regex.__version__}, Split behavior Isolated, invert false",
        "inputs": inputs,
        "patterns": patterns,
    }
    path = os.path.join(HERE, "pretokenize_expected.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=True, indent=None, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {path}: {len(inputs)} inputs x {len(patterns)} patterns")


if __name__ == "__main__":
    main()
