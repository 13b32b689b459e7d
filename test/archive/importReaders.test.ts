// The import's fast path against a real PostgreSQL: chunk rows written in binary COPY format read
// back exactly (any script, any id), reader threads import the same rows as reading on the
// main thread, and a reader thread that dies fails the import and leaves the archive as it was.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { chunkDocument, CHUNK_WORDS, lookupPairs, MIN_PAIR_BUCKETS, quotePairs } from '../../src/archive/archiveText';
import { ArchiveSession } from '../../src/archive/archiveSession';
import { Checker, CorpusIndex } from '../../src/core/checker';
import { COPY_HEADER, COPY_TRAILER, CopyRows } from '../../src/archive/copyBinary';
import { importArchive } from '../../src/archive/importArchive';
import { copyFrom } from '../../src/archive/importBatch';
import { queryElements } from '../../src/core/match/queryWords';
import type { Quote } from '../../src/core/types';
import { suiteCluster } from './pgCluster';

const REPO = path.resolve(__dirname, '../../..');
const WORKER = path.join(REPO, 'dist/importWorker.js');

function copyInto(client: Client, sql: string, rows: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = client.query(copyFrom()(sql));
    stream.on('finish', resolve);
    stream.on('error', reject);
    stream.write(COPY_HEADER);
    stream.write(rows);
    stream.end(COPY_TRAILER);
  });
}

/** A long article (several chunks) and a few short sources of different formats. */
function sourceFolder(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-import-readers-'));
  const sentences = Array.from({ length: 400 }, (_, k) => `Paragraph ${k} says the reservoir held ${k * 7} cubic metres after the storm, according to the engineers.`);
  fs.writeFileSync(path.join(root, 'long.txt'), sentences.join('\n\n') + '\n');
  fs.writeFileSync(path.join(root, 'brief.md'), '---\nsource: Northern Wire\ndate: 2024-03-14\n---\n\nThe minister said the talks would resume in April.\n');
  fs.writeFileSync(path.join(root, 'page.html'), '<html><head><title>Ledger</title></head><body><article><p>The ledger reported a dispute over water rights.</p></article></body></html>');
  fs.writeFileSync(path.join(root, 'kyiv.txt'), '«Ми не погодимося на жодні поступки», — заявив міністр. 東京で「話し合いは続く」と述べた。\n');
  fs.mkdirSync(path.join(root, 'more'));
  fs.writeFileSync(path.join(root, 'more', 'empty.txt'), '');
  return root;
}

describe('archive import: binary COPY and reader threads', function () {
  this.timeout(120_000);
  const suite = suiteCluster();

  before(() => assert.ok(fs.existsSync(WORKER), 'dist/importWorker.js is built (node esbuild.js)'));

  async function freshClient(name: string): Promise<Client> {
    const client = new Client({ connectionString: await suite.freshDatabase(name) });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  }

  it('writes rows PostgreSQL reads back exactly: ids past 32 bits, every script, empty and long byte strings', async () => {
    const client = await freshClient('copyrows');
    try {
      await client.query('CREATE TABLE t (id bigint, n integer, body text, list bytea)');
      const cases = [
        { id: 1, n: -5, body: 'plain', list: Buffer.alloc(0) },
        { id: 2 ** 40 + 3, n: 2 ** 31 - 1, body: 'Ми не погодимося — 東京で「話し合い」 😀 שלום', list: Buffer.from([0, 1, 0xff, 0x80]) },
        { id: Number.MAX_SAFE_INTEGER, n: 0, body: '', list: Buffer.from(Array.from({ length: 3000 }, (_, k) => k % 256)) },
        { id: 7, n: 1, body: 'tab\there\nnew line \\ back\\slash', list: Buffer.from('\\x00') },
      ];
      const rows = new CopyRows(16);
      for (const c of cases) {
        rows.row(4);
        rows.int8(c.id);
        rows.int4(c.n);
        rows.text(c.body);
        rows.bytes(c.list);
      }
      await copyInto(client, 'COPY t FROM STDIN (FORMAT binary)', rows.written());
      const { rows: back } = await client.query('SELECT id::text AS id, n, body, list FROM t ORDER BY n');
      const expected = [...cases].sort((a, b) => a.n - b.n);
      assert.deepStrictEqual(back.map((r) => [r.id, r.n, r.body, r.list]), expected.map((c) => [String(BigInt(c.id)), c.n, c.body, c.list]));
    } finally {
      await client.end();
    }
  });

  it('imports the same rows on reader threads as on the main thread', async () => {
    const sources = sourceFolder();
    const dump = async (client: Client) => ({
      documents: (await client.query('SELECT id, path, size, mtime_ms, hash, format, title, meta, display, blocks, runs, marks, text_length FROM verbatim_documents ORDER BY id')).rows,
      chunks: (await client.query('SELECT doc_id, seq, start_offset, start_line, start_character, text FROM verbatim_chunks ORDER BY doc_id, seq')).rows,
      postings: (await client.query('SELECT bucket, part, entries, chunks FROM verbatim_postings ORDER BY bucket, part')).rows,
    });
    const inline = await freshClient('inline');
    const threads = await freshClient('threads');
    try {
      const a = await importArchive(inline, [sources], { readers: 0 });
      const b = await importArchive(threads, [sources], { readers: 2, workerScript: WORKER, threadsAfterBytes: 0 });
      assert.deepStrictEqual([a.readers, b.readers], [0, 2], 'the second import really ran on two reader threads');
      assert.deepStrictEqual({ ...b, milliseconds: 0, rebuildMilliseconds: 0, readers: 0 }, { ...a, milliseconds: 0, rebuildMilliseconds: 0 });
      assert.strictEqual(a.added, 5);
      const [left, right] = [await dump(inline), await dump(threads)];
      assert.deepStrictEqual(right, left);
      const long = left.documents.find((d) => d.path.endsWith('long.txt'));
      const longChunks = left.chunks.filter((c) => c.doc_id === long.id);
      assert.ok(longChunks.length >= 3, `the long source spans several chunks (${longChunks.length})`);
      const text = fs.readFileSync(path.join(sources, 'long.txt'), 'utf8');
      assert.strictEqual(longChunks.map((c) => c.text).join(''), text.trimEnd(), 'the chunks put together are the text');
      // Re-importing on threads finds nothing changed.
      const again = await importArchive(threads, [sources], { readers: 2, workerScript: WORKER, threadsAfterBytes: 0 });
      assert.deepStrictEqual([again.added, again.updated, again.removed, again.unchanged], [0, 0, 0, 5]);
      assert.strictEqual(again.readers, 0, 'nothing to read starts no thread');
      // A small import does not pay for starting threads.
      const small = await freshClient('small');
      try {
        assert.strictEqual((await importArchive(small, [sources], { readers: 2, workerScript: WORKER })).readers, 0);
        assert.deepStrictEqual(await dump(small), left);
      } finally {
        await small.end();
      }
      // Files given new times with the same bytes, as a checkout leaves them, start no thread either.
      const later = new Date(Date.now() + 60_000);
      for (const name of fs.readdirSync(sources)) fs.utimesSync(path.join(sources, name), later, later);
      const touched = await importArchive(threads, [sources], { readers: 2, workerScript: WORKER, threadsAfterBytes: 0 });
      assert.deepStrictEqual([touched.added, touched.updated, touched.removed, touched.unchanged, touched.readers], [0, 0, 0, 5, 0]);
    } finally {
      await inline.end();
      await threads.end();
      fs.rmSync(sources, { recursive: true, force: true });
    }
  });

  it('fails the import and changes nothing when a reader thread dies', async () => {
    const sources = sourceFolder();
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-broken-reader-')), 'worker.js');
    fs.writeFileSync(broken, "require('worker_threads').parentPort.on('message', () => { throw new Error('the reader broke'); });\n");
    const client = await freshClient('brokenreader');
    try {
      await importArchive(client, [sources], { readers: 0 });
      fs.writeFileSync(path.join(sources, 'new.txt'), 'A transcript that arrived later.\n');
      fs.appendFileSync(path.join(sources, 'brief.md'), '\nA correction was appended.\n');
      await assert.rejects(importArchive(client, [sources], { readers: 2, workerScript: broken, threadsAfterBytes: 0 }), /the reader broke/);
      const { rows } = await client.query('SELECT path FROM verbatim_documents ORDER BY path');
      assert.deepStrictEqual(rows.map((r) => path.relative(sources, r.path)), ['brief.md', 'kyiv.txt', 'long.txt', 'more/empty.txt', 'page.html']);
      const { rows: texts } = await client.query(`SELECT string_agg(c.text, '') AS text FROM verbatim_chunks c JOIN verbatim_documents d ON d.id = c.doc_id WHERE d.path LIKE '%brief.md'`);
      assert.doesNotMatch(texts[0].text, /correction/);
    } finally {
      await client.end();
      fs.rmSync(sources, { recursive: true, force: true });
      fs.rmSync(path.dirname(broken), { recursive: true, force: true });
    }
  });

  it('lists the pairs many chunks hold, and a check still finds a quote made only of them', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-frequent-'));
    const places = ['Geneva', 'Lisbon', 'Oslo', 'Vienna', 'Warsaw', 'Dublin'];
    const deals = ['signed the river accord', 'rejected a grain deal', 'drafted its border plan', 'welcomed one water treaty', 'studied some trade pact', 'opposed new fishing rules'];
    places.forEach((place, k) => fs.writeFileSync(path.join(root, `wire-${k}.txt`), `Officials said the United States ${deals[k]} in ${place} after ${k + 2} days of talks.\n`));
    const client = await freshClient('frequent');
    try {
      await importArchive(client, [root], { readers: 0, frequentPairChunks: 4 });
      const { rows } = await client.query('SELECT pair_buckets, frequent_pairs FROM verbatim_archive');
      const buckets: number = rows[0].pair_buckets;
      const frequent = new Set<number>(rows[0].frequent_pairs);
      const pairsOf = (text: string) => quotePairs(queryElements(text, { parts: [{ kind: 'words', start: 0, end: text.length }] } as unknown as Quote), buckets);
      const [unitedStates] = pairsOf('United States');
      const [inGeneva] = pairsOf('in Geneva');
      assert.ok(frequent.has(unitedStates), 'a pair in all six chunks is frequent');
      assert.ok(!frequent.has(inGeneva), 'a pair in one chunk is not');
      const draft = 'She wrote that "the United States signed the river accord in Geneva" and that "the United States" had signed.\n';
      const checker = new Checker(CorpusIndex.build({ documents: [], warnings: [] }));
      const quotes = checker.quotesOf(draft, 'markdown');
      const elements = quotes.map((quote) => queryElements(draft, quote));
      assert.ok(!lookupPairs(elements[0], buckets, frequent).includes(unitedStates), 'a quote with other pairs is looked up without the frequent one');
      assert.ok(lookupPairs(elements[1], buckets, frequent).includes(unitedStates), 'a quote with no other pair is looked up by it');
      const session = new ArchiveSession({ target: { url: suite.cluster.url('frequent'), display: 'frequent', hadPassword: false }, timeoutMs: 5000, from: 'test' });
      try {
        const local = quotes.map((quote) => checker.checkQuote(draft, quote));
        const merged = await session.check(draft, quotes, local, checker.options);
        assert.deepStrictEqual(merged.map((r) => r.status), ['verbatim', 'verbatim']);
        assert.match(merged[0].match!.document.path, /wire-0\.txt$/, 'the Geneva quote is found in the Geneva wire');
      } finally {
        await session.close();
      }
    } finally {
      await client.end();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('archive chunks', () => {
  const words = Array.from({ length: 3 * CHUNK_WORDS + 17 }, (_, k) => (k % 11 === 0 ? 'the' : `word${k}`));
  const text = `Opening line.\n\n${words.join(' ')}.\n\nThe minister said the talks would resume in April.\n`;
  const doc = { text, blocks: [{ start: 0, end: 13 }, { start: 15, end: 15 + words.join(' ').length + 1 }, { start: text.indexOf('The minister'), end: text.length - 1 }] };
  const chunks = chunkDocument(doc, MIN_PAIR_BUCKETS);

  it('cuts a document into chunks whose texts put together are the text', () => {
    assert.strictEqual(chunks.length, 4);
    assert.strictEqual(chunks.map((c) => c.text).join(''), text.slice(0, text.length - 1));
    for (const c of chunks) assert.strictEqual(text.slice(c.start, c.start + c.text.length), c.text);
    const second = chunks[1];
    assert.strictEqual(second.line, 2, 'the second chunk starts inside the long paragraph, the third line');
    assert.strictEqual(text.split('\n')[second.line].slice(second.character).startsWith(second.text.split('\n')[0]), true);
  });

  it('keeps each chunk’s pair buckets sorted and distinct, and finds a quote’s pairs in its chunk', () => {
    for (const c of chunks) {
      for (let k = 1; k < c.pairs.length; k++) assert.ok(c.pairs[k] > c.pairs[k - 1]);
      for (const p of c.pairs) assert.ok(p >= 0 && p < MIN_PAIR_BUCKETS);
    }
    const quote = 'the talks would resume in April';
    const at = text.indexOf(quote);
    const elements = queryElements(text, { parts: [{ kind: 'words', start: at, end: at + quote.length }] } as unknown as Quote);
    const last = chunks[chunks.length - 1];
    for (const pair of quotePairs(elements, MIN_PAIR_BUCKETS)) assert.ok(last.pairs.includes(pair), `pair ${pair} of the quote is in its chunk`);
  });
});
