// The rows the import's readers encode: document rows in binary COPY format store what the
// parameterised INSERT of the same values stores (every column, NULLs, empty arrays, any
// script), and a batch of files read into one sink comes back as each file read alone.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import type { ReadDocument } from '../../src/core/cache/cachedRead';
import type { SourceDocument, SourceMeta } from '../../src/core/types';
import { COPY_HEADER, COPY_TRAILER } from '../../src/archive/copyBinary';
import { appendPart, copyFrom } from '../../src/archive/importBatch';
import { ImportSink, readBatchForImport, readForImport, type ImportedFile, type ImportRequest } from '../../src/archive/importRead';
import { SCHEMA_SQL } from '../../src/archive/schema';
import { suiteCluster } from './pgCluster';

function copyInto(client: Client, sql: string, parts: Uint8Array[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = client.query(copyFrom()(sql));
    stream.on('finish', resolve);
    stream.on('error', reject);
    stream.write(COPY_HEADER);
    for (const part of parts) stream.write(part);
    stream.end(COPY_TRAILER);
  });
}

interface Case {
  id: number;
  path: string;
  title: string;
  meta: SourceMeta;
  text: string;
  blocks: { start: number; end: number }[];
  size: number;
  mtimeMs: number;
  display?: 'file' | 'extracted';
  runs?: number[];
  marks?: [number, { page?: number; time?: string; speaker?: string }][];
  hash: string;
}

const CASES: Case[] = [
  { id: 1, path: '/news/brief.md', title: 'Talks resume', meta: { source: 'Northern Wire', date: '2024-03-14' }, text: 'The minister said the talks would resume.', blocks: [{ start: 0, end: 41 }], size: 120, mtimeMs: 1_700_000_000_123.25, hash: 'a'.repeat(40) },
  { id: 2 ** 32 + 7, path: '/архив/київ — заява.pdf', title: '«Ми не погодимося» 東京 😀', meta: { author: 'Олена', kind: 'primary', tags: ['a', 'b'] } as unknown as SourceMeta, text: 'Ми не погодимося на жодні поступки.', blocks: [{ start: 0, end: 10 }, { start: 11, end: 35 }], size: 2 ** 33 + 1, mtimeMs: 0, display: 'extracted', runs: [0, 10, 200, 12, 11, 24, -1, 0], marks: [[0, { page: 1 }], [11, { page: 2, speaker: 'Олена' }]], hash: 'b'.repeat(40) },
  { id: 3, path: '/empty.txt', title: 'empty.txt', meta: {}, text: '', blocks: [], size: 0, mtimeMs: 1.5, display: 'file', runs: [], hash: 'c'.repeat(40) },
  { id: 4, path: "/quotes/it's \"odd\"\\.txt", title: 'tab\there, {braces}, "quotes", back\\slash', meta: { note: 'line\nbreak' } as SourceMeta, text: 'x', blocks: [{ start: 0, end: 1 }], size: 1, mtimeMs: 1_699_999_999_999, marks: [], hash: 'd'.repeat(40) },
];

function readDocument(c: Case): ReadDocument {
  const doc: SourceDocument = { id: 0, path: c.path, title: c.title, meta: c.meta, text: c.text, blocks: c.blocks, size: c.size, mtimeMs: c.mtimeMs, fileOffset: (offset) => offset };
  if (c.display) doc.display = c.display;
  if (c.runs || c.marks) doc.mapping = { ...(c.runs ? { runs: c.runs } : {}), ...(c.marks ? { marks: c.marks } : {}) };
  return { doc, hash: c.hash };
}

/** The documents as a parameterised INSERT writes them: one statement of unnest()ed arrays. */
async function insertDocuments(client: Client, cases: Case[]): Promise<void> {
  const literal = (values: number[]) => `{${values.join(',')}}`;
  const rows = cases.map((c) => [c.id, c.path, c.size, c.mtimeMs, c.hash, path.extname(c.path) === '.md' ? 'markdown' : path.extname(c.path) === '.pdf' ? 'pdf' : 'text', c.title, JSON.stringify(c.meta),
    c.display ?? null, literal(c.blocks.flatMap((b) => [b.start, b.end])), c.runs ? literal(c.runs) : null, c.marks ? JSON.stringify(c.marks) : null, c.text.length]);
  const columns = rows[0].map((_, k) => rows.map((row) => row[k]));
  await client.query(
    `INSERT INTO verbatim_documents (id, path, size, mtime_ms, hash, format, title, meta, display, blocks, runs, marks, text_length)
     SELECT id, path, size, mtime, hash, format, title, meta::jsonb, display, blocks::integer[], runs::integer[], marks::jsonb, len
     FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::float8[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::integer[])
       AS d(id, path, size, mtime, hash, format, title, meta, display, blocks, runs, marks, len)`,
    columns,
  );
}

const DUMP = `SELECT id::text, path, size::text, mtime_ms, hash, format, title, meta, display, blocks, runs, marks, text_length,
  array_ndims(blocks) AS block_dims, array_ndims(runs) AS run_dims FROM verbatim_documents ORDER BY id`;

describe('archive import: rows encoded by the readers', function () {
  this.timeout(120_000);
  const suite = suiteCluster();

  async function freshClient(name: string): Promise<Client> {
    const client = new Client({ connectionString: await suite.freshDatabase(name) });
    client.on('error', () => undefined);
    await client.connect();
    await client.query(SCHEMA_SQL);
    return client;
  }

  it('stores document rows sent in binary COPY format as an INSERT of the same values stores them', async () => {
    const inserted = await freshClient('rowsinsert');
    const copied = await freshClient('rowscopy');
    try {
      await insertDocuments(inserted, CASES);
      const sink = new ImportSink();
      for (const c of CASES) sink.write({ file: c.path, id: c.id, buckets: 1 << 16 }, readDocument(c));
      const { files } = sink.take();
      await copyInto(copied, 'COPY verbatim_documents (id, path, size, mtime_ms, hash, format, title, meta, display, blocks, runs, marks, text_length) FROM STDIN (FORMAT binary)',
        files.map((file) => (file as ImportedFile).documentRow));
      const [expected, actual] = [(await inserted.query(DUMP)).rows, (await copied.query(DUMP)).rows];
      assert.strictEqual(actual.length, CASES.length);
      assert.deepStrictEqual(actual, expected);
      // What the comparison covers: NULLs where an INSERT had them, an empty array as '{}', ids and sizes past 32 bits.
      // Rows by id: 1, 3, 4, then 2^32 + 7.
      assert.deepStrictEqual(actual.map((r) => [r.display, r.runs, r.marks === null]), [[null, null, true], ['file', [], true], [null, null, false], ['extracted', [0, 10, 200, 12, 11, 24, -1, 0], false]]);
      assert.deepStrictEqual([actual[3].id, actual[3].size, actual[0].mtime_ms, actual[1].blocks, actual[1].block_dims], [String(2 ** 32 + 7), String(2 ** 33 + 1), 1_700_000_000_123.25, [], null]);
      assert.deepStrictEqual(actual[3].meta, { author: 'Олена', kind: 'primary', tags: ['a', 'b'] });
    } finally {
      await inserted.end();
      await copied.end();
    }
  });

  it('reads a batch of files into one sink as it reads each file alone, warnings in their place', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-import-batch-'));
    try {
      const sentences = Array.from({ length: 300 }, (_, k) => `Line ${k} of the council minutes records ${k * 3} objections to the reservoir plan.`);
      fs.writeFileSync(path.join(root, 'long.txt'), sentences.join('\n') + '\n');
      fs.writeFileSync(path.join(root, 'brief.md'), '---\nsource: Northern Wire\n---\n\nThe minister said the talks would resume in April.\n');
      fs.writeFileSync(path.join(root, 'page.html'), '<html><head><title>Ledger</title></head><body><p>The ledger reported a dispute over water rights.</p></body></html>');
      fs.writeFileSync(path.join(root, 'notes.xyz'), 'not a source');
      fs.writeFileSync(path.join(root, 'kyiv.txt'), '«Ми не погодимося на жодні поступки», — заявив міністр.\n');
      const names = ['long.txt', 'brief.md', 'notes.xyz', 'missing.txt', 'page.html', 'kyiv.txt'];
      const requests: ImportRequest[] = names.map((name, k) => ({ file: path.join(root, name), id: 100 + k, buckets: 1 << 16 }));
      const alone: (ImportedFile | { path: string; message: string })[] = [];
      for (const request of requests) alone.push(await readForImport(request));
      const sink = new ImportSink();
      // The sink is reused: a first batch taken before must leave nothing behind.
      await readBatchForImport(requests.slice(0, 2), sink);
      const { files, buffers } = await readBatchForImport(requests, sink);
      assert.strictEqual(buffers.length, 4);
      assert.strictEqual(files.length, names.length);
      const bytes = (view: ArrayBufferView) => Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('hex');
      files.forEach((file, k) => {
        const single = alone[k];
        if ('message' in single) {
          assert.ok('message' in file && file.path === single.path && file.message === single.message, `${names[k]} is skipped with the same warning`);
          return;
        }
        const batched = file as ImportedFile;
        for (const key of ['documentRow', 'chunkRows', 'pairs', 'pairCounts'] as const) {
          assert.ok(buffers.includes(batched[key].buffer as ArrayBuffer), `${names[k]}'s ${key} is a view of the batch's buffers`);
          assert.strictEqual(bytes(batched[key]), bytes(single[key]), `${names[k]}'s ${key}`);
        }
        assert.deepStrictEqual([batched.hash, batched.mtimeMs, batched.chars], [single.hash, single.mtimeMs, single.chars]);
      });
      assert.ok((alone[0] as ImportedFile).pairCounts.length >= 3, 'the long file spans several chunks');
      assert.deepStrictEqual(files.map((file) => 'message' in file), [false, false, true, true, false, false]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('joins parts that follow each other in one buffer into one write, and no others', () => {
    const one = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const other = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const parts: Uint8Array[] = [];
    appendPart(parts, one.subarray(0, 2));
    appendPart(parts, one.subarray(2, 3));
    appendPart(parts, one.subarray(3, 3));
    appendPart(parts, other.subarray(3, 6));
    appendPart(parts, one.subarray(4, 6));
    assert.deepStrictEqual(parts.map((part) => [...part]), [[1, 2, 3], [4, 5, 6], [5, 6]]);
    assert.deepStrictEqual(parts.map((part) => part.buffer === one.buffer), [true, false, true]);
  });
});
