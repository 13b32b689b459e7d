// Which marks open and close quotations, and which never do (apostrophes, single quotes at the
// top level, inch marks), over plain-text drafts.

import * as assert from 'assert';
import { extractQuotes } from '../../../src/core/extract';
import { nextMark } from '../../../src/core/extract/quoteMarks';
import { type QuoteCase, expectQuotes } from './expectQuotes';

const cases: QuoteCase[] = [
  { name: 'curly double quotes', draft: 'He said “we are ready to talk” on Monday.', quotes: [{ text: 'we are ready to talk', closed: true }] },
  { name: 'straight double quotes', draft: 'He said "we are ready to talk" on Monday.', quotes: [{ text: 'we are ready to talk', closed: true }] },
  {
    name: 'straight quotes paired by position around an attribution',
    draft: '"Yes," he said, "we will come back."',
    quotes: [{ text: 'Yes,' }, { text: 'we will come back.' }],
  },
  { name: 'straight quote opening after a parenthesis', draft: 'The memo ("strictly internal") leaked.', quotes: [{ text: 'strictly internal' }] },
  { name: 'straight quote opening after a dash', draft: 'One answer—"never again"—was heard.', quotes: [{ text: 'never again' }] },
  { name: 'guillemets', draft: 'Il a dit «nous sommes prêts» hier.', quotes: [{ text: 'nous sommes prêts', closed: true }] },
  { name: 'guillemets with inner spaces', draft: 'Il a dit « nous sommes prêts » hier.', quotes: [{ text: 'nous sommes prêts' }] },
  { name: 'German low-high quotes', draft: 'Er sagte „wir sind bereit“ am Montag.', quotes: [{ text: 'wir sind bereit', closed: true }] },
  { name: 'low quote closed by a right double mark', draft: 'Powiedział „jesteśmy gotowi” wczoraj.', quotes: [{ text: 'jesteśmy gotowi' }] },
  {
    name: 'curly single quotes nested in double quotes stay inside',
    draft: '“He called it ‘a moment of truth’ and left,” she said.',
    quotes: [{ text: 'He called it ‘a moment of truth’ and left,' }],
  },
  {
    name: 'straight single quotes nested in straight double quotes',
    draft: '"He called it \'a moment of truth\' and left," she said.',
    quotes: [{ text: "He called it 'a moment of truth' and left," }],
  },
  { name: 'nested single quote right before the closing mark', draft: '“They all said ‘no’” was the headline.', quotes: [{ text: 'They all said ‘no’' }] },
  { name: 'top-level curly single quotes are not quotations', draft: 'Russia sees few ‘causes for optimism’ today.', quotes: [] },
  { name: 'top-level straight single quotes are not quotations', draft: "Russia: 'Little Optimism' on easing tensions.", quotes: [] },
  { name: 'reversed single marks are not quotations', draft: 'Russia sees few ’causes for optimism’ today.', quotes: [] },
  {
    name: 'apostrophes inside a quotation never end it',
    draft: '“Russia’s troops don\'t move, and rock ’n’ roll lives on in the \'90s,” he said.',
    quotes: [{ text: 'Russia’s troops don\'t move, and rock ’n’ roll lives on in the \'90s,' }],
  },
  {
    name: 'a plural possessive before a quotation',
    draft: "The students' demand was clear: \"lower fees now\" and the teachers’ “fair pay”.",
    quotes: [{ text: 'lower fees now' }, { text: 'fair pay' }],
  },
  { name: 'nested curly double quotes', draft: '“He told me “no” twice,” she said.', quotes: [{ text: 'He told me “no” twice,' }] },
  { name: 'nested straight quotes inside curly quotes', draft: '“He told me "no" twice,” she said.', quotes: [{ text: 'He told me "no" twice,' }] },
  { name: 'nested straight quotes inside straight quotes', draft: '"He told me "no" twice," she said.', quotes: [{ text: 'He told me "no" twice,' }] },
  { name: 'curly opening closed by a straight mark', draft: 'She said “mixed marks happen" often.', quotes: [{ text: 'mixed marks happen' }] },
  { name: 'straight opening closed by a curly mark', draft: 'She said "mixed marks happen” often.', quotes: [{ text: 'mixed marks happen' }] },
  { name: 'a stray closing mark is ignored', draft: 'A stray ” mark, then “a real quote” here.', quotes: [{ text: 'a real quote' }] },
  { name: 'an inch mark is not a quotation', draft: 'It has a 12" screen and a 5" case.', quotes: [] },
  { name: 'empty curly quotes are dropped', draft: 'Nothing “” here, and nothing "" there.', quotes: [] },
  { name: 'a quotation of only an ellipsis is dropped', draft: 'He answered “…” and “...” again.', quotes: [] },
  { name: 'a quotation of only spaces is dropped', draft: 'He answered “ ” and left.', quotes: [] },
  { name: 'a closing mark followed by punctuation', draft: 'They called it "madness". Then "silence"!', quotes: [{ text: 'madness' }, { text: 'silence' }] },
  { name: 'Japanese corner brackets', draft: '外相は「対話の扉は開かれている」と述べた。', quotes: [{ text: '対話の扉は開かれている', closed: true }] },
  { name: 'Japanese white corner brackets nested in corner brackets', draft: '彼は「首相は『反対だ』と言った」と話した。', quotes: [{ text: '首相は『反対だ』と言った' }] },
  { name: 'Japanese white corner brackets at the top level', draft: '書名は『静かな水』である。', quotes: [{ text: '静かな水' }] },
  { name: 'half-width corner brackets', draft: '彼は｢ありがとう｣と言った。', quotes: [{ text: 'ありがとう' }] },
  { name: 'East Asian double primes', draft: '他说〝我们准备好了〟。', quotes: [{ text: '我们准备好了' }] },
  { name: 'full-width straight quotes', draft: '他说＂我们准备好了＂。', quotes: [{ text: '我们准备好了' }] },
  { name: 'German reversed guillemets', draft: 'Er sagte »wir sind bereit« am Montag.', quotes: [{ text: 'wir sind bereit', closed: true }] },
  { name: 'Swedish guillemets that close with the same mark', draft: 'Han sa »vi är redo» i går.', quotes: [{ text: 'vi är redo' }] },
  { name: 'German single low quotes', draft: 'Er nannte es ‚einen Erfolg‘ und ging.', quotes: [{ text: 'einen Erfolg' }] },
  { name: 'German single guillemets', draft: 'Er nannte es ›einen Erfolg‹ und ging.', quotes: [{ text: 'einen Erfolg' }] },
  { name: 'Swiss single guillemets', draft: 'Er nannte es ‹einen Erfolg› und ging.', quotes: [{ text: 'einen Erfolg' }] },
  { name: 'German single quotes nested in German double quotes', draft: 'Sie sagte „er nannte es ‚Unsinn‘ und ging“ gestern.', quotes: [{ text: 'er nannte es ‚Unsinn‘ und ging' }] },
  { name: 'French guillemets still close with the right mark', draft: 'Il a dit « oui » puis « non ».', quotes: [{ text: 'oui' }, { text: 'non' }] },
  { name: 'numbers and names are kept as written', draft: '“We sent 8,500 troops to Kyiv,” said Kirby.', quotes: [{ text: 'We sent 8,500 troops to Kyiv,' }] },
];

describe('extractQuotes: quotation marks', () => {
  for (const row of cases) it(row.name, () => { expectQuotes(row); });

  it('returns inner and outer spans that point at the marks and the words', () => {
    const draft = 'Peskov said “little ground for optimism” on Thursday.';
    const [quote] = extractQuotes(draft, 'plaintext');
    assert.strictEqual(draft.slice(quote.inner.start, quote.inner.end), 'little ground for optimism');
    assert.strictEqual(draft.slice(quote.outer.start, quote.outer.end), '“little ground for optimism”');
  });

  it('keeps UTF-16 offsets after characters outside the basic plane', () => {
    const draft = '🙂🙂 He said “ready” twice.';
    const [quote] = extractQuotes(draft, 'plaintext');
    assert.strictEqual(quote.inner.start, draft.indexOf('ready'));
    assert.strictEqual(draft.slice(quote.inner.start, quote.inner.end), 'ready');
  });
});

describe('nextMark: the next quotation mark of a text', () => {
  const text = 'No marks here. Then “one”, and „zwei“ and 「三」 and it’s over; a long tail without any.';

  it('finds every mark in order, a position at a time, and the limit when none is left', () => {
    const found: string[] = [];
    for (let at = nextMark(text, 0, text.length); at < text.length; at = nextMark(text, at + 1, text.length)) found.push(text[at]);
    assert.deepStrictEqual(found, ['“', '”', '„', '“', '「', '」', '’']);
    assert.strictEqual(nextMark(text, text.lastIndexOf('’') + 1, text.length), text.length);
  });

  it('never answers past its limit, where a scan of a few blocks stops', () => {
    const first = text.indexOf('“');
    assert.strictEqual(nextMark(text, 0, first), first, 'the mark at the limit is outside');
    assert.strictEqual(nextMark(text, 0, first + 1), first);
    assert.strictEqual(nextMark(text, 5, 3), 3);
    assert.strictEqual(nextMark(text, first + 1, first + 3), first + 3);
  });
});
