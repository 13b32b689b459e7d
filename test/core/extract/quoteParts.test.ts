// How a quotation splits into quoted words, omissions and the writer's own bracketed words.

import * as assert from 'assert';
import { extractQuotes } from '../../../src/core/extract';
import { type QuoteCase, expectQuotes } from './expectQuotes';

const cases: QuoteCase[] = [
  { name: 'plain words are one part', draft: '“We are ready.”', quotes: [{ text: 'We are ready.', parts: [['words', 'We are ready.']] }] },
  {
    name: 'a Unicode ellipsis',
    draft: '“We are ready … to talk.”',
    quotes: [{ text: 'We are ready … to talk.', parts: [['words', 'We are ready'], ['ellipsis', '…'], ['words', 'to talk.']] }],
  },
  {
    name: 'three dots',
    draft: '“We are ready...to talk.”',
    quotes: [{ text: 'We are ready...to talk.', parts: [['words', 'We are ready'], ['ellipsis', '...'], ['words', 'to talk.']] }],
  },
  {
    name: 'spaced dots',
    draft: '“We are ready . . . to talk.”',
    quotes: [{ text: 'We are ready . . . to talk.', parts: [['words', 'We are ready'], ['ellipsis', '. . .'], ['words', 'to talk.']] }],
  },
  {
    name: 'four dots after a sentence end',
    draft: '“We are ready.... Talks resume.”',
    quotes: [{ text: 'We are ready.... Talks resume.', parts: [['words', 'We are ready'], ['ellipsis', '....'], ['words', 'Talks resume.']] }],
  },
  {
    name: 'a bracketed Unicode ellipsis is one omission',
    draft: '“We are ready […] to talk.”',
    quotes: [{ text: 'We are ready […] to talk.', parts: [['words', 'We are ready'], ['ellipsis', '[…]'], ['words', 'to talk.']] }],
  },
  {
    name: 'bracketed dots are one omission',
    draft: '“We are ready [...] to talk.”',
    quotes: [{ text: 'We are ready [...] to talk.', parts: [['words', 'We are ready'], ['ellipsis', '[...]'], ['words', 'to talk.']] }],
  },
  {
    name: 'bracketed spaced dots with inner spaces',
    draft: '“We are ready [ . . . ] to talk.”',
    quotes: [{ text: 'We are ready [ . . . ] to talk.', parts: [['words', 'We are ready'], ['ellipsis', '[ . . . ]'], ['words', 'to talk.']] }],
  },
  {
    name: 'a parenthesised ellipsis',
    draft: '“We are ready (…) to talk.”',
    quotes: [{ text: 'We are ready (…) to talk.', parts: [['words', 'We are ready'], ['ellipsis', '(…)'], ['words', 'to talk.']] }],
  },
  {
    name: 'an insertion in brackets',
    draft: '“We are ready to talk to [the United States] now.”',
    quotes: [{ text: 'We are ready to talk to [the United States] now.', parts: [['words', 'We are ready to talk to'], ['insertion', '[the United States]'], ['words', 'now.']] }],
  },
  {
    name: 'an insertion at the start and an omission at the end',
    draft: '“[Russia] is engaging in other destabilizing acts …”',
    quotes: [{ text: '[Russia] is engaging in other destabilizing acts …', parts: [['insertion', '[Russia]'], ['words', 'is engaging in other destabilizing acts'], ['ellipsis', '…']] }],
  },
  {
    name: 'an omission at the start',
    draft: '“…and we look forward to discussion.”',
    quotes: [{ text: '…and we look forward to discussion.', parts: [['ellipsis', '…'], ['words', 'and we look forward to discussion.']] }],
  },
  {
    name: 'an omission next to an insertion',
    draft: '“The council […] [must act] now.”',
    quotes: [{ text: 'The council […] [must act] now.', parts: [['words', 'The council'], ['ellipsis', '[…]'], ['insertion', '[must act]'], ['words', 'now.']] }],
  },
  {
    name: 'an unclosed bracket is plain words',
    draft: '“We are [ready to talk.”',
    quotes: [{ text: 'We are [ready to talk.', parts: [['words', 'We are [ready to talk.']] }] },
  {
    name: 'parentheses around words are plain words',
    draft: '"We are committed to (a) diplomatic track."',
    quotes: [{ text: 'We are committed to (a) diplomatic track.', parts: [['words', 'We are committed to (a) diplomatic track.']] }],
  },
  {
    name: 'punctuation alone between conventions is not a part',
    draft: '“Yes […], [he said] no.”',
    quotes: [{ text: 'Yes […], [he said] no.', parts: [['words', 'Yes'], ['ellipsis', '[…]'], ['insertion', '[he said]'], ['words', 'no.']] }],
  },
  {
    name: 'an insertion wrapped over a line',
    draft: '“It is [the\ncouncil’s] duty.”',
    quotes: [{ text: 'It is [the council’s] duty.', parts: [['words', 'It is'], ['insertion', '[the\ncouncil’s]'], ['words', 'duty.']] }],
  },
  {
    name: 'Markdown: an ellipsis in a block quote',
    format: 'markdown',
    draft: '> “This is not a moment to wait […]\n> and see.”\n',
    quotes: [{ text: 'This is not a moment to wait […] and see.', parts: [['words', 'This is not a moment to wait'], ['ellipsis', '[…]'], ['words', 'and see.']] }],
  },
];

describe('extractQuotes: parts', () => {
  for (const row of cases) it(row.name, () => { expectQuotes(row); });

  it('gives exact offsets for each part', () => {
    const draft = 'x “a … b [c] d” y';
    const [quote] = extractQuotes(draft, 'plaintext');
    assert.deepStrictEqual(quote.parts, [
      { kind: 'words', start: 3, end: 4 },
      { kind: 'ellipsis', start: 5, end: 6 },
      { kind: 'words', start: 7, end: 8 },
      { kind: 'insertion', start: 9, end: 12 },
      { kind: 'words', start: 13, end: 14 },
    ]);
    assert.deepStrictEqual(quote.inner, { start: 3, end: 14 });
    assert.deepStrictEqual(quote.outer, { start: 2, end: 15 });
  });
});
