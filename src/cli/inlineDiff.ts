// Writes a drifted quote with its changes inline, wdiff style and the same way round as the hover
// and the report: the draft's own words struck as `[-draft words-]`, the source's words as their
// replacement `{+source words+}`, so `little [-room-]{+ground+}` reads "change room to ground",
// the edit the quick fix makes. The text between changes is
// taken from the draft itself, so the writer's ellipses and [insertions] stay where they typed
// them even though the diff only speaks of words.

import type { DiffEntry, QuoteResult, Span } from '../core/types';

/** How the marked-up pieces are decorated; plain text uses the identity. */
export interface DiffStyle {
  /** The draft's words that the source does not have, already wrapped in `[-…-]`. */
  removed(text: string): string;
  /** The source's words that replace them or that the draft left out, already wrapped in `{+…+}`. */
  added(text: string): string;
}

export const PLAIN_DIFF_STYLE: DiffStyle = { removed: (t) => t, added: (t) => t };

/** The quote as written in the draft, on one line (line breaks and `> ` prefixes collapsed). */
export function quoteText(draftText: string, span: Span): string {
  return oneLine(draftText.slice(span.start, span.end));
}

/** The quote with its differences from the matched source marked inline. */
export function inlineDiff(draftText: string, result: QuoteResult, style: DiffStyle = PLAIN_DIFF_STYLE): string {
  const inner = result.quote.inner;
  const entries = (result.match?.diff ?? []).filter((e) => e.op !== 'same');
  if (entries.length === 0) return quoteText(draftText, inner);
  // Dropped words have an empty draft span; sorting by start keeps them at their insertion point.
  const sorted = [...entries].sort((a, b) => a.draftSpan.start - b.draftSpan.start);
  const out = new Output();
  let cursor = inner.start;
  for (const entry of sorted) {
    const start = clamp(entry.draftSpan.start, cursor, inner.end);
    const end = clamp(entry.draftSpan.end, start, inner.end);
    out.text(oneLine(draftText.slice(cursor, start)));
    out.change(changeMarks(entry, oneLine(draftText.slice(start, end)), style));
    cursor = end;
  }
  out.text(oneLine(draftText.slice(cursor, inner.end)));
  return out.toString();
}

function changeMarks(entry: DiffEntry, draftWords: string, style: DiffStyle): string {
  const source = oneLine(entry.source);
  const draft = draftWords || oneLine(entry.draft);
  switch (entry.op) {
    case 'changed':
      return style.removed(`[-${draft}-]`) + style.added(`{+${source}+}`);
    case 'added':
      return style.removed(`[-${draft}-]`);
    case 'dropped':
      return style.added(`{+${source}+}`);
    default:
      return draft;
  }
}

// A change is always set off by spaces from the words around it, so that a dropped word that
// sits at a word boundary reads "is [-not-] a", never "is[-not-] a".
class Output {
  private parts: string[] = [];
  private spaceBefore = false;

  text(piece: string): void {
    if (piece === '') return;
    if (this.spaceBefore && !/^\s/.test(piece) && !/^[,.;:!?…)\]]/.test(piece)) this.parts.push(' ');
    this.spaceBefore = false;
    this.parts.push(piece);
  }

  change(marks: string): void {
    const last = this.parts.length > 0 ? this.parts[this.parts.length - 1] : '';
    if (last !== '' && !/\s$/.test(last)) this.parts.push(' ');
    this.parts.push(marks);
    this.spaceBefore = true;
  }

  toString(): string {
    return this.parts.join('').replace(/ {2,}/g, ' ').trim();
  }
}

function oneLine(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t>]*/g, ' ');
}

function clamp(n: number, low: number, high: number): number {
  return Math.max(low, Math.min(n, high));
}
