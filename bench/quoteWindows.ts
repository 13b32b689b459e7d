// Picks quotable stretches of corpus text and rewrites them the ways writers drift: a word
// substituted, a word dropped, a number changed. Everything works on one paragraph's text with
// word offsets, so the rewritten quote keeps the source's own punctuation between the words.

import { Prng } from './prng';

/** A word of a paragraph with its offsets. */
export interface Token {
  start: number;
  end: number;
  raw: string;
}

/** A stretch of one paragraph: its text and its words with offsets relative to `text`. */
export interface Window {
  text: string;
  tokens: Token[];
}

// Digits joined by a decimal point or thousands separator ("753,968", "3.5") are one word, as a
// reader sees them, so a quote never starts or ends in the middle of a number.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*(?:[.,]\p{N}+)*/gu;
// Characters a quote may contain without clashing with quotation marks, Markdown or the
// writer's conventions (brackets are insertions, dots in a row are omissions).
const SAFE = /^[\p{L}\p{M}\p{N} ,;:.'’\-–—!?]+$/u;
const LOOSE_APOSTROPHE = /(^|[^\p{L}\p{N}])['’]|['’]($|[^\p{L}\p{N}])/u;

/** The words of `text` with their offsets. */
export function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ start: m.index, end: m.index + m[0].length, raw: m[0] });
  return out;
}

/** The stretch of `paragraph` from word `first` to word `last` (inclusive), or null when unquotable. */
export function windowOf(paragraph: string, tokens: Token[], first: number, last: number): Window | null {
  const start = tokens[first].start;
  const text = paragraph.slice(start, tokens[last].end);
  if (!SAFE.test(text) || LOOSE_APOSTROPHE.test(text) || text.includes('..')) return null;
  // A quote of nothing but short function words would be found everywhere; real quotes say something.
  const meaningful = tokens.slice(first, last + 1).filter((t) => t.raw.length >= 4).length;
  if (meaningful < 2) return null;
  return { text, tokens: tokens.slice(first, last + 1).map((t) => ({ ...t, start: t.start - start, end: t.end - start })) };
}

/** A drifted rewrite of a window and the words it changed. */
export interface Drift {
  text: string;
  changes: { op: 'changed' | 'dropped'; draft: string; source: string; at: number }[];
}

const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'twenty', 'fifty', 'hundred'];

function isPlainWord(token: Token): boolean {
  return /^[a-z]{3,}$/.test(token.raw);
}

/** Interior word positions (never the first or last two words, whose loss reads as a shorter quote). */
function interior(window: Window): number[] {
  const out: number[] = [];
  for (let i = 2; i < window.tokens.length - 2; i++) out.push(i);
  return out;
}

/** Replaces one interior lower-case word with a different word from `vocabulary`. */
export function substitute(window: Window, prng: Prng, vocabulary: string[], avoid: Set<number> = new Set()): Drift | null {
  const spots = interior(window).filter((i) => !avoid.has(i) && isPlainWord(window.tokens[i]));
  if (spots.length === 0) return null;
  const i = prng.pick(spots);
  const token = window.tokens[i];
  let word = prng.pick(vocabulary);
  for (let tries = 0; word === token.raw.toLowerCase() && tries < 10; tries++) word = prng.pick(vocabulary);
  if (word === token.raw.toLowerCase()) return null;
  return {
    text: window.text.slice(0, token.start) + word + window.text.slice(token.end),
    changes: [{ op: 'changed', draft: word, source: token.raw.toLowerCase(), at: i }],
  };
}

/** Drops one interior word that stands between plain spaces. */
export function drop(window: Window, prng: Prng, avoid: Set<number> = new Set()): Drift | null {
  const { text, tokens } = window;
  const spots = interior(window).filter((i) => !avoid.has(i) && isPlainWord(tokens[i])
    && text.slice(tokens[i - 1].end, tokens[i].start) === ' ' && text.slice(tokens[i].end, tokens[i + 1].start) === ' ');
  if (spots.length === 0) return null;
  const i = prng.pick(spots);
  return {
    text: text.slice(0, tokens[i].start) + text.slice(tokens[i + 1].start),
    changes: [{ op: 'dropped', draft: '', source: tokens[i].raw.toLowerCase(), at: i }],
  };
}

/** Changes one interior number ("1850" → "1853", "two" → "five"). */
export function changeNumber(window: Window, prng: Prng): Drift | null {
  const { text, tokens } = window;
  const spots = interior(window).filter((i) => {
    const t = tokens[i];
    // Digits inside "1,000" or "3.5" are one number to a reader; only free-standing ones are changed.
    const standalone = /^\d+$/.test(t.raw) && !/[\d.,$]$/.test(text.slice(0, t.start)) && !/^[.,]\d/.test(text.slice(t.end));
    return standalone || NUMBER_WORDS.includes(t.raw);
  });
  if (spots.length === 0) return null;
  const i = prng.pick(spots);
  const token = tokens[i];
  const word = /^\d+$/.test(token.raw)
    ? String(Number(token.raw) + prng.int(1, 9))
    : prng.pick(NUMBER_WORDS.filter((w) => w !== token.raw));
  return {
    text: text.slice(0, token.start) + word + text.slice(token.end),
    changes: [{ op: 'changed', draft: word, source: token.raw.toLowerCase(), at: i }],
  };
}
