// Remembering a draft's quotations across edits must give what reading every quotation again
// gives, and must read again only the quotations whose characters changed.

import { strict as assert } from 'assert';
import { extractQuotes } from '../../../src/core/extract/extractQuotes';
import { draftProseOf } from '../../../src/core/extract/markdownProse';
import { QuoteMemo } from '../../../src/core/extract/quoteMemo';
import type { ScannedQuote } from '../../../src/core/extract/quoteScanner';
import type { Quote, Span } from '../../../src/core/types';
import { editedAtRandom, sampleTexts, sequence } from './sampleTexts';

/** A memo that counts the quotations it had to read. */
class CountingMemo extends QuoteMemo {
  reads = 0;

  quote(text: string, masked: string, blocks: Span[], scanned: ScannedQuote, read: () => Quote | null): Quote | null {
    return super.quote(text, masked, blocks, scanned, () => {
      this.reads++;
      return read();
    });
  }
}

describe('QuoteMemo', () => {
  it('gives what reading every quotation gives, edit after edit', () => {
    const pick = sequence(23);
    for (const sample of sampleTexts()) {
      const memo = new QuoteMemo();
      let text = sample.text;
      for (let round = 0; round < 40; round++) {
        const prose = draftProseOf(text, sample.format);
        assert.deepStrictEqual(extractQuotes(text, sample.format, prose, memo), extractQuotes(text, sample.format, prose), `${sample.name}, round ${round}`);
        text = editedAtRandom(text, pick);
      }
    }
  });

  it('reads again only the quotation whose paragraph changed, and moves the rest', () => {
    const [draft] = sampleTexts();
    const memo = new CountingMemo();
    const before = extractQuotes(draft.text, 'markdown', draftProseOf(draft.text, 'markdown'), memo);
    assert.ok(before.length >= 10);
    assert.equal(memo.reads, before.length);
    const target = before[3];
    const at = draft.text.indexOf(' ', target.inner.start);
    const edited = `${draft.text.slice(0, at)} truly${draft.text.slice(at)}`;
    memo.reads = 0;
    const after = extractQuotes(edited, 'markdown', draftProseOf(edited, 'markdown'), memo);
    // The quotations of the edited paragraph are read again; the others are moved or kept.
    const paragraph = (q: Quote, text: string) => text.slice(text.lastIndexOf('\n\n', q.outer.start), text.indexOf('\n\n', q.outer.end));
    const edits = after.filter((q, i) => paragraph(q, edited) !== paragraph(before[i], draft.text)).length;
    assert.ok(edits >= 1);
    assert.equal(memo.reads, edits);
    assert.deepStrictEqual(after, extractQuotes(edited, 'markdown'));
    assert.equal(after[before.length - 1].inner.start, before[before.length - 1].inner.start + ' truly'.length);
  });
});
