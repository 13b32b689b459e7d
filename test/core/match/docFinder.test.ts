// The remembering document finder must name the same document as the index's binary search,
// whatever order the positions come in, empty documents included.

import { strict as assert } from 'assert';
import { DocFinder } from '../../../src/core/match/docFinder';

/** The index's rule: the last document whose first token is at or before `p`, 0 when none is. */
function docOf(starts: Int32Array, p: number): number {
  let found = 0;
  for (let d = 0; d < starts.length - 1; d++) if (starts[d] <= p) found = d;
  return found;
}

function sequence(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}

describe('DocFinder', () => {
  // Documents of 3, 0, 5, 1, 0, 0 and 7 tokens: empty ones share their start with the next.
  const starts = Int32Array.from([0, 3, 3, 8, 9, 9, 9, 16]);
  const positions = Array.from({ length: 18 }, (_, i) => i - 1);

  it('finds the document of ascending, descending and scattered positions', () => {
    const pick = sequence(5);
    const scattered = Array.from({ length: 200 }, () => pick(20) - 2);
    for (const order of [positions, [...positions].reverse(), scattered]) {
      const finder = new DocFinder(starts);
      assert.deepEqual(order.map((p) => finder.docOf(p)), order.map((p) => docOf(starts, p)));
    }
  });

  it('tells the first token of each document', () => {
    const finder = new DocFinder(starts);
    const first = positions.filter((p) => finder.isStart(p));
    assert.deepEqual(first, [0, 3, 8, 9]);
  });

  it('gallops over long runs of documents', () => {
    const many = Int32Array.from({ length: 10001 }, (_, d) => d * 4);
    const finder = new DocFinder(many);
    const pick = sequence(9);
    let p = 0;
    for (let i = 0; i < 500; i++) {
      p += pick(200);
      assert.equal(finder.docOf(p), docOf(many, p));
    }
  });
});
