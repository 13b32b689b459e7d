// The archive's posting lists: grouped by bucket in document order and read back exactly; each
// import that adds chunks writes a part; lookups skip removed documents' entries; and the parts
// are rebuilt into one, equal to a fresh import's, when removals or parts pile up.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client, Pool } from 'pg';
import { fetchCandidates } from '../../src/archive/archiveCandidates';
import { quoteKeys, type ArchiveLayout } from '../../src/archive/archiveText';
import { importArchive } from '../../src/archive/importArchive';
import { MAX_PARTS } from '../../src/archive/importPostings';
import { decodePostings, docOfKey, maxPostingKeys, PostingsBuilder, seqOfKey } from '../../src/archive/postings';
import { queryElements } from '../../src/core/match/queryWords';
import type { Quote } from '../../src/core/types';
import { suiteCluster } from './pgCluster';

/** Reads the binary COPY rows PostingsBuilder writes: bucket, part, entries and the list. */
function readRows(batches: Buffer[]): { bucket: number; part: number; entries: number; list: Buffer }[] {
  const rows: { bucket: number; part: number; entries: number; list: Buffer }[] = [];
  for (const bytes of batches) {
    let at = 0;
    while (at < bytes.length) {
      assert.strictEqual(bytes.readInt16BE(at), 4);
      at += 2;
      const field = (): Buffer => {
        const length = bytes.readInt32BE(at);
        const value = bytes.subarray(at + 4, at + 4 + length);
        at += 4 + length;
        return value;
      };
      const [bucket, part, entries, list] = [field(), field(), field(), field()];
      rows.push({ bucket: bucket.readInt32BE(0), part: part.readInt32BE(0), entries: entries.readInt32BE(0), list });
    }
  }
  return rows;
}

describe('archive posting lists', () => {
  it('groups chunks by bucket in document order, past a block of entries, and decodes what it wrote', async () => {
    const buckets = 1 << 16;
    const builder = new PostingsBuilder(buckets);
    // Chunk c holds the buckets (c * 7 + k * 263) mod 2^16 for k < 250: distinct, and spread.
    const docs = [1, 2, 300, 2 ** 32 + 5, 2 ** 33 - 1];
    const perDoc = 4000;
    const expected: number[][] = Array.from({ length: buckets }, () => []);
    const pairs = new Int32Array(250);
    docs.forEach((doc, d) => {
      for (let seq = 0; seq < perDoc; seq++) {
        const chunk = d * perDoc + seq;
        const count = seq === 3 ? 0 : pairs.length;
        for (let k = 0; k < count; k++) pairs[k] = (chunk * 7 + k * 263) & (buckets - 1);
        pairs.sort();
        builder.add(doc, seq, pairs, count);
        for (let k = 0; k < count; k++) expected[pairs[k]].push(chunk);
      }
    });
    assert.ok(builder.entries > 1 << 22, `${builder.entries} entries fill more than one block`);
    const batches: Buffer[] = [];
    await builder.writeRows(3, async (rows) => void batches.push(Buffer.from(rows)));
    assert.ok(batches.length > 1, 'the rows come in several batches');
    const rows = readRows(batches);
    const held = expected.map((list, bucket) => (list.length ? bucket : -1)).filter((bucket) => bucket >= 0);
    assert.strictEqual(rows.map((r) => r.bucket).join(' '), held.join(' '), 'one row per bucket held, in bucket order');
    for (const row of rows) {
      assert.strictEqual(row.part, 3);
      const list = decodePostings(row.list);
      const chunks = Array.from(list, (key) => docs.indexOf(docOfKey(key)) * perDoc + seqOfKey(key));
      assert.strictEqual(chunks.join(' '), expected[row.bucket].join(' '), `bucket ${row.bucket}`);
      assert.strictEqual(row.entries, chunks.length);
    }
    // Decoded side by side into one array, as a lookup decodes its lists, each list is the same.
    const shared = new Float64Array(rows.reduce((room, row) => room + maxPostingKeys(row.list), 0));
    let used = 0;
    for (const row of rows) {
      const list = decodePostings(row.list, shared, used);
      assert.deepStrictEqual(Array.from(list), Array.from(decodePostings(row.list)), `bucket ${row.bucket} in the shared array`);
      used += list.length;
    }
    assert.strictEqual(builder.entries, 0, 'written out, the builder is empty');
    assert.throws(() => builder.add(2 ** 33, 0, [1]), /past what the archive's posting lists address/);
    assert.throws(() => builder.add(1, 2 ** 20, [1]), /past what the archive's posting lists address/);
  });
});

describe('archive posting parts on PostgreSQL', function () {
  this.timeout(120_000);
  const suite = suiteCluster();
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-postings-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** A wire story from `place`, whose quote (see quoteOf) no other story shares two word pairs with. */
  function story(name: string, place: string): void {
    fs.writeFileSync(path.join(root, `${name}.txt`), `Officials in ${place} said "${quoteOf(place)}" on ${name}.\n`);
  }
  const quoteOf = (place: string) => `${place}ian ferries reach ${place}ville by ${place}berg`;

  async function withArchive(name: string, run: (client: Client, lookup: (quote: string) => Promise<string[]>) => Promise<void>): Promise<void> {
    const url = await suite.freshDatabase(name);
    const client = new Client({ connectionString: url });
    const pool = new Pool({ connectionString: url, max: 1 });
    await client.connect();
    try {
      // The paths of the documents whose chunks a quote is found in.
      const lookup = async (quote: string): Promise<string[]> => {
        const { rows } = await client.query('SELECT pair_buckets, frequent_pairs FROM verbatim_archive');
        const layout: ArchiveLayout = { buckets: rows[0].pair_buckets, frequent: new Set(rows[0].frequent_pairs) };
        const elements = queryElements(quote, { parts: [{ kind: 'words', start: 0, end: quote.length }] } as unknown as Quote);
        const found = await fetchCandidates(pool, [quoteKeys(elements, layout)]);
        const ids = found.hits[0].map((hit) => hit.docId);
        const paths = new Map((await client.query('SELECT id::text, path FROM verbatim_documents WHERE id = ANY($1::bigint[])', [ids])).rows.map((row) => [row.id, path.basename(row.path)]));
        assert.ok(found.hits[0].every((hit) => found.chunks.has(`${hit.docId}:${hit.seq}`)), 'every hit comes with its text');
        return ids.map((id) => paths.get(id) ?? `removed document ${id}`).sort();
      };
      await run(client, lookup);
    } finally {
      await client.end();
      await pool.end();
    }
  }

  const state = async (client: Client) => (await client.query('SELECT parts, posted_chunks::integer AS posted FROM verbatim_archive')).rows[0];

  /** Every list, as `path:seq` entries per bucket: comparable between archives whose ids differ. */
  async function listsByPath(client: Client): Promise<Map<number, string[]>> {
    const paths = new Map((await client.query('SELECT id::text, path FROM verbatim_documents')).rows.map((row) => [row.id, path.basename(row.path)]));
    const lists = new Map<number, string[]>();
    for (const row of (await client.query('SELECT bucket, chunks FROM verbatim_postings ORDER BY bucket, part')).rows) {
      const list = decodePostings(row.chunks);
      const entries = Array.from(list, (key) => `${paths.get(String(docOfKey(key)))}:${seqOfKey(key)}`).filter((entry) => !entry.startsWith('undefined'));
      lists.set(row.bucket, [...(lists.get(row.bucket) ?? []), ...entries].sort());
    }
    for (const [bucket, entries] of lists) if (!entries.length) lists.delete(bucket);
    return lists;
  }

  it('writes a part per import that adds chunks, and finds what each part holds', async () => {
    await withArchive('parts', async (client, lookup) => {
      story('monday', 'Dover');
      await importArchive(client, [root], { readers: 0 });
      assert.deepStrictEqual(await state(client), { parts: 1, posted: 1 });
      story('tuesday', 'Calais');
      await importArchive(client, [root], { readers: 0 });
      assert.deepStrictEqual(await state(client), { parts: 2, posted: 2 });
      await importArchive(client, [root], { readers: 0 });
      assert.deepStrictEqual(await state(client), { parts: 2, posted: 2 }, 'an import that changes nothing writes no part');
      assert.deepStrictEqual(await lookup(quoteOf('Calais')), ['tuesday.txt']);
      assert.deepStrictEqual(await lookup(quoteOf('Dover')), ['monday.txt']);
    });
  });

  it('skips removed documents’ entries, and rebuilds the lists once too many chunks are removed', async () => {
    await withArchive('removed', async (client, lookup) => {
      const names = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'holiday'];
      names.forEach((name, k) => story(name, ['Dover', 'Calais', 'Ostend', 'Bergen', 'Cork', 'Brest', 'Malmo', 'Gdansk'][k]));
      await importArchive(client, [root], { readers: 0 });
      // One of eight removed: its entries stay in the part, and the lookup passes over them.
      fs.rmSync(path.join(root, 'monday.txt'));
      const first = await importArchive(client, [root], { readers: 0 });
      assert.strictEqual(first.removed, 1);
      assert.strictEqual(first.rebuildMilliseconds, 0);
      assert.deepStrictEqual(await state(client), { parts: 1, posted: 8 });
      assert.deepStrictEqual(await lookup(quoteOf('Dover')), []);
      assert.deepStrictEqual(await lookup(quoteOf('Calais')), ['tuesday.txt']);
      // Two more removed and one rewritten: past a quarter of the posted chunks, so the lists are rebuilt.
      fs.rmSync(path.join(root, 'tuesday.txt'));
      fs.rmSync(path.join(root, 'wednesday.txt'));
      fs.appendFileSync(path.join(root, 'thursday.txt'), 'A correction: "the Bergen harbour stays shut until noon" said the mayor.\n');
      const second = await importArchive(client, [root], { readers: 0 });
      assert.ok(second.rebuildMilliseconds > 0, 'the lists were rebuilt');
      assert.deepStrictEqual(await state(client), { parts: 1, posted: 5 });
      assert.deepStrictEqual(await lookup('the Bergen harbour stays shut until noon'), ['thursday.txt']);
      assert.deepStrictEqual(await lookup(quoteOf('Cork')), ['friday.txt']);
      // The rebuilt lists are those a fresh import of the same files writes.
      await withArchive('fresh', async (fresh) => {
        await importArchive(fresh, [root], { readers: 0 });
        assert.deepStrictEqual(await listsByPath(client), await listsByPath(fresh));
        const rows = (await client.query('SELECT count(*)::integer AS n FROM verbatim_postings')).rows[0].n;
        assert.strictEqual(rows, (await fresh.query('SELECT count(*)::integer AS n FROM verbatim_postings')).rows[0].n, 'no removed document is left in a list');
      });
    });
  });

  it('fills a removed document’s place among the best hits with the next one', async () => {
    await withArchive('spare', async (client, lookup) => {
      // The same story in eight papers: the six best hits are the first six papers.
      const papers = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((letter) => `paper-${letter}`);
      for (const paper of papers) story(paper, 'Dover');
      await importArchive(client, [root], { readers: 0 });
      assert.deepStrictEqual(await lookup(quoteOf('Dover')), papers.slice(0, 6).map((paper) => `${paper}.txt`));
      // Two of them removed, not enough to rebuild the lists: the seventh and eighth step in.
      fs.rmSync(path.join(root, 'paper-a.txt'));
      fs.rmSync(path.join(root, 'paper-c.txt'));
      assert.strictEqual((await importArchive(client, [root], { readers: 0 })).rebuildMilliseconds, 0);
      assert.deepStrictEqual(await lookup(quoteOf('Dover')), ['b', 'd', 'e', 'f', 'g', 'h'].map((letter) => `paper-${letter}.txt`));
    });
  });

  it(`merges the parts into one after more than ${MAX_PARTS} imports`, async () => {
    await withArchive('many', async (client, lookup) => {
      for (let k = 0; k <= MAX_PARTS; k++) {
        story(`day${k}`, `Port${k}`);
        const summary = await importArchive(client, [root], { readers: 0 });
        assert.strictEqual(summary.rebuildMilliseconds > 0, k === MAX_PARTS, `import ${k + 1} rebuilds only past ${MAX_PARTS} parts`);
      }
      assert.deepStrictEqual(await state(client), { parts: 1, posted: MAX_PARTS + 1 });
      assert.deepStrictEqual(await lookup(quoteOf('Port3')), ['day3.txt']);
    });
  });

  it('counts only the parts added since the lists were written whole', async () => {
    await withArchive('whole', async (client, lookup) => {
      const places = ['Dover', 'Calais', 'Ostend', 'Bergen', 'Cork', 'Brest', 'Malmo', 'Gdansk', 'Riga', 'Tallinn', 'Turku', 'Hull'];
      places.forEach((place, k) => story(`first${k}`, place));
      // Held in memory one story at a time, the first lists take several parts.
      await importArchive(client, [root], { readers: 0, partEntries: 5 });
      const first = await state(client);
      assert.ok(first.parts > MAX_PARTS, `the first import wrote ${first.parts} parts`);
      story('later', 'Oslo');
      const later = await importArchive(client, [root], { readers: 0, partEntries: 5 });
      assert.strictEqual(later.rebuildMilliseconds, 0, 'one part added to lists written whole is no reason to rebuild them');
      assert.deepStrictEqual(await state(client), { parts: first.parts + 1, posted: places.length + 1 });
      assert.deepStrictEqual(await lookup(quoteOf('Riga')), ['first8.txt']);
      assert.deepStrictEqual(await lookup(quoteOf('Oslo')), ['later.txt']);
    });
  });
});
