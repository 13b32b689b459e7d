// The narrative around quotations, cut into sentences. Attribution is read from the writer's own
// words, so quoted words are blanked first: a name or a verb inside a quotation ("President
// Biden noted…") never credits anyone, and a full stop inside one never ends the narrative's
// sentence, except the one that closes the quotation itself.

import type { Quote, Span } from '../types';

/** Returns `masked` with every quotation's words blanked, keeping the marks and closing punctuation. */
export function narrativeOf(masked: string, quotes: Quote[]): string {
  const pieces: string[] = [];
  let at = 0;
  for (const quote of quotes) {
    let keepFrom = quote.inner.end;
    // The quotation's last punctuation ("Monday.”", "optimism,”") still ends or joins the sentence.
    while (keepFrom > quote.inner.start && /[.,!?;:]/.test(masked.charAt(keepFrom - 1))) keepFrom--;
    // Quotes come in document order and never overlap; the clamp keeps offsets intact regardless.
    const start = Math.max(at, quote.inner.start);
    if (keepFrom <= start) continue;
    pieces.push(masked.slice(at, start), masked.slice(start, keepFrom).replace(/[^\n]/g, ' '));
    at = keepFrom;
  }
  pieces.push(masked.slice(at));
  return pieces.join('');
}

// Words that end with a full stop without ending the sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'gov', 'gen', 'rep', 'st', 'sr', 'jr', 'lt', 'col', 'capt',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'etc', 'approx',
]);

/** Splits the narrative of one block into sentence spans, in order. */
export function sentenceSpans(narrative: string, block: Span): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(narrative, block.start, block.end);
  for (let i = start; i < block.end; i++) {
    if (!/[.!?]/.test(narrative.charAt(i))) continue;
    let end = i + 1;
    while (end < block.end && /[”"’'»)\]]/.test(narrative.charAt(end))) end++;
    if (end >= block.end || !/\s/.test(narrative.charAt(end))) continue;
    const next = skipSpace(narrative, end, block.end);
    if (next >= block.end || !/[\p{Lu}\p{N}“"‘'«(]/u.test(narrative.charAt(next))) continue;
    if (isAbbreviation(narrative, block.start, i)) continue;
    spans.push({ start, end });
    start = next;
    i = next - 1;
  }
  if (start < block.end) spans.push({ start, end: block.end });
  return spans;
}

/** True when the full stop at `dot` closes an initial or an abbreviation ("U.S.", "Mr."). */
function isAbbreviation(text: string, from: number, dot: number): boolean {
  if (text.charAt(dot) !== '.') return false;
  const word = /[\p{L}.]+$/u.exec(text.slice(Math.max(from, dot - 20), dot))?.[0] ?? '';
  if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function skipSpace(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && /\s/.test(text.charAt(i))) i++;
  return i;
}

/** The index of the span in `spans` (sorted) that holds `offset`, or the last one before it. */
export function spanIndexAt(spans: Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
