// The `ignore` list of verbatim.json: quotations a team never wants checked (a slogan, a
// motto, a form's boilerplate). An entry is either a quotation's words, matched the way an
// accepted rendering is (same words in the same order; case, punctuation, quote styles and
// line wraps do not matter), or a regular expression written between slashes, tested against
// the quotation's text as the draft writes it (`/^Section \d+/i`).

import { tokenize } from './words';

/** An entry written between slashes, with optional flags. */
const PATTERN_ENTRY = /^\/(.+)\/([imsu]*)$/s;

/** The compared form of a text: its normalised words joined by spaces. */
function wordsOf(text: string): string {
  return tokenize(text).map((w) => w.norm).join(' ');
}

/** Why `entry` cannot be used, or null when it is fine. */
export function ignoreEntryProblem(entry: unknown): string | null {
  if (typeof entry !== 'string' || !entry.trim()) return 'must be a non-empty string';
  const pattern = PATTERN_ENTRY.exec(entry);
  if (pattern) {
    try {
      new RegExp(pattern[1], pattern[2]);
    } catch (error) {
      return `is not a valid regular expression: ${(error as Error).message}`;
    }
    return null;
  }
  if (entry.startsWith('/') && entry.length > 1 && /\/[a-z]*$/.test(entry)) return 'has regular expression flags other than i, m, s and u';
  return wordsOf(entry) ? null : 'holds no words';
}

/** Tells whether a quotation's text is on the list. */
export class IgnoreList {
  private readonly words = new Set<string>();
  private readonly patterns: RegExp[] = [];

  /** `entries` are assumed valid (see `ignoreEntryProblem`); invalid ones are skipped. */
  constructor(entries: readonly string[] = []) {
    for (const entry of entries) {
      if (ignoreEntryProblem(entry)) continue;
      const pattern = PATTERN_ENTRY.exec(entry);
      if (pattern) this.patterns.push(new RegExp(pattern[1], pattern[2]));
      else this.words.add(wordsOf(entry));
    }
  }

  get size(): number {
    return this.words.size + this.patterns.length;
  }

  /** True when `quoteText` (a quotation's text, marks excluded) matches an entry. */
  matches(quoteText: string): boolean {
    if (this.words.size && this.words.has(wordsOf(quoteText))) return true;
    return this.patterns.some((pattern) => pattern.test(quoteText));
  }
}
