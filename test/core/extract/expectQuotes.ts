// Shared assertions for the extraction tables: each row names a draft and the quotations a
// writer would point at, and every quotation found is also checked against the invariants that
// callers rely on (spans inside the text, marks where the spans say, parts in order).

import * as assert from 'assert';
import { extractQuotes } from '../../../src/core/extract';
import type { Quote, QuotePartKind, TextFormat } from '../../../src/core/types';

/** What a row expects of one quotation; omitted fields are not checked. */
export interface ExpectedQuote {
  text: string;
  closed?: boolean;
  /** The speaker's name, or null for none. */
  speaker?: string | null;
  /** Each part as its kind and the characters its span covers in the draft. */
  parts?: [QuotePartKind, string][];
}

/** One row of an extraction table. */
export interface QuoteCase {
  name: string;
  draft: string;
  format?: TextFormat;
  quotes: ExpectedQuote[];
}

const OPENING = new Set(['“', '"', '«', '„', '»', '‚', '‹', '›', '「', '『', '｢', '〝', '＂']);
const CLOSING = new Set(['”', '"', '»', '“', '«', '‘', '’', '›', '‹', '」', '』', '｣', '〞', '〟', '＂']);

/** Asserts the span invariants every extracted quotation must satisfy. */
export function assertWellFormed(draft: string, quote: Quote): void {
  const { inner, outer } = quote;
  assert.ok(outer.start >= 0 && outer.end <= draft.length, 'outer span lies inside the draft');
  assert.strictEqual(inner.start, outer.start + 1, 'inner starts right after the opening mark');
  assert.ok(OPENING.has(draft.charAt(outer.start)), `opening mark at outer.start, got ${draft.charAt(outer.start)}`);
  if (quote.closed) {
    assert.strictEqual(inner.end, outer.end - 1, 'inner ends right before the closing mark');
    assert.ok(CLOSING.has(draft.charAt(outer.end - 1)), `closing mark at outer.end - 1, got ${draft.charAt(outer.end - 1)}`);
  } else {
    assert.strictEqual(inner.end, outer.end, 'an unclosed quote has no closing mark');
  }
  let previousEnd = inner.start;
  for (const part of quote.parts) {
    assert.ok(part.start >= previousEnd && part.end > part.start && part.end <= inner.end, 'parts are ordered, non-empty and inside the quote');
    assert.strictEqual(draft.slice(part.start, part.end).trim(), draft.slice(part.start, part.end), 'a part has no edge whitespace');
    previousEnd = part.end;
  }
  if (quote.speaker) {
    const { span, name } = quote.speaker;
    assert.strictEqual(draft.slice(span.start, span.end).replace(/\s+/g, ' '), name, 'speaker span covers the name');
  }
}

/** Runs extraction on the row's draft and compares with its expected quotations. */
export function expectQuotes(row: QuoteCase): Quote[] {
  const quotes = extractQuotes(row.draft, row.format ?? 'plaintext');
  for (const quote of quotes) assertWellFormed(row.draft, quote);
  assert.deepStrictEqual(quotes.map((q) => q.text), row.quotes.map((q) => q.text), 'quote texts');
  row.quotes.forEach((expected, i) => {
    const quote = quotes[i];
    if (expected.closed !== undefined) assert.strictEqual(quote.closed, expected.closed, `closed of "${expected.text}"`);
    if (expected.speaker !== undefined) assert.strictEqual(quote.speaker?.name ?? null, expected.speaker, `speaker of "${expected.text}"`);
    if (expected.parts !== undefined) {
      const parts = quote.parts.map((p): [QuotePartKind, string] => [p.kind, row.draft.slice(p.start, p.end)]);
      assert.deepStrictEqual(parts, expected.parts, `parts of "${expected.text}"`);
    }
  });
  return quotes;
}
