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
