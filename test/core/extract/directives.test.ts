// The writer's switches: disable/enable for a range, disable-file for the whole draft, in
// Markdown as HTML comments and in plain text as lines of their own; and the insertions behind
// the "ignore this quote" fix, which must silence the one quotation and nothing else.

import * as assert from 'assert';
import { extractQuotes, ignoreQuoteInsertions } from '../../../src/core/extract';
import { lineDirective } from '../../../src/core/extract/directives';
import type { TextFormat } from '../../../src/core/types';

const texts = (draft: string, format: TextFormat) => extractQuotes(draft, format).map((q) => q.text);

// Each row: a draft and the quotations that are still checked.
const switchCases: [name: string, format: TextFormat, draft: string, left: string[]][] = [
  ['Markdown: a range between disable and enable', 'markdown',
    '“One.”\n\n<!-- verbatim-disable -->\n\n“Two.”\n\n“Three.”\n\n<!-- verbatim-enable -->\n\n“Four.”\n', ['One.', 'Four.']],
  ['Markdown: disable without enable runs to the end', 'markdown', '“One.”\n\n<!-- verbatim-disable -->\n“Two.”\n\n“Three.”\n', ['One.']],
  ['Markdown: switches inside a paragraph fence one quotation', 'markdown',
    'She said “one” and <!-- verbatim-disable -->“two”<!-- verbatim-enable --> and “three”.\n', ['one', 'three']],
  ['Markdown: disable-file anywhere switches off the whole draft', 'markdown', '“One.”\n\n“Two.”\n\n<!-- verbatim-disable-file -->\n', []],
  ['Markdown: the switches are case-blind and allow spaces', 'markdown', '<!--verbatim-DISABLE   -->\n“One.”\n<!--  Verbatim-Enable-->\n\n“Two.”\n', ['Two.']],
  ['Markdown: a switch in a code block is no switch', 'markdown', '```\n<!-- verbatim-disable -->\n```\n\n“One.”\n', ['One.']],
  ['Markdown: a switch written as text is no switch', 'markdown', 'Write `<!-- verbatim-disable -->` or verbatim-disable.\n\n“One.”\n', ['One.']],
  ['Markdown: a switch inside a block quote', 'markdown', '> “One.”\n>\n> <!-- verbatim-disable -->\n> “Two.”\n> <!-- verbatim-enable -->\n\n“Three.”\n', ['One.', 'Three.']],
  ['Markdown: the ignore switch still covers the next paragraph only', 'markdown', '<!-- verbatim-ignore -->\n“One.” “Two.”\n\n“Three.”\n', ['Three.']],
  ['plain text: a range between switch lines', 'plaintext',
    '“One.”\n\nverbatim-disable\n“Two.”\n\n“Three.”\nverbatim-enable\n\n“Four.”\n', ['One.', 'Four.']],
  ['plain text: a disable line in the middle of a paragraph', 'plaintext', 'He said “one”.\nverbatim-disable\nThen “two”.\n', ['one']],
  ['plain text: disable-file', 'plaintext', 'verbatim-disable-file\n\n“One.”\n\n“Two.”\n', []],
  ['plain text: the HTML comment form works too', 'plaintext', '“One.”\n<!-- verbatim-disable -->\n“Two.”\n', ['One.']],
  ['plain text: ignore-next covers the next paragraph', 'plaintext', 'verbatim-ignore-next\n“One.”\n“Two.”\n\n“Three.”\n', ['Three.']],
  ['plain text: a switch word inside a sentence is prose', 'plaintext', 'Type verbatim-disable on a line.\n“One.”\n', ['One.']],
  ['plain text: CRLF line endings', 'plaintext', '“One.”\r\nverbatim-disable\r\n“Two.”\r\nverbatim-enable\r\n“Three.”\r\n', ['One.', 'Three.']],
];

describe('disable and enable switches', () => {
  for (const [name, format, draft, left] of switchCases) {
    it(name, () => assert.deepStrictEqual(texts(draft, format), left));
  }

  it('reads a plain-text switch line only when the line holds nothing else', () => {
    assert.strictEqual(lineDirective('  verbatim-disable  '), 'disable');
    assert.strictEqual(lineDirective('verbatim-ignore'), 'ignore-next');
    assert.strictEqual(lineDirective('<!-- verbatim-enable -->'), 'enable');
    assert.strictEqual(lineDirective('verbatim-disable please'), null);
    assert.strictEqual(lineDirective('verbatim-switch-off'), null);
  });

  it('keeps the offsets of the rest of a plain-text draft', () => {
    const draft = 'verbatim-disable\n“One.”\nverbatim-enable\nShe said “Two words here”.\n';
    const [quote] = extractQuotes(draft, 'plaintext');
    assert.strictEqual(draft.slice(quote.inner.start, quote.inner.end), 'Two words here');
  });
});

// Each row: a draft, the quotation to silence, and the quotations left afterwards (null: no fix offered).
const quoteCases: [name: string, format: TextFormat, draft: string, silence: string, left: string[] | null][] = [
  ['Markdown: a quotation inside a sentence', 'markdown', 'She said “one” and “two” and “three”.\n', 'two', ['one', 'three']],
  ['Markdown: a quotation that opens its paragraph', 'markdown', 'Intro.\n\n“One,” she said, “and two.”\n', 'One,', ['and two.']],
  ['Markdown: a quotation that opens a wrapped line', 'markdown', 'She said:\n“One” and “two”.\n', 'One', ['two']],
  ['Markdown: a list item', 'markdown', '- “One.”\n- “Two.”\n- “Three.”\n', 'Two.', ['One.', 'Three.']],
  ['Markdown: a block quote line', 'markdown', '> “One.”\n> “Two.”\n', 'Two.', ['One.']],
  ['Markdown: a table cell', 'markdown', '| a | b |\n|---|---|\n| “One.” | “Two.” |\n', 'One.', ['Two.']],
  ['Markdown: CRLF line endings', 'markdown', 'He said:\r\n“One” and “two”.\r\n', 'One', ['two']],
  ['plain text: a quotation on lines of its own', 'plaintext', '“One.”\n“Two,” he said,\nlater.\n“Three.”\n', 'Two,', ['One.', 'Three.']],
  ['plain text: the last line without a line break', 'plaintext', '“One.”\n“Two.”', 'Two.', ['One.']],
  ['plain text: another quotation on the same line', 'plaintext', '“One” and “two”.\n', 'two', null],
];

describe('ignoreQuoteInsertions', () => {
  for (const [name, format, draft, silence, left] of quoteCases) {
    it(name, () => {
      const quote = extractQuotes(draft, format).find((q) => q.text === silence);
      assert.ok(quote, 'the quotation to silence is found first');
      const insertions = ignoreQuoteInsertions(draft, format, quote.outer);
      if (left === null) return assert.strictEqual(insertions, null);
      assert.ok(insertions);
      let edited = draft;
      for (const { offset, insert } of [...insertions].sort((a, b) => b.offset - a.offset)) edited = edited.slice(0, offset) + insert + edited.slice(offset);
      assert.deepStrictEqual(texts(edited, format), left, JSON.stringify(edited));
    });
  }
});
