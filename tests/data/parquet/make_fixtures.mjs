// Writes the Parquet fixtures of tests/data/parquet with two independent JavaScript writers, and beside each file
// NAME.expected.json: the rows as the writer was given them (byte arrays as {"$binary": base64}, bigints as numbers),
// which tst_parquetreader compares with what ParquetReader reads back.
//
// Made with (npm, in a scratch folder outside the repository, node 20):
//   hyparquet-writer 0.17.0   data pages v2, dictionary and plain encodings, nested structs and LISTs, codecs
//                             UNCOMPRESSED, SNAPPY (its own), GZIP (node's zlib) and ZSTD (the zstd command line)
//   @dsnp/parquetjs 1.8.8     data pages v1 (and v2), plain encoding, repeated groups, GZIP and SNAPPY
// Run: cd /tmp/pqgen && npm install hyparquet-writer@0.17.0 @dsnp/parquetjs@1.8.8 &&
//      node /path/to/tests/data/parquet/make_fixtures.mjs /path/to/tests/data/parquet
// The files are committed; this script only documents and repeats how they were made. Cross-checked with a third,
// independent reader: hyparquet 1.33.0 (with hyparquet-compressors 1.1.2, utf8: false) reads every file back as its
// NAME.expected.json, as ParquetReader does (tst_parquetreader).

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { createRequire } from 'node:module'

const require = createRequire(path.join(process.cwd(), 'package.json'))
const { parquetWriteBuffer } = await import(require.resolve('hyparquet-writer'))
const parquetjs = require('@dsnp/parquetjs')

const out = process.argv[2] ?? '.'
const repoData = path.resolve(out, '..')

const compressors = {
  GZIP: (bytes) => new Uint8Array(zlib.gzipSync(bytes)),
  ZSTD: (bytes) => new Uint8Array(execFileSync('zstd', ['-q', '-c', '-3'], { input: bytes })),
}

function expectedOf(rows) {
  return JSON.stringify(rows, (key, value) => {
    if (typeof value === 'bigint') return Number(value)
    if (value instanceof Uint8Array || Buffer.isBuffer(value)) return { $binary: Buffer.from(value).toString('base64') }
    if (value && value.type === 'Buffer' && Array.isArray(value.data)) return { $binary: Buffer.from(value.data).toString('base64') }
    return value
  }, 1) + '\n'
}

function save(name, bytes, rows) {
  fs.writeFileSync(path.join(out, name), Buffer.from(bytes))
  fs.writeFileSync(path.join(out, name.replace(/\.parquet$/, '.expected.json')), expectedOf(rows))
}

// Rows from column arrays (hyparquet-writer takes columns).
function rowsOf(columnData) {
  const n = columnData[0].data.length
  const rows = []
  for (let i = 0; i < n; i++) {
    const row = {}
    for (const c of columnData) row[c.name] = c.data[i] ?? null
    rows.push(row)
  }
  return rows
}

// ---- flat columns: every physical type, nulls, dictionary (repeated strings) and plain, several row groups -------
const words = ['alpha', 'beta', 'gamma', 'delta']
const N = 40
const column = (f) => Array.from({ length: N }, (_, i) => f(i))
const scalars = [
  { name: 'text', type: 'STRING', data: column((i) => (i % 10 === 3 ? null : `${words[i % 4]} ünï ${i}`)) },
  { name: 'label', type: 'STRING', data: column((i) => `category ${words[i % 2]} of the long label`) }, // dictionary
  { name: 'i32', type: 'INT32', data: column((i) => (i % 10 === 5 ? null : i * 1000 - 3000)) },
  { name: 'i64', type: 'INT64', data: column((i) => BigInt(i) * 10000000000n - 7n) },
  { name: 'f64', type: 'DOUBLE', data: column((i) => (i === 0 ? null : i / 8 - 0.5)) },
  { name: 'f32', type: 'FLOAT', data: column((i) => i * 0.25) },
  { name: 'flag', type: 'BOOLEAN', data: column((i) => (i % 10 === 7 ? null : i % 3 === 0)) },
  { name: 'blob', type: 'BYTE_ARRAY', data: column((i) => (i % 10 === 9 ? null : new Uint8Array([i, 0, 255, (i * 7) % 256]))) },
]
for (const codec of ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'ZSTD']) {
  const bytes = parquetWriteBuffer({ columnData: scalars, codec, compressors, rowGroupSize: 16 })
  save(`scalars_v2_${codec.toLowerCase()}.parquet`, bytes, rowsOf(scalars))
}

// ---- nested: a struct of image bytes and path (Hugging Face's Image feature), a LIST of message structs ----------
const nested = [
  {
    name: 'image',
    data: [
      { bytes: new Uint8Array([137, 80, 78, 71]), path: 'a.png' },
      null,
      { bytes: null, path: 'remote.png' },
      { bytes: new Uint8Array([1, 2, 3]), path: null },
    ],
  },
  {
    name: 'messages',
    data: [
      [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hi' }],
      [],
      null,
      [{ role: 'user', content: null }, null, { role: 'tool', content: 'out' }],
    ],
  },
  { name: 'tags', data: [['x', 'y'], [null], [], null] },
]
const nestedSchema = [
  { name: 'root', num_children: 3 },
  { name: 'image', repetition_type: 'OPTIONAL', num_children: 2 },
  { name: 'bytes', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' },
  { name: 'path', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'messages', repetition_type: 'OPTIONAL', num_children: 1, converted_type: 'LIST' },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 },
  { name: 'role', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'content', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'tags', repetition_type: 'OPTIONAL', num_children: 1, converted_type: 'LIST' },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
]
for (const codec of ['SNAPPY', 'ZSTD']) {
  const bytes = parquetWriteBuffer({ columnData: nested, schema: nestedSchema, codec, compressors, rowGroupSize: 3 })
  save(`nested_v2_${codec.toLowerCase()}.parquet`, bytes, rowsOf(nested))
}

// ---- data pages v1 (parquetjs): flat columns and a repeated group ------------------------------------------------
async function parquetjsFile(name, schemaFields, rows, options) {
  const file = path.join(out, name)
  const writer = await parquetjs.ParquetWriter.openFile(new parquetjs.ParquetSchema(schemaFields), file, options)
  writer.setRowGroupSize(2)
  for (const row of rows) await writer.appendRow(row)
  await writer.close()
  fs.writeFileSync(file.replace(/\.parquet$/, '.expected.json'), expectedOf(rows))
}
const v1Rows = [
  { name: 'apple', qty: 10n, price: 2.5, ok: true, notes: [{ who: 'a', n: 1 }, { who: 'b', n: 2 }] },
  { name: 'kiwi', qty: null, price: 0.125, ok: false, notes: [] },
  { name: 'ünïcode ✓', qty: -3n, price: -1, ok: null, notes: [{ who: 'c', n: 3 }] },
]
const v1Expected = v1Rows.map((r) => ({ ...r, qty: r.qty === null ? null : r.qty }))
for (const [codec, v2] of [['GZIP', false], ['SNAPPY', false], ['UNCOMPRESSED', false], ['SNAPPY', true]]) {
  const fields = {
    name: { type: 'UTF8', compression: codec },
    qty: { type: 'INT64', optional: true, compression: codec },
    price: { type: 'DOUBLE', compression: codec },
    ok: { type: 'BOOLEAN', optional: true, compression: codec },
    notes: { repeated: true, fields: { who: { type: 'UTF8', compression: codec }, n: { type: 'INT32', compression: codec } } },
  }
  await parquetjsFile(`records_${v2 ? 'v2' : 'v1'}_${codec.toLowerCase()}.parquet`, fields, v1Expected, { useDataPageV2: v2 })
}

// ---- the datasets' hub shapes -------------------------------------------------------------------------------------
// swe_smith: SWE-smith-trajectories' `tool` split (messages as JSON text), made from the JSONL fixture's lines (the
// line that is not JSON becomes a row whose messages are not JSON); and the same trajectories with messages as a LIST
// of {role, content} structs (tool content parts joined into one string).
const jsonl = fs.readFileSync(path.join(repoData, 'datasets', 'swe_smith_trajectories.jsonl'), 'utf8').split('\n').filter((l) => l.trim())
const trajectories = jsonl.map((line, i) => {
  try {
    return JSON.parse(line)
  } catch {
    return { instance_id: `broken.${i}`, messages: line, resolved: false }
  }
})
const sweText = [
  { name: 'messages', type: 'STRING', data: trajectories.map((t) => (typeof t.messages === 'string' ? t.messages : JSON.stringify(t.messages))) },
  { name: 'instance_id', type: 'STRING', data: trajectories.map((t) => t.instance_id) },
  { name: 'resolved', type: 'BOOLEAN', data: trajectories.map((t) => Boolean(t.resolved)) },
  { name: 'model', type: 'STRING', data: trajectories.map(() => 'claude-3-7-sonnet-20250219') },
]
{
  const bytes = parquetWriteBuffer({ columnData: sweText, codec: 'ZSTD', compressors, rowGroupSize: 2 })
  save('swe_smith_trajectories.parquet', bytes, rowsOf(sweText))
}
const flatten = (content) => (Array.isArray(content) ? content.map((p) => p.text ?? '').join('') : content)
const listed = trajectories.filter((t) => Array.isArray(t.messages))
const sweList = [
  { name: 'instance_id', data: listed.map((t) => t.instance_id) },
  { name: 'messages', data: listed.map((t) => t.messages.map((m) => ({ role: m.role, content: flatten(m.content) }))) },
]
{
  const schema = [
    { name: 'root', num_children: 2 },
    { name: 'instance_id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
    { name: 'messages', repetition_type: 'OPTIONAL', num_children: 1, converted_type: 'LIST' },
    { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
    { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 },
    { name: 'role', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
    { name: 'content', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  ]
  const bytes = parquetWriteBuffer({ columnData: sweList, schema, codec: 'SNAPPY', rowGroupSize: 3 })
  save('swe_smith_trajectories_list.parquet', bytes, rowsOf(sweList))
}

// kontext_bench: black-forest-labs/kontext-bench's test split (image {bytes, path}, instruction, category), with
// small PNGs written here, a row whose image is not an image and one without an instruction.
function crc32(bytes) {
  let c = ~0
  for (const b of bytes) {
    c ^= b
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}
function png(width, height, colour) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(td))
    return Buffer.concat([len, td, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 2 // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) raw.set(colour, y * (width * 3 + 1) + 1 + x * 3)
  return new Uint8Array(Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]))
}
const kontext = [
  { name: 'image', data: [
    { bytes: png(16, 12, [200, 30, 30]), path: 'k0.png' },
    { bytes: png(40, 8, [30, 200, 30]), path: 'k1.png' },
    { bytes: new Uint8Array(Buffer.from('not an image')), path: 'broken.png' },
    { bytes: png(8, 8, [30, 30, 200]), path: 'k3.png' },
  ] },
  { name: 'instruction', data: ['Make the sky purple', 'Add a red hat', 'x', null] },
  { name: 'category', data: ['global', 'local', 'local', 'style'] },
]
{
  const schema = [
    { name: 'root', num_children: 3 },
    { name: 'image', repetition_type: 'OPTIONAL', num_children: 2 },
    { name: 'bytes', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' },
    { name: 'path', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
    { name: 'instruction', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
    { name: 'category', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  ]
  const bytes = parquetWriteBuffer({ columnData: kontext, schema, codec: 'SNAPPY', rowGroupSize: 2 })
  save('kontext_bench.parquet', bytes, rowsOf(kontext))
}
console.log('written to', out)
