// Quotations in Markdown drafts: only prose counts, so quotation marks in code, HTML, link
// targets and front matter never make quotations, while block quotes, lists and headings do.

import * as assert from 'assert';
import { extractQuotes } from '../../../src/core/extract';
import { type QuoteCase, expectQuotes } from './expectQuotes';

const markdown = (name: string, draft: string, quotes: QuoteCase['quotes']): QuoteCase => ({ name, draft, quotes, format: 'markdown' });

const cases: QuoteCase[] = [
  markdown('a quotation in a paragraph', 'Peskov said “little ground for optimism”.\n', [{ text: 'little ground for optimism' }]),
  markdown('a quotation in a heading', '# Russia sees “little ground”\n\nBody.\n', [{ text: 'little ground' }]),
  markdown(
    'a quotation across block quote prefixes',
    '> “Russia is engaging in other destabilizing\n> acts aimed at Ukraine,” she said.\n',
    [{ text: 'Russia is engaging in other destabilizing acts aimed at Ukraine,', speaker: null }],
  ),
  markdown(
    'a quotation across nested block quote prefixes',
    '> > “one two\n> > three four” end\n',
    [{ text: 'one two three four' }],
  ),
  markdown(
    'a lazy continuation line inside a block quote',
    '> “first line\nsecond line,” Kane said.\n',
    [{ text: 'first line second line,', speaker: 'Kane' }],
  ),
  markdown(
    'a quotation in a list item with indented continuation',
    '- “We will fight\n  back,” Kuleba said.\n- plain item\n',
    [{ text: 'We will fight back,', speaker: 'Kuleba' }],
  ),
  markdown(
    'front matter is not prose and is parsed',
    '---\ntitle: "A quoted title"\nsummary: “curly too”\n---\n\nBody “text”.\n',
    [{ text: 'text' }],
  ),
  markdown('a fenced code block is not prose', '```\nconsole.log("not a quote");\n```\n\nAfter “this”.\n', [{ text: 'this' }]),
  markdown('a tilde fence is not prose', '~~~md\n“fenced words”\n~~~\n', []),
  markdown('an indented code block is not prose', 'Para.\n\n    print("indented code")\n\nAfter.\n', []),
  markdown('inline code is not prose', 'Type `echo "hello world"` to test.\n', []),
  markdown('an HTML block is not prose', '<div class="box">\n<p>“quoted inside html”</p>\n</div>\n\nOutside “words”.\n', [{ text: 'words' }]),
  markdown('inline HTML attributes are not prose', 'A <span title="a b c">styled</span> word.\n', []),
  markdown('an HTML comment is not prose', 'Text <!-- "commented out" --> here.\n', []),
  markdown(
    'link text is prose but its URL and title are not',
    'See [“the report”](https://example.com/?q="x" "The \\"title\\"") now.\n',
    [{ text: 'the report' }],
  ),
  markdown('a link title alone makes no quotation', 'See [the report](https://example.com "A \'title\' here") now.\n', []),
  markdown('a link reference definition is not prose', 'See [the report][r].\n\n[r]: https://example.com "A title"\n', []),
  markdown('an image is not prose', '![“alt words”](photo.png "“title words”")\n', []),
  markdown(
    'a link inside a quotation keeps its text and drops its URL',
    '“Read [the full text](https://example.com/a-b-c) today,” he said.\n',
    [{ text: 'Read the full text today,', parts: [['words', 'Read [the full text'], ['words', 'today,']] }],
  ),
  markdown(
    'emphasis inside a quotation is dropped from the text',
    '“It is a *very* serious **moment**,” Lavrov said.\n',
    [{ text: 'It is a very serious moment,', speaker: 'Lavrov' }],
  ),
  markdown('emphasis around a whole quotation', 'He said *“we are ready”* twice.\n', [{ text: 'we are ready' }]),
  markdown(
    'inline code inside a quotation splits its words',
    '“Run `make all` first,” the guide says.\n',
    [{ text: 'Run first,', parts: [['words', 'Run'], ['words', 'first,']] }],
  ),
  markdown('a backslash escape is not part of the text', '“Use \\*stars\\* sparingly,” she wrote.\n', [{ text: 'Use *stars* sparingly,' }]),
  markdown('an escaped straight quote still reads as a quote mark', 'He said \\"hello there\\" and left.\n', [{ text: 'hello there' }]),
  markdown('a hard break inside a quotation', '“line one  \nline two\\\nline three”\n', [{ text: 'line one line two line three' }]),
  markdown(
    'the ignore comment skips the quotations of the next block only',
    '<!-- verbatim-ignore-next -->\n“Ignored quote,” he said.\n\n“Checked quote.”\n',
    [{ text: 'Checked quote.' }],
  ),
  markdown(
    'the short ignore comment with a blank line after it',
    '“First.”\n\n<!-- verbatim-ignore -->\n\n“Skipped.”\n\n“Kept.”\n',
    [{ text: 'First.' }, { text: 'Kept.' }],
  ),
  markdown(
    'an ignore comment inside a block quote',
    '> <!-- verbatim-ignore-next -->\n> “Skipped.”\n\n> “Kept.”\n',
    [{ text: 'Kept.' }],
  ),
  markdown(
    'an ignore comment skips a whole multi-paragraph quotation',
    '<!-- verbatim-ignore-next -->\n“Open.\n\n“Still open.”\n\n“Kept.”\n',
    [{ text: 'Kept.' }],
  ),
  markdown('an unrelated comment does not skip anything', '<!-- todo -->\n“Kept.”\n', [{ text: 'Kept.' }]),
  markdown('a setext heading', 'The “big” day\n=============\n', [{ text: 'big' }]),
];

describe('extractQuotes: Markdown', () => {
  for (const row of cases) it(row.name, () => { expectQuotes(row); });

  it('points the inner span of a block-quoted quotation at the original characters, prefixes included', () => {
    const draft = '> “one two\n> three”\n';
    const [quote] = extractQuotes(draft, 'markdown');
    assert.strictEqual(draft.slice(quote.inner.start, quote.inner.end), 'one two\n> three');
    assert.deepStrictEqual(quote.parts.map((p) => draft.slice(p.start, p.end)), ['one two\n> three']);
  });

  it('reads the same quotation from Markdown and from plain text', () => {
    const draft = 'Peskov said “little ground for optimism”, but added “there always are prospects”.';
    const asMarkdown = extractQuotes(draft, 'markdown');
    const asPlain = extractQuotes(draft, 'plaintext');
    assert.deepStrictEqual(asMarkdown, asPlain);
  });

  it('honours the ignore comment in a plain-text draft too', () => {
    const draft = '<!-- verbatim-ignore-next -->\n“Skipped.”\n\n“Kept.”\n';
    assert.deepStrictEqual(extractQuotes(draft, 'plaintext').map((q) => q.text), ['Kept.']);
  });
});
