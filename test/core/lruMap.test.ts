import { strict as assert } from 'assert';
import { LruMap } from '../../src/core/lruMap';

describe('LruMap', () => {
  it('forgets the least recently used entry beyond the limit', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    assert.equal(map.get('a'), 1); // 'a' is now the most recent
    map.set('c', 3);
    assert.deepEqual([map.get('a'), map.get('b'), map.get('c'), map.size], [1, undefined, 3, 2]);
  });

  it('bounds the total weight and refuses an entry heavier than the limit', () => {
    const map = new LruMap<string, string>(10, (key) => key.length);
    map.set('aaaa', 'x');
    map.set('bbbb', 'y');
    map.set('cccc', 'z');
    assert.deepEqual([map.get('aaaa'), map.get('bbbb'), map.get('cccc')], [undefined, 'y', 'z']);
    map.set('k'.repeat(11), 'too heavy');
    assert.equal(map.get('k'.repeat(11)), undefined);
  });

  it('replaces a value without counting its weight twice', () => {
    const map = new LruMap<string, string>(8, (key) => key.length);
    map.set('aaaa', 'x');
    map.set('aaaa', 'y');
    map.set('bbbb', 'z');
    assert.deepEqual([map.get('aaaa'), map.get('bbbb'), map.size], ['y', 'z', 2]);
  });
});

describe('LruMap against a reference', () => {
  it('keeps exactly the entries a plain least-recently-used list keeps, over random use', () => {
    let seed = 11;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const limit = 20;
    const weigh = (key: string) => 1 + (key.length % 3);
    const map = new LruMap<string, number>(limit, weigh);
    // The reference: an array from least to most recently used, evicting from the front.
    let reference: [string, number][] = [];
    const total = () => reference.reduce((sum, [key]) => sum + weigh(key), 0);
    for (let step = 0; step < 5000; step++) {
      const key = `k${'x'.repeat(random(3))}${random(40)}`;
      if (random(2) === 0) {
        const at = reference.findIndex(([k]) => k === key);
        const expected = at >= 0 ? reference[at][1] : undefined;
        if (at >= 0) reference.push(...reference.splice(at, 1));
        assert.equal(map.get(key), expected, `get ${key} at step ${step}`);
      } else {
        reference = reference.filter(([k]) => k !== key);
        reference.push([key, step]);
        while (total() > limit) reference.shift();
        map.set(key, step);
      }
      assert.equal(map.size, reference.length, `size at step ${step}`);
    }
  });
});
