// Finds word boundaries by scanning character codes, which is several times faster than a
// regular expression over an archive of text. The rules, in order of precedence at each word:
//   - a run of a script written without spaces between words (Chinese, Japanese, Thai, Lao,
//     Khmer, Burmese) is split into words by the language's own rules (Intl.Segmenter, with
//     ICU's dictionaries), so word-pair voting and word alignment work there as anywhere;
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

/**
 * True for code points of scripts written without spaces between words. Plain ranges rather than
 * a Unicode property test, since this runs on every non-ASCII character of an archive.
 */
export function isSpacelessCodePoint(cp: number): boolean {
  if (cp < 0x0e00) return false;
  if (cp <= 0x0eff) return true; // Thai, Lao
  if (cp < 0x1000) return false;
  if (cp <= 0x109f) return true; // Myanmar
  if (cp >= 0x1780 && cp <= 0x17ff) return true; // Khmer
  if (cp >= 0x19e0 && cp <= 0x19ff) return true; // Khmer symbols
  if (cp < 0x2e80) return false;
  if (cp <= 0x2fdf) return true; // CJK radicals
  if (cp === 0x3005 || cp === 0x3007 || (cp >= 0x3021 && cp <= 0x3029) || (cp >= 0x3031 && cp <= 0x3035)) return true; // 々 〇 and other ideographic marks
  if (cp >= 0x3041 && cp <= 0x30ff) return cp !== 0x30fb && cp !== 0x30a0; // Hiragana, Katakana (not ・ or ゠)
  if (cp >= 0x31f0 && cp <= 0x31ff) return true; // Katakana extensions
  if (cp >= 0x3400 && cp <= 0x4dbf) return true; // CJK extension A
  if (cp >= 0x4e00 && cp <= 0x9fff) return true; // CJK unified ideographs
  if (cp >= 0xa9e0 && cp <= 0xa9ff) return true; // Myanmar extension B
  if (cp >= 0xaa60 && cp <= 0xaa7f) return true; // Myanmar extension A
  if (cp >= 0xf900 && cp <= 0xfaff) return true; // CJK compatibility ideographs
  if (cp >= 0xff66 && cp <= 0xff9f) return true; // half-width Katakana
  return cp >= 0x20000 && cp <= 0x3134f; // CJK extensions B to G
}

function isSpacelessAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x0e00 && isSpacelessCodePoint(c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c);
}

const CJK_NUMERAL = /^[〇零一二两兩三四五六七八九十百千万萬亿億]+$/u;

// One segmenter serves every call: ICU picks its dictionary by script, whatever the locale.
let segmenter: Intl.Segmenter | undefined;

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
  /** Word bounds still to be returned from a segmented run, as start/end pairs, and the next pair's index. */
  private segments: number[] = [];
  private segmentAt = 0;

  constructor(private readonly text: string, from = 0, private readonly to = text.length) {
    this.at = from;
  }

  /** Advances to the next word; false when there is none. */
  next(): boolean {
    if (this.segmentAt < this.segments.length) return this.nextSegment();
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
    if (isSpacelessAt(text, i)) return this.segmentRun(i);
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
        if (!width || isSpacelessAt(text, j)) break;
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

  /**
   * Where the scan goes on from: once no segmented run is pending, a new scanner started here
   * finds the same words as this one would.
   */
  get position(): number {
    return this.at;
  }

  /** True while words of a segmented run are still to come; they follow the current word directly. */
  get inSegmentedRun(): boolean {
    return this.segmentAt < this.segments.length;
  }

  /** Splits the run of spaceless-script characters starting at `i` into words and returns the first. */
  private segmentRun(i: number): boolean {
    const text = this.text;
    let k = i;
    while (k < this.to && isSpacelessAt(text, k)) k += text.codePointAt(k)! > 0xffff ? 2 : 1;
    segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
    const bounds: number[] = [];
    for (const part of segmenter.segment(text.slice(i, k))) {
      if (part.isWordLike === false) continue;
      const start = i + part.index;
      const end = start + part.segment.length;
      // ICU splits written-out numbers ("两|万", "二|〇|二二"); a number is one word.
      const last = bounds.length - 1;
      if (last > 0 && bounds[last] === start && CJK_NUMERAL.test(part.segment) && CJK_NUMERAL.test(text.slice(bounds[last - 1], start))) bounds[last] = end;
      else bounds.push(start, end);
    }
    // A run always holds at least one word; should ICU find none, the run is one word.
    if (bounds.length === 0) bounds.push(i, k);
    this.segments = bounds;
    this.segmentAt = 0;
    this.at = k;
    return this.nextSegment();
  }

  private nextSegment(): boolean {
    this.start = this.segments[this.segmentAt++];
    this.end = this.segments[this.segmentAt++];
    this.simple = false;
    if (this.segmentAt >= this.segments.length) this.segments = [];
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
