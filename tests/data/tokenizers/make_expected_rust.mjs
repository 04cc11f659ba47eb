// Writes expected/<name>.jsonl and <name>.special.jsonl with Hugging Face's own tokenizers library (Rust), through
// its Node.js binding: the npm package `tokenizers` 0.23.2, which ships the compiled library for each platform
// (tokenizers.linux-x64-gnu.node), so nothing is built. The same Rust code is what servers (vLLM, TGI, TEI) count
// with, and what the Rust-made files of this folder came from.
//
//   mkdir -p /tmp/rust-oracle/node_modules/tokenizers && cd /tmp/rust-oracle && npm pack tokenizers@0.23.2 \
//     && tar xzf tokenizers-0.23.2.tgz -C node_modules/tokenizers --strip-components=1
//   node tests/data/tokenizers/make_expected_rust.mjs albert-base-v2     (from the repository root)
//
// ($RUST_ORACLE_DIR overrides /tmp/rust-oracle.) Lines: {"i", "n", "ids", "dec"} for each corpus string, encoded
// without special tokens ("dec": decode(ids) keeping special tokens), and {"i", "n", "ids"} with them (.special).
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);
const oracleDir = process.env.RUST_ORACLE_DIR ?? "/tmp/rust-oracle";
const require = createRequire(path.join(oracleDir, "package.json"));
const { Tokenizer } = require("tokenizers");
const version = require("tokenizers/package.json").version;

const name = process.argv[2];
if (!name) {
    console.error("usage: make_expected_rust.mjs <fixture folder under tests/data/tokenizers>");
    process.exit(2);
}
const tokenizer = Tokenizer.fromFile(path.join(here, name, "tokenizer.json"));
const corpus = JSON.parse(fs.readFileSync(path.join(here, "corpus.json"), "utf8"));

for (const special of [false, true]) {
    const lines = [];
    for (const [i, text] of corpus.entries()) {
        const encoding = await tokenizer.encode(text, null, { addSpecialTokens: special });
        const ids = Array.from(encoding.getIds());
        const row = { i, n: ids.length, ids };
        if (!special)
            row.dec = ids.length === 0 ? "" : await tokenizer.decode(ids, false);
        lines.push(JSON.stringify(row));
    }
    const file = path.join(here, "expected", `${name}${special ? ".special" : ""}.jsonl`);
    fs.writeFileSync(file, lines.join("\n") + "\n");
    console.log(`${file}: ${lines.length} lines (tokenizers ${version})`);
}
