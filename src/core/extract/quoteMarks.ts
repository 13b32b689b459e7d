// Decides which characters open and close quotations. Only double marks delimit quotations:
// single marks are apostrophes far more often than quotation marks ("Russia’s", "rock ’n’
// roll", "the ’90s"), so single-quoted passages are never quotations of their own and, inside a
// double-quoted passage, are simply part of its words.

/** The marks that can open a quotation. */
export type OpeningMark = '“' | '"' | '«' | '„';

const OPENING_MARKS = new Set<string>(['“', '"', '«', '„']);

// Characters after which a straight `"` still reads as an opening mark.
const OPENING_CONTEXT = /[\s([{<—–\-/“‘«„'"]/;

/** True when the straight mark at `i` stands where an opening mark would: after a space or opening punctuation, before a word. */
export function isOpeningPosition(masked: string, i: number, blockStart: number): boolean {
  const before = i > blockStart ? masked.charAt(i - 1) : ' ';
  const after = masked.charAt(i + 1);
  return OPENING_CONTEXT.test(before) && after !== '' && !/\s/.test(after);
}

/** Returns the mark at `i` when it opens a quotation there, else null. */
export function openingMarkAt(masked: string, i: number, blockStart: number): OpeningMark | null {
  const c = masked.charAt(i);
  if (!OPENING_MARKS.has(c)) return null;
  if (c === '"' && !isOpeningPosition(masked, i, blockStart)) return null;
  return c as OpeningMark;
}

/**
 * True when the character at `i` closes a passage opened with `opener`. Writers and word
 * processors mix curly and straight marks, so a curly opening is also closed by a straight mark
 * in closing position, and a straight opening by a curly closing mark. German quotations open
 * with „ and close with “ (or ” in the Polish and Hungarian style).
 */
export function closesMark(opener: OpeningMark, masked: string, i: number, blockStart: number): boolean {
  const c = masked.charAt(i);
  switch (opener) {
    case '“':
    case '"':
      return c === '”' || (c === '"' && !isOpeningPosition(masked, i, blockStart));
    case '«':
      return c === '»';
    case '„':
      return c === '“' || c === '”';
  }
}

/** True when `c` can be any quotation mark at all, for a quick pre-check while scanning. */
export function isDoubleMark(c: string): boolean {
  return c === '“' || c === '”' || c === '"' || c === '«' || c === '»' || c === '„';
}
