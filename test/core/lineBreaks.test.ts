// One line rule everywhere: "\r\n", a lone "\r" and "\n" each end a line.

import { strict as assert } from 'assert';
import { LineReader, lineStartBefore } from '../../src/core/lineBreaks';
import { textBlocks } from '../../src/core/corpus/textSource';
import { parseMarkdownSource } from '../../src/core/corpus/markdownSource';
import { chunkStarts } from '../../src/core/extract/markdownChunks';
import { plainTextProse } from '../../src/core/extract/prose';
import { wholeMarkdownProse } from '../../src/core/extract/markdownProse';

function lines(text: string): string[] {
  const reader = new LineReader(text);
  const found: string[] = [];
  while (reader.read()) found.push(reader.line());
  return found;
}

describe('line breaks', () => {
  it('ends a line at CRLF, a lone CR and LF alike', () => {
    assert.deepEqual(lines('a\r\nb\rc\nd'), ['a', 'b', 'c', 'd']);
    assert.deepEqual(lines('a\r\r\nb\n\rc\r'), ['a', '', 'b', '', 'c']);
    assert.deepEqual(lines(''), []);
    assert.deepEqual(lines('\r'), ['']);
  });

  it('reads a long text without a CR, or without an LF, in one pass of each', () => {
    const text = 'word '.repeat(20).concat('\n').repeat(50_000);
    assert.equal(lines(text).length, 50_000);
    assert.equal(lines(text.replace(/\n/g, '\r')).length, 50_000);
  });

  it('finds the start of the line holding an offset', () => {
    assert.equal(lineStartBefore('ab\rcd', 4), 3);
    assert.equal(lineStartBefore('ab\r\ncd', 5), 4);
    assert.equal(lineStartBefore('abcd', 2), 0);
  });

  it('splits plain-text sources and drafts into the same paragraphs whatever the line ending', () => {
    const lf = 'One line\nand more.\n\nSecond paragraph.\n';
    for (const text of [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')]) {
      const blocks = textBlocks(text).map((b) => text.slice(b.start, b.end).replace(/\r\n?/g, '\n'));
      assert.deepEqual(blocks, ['One line\nand more.', 'Second paragraph.']);
      assert.deepEqual(plainTextProse(text).blocks.map((b) => text.slice(b.start, b.end).replace(/\r\n?/g, '\n')), blocks);
    }
  });

  it('sees a fence after a lone CR, so a Markdown source is one chunk and reads as the whole parse does', () => {
    const paragraphs = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} says “quote number ${i} here”, she said today.`);
    const text = `x\r\`\`\`\n\n${paragraphs.join('\n\n')}\n`;
    assert.deepEqual(chunkStarts(text), [0]);
    const source = parseMarkdownSource(text);
    const whole = wholeMarkdownProse(text);
    assert.equal(source.text, whole.masked);
    assert.deepEqual(source.blocks, whole.blocks);
    // Everything after the fence is code: only the "x" is prose.
    assert.deepEqual(source.blocks, [{ start: 0, end: 1 }]);
  });
});
