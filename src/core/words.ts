// Splits text into comparable words. Normalisation happens here and only here, for comparison:
// each word keeps the offsets of its original characters, so results always point at what the
// writer typed, while `norm` is what gets compared.

import type { Span } from './types';
import { WordScanner } from './wordScanner';

/** A word of some original text, with its comparison form. */
export interface Word extends Span {
  /** The normalised form: NFKC, lower case, straight apostrophes, no thousands separators. */
  norm: string;
}

// Word boundaries are found by WordScanner (see its rules there). Hyphens and dashes split
// words, so "long-term", "long–term" and "long term" all compare equal.

/** Normalises one word's characters for comparison. */
export function normalizeWord(raw: string): string {
  let word = raw.normalize('NFKC').toLowerCase().replace(/[’ʼ]/g, "'");
  if (/^(?:\p{L}\.){2,}$/u.test(word)) word = word.replace(/\./g, '');
  else if (/^\p{N}/u.test(word)) word = word.replace(/,(?=\p{N})/gu, '');
  return word;
}

/** Returns the words of `text` between `start` and `end`, in order. */
export function tokenize(text: string, start = 0, end = text.length): Word[] {
  const words: Word[] = [];
  const scanner = new WordScanner(text, start, end);
  while (scanner.next()) {
    const raw = text.slice(scanner.start, scanner.end);
    words.push({ start: scanner.start, end: scanner.end, norm: scanner.simple ? raw.toLowerCase() : normalizeWord(raw) });
  }
  return words;
}

/** Words that turn a statement into its opposite. */
const NEGATIONS = new Set(['no', 'not', 'never', 'nor', 'none', 'nothing', 'nobody', 'neither', 'nowhere', 'cannot']);

/** True when a normalised word negates ("not", "never", "isn't", "cannot"). */
export function isNegation(norm: string): boolean {
  return NEGATIONS.has(norm) || norm.endsWith("n't");
}

const NUMBER_WORDS = new Set([
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred',
  'thousand', 'million', 'billion', 'trillion', 'dozen', 'dozens', 'hundreds', 'thousands',
  'millions', 'billions', 'half', 'first', 'second', 'third', 'once', 'twice',
]);

/** True when a normalised word states a quantity ("40", "3.5", "forty", "thousands"). */
export function isNumber(norm: string): boolean {
  return /\p{N}/u.test(norm) || NUMBER_WORDS.has(norm);
}

/** True when the original spelling looks like a name: capitalised and not just sentence-initial. */
export function looksLikeName(text: string, word: Span): boolean {
  const first = text.charAt(word.start);
  if (first.toLowerCase() === first.toUpperCase() || first !== first.toUpperCase()) return false;
  // A capital after a sentence end (or at the very start) says nothing about being a name.
  let i = word.start - 1;
  while (i >= 0 && /[\s"“”‘’'«»„(\[]/.test(text.charAt(i))) i--;
  return i >= 0 && !/[.!?:…]/.test(text.charAt(i));
}
