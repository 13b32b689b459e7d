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
  else if (/^\p{N}/u.test(word)) word = asciiDigits(word).replace(/,(?=\p{N})/gu, '');
  else if (CJK_NUMERAL_WORD.test(word)) word = cjkNumeral(word);
  return word;
}

// Digits of every script compare as the ASCII digits they stand for: "٤٠" (Arabic-Indic) is 40.
// Full-width digits are already ASCII after NFKC. Each script's digits run from 0 to 9 in
// consecutive code points, so a digit's value is its distance from the script's zero.
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0de6, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0];

function asciiDigits(word: string): string {
  if (!/[^\x00-\x7f]/.test(word)) return word;
  return word.replace(/\p{Nd}/gu, (d) => {
    const cp = d.codePointAt(0)!;
    const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9);
    return zero === undefined ? d : String(cp - zero);
  });
}

// Chinese and Japanese numerals written out ("二十", "三千五百") compare as their value.
const CJK_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CJK_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CJK_BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const CJK_NUMERAL_WORD = /^[〇零一二两兩三四五六七八九十百千万萬亿億]+$/u;

/** The value of a word written in Chinese or Japanese numerals, as ASCII digits. */
function cjkNumeral(word: string): string {
  let total = 0;
  let section = 0;
  let digit = 0;
  let positional = true;
  for (const c of word) {
    if (c in CJK_DIGITS) {
      digit = digit * 10 + CJK_DIGITS[c];
    } else if (c in CJK_UNITS) {
      positional = false;
      section += (digit || 1) * CJK_UNITS[c];
      digit = 0;
    } else {
      positional = false;
      total += (section + digit || 1) * CJK_BIG_UNITS[c];
      section = 0;
      digit = 0;
    }
  }
  // "二〇二二" is read digit by digit, "二十二" by its units.
  return String(positional ? digit : total + section + digit);
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

/**
 * Words that turn a statement into its opposite, in the languages newsrooms quote most. Words
 * that are negations in one language and something else in another are left out ("personne" is
 * also "person"), and so is French "ne", which speech often drops without changing the sense:
 * "pas", "jamais" or "rien" carry the negation there.
 */
const NEGATIONS = new Set([
  // English
  'no', 'not', 'never', 'nor', 'none', 'nothing', 'nobody', 'neither', 'nowhere', 'cannot',
  // German
  'nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'nichts', 'niemand', 'nirgends', 'weder',
  // French
  'pas', 'jamais', 'rien', 'aucun', 'aucune', 'nullement', 'guère', 'ni',
  // Spanish, Portuguese, Italian
  'nunca', 'nada', 'nadie', 'ningún', 'ninguno', 'ninguna', 'jamás', 'tampoco', 'não', 'ninguém', 'nenhum', 'nenhuma', 'non', 'niente', 'nessuno', 'nessuna',
  // Russian, Ukrainian
  'не', 'нет', 'ни', 'никогда', 'ничего', 'никто', 'нигде', 'ні', 'ніколи', 'нічого', 'ніхто', 'немає',
  // Polish, Dutch, Scandinavian
  'nigdy', 'nic', 'niet', 'geen', 'nooit', 'niets', 'inte', 'ikke', 'aldrig', 'aldri',
  // Arabic, Hebrew
  'لا', 'لم', 'لن', 'ليس', 'ليست', 'لیس', 'לא', 'אין', 'מעולם',
  // Chinese and Japanese, as Intl.Segmenter splits them: it keeps some negations whole ("并不",
  // "不会"), and "不" also starts words that negate nothing ("不过", but), so they are listed.
  '不', '没', '没有', '沒有', '未', '别', '別', '無', '无', '非', '并不', '並不', '绝不', '決不', '决不', '从不', '從不',
  '从没', '从未', '並未', '并未', '尚未', '也不', '都不', '不会', '不會', '不能', '不是', '不要', '不再', '还没', '還沒',
  'ない', 'なかった', 'ません', 'ず', 'ぬ', 'なく',
]);

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

/** True when a normalised word states a quantity ("40", "3.5", "forty", "thousands", "二十"). */
export function isNumber(norm: string): boolean {
  return /\p{N}/u.test(norm) || NUMBER_WORDS.has(norm) || CJK_NUMERAL_WORD.test(norm);
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
