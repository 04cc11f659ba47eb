// Writes expected/<name>.jsonl (and <name>.special.jsonl) for a tokenizer.json that the Rust `tokenizers`
// oracle used for the other fixtures is not available for (WordPiece, Unigram): ids and decoded text from
// Hugging Face's pure-JavaScript tokenizers (@huggingface/tokenizers, the tokenizer half of transformers.js).
//
//   mkdir /tmp/oracle && cd /tmp/oracle && npm init -y && npm install @huggingface/tokenizers@0.2.0
//   NODE_PATH=/tmp/oracle/node_modules node tests/data/tokenizers/make_expected.mjs bert-base-uncased
//
// (run from the repository root; NODE_PATH does not apply to ES modules, so the script resolves the
// package from $ORACLE_DIR or /tmp/oracle). Lines: {"i", "n", "ids", "dec"} like the Rust-made files.
// Known differences of tokenizers.js from Rust `tokenizers` are checked for and refused (see
// KNOWN_DIVERGENCES): a corpus string that touches one is written with "skip" and the reason instead of ids.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);
const oracleDir = process.env.ORACLE_DIR ?? "/tmp/oracle";
const require = createRequire(path.join(oracleDir, "package.json"));
const { Tokenizer } = require("@huggingface/tokenizers");

const name = process.argv[2];
if (!name) {
    console.error("usage: make_expected.mjs <fixture folder under tests/data/tokenizers>");
    process.exit(2);
}
const tokenizerJson = JSON.parse(fs.readFileSync(path.join(here, name, "tokenizer.json"), "utf8"));
const configPath = path.join(here, name, "tokenizer_config.json");
const config = fs.existsSync(configPath) ? JSON.parse(fs.readFileSync(configPath, "utf8")) : {};
const tokenizer = new Tokenizer(tokenizerJson, config);
const corpus = JSON.parse(fs.readFileSync(path.join(here, "corpus.json"), "utf8"));

// Where tokenizers.js 0.2.0 is known to differ from Rust `tokenizers` for these models; a string with such a
// character is not written (its expected ids would be the JavaScript library's, not the server's).
function divergence(text) {
    const normalizer = JSON.stringify(tokenizerJson.normalizer ?? null);
    if (!normalizer.includes("BertNormalizer") && !normalizer.includes("Lowercase"))
        return null;
    for (const ch of text) {
        const cp = ch.codePointAt(0);
        // JS toLowerCase() maps a word-final capital sigma to ς; Rust's char::to_lowercase always gives σ.
        if (cp === 0x03a3) return "capital sigma (JS lowercases it by context)";
        // tokenizers.js tests handle_chinese_chars per UTF-16 unit: CJK beyond the BMP is never padded.
        if (cp > 0xffff && /\p{Script=Han}/u.test(ch)) return "CJK ideograph outside the BMP";
        // Rust's clean_text also drops unassigned code points (Cn); tokenizers.js keeps them.
        if (/\p{Cn}/u.test(ch)) return "unassigned code point";
    }
    return null;
}

for (const special of [false, true]) {
    const lines = [];
    corpus.forEach((text, i) => {
        const reason = divergence(text);
        if (reason) {
            lines.push(JSON.stringify({ i, skip: reason }));
            return;
        }
        const ids = tokenizer.encode(text, { add_special_tokens: special }).ids;
        const row = { i, n: ids.length, ids };
        if (!special)
            row.dec = ids.length === 0 ? "" : tokenizer.decode(ids, { skip_special_tokens: false, clean_up_tokenization_spaces: false });
        lines.push(JSON.stringify(row));
    });
    const file = path.join(here, "expected", `${name}${special ? ".special" : ""}.jsonl`);
    fs.writeFileSync(file, lines.join("\n") + "\n");
    console.log(`${file}: ${lines.length} lines`);
}
