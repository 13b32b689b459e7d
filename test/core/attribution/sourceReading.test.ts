// Reading a source only as far as a passage needs must credit the same speaker, and gather the
// same full names, as reading the whole document at once.

import { strict as assert } from 'assert';
import { attributeQuotes } from '../../../src/core/attribution/attributeQuotes';
import { knownPeople, titledNames } from '../../../src/core/attribution/clauses';
import { AliasTable } from '../../../src/core/attribution/sameSpeaker';
import { SourceReading } from '../../../src/core/attribution/sourceReading';
import { plainTextProse } from '../../../src/core/extract/prose';
import type { Quote, Span, Speaker } from '../../../src/core/types';
import { sampleTexts, sequence } from '../extract/sampleTexts';

/** The whole-document reading: every quotation with its speaker, then the speaker of a passage. */
function wholeReading(text: string, aliases: AliasTable): { speakerOf(span: Span): Speaker | null; names: Map<string, string> } {
  const quotes: Quote[] = attributeQuotes(text, 'plaintext', aliases, plainTextProse(text));
  const speakers = quotes.flatMap((q) => (q.speaker ? [{ name: q.speaker.name, span: q.speaker.span }] : []));
  return {
    names: knownPeople([...speakers, ...titledNames(text, { start: 0, end: text.length })]),
    speakerOf(span) {
      let best: Quote | null = null;
      let bestInside = 0;
      for (const quote of quotes) {
        if (quote.inner.start >= span.end) break;
        const inside = Math.min(quote.inner.end, span.end) - Math.max(quote.inner.start, span.start);
        if (inside > bestInside) {
          best = quote;
          bestInside = inside;
        }
      }
      return best?.speaker && bestInside >= 0.5 * (span.end - span.start) ? best.speaker : null;
    },
  };
}

describe('SourceReading', () => {
  const aliases = new AliasTable({ 'the harbour master': 'Tom Reyes' });

  it('credits every passage as reading the whole document does', () => {
    const pick = sequence(41);
    let credited = 0;
    for (const sample of sampleTexts()) {
      const { text } = sample;
      const whole = wholeReading(text, aliases);
      const lazy = new SourceReading(text, aliases);
      const spans: Span[] = attributeQuotes(text, 'plaintext', aliases, plainTextProse(text)).flatMap((q) => {
        const { start, end } = q.inner;
        const third = Math.floor((end - start) / 3);
        // The tail of a quotation continued over paragraphs lies in a paragraph of its own.
        return [q.inner, { start: start + third, end: end - third }, { start: end - 10, end }, { start: start - 20, end: start + 10 }, { start: end - 5, end: end + 40 }];
      });
      for (let i = 0; i < 40; i++) {
        const start = pick(text.length);
        spans.push({ start, end: Math.min(text.length, start + 1 + pick(200)) });
      }
      for (const span of spans) {
        const expected = whole.speakerOf(span);
        if (expected) credited++;
        assert.deepStrictEqual(lazy.quoteSpeaker(span), expected, `${sample.name} at ${span.start}-${span.end}`);
      }
      assert.deepStrictEqual(lazy.names(), whole.names, sample.name);
    }
    assert.ok(credited > 20, `only ${credited} passages were credited`);
  });
});
