// The checked quote at one place of a draft, read from the paragraphs around it alone. A hover
// or a Go to Definition that arrives while the writer types must not wait for (or start) a check
// of the whole draft: the quote under the cursor, its paragraph and the few paragraphs before it
// (where a pronoun's speaker is named) are all it needs, and reading them takes a few
// milliseconds however long the draft is.

import type { Checker } from '../core/checker';
import { ownCopy } from '../core/extract/chunkedProse';
import { shiftQuote } from '../core/extract/quoteMemo';
import { shiftResult } from '../core/draftSession';
import type { QuoteResult, Span, TextFormat } from '../core/types';

/** Paragraphs before the one at the cursor that are read along with it, for speakers named there. */
const PARAGRAPHS_BEFORE = 3;
/** However the paragraphs run, no more than this is read on either side of the cursor. */
const MAX_REACH = 4_000;

// A blank line under any of the line ends a draft may use.
const BLANK_LINE = /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/g;

/** The part of `text` read for the quote at `offset`: whole paragraphs where they fit in the reach. */
export function neighbourhood(text: string, offset: number): Span {
  const from = Math.max(0, offset - MAX_REACH);
  const to = Math.min(text.length, offset + MAX_REACH);
  const region = text.slice(from, to);
  const breaks: Span[] = [];
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(region); m; m = BLANK_LINE.exec(region)) breaks.push({ start: from + m.index, end: from + m.index + m[0].length });
  const before = breaks.filter((b) => b.end <= offset);
  const after = breaks.find((b) => b.start >= offset);
  const start = before.length > PARAGRAPHS_BEFORE ? before[before.length - 1 - PARAGRAPHS_BEFORE].end : from;
  return { start, end: after ? after.start : to };
}

/** The innermost quote around `offset`, checked from its neighbourhood alone, with draft offsets; null when none. */
export function localResultAt(checker: Checker, text: string, format: TextFormat, offset: number): QuoteResult | null {
  const span = neighbourhood(text, offset);
  // A copy: the prose of the part is remembered, and a slice would keep this version of the draft alive.
  const part = ownCopy(text.slice(span.start, span.end));
  const local = offset - span.start;
  let best = null;
  for (const quote of checker.quotesOf(part, format)) {
    const { outer } = quote;
    if (local < outer.start || local > outer.end) continue;
    if (!best || outer.end - outer.start < best.outer.end - best.outer.start) best = quote;
  }
  if (!best) return null;
  const result = checker.checkQuote(part, best);
  return span.start === 0 ? result : shiftResult(result, shiftQuote(best, span.start), span.start);
}
