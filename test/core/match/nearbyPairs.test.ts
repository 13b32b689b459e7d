// Looking for a word pair only near votes already found must find exactly the pair's places that
// chain to those votes, each within reach of a vote or of another place found.

import { strict as assert } from 'assert';
import { CorpusIndex } from '../../../src/core/match/corpusIndex';
import { pairAnchorsNear } from '../../../src/core/match/nearbyPairs';
import { corpusOf } from './fixtures';

function sequence(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}

/** Every anchor of the pair, then those chained to `known` within `reach`, by brute force. */
function expected(index: CorpusIndex, a: number, b: number, k: number, known: number[], reach: number): number[] {
  const all: number[] = [];
  for (let q = 0; q + 1 < index.tokenCount; q++) {
    if (index.tokens.at(q) === a && index.tokens.at(q + 1) === b && !index.isDocStart(q + 1)) all.push(q - k);
  }
  const reached = new Set<number>();
  const near = (x: number) => known.some((y) => Math.abs(x - y) <= reach) || [...reached].some((y) => Math.abs(x - y) <= reach);
  for (let grew = true; grew; ) {
    grew = false;
    for (const x of all) if (!reached.has(x) && near(x)) { reached.add(x); grew = true; }
  }
  return [...reached].sort((x, y) => x - y);
}

describe('pairAnchorsNear', () => {
  const pick = sequence(3);
  const vocabulary = ['of', 'the', 'river', 'and', 'a', 'mill', 'stone'];
  const texts: Record<string, string> = {};
  for (let d = 0; d < 40; d++) texts[`d${d}.txt`] = Array.from({ length: 60 + pick(60) }, () => vocabulary[pick(vocabulary.length)]).join(' ');
  const index = CorpusIndex.build(corpusOf(texts));
  const id = (word: string) => index.wordId(word);

  it('finds the pair places chained to the known votes, and only those', () => {
    for (let round = 0; round < 60; round++) {
      const a = id(vocabulary[pick(vocabulary.length)]);
      const b = id(vocabulary[pick(vocabulary.length)]);
      const k = pick(4);
      const reach = 1 + pick(6);
      const known = Array.from({ length: 1 + pick(6) }, () => pick(index.tokenCount) - 2);
      const found = pairAnchorsNear(index, a, b, k, Float64Array.from(known), reach);
      assert.deepEqual(found, expected(index, a, b, k, known, reach), `round ${round}`);
    }
  });

  it('follows a chain of places that runs past the first stretch read', () => {
    // "of the" every three tokens: one known vote reaches the whole run, one stretch after another.
    const chain = CorpusIndex.build(corpusOf({ 'run.txt': `start ${'of the x '.repeat(30)}end`, 'other.txt': 'far away of the' }));
    const found = pairAnchorsNear(chain, chain.wordId('of'), chain.wordId('the'), 0, Float64Array.from([0]), 4);
    assert.equal(found.length, 30);
    assert.deepEqual(found.slice(0, 3), [1, 4, 7]);
  });
});
