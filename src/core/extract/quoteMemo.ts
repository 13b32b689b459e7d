// Remembers the quotations of drafts by the characters they are read from, so that after an
// edit only the quotations whose paragraphs changed are read again and the others are moved to
// where they now stand. Reading a quotation (its words, parts and the speaker beside it) looks
// only at its own blocks, in the text and in the prose, and at `SPEAKER_CONTEXT` characters on
// either side; those characters and the marks' places relative to them are the whole key.
// Only drafts are remembered: a source is read once.

import { detachStrings } from '../detach';
import { LruMap } from '../lruMap';
import type { Quote, Span } from '../types';
import { ownCopy } from './chunkedProse';
import type { ScannedQuote } from './quoteScanner';
import { SPEAKER_CONTEXT } from './speaker';

/** A quotation read at some place, and where its key's characters started then. */
interface Remembered {
  /** The prose of the key's characters. */
  masked: string;
  /** The marks' and blocks' places relative to `base`, as `marksOf` gives them. */
  marks: number[];
  base: number;
  quote: Quote | null;
}

// A paragraph with more quotations than this keeps only its latest ones.
const MAX_PER_TEXT = 16;

/** Quotations by the characters they were read from, least recently used first out. */
export class QuoteMemo {
  /**
   * Keyed by the text of the characters alone, so that a lookup compares slices of the draft
   * and builds no key: most paragraphs hold one quotation, and their prose equals their text.
   */
  private readonly byText: LruMap<string, Remembered[]>;

  /** `limitChars` is the least room `fitTo` leaves; `maxChars` bounds the texts kept (both weigh a character twice). */
  constructor(private readonly limitChars = 500_000, private readonly maxChars = 40_000_000) {
    this.byText = new LruMap(maxChars, (key) => 2 * key.length);
  }

  /**
   * Keeps room for the quotations of the open drafts, `draftChars` characters together: their
   * keys (which overlap by the speaker context on either side, about a fifth more than the drafts)
   * and the versions of the paragraphs being edited, but not the thousands of older versions a
   * long day of typing leaves behind. A key's character weighs two.
   */
  fitTo(draftChars: number): void {
    this.byText.trim(Math.min(this.maxChars, Math.max(this.limitChars, 3 * draftChars)));
  }

  /**
   * The quotation that `read` makes of `scanned`, remembered from an earlier read of the same
   * characters elsewhere when there was one. Remembered quotations are shared, never changed.
   */
  quote(text: string, masked: string, blocks: Span[], scanned: ScannedQuote, read: () => Quote | null): Quote | null {
    const blockStart = blocks[scanned.firstBlock].start;
    const blockEnd = blocks[scanned.lastBlock].end;
    const base = Math.max(0, blockStart - SPEAKER_CONTEXT);
    const end = Math.min(text.length, blockEnd + SPEAKER_CONTEXT);
    const textSlice = text.slice(base, end);
    const maskedSlice = masked.slice(base, end);
    const list = this.byText.get(textSlice);
    if (list) {
      for (const entry of list) {
        if (!sameMarks(entry.marks, scanned, blockStart, blockEnd, base) || entry.masked !== maskedSlice) continue;
        const delta = base - entry.base;
        return entry.quote && (delta === 0 ? entry.quote : shiftQuote(entry.quote, delta));
      }
    }
    // The memo keeps copies, of the key and of the quotation's words and speaker: slices would
    // keep every version of the draft alive.
    const quote = detachStrings(read());
    const ownText = ownCopy(textSlice);
    const entry = { masked: maskedSlice === textSlice ? ownText : ownCopy(maskedSlice), marks: marksOf(scanned, blockStart, blockEnd, base), base, quote };
    if (list) {
      list.push(entry);
      if (list.length > MAX_PER_TEXT) list.shift();
    } else {
      this.byText.set(ownText, [entry]);
    }
    return quote;
  }
}

/** The places of a quotation's marks and blocks relative to `base`. */
function marksOf(scanned: ScannedQuote, blockStart: number, blockEnd: number, base: number): number[] {
  const close = scanned.close === null ? -1 : scanned.close - base;
  return [scanned.open - base, close, scanned.innerEnd - base, blockStart - base, blockEnd - base, ...scanned.continuations.map((mark) => mark - base)];
}

/** True when `marks` are the places `marksOf` gives for these; compared without building them. */
function sameMarks(marks: number[], scanned: ScannedQuote, blockStart: number, blockEnd: number, base: number): boolean {
  const close = scanned.close === null ? -1 : scanned.close - base;
  if (marks.length !== 5 + scanned.continuations.length) return false;
  if (marks[0] !== scanned.open - base || marks[1] !== close || marks[2] !== scanned.innerEnd - base) return false;
  if (marks[3] !== blockStart - base || marks[4] !== blockEnd - base) return false;
  for (let c = 0; c < scanned.continuations.length; c++) if (marks[5 + c] !== scanned.continuations[c] - base) return false;
  return true;
}

/** The quotations of the drafts being edited, shared by every checker in the process. */
export const DRAFT_QUOTES = new QuoteMemo();

function shiftSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

/** A copy of `quote` moved `delta` characters. */
export function shiftQuote(quote: Quote, delta: number): Quote {
  const { speaker } = quote;
  return {
    inner: shiftSpan(quote.inner, delta),
    outer: shiftSpan(quote.outer, delta),
    text: quote.text,
    parts: quote.parts.map((part) => ({ kind: part.kind, ...shiftSpan(part, delta) })),
    closed: quote.closed,
    speaker: speaker && {
      ...speaker,
      span: shiftSpan(speaker.span, delta),
      ...(speaker.mention ? { mention: shiftSpan(speaker.mention, delta) } : {}),
    },
  };
}
