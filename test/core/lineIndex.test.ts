import { strict as assert } from 'assert';
import { LineIndex } from '../../src/core/lineIndex';

describe('LineIndex', () => {
  const rows: [string, string, number, { line: number; character: number }][] = [
    ['start of text', 'ab\ncd', 0, { line: 0, character: 0 }],
    ['after a line feed', 'ab\ncd', 3, { line: 1, character: 0 }],
    ['at a line feed', 'ab\ncd', 2, { line: 0, character: 2 }],
    ['CRLF counts as one break', 'ab\r\ncd', 4, { line: 1, character: 0 }],
    ['a lone CR breaks a line', 'ab\rcd', 3, { line: 1, character: 0 }],
    ['UTF-16 units, as LSP counts', '😀x\ny', 2, { line: 0, character: 2 }],
    ['end of text', 'ab\ncd', 5, { line: 1, character: 2 }],
    ['past the end is clamped', 'ab', 99, { line: 0, character: 2 }],
  ];
  for (const [name, text, offset, expected] of rows) {
    it(`position: ${name}`, () => assert.deepEqual(new LineIndex(text).position(offset), expected));
  }

  it('offset is the inverse of position', () => {
    const text = 'one\r\ntwo\nthree\rfour';
    const index = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a CRLF pair
      const { line, character } = index.position(offset);
      assert.equal(index.offset(line, character), offset, `offset ${offset}`);
    }
  });

  it('clamps a character past the line end to the line end', () => {
    assert.equal(new LineIndex('ab\ncd').offset(0, 10), 2);
    assert.equal(new LineIndex('ab\ncd').lineCount, 2);
  });
});
