import * as assert from 'assert';
import { alignDecoded } from '../../../src/core/corpus/htmlAlignment';
import { OffsetMapBuilder } from '../../../src/core/corpus/offsetMap';

describe('corpus: offset mapping', () => {
  describe('OffsetMapBuilder', () => {
    // Text "ab&\n\ncd" extracted from file "<p>ab&amp;</p><p>cd</p>": "ab" at 3, "&" from "&amp;" at 5,
    // an invented separator, then "cd" at 17.
    const builder = new OffsetMapBuilder();
    builder.add(0, 1, 3, 1);
    builder.add(1, 1, 4, 1);
    builder.add(2, 1, 5, 5);
    builder.add(5, 2, 17, 2);
    const map = builder.build();
    const cases: [number, number, string][] = [
      [0, 3, 'first copied character'],
      [1, 4, 'merged copied run'],
      [2, 5, 'start of a decoded entity'],
      [3, 10, 'end of the entity, before the separator'],
      [4, 10, 'inside the invented separator'],
      [5, 17, 'start of the next block'],
      [6, 18, 'inside the next block'],
      [7, 19, 'end of the text'],
      [100, 19, 'past the end'],
    ];
    for (const [textOffset, fileOffset, name] of cases) {
      it(`maps ${textOffset} to ${fileOffset} (${name})`, () => assert.strictEqual(map(textOffset), fileOffset));
    }

    it('maps everything to 0 when nothing was recorded', () => {
      const empty = new OffsetMapBuilder().build();
      assert.strictEqual(empty(0), 0);
      assert.strictEqual(empty(5), 0);
    });
  });

  describe('alignDecoded', () => {
    const cases: { name: string; raw: string; decoded: string; pick: [number, string][] }[] = [
      { name: 'plain text', raw: 'abc', decoded: 'abc', pick: [[0, 'a'], [2, 'c']] },
      { name: 'named entity', raw: 'a&amp;b', decoded: 'a&b', pick: [[1, '&amp;'], [2, 'b']] },
      { name: 'ampersand left as it is', raw: 'AT&T x', decoded: 'AT&T x', pick: [[2, '&'], [3, 'T']] },
      { name: 'unknown entity left as it is', raw: '&bogus; y', decoded: '&bogus; y', pick: [[0, '&'], [8, 'y']] },
      { name: 'entity without semicolon', raw: '&amp b', decoded: '& b', pick: [[0, '&amp'], [2, 'b']] },
      { name: 'legacy entity ending early', raw: '&notit; z', decoded: '¬it; z', pick: [[0, '&not'], [1, 'i'], [5, 'z']] },
      { name: 'astral numeric reference', raw: '&#128512;!', decoded: '😀!', pick: [[0, '&#128512;'], [2, '!']] },
      { name: 'hex reference', raw: '&#x201C;q', decoded: '“q', pick: [[0, '&#x201C;'], [1, 'q']] },
      { name: 'CRLF line break', raw: 'a\r\nb', decoded: 'a\nb', pick: [[1, '\r\n'], [2, 'b']] },
      { name: 'lone CR', raw: 'a\rb', decoded: 'a\nb', pick: [[1, '\r'], [2, 'b']] },
      { name: 'entities back to back', raw: '&lt;&gt;x', decoded: '<>x', pick: [[0, '&lt;'], [1, '&gt;'], [2, 'x']] },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const base = 100;
        const file = ' '.repeat(base) + c.raw;
        const origins = alignDecoded(c.raw, c.decoded, base);
        for (const [index, expected] of c.pick) {
          assert.strictEqual(file.slice(origins.starts[index], origins.ends[index]), expected, `decoded[${index}]`);
        }
      });
    }
  });
});
