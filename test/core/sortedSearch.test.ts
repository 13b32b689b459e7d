import { strict as assert } from 'assert';
import { lastAtOrBefore } from '../../src/core/sortedSearch';

describe('lastAtOrBefore', () => {
  it('finds the last value at or before the target, as a scan does, within any range', () => {
    let seed = 5;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 300; round++) {
      const values = Array.from({ length: random(20) }, () => random(30)).sort((a, b) => a - b);
      const low = random(values.length + 1);
      const high = low - 1 + random(values.length - low + 1);
      const target = random(34) - 2;
      let expected = low - 1;
      for (let i = low; i <= high; i++) if (values[i] <= target) expected = i;
      assert.equal(lastAtOrBefore(values, target, low, high), expected, `${values} [${low}, ${high}] ${target}`);
    }
  });

  it('says none with the index before the range', () => {
    assert.equal(lastAtOrBefore(Int32Array.from([5, 9]), 4), -1);
    assert.equal(lastAtOrBefore([], 4), -1);
  });
});
