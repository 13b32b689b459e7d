import * as assert from 'assert';
import { sourceFileRange, TextPositions } from '../../src/server/positions';
import { sourceDoc } from './quoteResults';

describe('positions', function () {
  const cases: { name: string; text: string; offset: number; line: number; character: number }[] = [
    { name: 'start of text', text: 'one\ntwo', offset: 0, line: 0, character: 0 },
    { name: 'second line (LF)', text: 'one\ntwo', offset: 5, line: 1, character: 1 },
    { name: 'second line (CRLF)', text: 'one\r\ntwo', offset: 6, line: 1, character: 1 },
    { name: 'lone CR breaks a line', text: 'one\rtwo', offset: 4, line: 1, character: 0 },
    { name: 'surrogate pairs count as two UTF-16 units', text: '😀 "a"\nb', offset: 4, line: 0, character: 4 },
    { name: 'offset past the end is clamped', text: 'ab', offset: 99, line: 0, character: 2 },
  ];
  for (const c of cases) {
    it(`maps offsets to positions and back: ${c.name}`, function () {
      const positions = new TextPositions(c.text);
      assert.deepStrictEqual(positions.position(c.offset), { line: c.line, character: c.character });
      assert.strictEqual(positions.offset({ line: c.line, character: c.character }), Math.min(c.offset, c.text.length));
    });
  }

  it('turns spans into ranges and ranges back into ordered spans', function () {
    const positions = new TextPositions('alpha\nbeta gamma');
    const range = positions.range({ start: 6, end: 10 });
    assert.deepStrictEqual(range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
    assert.deepStrictEqual(positions.span({ start: range.end, end: range.start }), { start: 6, end: 10 });
  });

  it('maps source spans through fileOffset into the file', function () {
    // The document text starts 9 characters into the file (as after stripped front matter).
    const doc = sourceDoc('little ground for optimism', 'T', '/c/a.md', 9);
    const file = new TextPositions('---\nx\n---little ground for optimism');
    assert.deepStrictEqual(sourceFileRange(doc, { start: 7, end: 13 }, file), { start: { line: 2, character: 10 }, end: { line: 2, character: 16 } });
  });
});
