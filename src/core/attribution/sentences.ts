// The narrative around quotations, cut into sentences. Attribution is read from the writer's own
// words, so quoted words are blanked first: a name or a verb inside a quotation ("President
// Biden noted…") never credits anyone, and a full stop inside one never ends the narrative's
// sentence, except the one that closes the quotation itself.

import { isSpaceAt } from '../charCodes';
import { lineBreakLength } from '../lineBreaks';
import { runToEnd } from '../slicedRun';
import type { Quote, Span } from '../types';

/** Returns `masked` with every quotation's words blanked, keeping the marks and closing punctuation. */
export function narrativeOf(masked: string, quotes: Quote[]): string {
  return runToEnd(narrativeSteps(masked, quotes));
}

/** Quotations blanked between two steps of `narrativeSteps`. */
const QUOTES_PER_STEP = 64;

/** `narrativeOf` in steps, for a caller that spreads a long draft over several turns. */
export function* narrativeSteps(masked: string, quotes: Quote[]): Generator<void, string> {
  // Joined a step's worth at a time: one join of a long draft's pieces is a step of its own.
  const parts: string[] = [];
  let pieces: string[] = [];
  let at = 0;
  for (let q = 0; q < quotes.length; q++) {
    if (q % QUOTES_PER_STEP === QUOTES_PER_STEP - 1) {
      parts.push(pieces.join(''));
      pieces = [];
      yield;
    }
    const quote = quotes[q];
    let keepFrom = quote.inner.end;
    // The quotation's last punctuation ("Monday.”", "optimism,”") still ends or joins the sentence.
    while (keepFrom > quote.inner.start && /[.,!?;:]/.test(masked.charAt(keepFrom - 1))) keepFrom--;
    // Quotes come in document order and never overlap; the clamp keeps offsets intact regardless.
    const start = Math.max(at, quote.inner.start);
    if (keepFrom <= start) continue;
    pieces.push(masked.slice(at, start), blanked(masked, start, keepFrom));
    at = keepFrom;
  }
  pieces.push(masked.slice(at));
  parts.push(pieces.join(''));
  return parts.join('');
}

/** Spaces to cut blanks from; a slice of it shares its characters instead of copying them. */
let spaces = ' '.repeat(1024);

/** `text[start, end)` with every character but line breaks (CR, LF or CRLF) turned into a space. */
export function blanked(text: string, start: number, end: number): string {
  // Most quotations sit on one line, and a run of spaces is made far faster than a replacement.
  if (hasLineBreak(text, start, end)) return text.slice(start, end).replace(/[^\r\n]/g, ' ');
  while (spaces.length < end - start) spaces += spaces;
  return spaces.slice(0, Math.max(0, end - start));
}

/** True when `text[start, end)` holds a CR or an LF; looks at those characters alone, however long the text. */
function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (lineBreakLength(text, i) > 0) return true;
  return false;
}

// Words that end with a full stop without ending the sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'gov', 'gen', 'rep', 'rev', 'st', 'sr', 'jr', 'lt', 'col', 'capt', 'sgt', 'fr',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'etc', 'approx',
]);

const SENTENCE_START = /[\p{Lu}\p{N}“"‘'«(]/u;
const WORD_BEFORE_DOT = /[\p{L}.]+$/u;
const INITIALS = /^(?:\p{Lu}\.)*\p{Lu}$/u;

/** True for the codes of `.`, `!` and `?`, which may end a sentence. */
function isStop(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f;
}

/** True for the codes of `”"’'»)]`, which may follow a sentence's last stop. */
function isCloser(code: number): boolean {
  return code === 0x201d || code === 0x22 || code === 0x2019 || code === 0x27 || code === 0xbb || code === 0x29 || code === 0x5d;
}

/** Splits the narrative of one block into sentence spans, in order. */
export function sentenceSpans(narrative: string, block: Span): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(narrative, block.start, block.end);
  for (let i = start; i < block.end; i++) {
    if (!isStop(narrative.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < block.end && isCloser(narrative.charCodeAt(end))) end++;
    if (end >= block.end || !isSpaceAt(narrative, end)) continue;
    const next = skipSpace(narrative, end, block.end);
    if (next >= block.end || !SENTENCE_START.test(narrative.charAt(next))) continue;
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
  const word = WORD_BEFORE_DOT.exec(text.slice(Math.max(from, dot - 20), dot))?.[0] ?? '';
  if (INITIALS.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function skipSpace(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isSpaceAt(text, i)) i++;
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
