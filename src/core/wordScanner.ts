// Finds word boundaries by scanning character codes, which is several times faster than a
// regular expression over an archive of text. The rules, in order of precedence at each word:
//   - an initialism written with points ("U.S.", "e.g.") is one word;
//   - otherwise a run of letters, marks and digits, joined by inner apostrophes ("Russia's",
//     "don't") and then by a point or comma between digits ("3.5", "10,000").
// Words made only of ASCII letters and digits (most words of English prose) are hashed while
// scanning, so the index can look them up without building a string for each occurrence.

const LETTER = /\p{L}/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const DIGIT = /\p{N}/u;

const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;
const POINT = 0x2e;
const COMMA = 0x2c;

/** FNV-1a offset basis and prime, for hashing a word's normalised characters. */
export const HASH_SEED = 0x811c9dc5;
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/** Lower-cases an ASCII letter code; other codes pass through. */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** True for the codes of ASCII letters and digits. */
export function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Code-point width (1 or 2 UTF-16 units) of the character at `i`, or 0 when it is no word character. */
function wordCharWidth(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiAlnum(c) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  return WORD_CHAR.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

function isLetterAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER.test(String.fromCodePoint(text.codePointAt(i)!));
}

function isDigitAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 48 && c <= 57;
  return DIGIT.test(String.fromCodePoint(text.codePointAt(i)!));
}

/**
 * Steps through the words of `text[from, to)` without allocating per word. After each
 * successful `next()`, `start`/`end` bound the word; when `simple` is true the word is ASCII
 * letters and digits only, its normal form is its lower case, and `hash` is that form's hash.
 */
export class WordScanner {
  start = 0;
  end = 0;
  simple = false;
  hash = 0;
  private at: number;

  constructor(private readonly text: string, from = 0, private readonly to = text.length) {
    this.at = from;
  }

  /** Advances to the next word; false when there is none. */
  next(): boolean {
    const text = this.text;
    const to = this.to;
    let i = this.at;
    // Skip to the next word character; the ASCII test keeps the common case cheap.
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c < 128 ? isAsciiAlnum(c) : wordCharWidth(text, i) > 0) break;
      i++;
    }
    if (i >= to) {
      this.at = to;
      return false;
    }
    this.start = i;
    const initialismEnd = this.initialism(i);
    if (initialismEnd > 0) {
      this.end = this.at = initialismEnd;
      this.simple = false;
      return true;
    }
    let simple = true;
    let hash = HASH_SEED;
    let j = i;
    // The run of letters, marks and digits.
    while (j < to) {
      const c = text.charCodeAt(j);
      if (c < 128) {
        if (!isAsciiAlnum(c)) break;
        hash = hashStep(hash, lowerAscii(c));
        j++;
      } else {
        const width = wordCharWidth(text, j);
        if (!width) break;
        simple = false;
        j += width;
      }
    }
    // Inner apostrophes joining more word characters.
    for (;;) {
      const c = text.charCodeAt(j);
      if (j + 1 >= to || (c !== APOSTROPHE && c !== RIGHT_SINGLE_QUOTE) || !wordCharWidth(text, j + 1)) break;
      simple = false;
      j++;
      for (let w = wordCharWidth(text, j); w && j < to; w = wordCharWidth(text, j)) j += w;
    }
    // A point or comma between digits.
    for (;;) {
      const c = text.charCodeAt(j);
      if (j + 1 >= to || (c !== POINT && c !== COMMA) || !isDigitAt(text, j + 1)) break;
      simple = false;
      j++;
      while (j < to && isDigitAt(text, j)) j += text.codePointAt(j)! > 0xffff ? 2 : 1;
    }
    this.end = this.at = j;
    this.simple = simple;
    this.hash = hash >>> 0;
    return true;
  }

  /** The end of an initialism ("U.S.") starting at `i`, or 0 when there is none. */
  private initialism(i: number): number {
    const text = this.text;
    let j = i;
    let pairs = 0;
    while (j + 1 < this.to && isLetterAt(text, j) && text.codePointAt(j)! <= 0xffff && text.charCodeAt(j + 1) === POINT) {
      pairs++;
      j += 2;
    }
    if (pairs < 2) return 0;
    if (j < this.to && isLetterAt(text, j)) return 0;
    return j;
  }
}

/** The hash of a normalised word, equal to the scanner's `hash` for simple words. */
export function hashWord(norm: string): number {
  let hash = HASH_SEED;
  for (let k = 0; k < norm.length; k++) hash = hashStep(hash, norm.charCodeAt(k));
  return hash >>> 0;
}
