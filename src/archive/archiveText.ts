// How a source is laid out in the archive: its prose cut into chunks of a fixed number of words,
// each with the hashes of the word pairs that start in it (the pair across the border included,
// so no pair is lost). A quote's pairs find its chunks through an inverted index; the engine
// then aligns the quote with the chunk and its neighbours only, never with the whole document.

import type { SourceDocument } from '../core/types';
import { tokenize } from '../core/words';
import type { QueryElement } from '../core/match/queryWords';

/**
 * Words per chunk: a quote of up to this many words always lies within a chunk and its
 * neighbours. At this length a row passes PostgreSQL's 2 kB threshold, so its text is stored compressed.
 */
export const CHUNK_WORDS = 256;

/**
 * Function words: a pair of two of them ("of the") occurs in nearly every chunk, so its
 * postings would cost more to read than they tell; the pairs with a content word decide.
 */
const COMMON = new Set(('the of and to a in that is was it for on with as he she at by be this are have has had ' +
  'not but from or an they we you i his her their its which were been will would there what all who one so ' +
  'if about up out when more can said them into no than then do our my me us him').split(' '));

/** One chunk of a document: where it starts in the text, its text and its pair hashes. */
export interface ArchiveChunk {
  start: number;
  text: string;
  pairs: number[];
}

/**
 * Pair hashes fall into this many buckets. Most word pairs occur once in an archive, and an index
 * key costs far more than a posting, so pairs share keys; the count of shared pairs still ranks
 * chunks, and two pairs sharing a chunk by chance is rare (see the README's measurements).
 */
export const PAIR_BUCKETS = 1 << 16;

/** The bucket of a word pair's FNV-1a hash: a positive int4, as intarray's query_int reads them. */
export function pairHash(a: string, b: string): number {
  let hash = 0x811c9dc5;
  const mix = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      hash ^= s.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  };
  mix(a);
  hash ^= 0x1f;
  hash = Math.imul(hash, 0x01000193);
  mix(b);
  return (hash >>> 0) % PAIR_BUCKETS;
}

/** True when a pair carries evidence worth indexing (not two function words). */
function telling(a: string, b: string): boolean {
  return !(COMMON.has(a) && COMMON.has(b));
}

/** Cuts the prose of `doc` into chunks; the chunks' texts put back together are text[first, last). */
export function chunkDocument(doc: Pick<SourceDocument, 'text' | 'blocks'>): ArchiveChunk[] {
  const words = [];
  for (const block of doc.blocks) for (const word of tokenize(doc.text, block.start, block.end)) words.push(word);
  const chunks: ArchiveChunk[] = [];
  if (!words.length) return chunks;
  const end = doc.blocks[doc.blocks.length - 1].end;
  for (let first = 0; first < words.length; first += CHUNK_WORDS) {
    const next = first + CHUNK_WORDS;
    const start = first === 0 ? 0 : words[first].start;
    const stop = next < words.length ? words[next].start : Math.max(end, words[words.length - 1].end);
    const pairs = new Set<number>();
    for (let k = Math.max(0, first - 1); k < Math.min(next, words.length - 1); k++) {
      if (telling(words[k].norm, words[k + 1].norm)) pairs.add(pairHash(words[k].norm, words[k + 1].norm));
    }
    chunks.push({ start, text: doc.text.slice(start, stop), pairs: [...pairs].sort((x, y) => x - y) });
  }
  return chunks;
}

/** The pair hashes of a quote: consecutive words only, never across an omission or insertion. */
export function quotePairs(elements: readonly QueryElement[]): number[] {
  const pairs = new Set<number>();
  for (let k = 0; k + 1 < elements.length; k++) {
    const a = elements[k];
    const b = elements[k + 1];
    if (a.wildcard || b.wildcard || !telling(a.norm, b.norm)) continue;
    pairs.add(pairHash(a.norm, b.norm));
  }
  return [...pairs].sort((x, y) => x - y);
}

/** Pairs of a quote used to find its chunks: spread over the whole quote, so a drifted word leaves most of them. */
const QUERY_PAIRS = 12;

/**
 * An intarray query_int matching chunks that share at least two of the quote's pairs (or its
 * only pair). The GIN index evaluates it on its posting lists, so a pair common across the
 * archive costs a list read, not a visit to every chunk that has it.
 */
export function pairQuery(pairs: readonly number[]): string | null {
  if (pairs.length === 0) return null;
  if (pairs.length === 1) return String(pairs[0]);
  const picked: number[] = [];
  const step = Math.max(1, (pairs.length - 1) / (QUERY_PAIRS - 1));
  for (let x = 0; x < pairs.length && picked.length < QUERY_PAIRS; x += step) picked.push(pairs[Math.round(x)]);
  const unique = [...new Set(picked)];
  if (unique.length === 1) return String(unique[0]);
  const terms: string[] = [];
  for (let i = 0; i < unique.length; i++) for (let j = i + 1; j < unique.length; j++) terms.push(`(${unique[i]}&${unique[j]})`);
  return terms.join('|');
}

/** An int4[] literal for PostgreSQL, passed as a parameter. */
export function intArrayLiteral(values: readonly number[]): string {
  return `{${values.join(',')}}`;
}
