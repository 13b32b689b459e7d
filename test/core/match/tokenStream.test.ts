import { strict as assert } from 'assert';
import { TokenStream, TokenStreamBuilder } from '../../../src/core/match/tokenStream';

describe('TokenStream', () => {
  // 65535 is the escape value itself, so it must be escaped like any larger id.
  const ids = [0, 65534, 65535, 7, 1_000_000, 65536, 3];

  it('gives back every id, small or past 16 bits', () => {
    const stream = TokenStream.from(ids);
    assert.deepEqual(ids.map((_, p) => stream.at(p)), ids);
    assert.deepEqual([...stream.slice(1, 6)], ids.slice(1, 6));
    assert.deepEqual([...stream.escapedAt], [2, 4, 5]);
  });

  it('visits every id in order', () => {
    const seen: number[] = [];
    TokenStream.from(ids).forEach((id, p) => { seen[p] = id; });
    assert.deepEqual(seen, ids);
  });

  it('copies runs of another stream with their escaped ids at their new places', () => {
    const source = TokenStream.from(ids);
    const builder = new TokenStreamBuilder(2);
    builder.push(70000);
    builder.copy(source, 3, 6);
    builder.copy(source, 0, 3);
    builder.pushAll(Int32Array.from([5, 90000]));
    const copied = builder.finish();
    const expected = [70000, ...ids.slice(3, 6), ...ids.slice(0, 3), 5, 90000];
    assert.deepEqual([...copied.slice(0, copied.length)], expected);
    assert.deepEqual(expected.map((_, p) => copied.at(p)), expected);
  });

  it('does not keep a mostly empty array once built', () => {
    const builder = new TokenStreamBuilder(1000);
    builder.pushAll(Int32Array.from([1, 2, 3]));
    assert.equal(builder.finish().low.buffer.byteLength, 6);
  });
});
