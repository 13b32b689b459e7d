// The engine's ranking of archive chunks, against a plain count: every candidate holding two of
// a quote's lookup pairs, scored by every ranking pair it holds, best first, ties by position.

import * as assert from 'assert';
import { ascending, CHUNKS_PER_QUOTE, rankChunks, type RankedHit } from '../../src/archive/rankChunks';
import { chunkKey } from '../../src/archive/postings';
import type { QuoteKeys } from '../../src/archive/archiveText';

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The same ranking by brute force: a count per chunk key, sorted whole. */
function plainRanking(keys: QuoteKeys, postings: Map<number, Float64Array[]>): RankedHit[] {
  const found = new Map<number, number>();
  for (const pair of keys.find) for (const list of postings.get(pair) ?? []) for (const key of list) found.set(key, (found.get(key) ?? 0) + 1);
  const needed = Math.min(2, keys.find.length);
  const candidates = [...found].filter(([, n]) => n >= needed).map(([key]) => key);
  const shared = new Map<number, number>();
  const rankLists = keys.rank.flatMap((pair) => postings.get(pair) ?? []).map((list) => new Set(list));
  for (const key of candidates) shared.set(key, rankLists.filter((list) => list.has(key)).length);
  candidates.sort((x, y) => shared.get(y)! - shared.get(x)! || x - y);
  return candidates.slice(0, CHUNKS_PER_QUOTE + 4).map((key) => ({ doc: String(Math.floor(key / 2 ** 20)), seq: key % 2 ** 20, shared: shared.get(key)! }));
}

/** Lists for `buckets` pairs over `docs` documents, some buckets split over two parts as after a later import */
function randomPostings(random: () => number, buckets: number, docs: number, density: number): Map<number, Float64Array[]> {
  const postings = new Map<number, Float64Array[]>();
  for (let bucket = 0; bucket < buckets; bucket++) {
    const parts: number[][] = [[], []];
    for (let doc = 1; doc <= docs; doc++) {
      for (let seq = 0; seq < 3; seq++) {
        if (random() < density) parts[doc > docs / 2 && bucket % 3 === 0 ? 1 : 0].push(chunkKey(doc, seq));
      }
    }
    postings.set(bucket, parts.filter((keys) => keys.length).map((keys) => Float64Array.from(keys)));
  }
  return postings;
}

describe('archive chunk ranking', () => {
  it('ranks as a plain count does, over lists of every length and parts', () => {
    const random = generator(7);
    let compared = 0;
    for (let round = 0; round < 60; round++) {
      // Sparse and dense lists: a few candidates searched in long lists, and the reverse.
      const postings = randomPostings(random, 30, 40 + Math.floor(random() * 400), round % 2 ? 0.02 : 0.3);
      const rank = [...new Set(Array.from({ length: 4 + Math.floor(random() * 20) }, () => Math.floor(random() * 30)))].sort((x, y) => x - y);
      const find = rank.filter(() => random() < 0.5).slice(0, 12);
      if (!find.length) find.push(rank[0]);
      const keys = { find, rank };
      const expected = plainRanking(keys, postings);
      assert.deepStrictEqual(rankChunks(keys, postings), expected, `round ${round}`);
      compared += expected.length;
    }
    assert.ok(compared > 300, `only ${compared} hits compared`);
  });

  it('ranks as a plain count does past the first size of its scratch arrays', () => {
    // Some 100,000 entries among the lookup lists: the merge's scratch space has to grow.
    const random = generator(11);
    const postings = randomPostings(random, 16, 8_400, 0.5);
    const keys = { find: [0, 2, 4, 6, 8, 10, 12, 14], rank: Array.from({ length: 16 }, (_, k) => k) };
    const expected = plainRanking(keys, postings);
    assert.equal(expected.length, CHUNKS_PER_QUOTE + 4);
    assert.deepStrictEqual(rankChunks(keys, postings), expected);
  });

  it('takes a quote with a single lookup pair from that list alone, and gives nothing without lists', () => {
    const postings = new Map([[5, [Float64Array.from([chunkKey(1, 0), chunkKey(2, 4)])]], [9, [Float64Array.from([chunkKey(2, 4)])]]]);
    assert.deepStrictEqual(rankChunks({ find: [5], rank: [5, 9] }, postings), [
      { doc: '2', seq: 4, shared: 2 },
      { doc: '1', seq: 0, shared: 1 },
    ]);
    assert.deepStrictEqual(rankChunks({ find: [5, 9], rank: [5, 9] }, postings), [{ doc: '2', seq: 4, shared: 2 }]);
    assert.deepStrictEqual(rankChunks({ find: [6, 7], rank: [6, 7] }, postings), []);
  });

  it('does not change the lists it is given', () => {
    // A chunk listed twice makes the candidates fewer than the entries, so a list used in place would be overwritten.
    const list = Float64Array.from([chunkKey(1, 0), chunkKey(1, 0), chunkKey(1, 1), chunkKey(3, 2)]);
    const copy = Float64Array.from(list);
    rankChunks({ find: [1], rank: [1] }, new Map([[1, [list]]]));
    assert.deepStrictEqual(list, copy);
  });

  it('puts a list out of order in order before it is ranked, and leaves one in order as it is', () => {
    const sorted = Float64Array.from([chunkKey(1, 0), chunkKey(1, 2), chunkKey(4, 0)]);
    assert.strictEqual(ascending(sorted), sorted);
    assert.deepStrictEqual(ascending(Float64Array.from([chunkKey(4, 0), chunkKey(1, 0), chunkKey(1, 2)])), sorted);
  });
});
