// Splits a quotation into the writer's conventions: plain quoted words, omissions (`…`, `...`,
// `. . .`, optionally in brackets) and the writer's own words in `[brackets]`. Only the plain
// words are expected in a source; the other parts tell the matcher where the writer changed it.

import { isSpaceAt } from '../charCodes';
import type { QuotePart, Span } from '../types';

// Bracketed omissions come first so that `[…]` is one omission, not an insertion holding one.
const ELLIPSIS = String.raw`(?:…|\.{3,}|\.(?:[ \u00a0]\.){2,})`;
const SPECIAL = new RegExp(String.raw`[\[(]\s*${ELLIPSIS}\s*[\])]|\[[^\[\]]*\]|${ELLIPSIS}`, 'g');
const BRACKETED_ELLIPSIS = new RegExp(String.raw`^\[\s*${ELLIPSIS}\s*\]$`);
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Returns the parts of the quoted segments of a masked text (segments exclude all marks). */
export function quoteParts(original: string, masked: string, segments: Span[]): QuotePart[] {
  const parts: QuotePart[] = [];
  for (const segment of segments) {
    const slice = masked.slice(segment.start, segment.end);
    let wordsStart = segment.start;
    SPECIAL.lastIndex = 0;
    for (let m = SPECIAL.exec(slice); m; m = SPECIAL.exec(slice)) {
      const start = segment.start + m.index;
      const end = start + m[0].length;
      pushWords(parts, original, masked, { start: wordsStart, end: start });
      const insertion = m[0].startsWith('[') && !BRACKETED_ELLIPSIS.test(m[0]);
      parts.push({ kind: insertion ? 'insertion' : 'ellipsis', start, end });
      wordsStart = end;
    }
    pushWords(parts, original, masked, { start: wordsStart, end: segment.end });
  }
  return parts;
}

/**
 * Adds the words of `span` as one or more `words` parts. Whitespace at the edges is left out,
 * and so is any non-prose stretch that holds words of its own (a link target or inline code
 * inside the quotation): those characters are not what the reader sees quoted.
 */
function pushWords(parts: QuotePart[], original: string, masked: string, span: Span): void {
  let pieceStart = span.start;
  let i = span.start;
  while (i < span.end) {
    if (!isHidden(original, masked, i)) {
      i++;
      continue;
    }
    let hiddenEnd = i;
    while (hiddenEnd < span.end && isHidden(original, masked, hiddenEnd)) hiddenEnd++;
    if (WORD_CHARACTER.test(original.slice(i, hiddenEnd))) {
      pushPiece(parts, masked, { start: pieceStart, end: i });
      pieceStart = hiddenEnd;
    }
    i = hiddenEnd;
  }
  pushPiece(parts, masked, { start: pieceStart, end: span.end });
}

/** True when the character at `i` is written in the text but masked as non-prose. */
function isHidden(original: string, masked: string, i: number): boolean {
  return masked.charCodeAt(i) === 0x20 && !isSpaceAt(original, i);
}

function pushPiece(parts: QuotePart[], masked: string, span: Span): void {
  let { start, end } = span;
  while (start < end && isSpaceAt(masked, start)) start++;
  while (end > start && isSpaceAt(masked, end - 1)) end--;
  if (WORD_CHARACTER.test(masked.slice(start, end))) parts.push({ kind: 'words', start, end });
}

/**
 * Returns the quoted text of the segments as a reader sees it: markup characters inside the
 * quotation (emphasis markers, `> ` prefixes, escapes, link targets) are dropped and each run of
 * whitespace becomes one space.
 */
export function quoteText(original: string, masked: string, segments: Span[]): string {
  const pieces: string[] = [];
  for (const segment of segments) {
    // The visible characters are taken a run at a time, between the hidden ones.
    let piece = '';
    let runStart = segment.start;
    for (let i = segment.start; i < segment.end; i++) {
      if (!isHidden(original, masked, i)) continue;
      piece += masked.slice(runStart, i);
      runStart = i + 1;
    }
    pieces.push(piece + masked.slice(runStart, segment.end));
  }
  return pieces.join(' ').replace(/\s+/g, ' ').trim();
}

/** True when a quotation's text holds at least one letter or digit. */
export function hasWords(text: string): boolean {
  return WORD_CHARACTER.test(text);
}
