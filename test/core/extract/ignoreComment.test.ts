// The insertion behind the "ignore this quote" fix: applied to the draft, it must silence the
// chosen quotation's paragraph and nothing else, wherever that paragraph stands.

import * as assert from 'assert';
import { extractQuotes, ignoreCommentInsertion } from '../../../src/core/extract';
import type { TextFormat } from '../../../src/core/types';

// Each row: a draft, the text of the quotation to silence, and the quotations left afterwards.
const cases: [name: string, draft: string, format: TextFormat, silence: string, left: string[]][] = [
  ['a top-level paragraph', '“One.”\n\n“Two,” he said.\n\n“Three.”\n', 'markdown', 'Two,', ['One.', 'Three.']],
  ['a paragraph right after a heading', '# Title “One”\n“Two.”\n\n“Three.”\n', 'markdown', 'Two.', ['One', 'Three.']],
  ['a wrapped paragraph, quote on its second line', 'Intro line\nthen “Two.”\n\n“Three.”\n', 'markdown', 'Two.', ['Three.']],
  ['a block quote paragraph', '> “One.”\n>\n> “Two.”\n\n“Three.”\n', 'markdown', 'Two.', ['One.', 'Three.']],
  ['a nested block quote', '> > “One.”\n> >\n> > “Two.”\n', 'markdown', 'Two.', ['One.']],
  ['a second list item', '- “One.”\n- “Two.”\n- “Three.”\n', 'markdown', 'Two.', ['One.', 'Three.']],
  ['a list item inside a block quote', '> - “One.”\n> - “Two.”\n', 'markdown', 'Two.', ['One.']],
  ['a continued multi-paragraph quotation', '“Open.\n\n“Closed.”\n\n“After.”\n', 'markdown', 'Open. Closed.', ['After.']],
  ['a plain-text paragraph', '“One.”\n\n“Two.”\n\n“Three.”\n', 'plaintext', 'Two.', ['One.', 'Three.']],
  ['CRLF line endings', '“One.”\r\n\r\n“Two.”\r\n', 'markdown', 'Two.', ['One.']],
];

describe('ignoreCommentInsertion', () => {
  for (const [name, draft, format, silence, left] of cases) {
    it(name, () => {
      const quote = extractQuotes(draft, format).find((q) => q.text === silence);
      assert.ok(quote, 'the quotation to silence is found first');
      const insertion = ignoreCommentInsertion(draft, format, quote);
      assert.ok(insertion);
      const edited = draft.slice(0, insertion.offset) + insertion.insert + draft.slice(insertion.offset);
      assert.deepStrictEqual(extractQuotes(edited, format).map((q) => q.text), left);
    });
  }

  it('keeps the line ending style of the draft', () => {
    const draft = 'a\r\n\r\n“Two.”\r\n';
    const [quote] = extractQuotes(draft, 'markdown');
    assert.deepStrictEqual(ignoreCommentInsertion(draft, 'markdown', quote), { offset: 3 + 2, insert: '<!-- verbatim-ignore-next -->\r\n' });
  });

  it('returns null for a quotation that lies outside every paragraph of the text', () => {
    const [quote] = extractQuotes('Some “words” here.', 'plaintext');
    assert.strictEqual(quote.outer.start, 5);
    assert.strictEqual(ignoreCommentInsertion('One.\n\n\n\n\nTwo.', 'plaintext', quote), null);
  });
});
