import { strict as assert } from 'assert';
import { buildPostings, decodePositions } from '../../../src/core/match/postings';
import { splicePostings, spliceTokens, type TokenEdit } from '../../../src/core/match/postingsSplice';
import { TokenStream } from '../../../src/core/match/tokenStream';

/** A small deterministic generator, so a failing case can be replayed. */
function generator(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

/** Words drawn with a skew, as in prose: a few very common, many rare. */
function tokens(random: (n: number) => number, length: number, words: number): Int32Array {
  const out = new Int32Array(length);
  for (let k = 0; k < length; k++) out[k] = random(4) === 0 ? random(words) : random(Math.min(8, words));
  return out;
}

function randomEdits(random: (n: number) => number, length: number, oldWords: number, newWords: number): TokenEdit[] {
  const cuts = new Set<number>();
  const count = 1 + random(4);
  while (cuts.size < 2 * count) cuts.add(random(length + 1));
  const sorted = [...cuts].sort((a, b) => a - b);
  const edits: TokenEdit[] = [];
  for (let k = 0; k < sorted.length; k += 2) {
    // Some edits only insert, some only delete, some replace.
    const kind = random(3);
    const end = kind === 0 ? sorted[k] : sorted[k + 1];
    const replacement = kind === 1 ? new Int32Array(0) : tokens(random, 1 + random(40), newWords);
    edits.push({ start: sorted[k], end, tokens: replacement });
  }
  void oldWords;
  return edits;
}

function assertSamePostings(actual: ReturnType<typeof buildPostings>, expected: ReturnType<typeof buildPostings>, words: number): void {
  assert.deepEqual([...actual.counts], [...expected.counts]);
  for (let w = 0; w < words; w++) assert.deepEqual([...decodePositions(actual, w)], [...decodePositions(expected, w)], `word ${w}`);
  // Gap encoding is canonical, so the bytes must be identical too.
  assert.deepEqual([...actual.offsets], [...expected.offsets]);
  assert.deepEqual(Buffer.from(actual.bytes), Buffer.from(expected.bytes));
}

describe('splicePostings', () => {
  it('gives the postings a fresh build gives, for random edits (200 cases)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = generator(seed);
      const oldWords = 2 + random(60);
      const ids = tokens(random, random(3000), oldWords);
      const newWords = oldWords + random(5);
      const edits = randomEdits(random, ids.length, oldWords, newWords);
      const stream = TokenStream.from(ids);
      const spliced = splicePostings(buildPostings(stream, oldWords), edits, newWords);
      assertSamePostings(spliced, buildPostings(spliceTokens(stream, edits), newWords), newWords);
    }
  });

  it('handles gaps that need several bytes, around an edit far into the stream', () => {
    const ids = new Int32Array(300000);
    ids[5] = 1;
    ids[200000] = 1;
    ids[299999] = 2;
    const edits: TokenEdit[] = [{ start: 100000, end: 100010, tokens: Int32Array.from([1, 2, 3]) }];
    const stream = TokenStream.from(ids);
    assertSamePostings(splicePostings(buildPostings(stream, 3), edits, 4), buildPostings(spliceTokens(stream, edits), 4), 4);
  });

  it('leaves the postings as they were when there are no edits', () => {
    const ids = Int32Array.from([0, 1, 0, 2, 1, 0]);
    const stream = TokenStream.from(ids);
    assertSamePostings(splicePostings(buildPostings(stream, 3), [], 3), buildPostings(stream, 3), 3);
  });
});

describe('spliceTokens', () => {
  it('replaces, inserts and deletes runs of tokens', () => {
    const ids = Int32Array.from([0, 1, 2, 3, 4, 5]);
    const edits: TokenEdit[] = [
      { start: 0, end: 0, tokens: Int32Array.from([9]) },
      { start: 1, end: 3, tokens: Int32Array.from([7, 7, 7]) },
      { start: 5, end: 6, tokens: new Int32Array(0) },
    ];
    assert.deepEqual([...spliceTokens(TokenStream.from(ids), edits).slice(0, 7)], [9, 0, 7, 7, 7, 3, 4]);
  });

  it('keeps ids past 16 bits where they were, before, inside and after the edits', () => {
    const ids = Int32Array.from([70000, 1, 65535, 2, 100000, 3, 65534]);
    const edits: TokenEdit[] = [{ start: 2, end: 3, tokens: Int32Array.from([80000, 4]) }, { start: 5, end: 5, tokens: Int32Array.from([65535]) }];
    const spliced = spliceTokens(TokenStream.from(ids), edits);
    assert.deepEqual([...spliced.slice(0, spliced.length)], [70000, 1, 80000, 4, 2, 100000, 65535, 3, 65534]);
    assert.deepEqual([...spliced.escapedAt], [0, 2, 5, 6]);
  });
});
