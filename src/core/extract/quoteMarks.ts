// Decides which characters open and close quotations. English single marks never delimit
// quotations: they are apostrophes far more often than quotation marks ("Russia’s", "rock ’n’
// roll", "the ’90s"), so single-quoted passages are never quotations of their own and, inside a
// double-quoted passage, are simply part of its words. The single marks that are never
// apostrophes (German ‚…‘ and ›…‹, Swiss ‹…›) do delimit quotations.
//
// The conventions covered, by the mark that opens:
//   “…” English; "…" straight (and the full-width ＂); „…“ German, „…” Polish and Hungarian;
//   «…» French, Russian, Swiss and others; »…« German and Danish, »…» Swedish and Finnish;
//   ‚…‘ and ›…‹ German single; ‹…› Swiss single; 「…」 and 『…』 Japanese and traditional
//   Chinese (with the half-width ｢…｣); 〝…〞 and 〝…〟 East Asian double primes.

/** The marks that can open a quotation. */
export type OpeningMark = '“' | '"' | '«' | '„' | '»' | '‚' | '‹' | '›' | '「' | '『' | '｢' | '〝' | '＂';

/**
 * How each opening mark is closed. `position` marks the openers that are also closers in some
 * convention (a straight mark, or » which closes «): they open only where an opening mark
 * stands, after a space or opening punctuation and before a word.
 */
interface MarkRule {
  closers: string;
  position: boolean;
}

const RULES: Record<OpeningMark, MarkRule> = {
  '“': { closers: '”"', position: false },
  '"': { closers: '”"', position: true },
  // Chinese and Japanese put no space before a full-width mark, so it pairs without position.
  '＂': { closers: '＂”"', position: false },
  '„': { closers: '“”', position: false },
  '«': { closers: '»', position: false },
  '»': { closers: '«»', position: true },
  '‚': { closers: '‘’', position: false },
  '‹': { closers: '›', position: false },
  '›': { closers: '‹›', position: true },
  '「': { closers: '」', position: false },
  '『': { closers: '』', position: false },
  '｢': { closers: '｣', position: false },
  '〝': { closers: '〞〟', position: false },
};

/** Every character that takes part in quotation marks. */
const ALL_MARKS = new Set<string>([...Object.keys(RULES), ...Object.values(RULES).flatMap((rule) => [...rule.closers])]);

// Characters after which a mark in opening position still reads as an opening mark.
const OPENING_CONTEXT = /[\s([{<—–\-/“‘«„'"»‚‹›「『｢〝＂]/;

/** True when the mark at `i` stands where an opening mark would: after a space or opening punctuation, before a word. */
export function isOpeningPosition(masked: string, i: number, blockStart: number): boolean {
  const before = i > blockStart ? masked.charAt(i - 1) : ' ';
  const after = masked.charAt(i + 1);
  return OPENING_CONTEXT.test(before) && after !== '' && !/\s/.test(after);
}

/** Returns the mark at `i` when it opens a quotation there, else null. */
export function openingMarkAt(masked: string, i: number, blockStart: number): OpeningMark | null {
  const c = masked.charAt(i) as OpeningMark;
  const rule = RULES[c];
  if (!rule) return null;
  if (rule.position && !isOpeningPosition(masked, i, blockStart)) return null;
  return c;
}

/**
 * True when the character at `i` closes a passage opened with `opener`. Writers and word
 * processors mix curly and straight marks, so a curly opening is also closed by a straight mark
 * in closing position, and a straight opening by a curly closing mark.
 */
export function closesMark(opener: OpeningMark, masked: string, i: number, blockStart: number): boolean {
  const c = masked.charAt(i);
  if (!RULES[opener].closers.includes(c)) return false;
  // A straight mark, or a mark that also opened this passage (»…», ›…›), closes only where it
  // cannot be read as opening a new one.
  if (c === '"' || (c === opener && opener !== '＂')) return !isOpeningPosition(masked, i, blockStart);
  // ’ closes a German ‚…’ only where it is no apostrophe inside a word.
  if (c === '’') return !/\p{L}/u.test(masked.charAt(i + 1));
  return true;
}

// Every mark of ALL_MARKS as one character class: a scan jumps from mark to mark with the
// regular expression engine instead of testing every character of a source in a loop, which
// took most of the quotation scan over the sources a draft's quotes matched. All of them are in
// the Basic Multilingual Plane, so the class needs no `u` flag.
const ANY_MARK = new RegExp(`[${[...ALL_MARKS].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`);

/**
 * The offset of the first quotation mark in `text[from, limit)`, or `limit` when there is none.
 * The search never looks past `limit`: a lookup that scans a few blocks of a long source must not
 * cross the rest of it.
 */
export function nextMark(text: string, from: number, limit: number): number {
  if (from >= limit) return limit;
  const found = ANY_MARK.exec(text.slice(from, limit));
  return found ? from + found.index : limit;
}
