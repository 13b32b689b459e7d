// Quotations that run over line breaks and paragraph ends, and quotations that are never
// closed, in plain text and Markdown.

import * as assert from 'assert';
import { extractQuotes } from '../../../src/core/extract';
import { type QuoteCase, expectQuotes } from './expectQuotes';

const cases: QuoteCase[] = [
  {
    name: 'a quotation wrapped over lines',
    draft: 'Kuleba said “this crisis is a\nmoment of truth for\nall of us” in Copenhagen.',
    quotes: [{ text: 'this crisis is a moment of truth for all of us', closed: true }],
  },
  {
    name: 'a quotation wrapped over CRLF lines',
    draft: 'Kuleba said “this crisis is a\r\nmoment of truth” there.\r\n\r\nNext “one”.',
    quotes: [{ text: 'this crisis is a moment of truth' }, { text: 'one' }],
  },
  {
    name: 'a quotation continued over three paragraphs',
    draft: '“The first paragraph ends open.\n\n“The second one too.\n\n“The third closes,” he said.\n\nAfter “that”.',
    quotes: [
      { text: 'The first paragraph ends open. The second one too. The third closes,', closed: true, speaker: null },
      { text: 'that', closed: true },
    ],
  },
  {
    name: 'a straight-quoted quotation continued over paragraphs',
    draft: '"We keep going.\n\n"And we do not stop," Kirby said.',
    quotes: [{ text: 'We keep going. And we do not stop,', closed: true, speaker: 'Kirby' }],
  },
  {
    name: 'a guillemet quotation continued over paragraphs',
    draft: '«Premier paragraphe.\n\n«Second paragraphe.»',
    quotes: [{ text: 'Premier paragraphe. Second paragraphe.', closed: true }],
  },
  {
    name: 'an unclosed quotation not continued ends at its paragraph',
    draft: '“This is why we talk about sanctions. This is why we talk.\n\nGerman officials said “more” later.',
    quotes: [
      { text: 'This is why we talk about sanctions. This is why we talk.', closed: false },
      { text: 'more', closed: true },
    ],
  },
  {
    name: 'an unclosed quotation at the end of the text',
    draft: 'Zelenskyy wrote: “Possibilities for support were also discussed.\n',
    quotes: [{ text: 'Possibilities for support were also discussed.', closed: false, speaker: 'Zelenskyy' }],
  },
  {
    name: 'a closed quotation and an unclosed one in one paragraph',
    draft: '“Had a long call,” he tweeted. “Discussed joint actions.\n\nThe White House agreed.',
    quotes: [
      { text: 'Had a long call,', closed: true },
      { text: 'Discussed joint actions.', closed: false },
    ],
  },
  {
    name: 'an unclosed quotation whose next paragraph opens a quotation is continued',
    draft: '“First part.\n\n“Second part,” she said. “Third part.”',
    quotes: [{ text: 'First part. Second part,', closed: true }, { text: 'Third part.', closed: true }],
  },
  {
    name: 'blank lines of only spaces separate plain-text paragraphs',
    draft: '“Open quote\n   \t\nNo continuation here.',
    quotes: [{ text: 'Open quote', closed: false }],
  },
  {
    name: 'Markdown: a quotation over a paragraph break inside a block quote',
    format: 'markdown',
    draft: '> “The first paragraph.\n>\n> “The second paragraph,” Kuleba said.\n',
    quotes: [{ text: 'The first paragraph. The second paragraph,', closed: true, speaker: 'Kuleba' }],
  },
  {
    name: 'Markdown: an unclosed quotation before a heading',
    format: 'markdown',
    draft: 'Levus wrote “no one will force us\n\n## Next section\n',
    quotes: [{ text: 'no one will force us', closed: false }],
  },
];

describe('extractQuotes: line breaks, paragraphs and unclosed quotations', () => {
  for (const row of cases) it(row.name, () => { expectQuotes(row); });

  it('keeps the line breaks of a wrapped quotation in its inner span', () => {
    const draft = 'He said “one two\nthree four”.';
    const [quote] = extractQuotes(draft, 'plaintext');
    assert.strictEqual(draft.slice(quote.inner.start, quote.inner.end), 'one two\nthree four');
  });

  it('ends an unclosed quotation at the last non-space character of its paragraph', () => {
    const draft = 'He said “open words   \n\nNext paragraph.';
    const [quote] = extractQuotes(draft, 'plaintext');
    assert.strictEqual(quote.outer.end, draft.indexOf('words') + 'words'.length);
    assert.strictEqual(draft.slice(quote.inner.start, quote.inner.end), 'open words');
  });

  it('spans all paragraphs of a continued quotation and leaves the reopening mark out of its parts', () => {
    const draft = '“One.\n\n“Two.”';
    const [quote] = extractQuotes(draft, 'plaintext');
    assert.strictEqual(draft.slice(quote.inner.start, quote.inner.end), 'One.\n\n“Two.');
    assert.deepStrictEqual(quote.parts.map((p) => draft.slice(p.start, p.end)), ['One.', 'Two.']);
  });
});
