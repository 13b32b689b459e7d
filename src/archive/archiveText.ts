// How a source is laid out in the archive: its prose cut into chunks of a fixed number of words,
// each with the hashes of the word pairs that start in it (the pair across the border included,
// so no pair is lost). A quote's pairs find its chunks through an inverted index; the engine
// then aligns the quote with the chunk and its neighbours only, never with the whole document.

import type { SourceDocument } from '../core/types';
import { LineIndex } from '../core/lineIndex';
import { normalizeWord } from '../core/words';
import { hashWord, WordScanner } from '../core/wordScanner';
import type { QueryElement } from '../core/match/queryWords';

/**
 * Words per chunk: a quote of up to this many words always lies within a chunk and its
 * neighbours. At this length a row stays under PostgreSQL's 2 kB threshold, so its text is
 * stored in the row: compressing it to TOAST (lz4) left the 100 MB archive the same size.
 */
export const CHUNK_WORDS = 256;

/**
 * Function words: a pair of two of them ("of the") occurs in nearly every chunk, so its
 * postings would cost more to read than they tell; the pairs with a content word decide.
 */
const COMMON_WORDS = (('the of and to a in that is was it for on with as he she at by be this are have has had ' +
  'not but from or an they we you i his her their its which were been will would there what all who one so ' +
  'if about up out when more can said them into no than then do our my me us him').split(' '));
/** The function words' hashes: chunking compares hashes, never building each word's string. */
const COMMON = new Set(COMMON_WORDS.map(hashWord));

/**
 * COMMON as an open-addressed table of int32 hashes (0 marks a free slot; no function word
 * hashes to 0), for the import's test of every word: a Set of numbers above 2^30 (half of all
 * hashes) boxes each one, and took about 4% of reading a 100 MB archive.
 */
const COMMON_SLOTS = 512;
const COMMON_TABLE = new Int32Array(COMMON_SLOTS);
for (const hash of COMMON) {
  let slot = hash & (COMMON_SLOTS - 1);
  while (COMMON_TABLE[slot] !== 0) slot = (slot + 1) & (COMMON_SLOTS - 1);
  COMMON_TABLE[slot] = hash | 0;
}

/** Whether `hash` (as int32) is a function word's hash: COMMON.has, without boxing. */
function isCommonHash(hash: number): boolean {
  for (let slot = hash & (COMMON_SLOTS - 1); ; slot = (slot + 1) & (COMMON_SLOTS - 1)) {
    const entry = COMMON_TABLE[slot];
    if (entry === hash) return hash !== 0;
    if (entry === 0) return false;
  }
}

/** One chunk of a document: where it starts in the text (offset, and 0-based line and UTF-16 character), its text and its pair hashes. */
export interface ArchiveChunk {
  start: number;
  line: number;
  character: number;
  text: string;
  pairs: number[];
}

/**
 * Pair hashes fall into a power of two of buckets, chosen by the first import from the archive's
 * size (and kept in `verbatim_archive`): about one bucket per 150 bytes of text, so a bucket
 * holds some twenty chunks whatever the size. Most word pairs occur once in an archive, and an
 * index key costs far more than a posting, so pairs share keys; but the index reads a bucket's
 * whole list for each pair asked for, so too few buckets make every lookup slow on a large archive.
 */
export const MIN_PAIR_BUCKETS = 1 << 16;
const MAX_PAIR_BUCKETS = 1 << 24;

/** What a lookup needs to know of an archive: its bucket count and its frequent pairs. */
export interface ArchiveLayout {
  buckets: number;
  frequent: ReadonlySet<number>;
}

/** The bucket count for an archive of `textBytes` bytes of sources. */
export function pairBucketsFor(textBytes: number): number {
  const wanted = 2 ** Math.floor(Math.log2(Math.max(1, textBytes / 150)));
  return Math.min(MAX_PAIR_BUCKETS, Math.max(MIN_PAIR_BUCKETS, wanted));
}

/** The hash of the pair of words hashed `a` and `b` (as hashWord; murmur3's finaliser spreads the pair), before bucketing. */
function pairBucketHash(a: number, b: number): number {
  let hash = Math.imul(a, 0x9e3779b1) ^ b;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Cuts the prose of `doc` into chunks; the chunks' texts put back together are text[first, last). */
export function chunkDocument(doc: Pick<SourceDocument, 'text' | 'blocks'>, buckets: number): ArchiveChunk[] {
  const chunks: ArchiveChunk[] = [];
  forEachChunk(doc, buckets, (start, stop, line, character, pairs, count) => {
    chunks.push({ start, line, character, text: doc.text.slice(start, stop), pairs: Array.from(pairs.subarray(0, count)) });
  });
  return chunks;
}

/**
 * What chunkDocument finds, handed to `visit` one chunk at a time: where the chunk's text starts
 * and stops, its 0-based line and character, and its sorted distinct pair buckets in
 * `pairs[0, count)` (a buffer reused for the next chunk). The import writes rows from here
 * without building an object per chunk; it runs over every word of an archive.
 */
export function forEachChunk(
  doc: Pick<SourceDocument, 'text' | 'blocks'>,
  buckets: number,
  visit: (start: number, stop: number, line: number, character: number, pairs: Int32Array, count: number) => void,
): void {
  // A power of two: the mask is the remainder, and a positive int4 as intarray's query_int reads them.
  const mask = buckets - 1;
  // The words as tokenize finds them, hashed as hashWord hashes their normal form; a word's
  // "common" flag is looked up once, not once per pair it is in. The arrays are shared by every
  // call (a call never runs inside another), so a document's words allocate nothing.
  let { starts, hashes, common } = scratch;
  let count = 0;
  let lastEnd = 0;
  for (const block of doc.blocks) {
    const scanner = new WordScanner(doc.text, block.start, block.end);
    while (scanner.next()) {
      if (count === starts.length) {
        starts = scratch.starts = grow(starts, new Int32Array(count * 2));
        hashes = scratch.hashes = grow(hashes, new Int32Array(count * 2));
        common = scratch.common = grow(common, new Uint8Array(count * 2));
      }
      const hash = (scanner.simple ? scanner.hash : hashWord(normalizeWord(doc.text.slice(scanner.start, scanner.end)))) | 0;
      starts[count] = scanner.start;
      hashes[count] = hash;
      common[count] = isCommonHash(hash) ? 1 : 0;
      count++;
      lastEnd = scanner.end;
    }
  }
  if (!count) return;
  const end = Math.max(doc.blocks[doc.blocks.length - 1].end, lastEnd);
  const found = scratch.found;
  const lines = new LineIndex(doc.text);
  for (let first = 0; first < count; first += CHUNK_WORDS) {
    const next = first + CHUNK_WORDS;
    const start = first === 0 ? 0 : starts[first];
    const stop = next < count ? starts[next] : end;
    let n = 0;
    const last = Math.min(next, count - 1);
    for (let k = Math.max(0, first - 1); k < last; k++) {
      if (!(common[k] && common[k + 1])) found[n++] = pairBucketHash(hashes[k], hashes[k + 1]) & mask;
    }
    const sorted = found.subarray(0, n).sort();
    let distinct = 0;
    for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) found[distinct++] = sorted[k];
    const { line, character } = lines.position(start);
    visit(start, stop, line, character, found, distinct);
  }
}

/** forEachChunk's working arrays, grown as needed and kept. */
const scratch = { starts: new Int32Array(1024), hashes: new Int32Array(1024), common: new Uint8Array(1024), found: new Int32Array(CHUNK_WORDS + 1) };

function grow<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * The pairs of consecutive quote words (never across an omission or insertion), leaving out
 * pairs of two function words as chunkDocument does; `strong` when both words are content words.
 */
function pairsOfQuote(elements: readonly QueryElement[], buckets: number): { bucket: number; strong: boolean }[] {
  const mask = buckets - 1;
  const pairs: { bucket: number; strong: boolean }[] = [];
  for (let k = 0; k + 1 < elements.length; k++) {
    const a = elements[k];
    const b = elements[k + 1];
    if (a.wildcard || b.wildcard) continue;
    const [ha, hb] = [hashWord(a.norm), hashWord(b.norm)];
    const [ca, cb] = [COMMON.has(ha), COMMON.has(hb)];
    if (!(ca && cb)) pairs.push({ bucket: pairBucketHash(ha, hb) & mask, strong: !ca && !cb });
  }
  return pairs;
}

/** The pair hashes of a quote, sorted and distinct: what its chunks are ranked by. */
export function quotePairs(elements: readonly QueryElement[], buckets: number): number[] {
  return [...new Set(pairsOfQuote(elements, buckets).map((pair) => pair.bucket))].sort((x, y) => x - y);
}

/**
 * The pairs a quote's chunks are looked up by: its pairs of two content words, topped up with
 * its other pairs (in quote order) to at least MIN_LOOKUP_PAIRS, so that a changed word, which
 * takes two pairs, still leaves two to find the passage by. A pair with a function word ("the
 * president") is in many chunks, and the index reads every chunk of every pair asked for;
 * ranking still counts all of the quote's pairs. The archive's `frequent` pairs (see
 * FREQUENT_PAIRS_SQL) are asked for only when the quote has fewer than two others.
 */
export function lookupPairs(elements: readonly QueryElement[], buckets: number, frequent: ReadonlySet<number> = NONE): number[] {
  return lookupOf(pairsOfQuote(elements, buckets), frequent);
}

function lookupOf(pairs: { bucket: number; strong: boolean }[], frequent: ReadonlySet<number>): number[] {
  const rare = pairs.filter((pair) => !frequent.has(pair.bucket));
  const lookup = new Set(rare.filter((pair) => pair.strong).map((pair) => pair.bucket));
  for (const pair of rare) {
    if (lookup.size >= MIN_LOOKUP_PAIRS) break;
    lookup.add(pair.bucket);
  }
  for (const pair of [...pairs.filter((p) => p.strong), ...pairs]) {
    if (lookup.size >= 2) break;
    lookup.add(pair.bucket);
  }
  return [...lookup].sort((x, y) => x - y);
}

const NONE: ReadonlySet<number> = new Set();

const MIN_LOOKUP_PAIRS = 6;

/** Pairs of a quote used to find its chunks: spread over the whole quote, so a drifted word leaves most of them. */
const QUERY_PAIRS = 12;

/**
 * What the archive is asked for one quote: `find` (up to QUERY_PAIRS of its lookup pairs, spread
 * over the quote), of which a chunk must hold two (or the only one) to be a candidate; and `rank`,
 * the pairs its candidates are ranked by: every pair of the quote but the archive's frequent ones
 * (a pair in thousands of chunks says little about which of them is the passage, and its list
 * costs more to read than the rest of the quote's), and the lookup pairs in any case.
 */
export interface QuoteKeys {
  find: number[];
  rank: number[];
}

/** The keys of a quote whose words are `elements`, in an archive laid out as `layout`. */
export function quoteKeys(elements: readonly QueryElement[], layout: ArchiveLayout): QuoteKeys {
  const pairs = pairsOfQuote(elements, layout.buckets);
  const lookup = lookupOf(pairs, layout.frequent);
  const picked: number[] = [];
  const step = Math.max(1, (lookup.length - 1) / (QUERY_PAIRS - 1));
  for (let x = 0; x < lookup.length && picked.length < QUERY_PAIRS; x += step) picked.push(lookup[Math.round(x)]);
  const rank = new Set(pairs.map((pair) => pair.bucket).filter((bucket) => !layout.frequent.has(bucket)));
  for (const pair of lookup) rank.add(pair);
  // The lookup pairs are ranked by too, so `rank` holds every pair of `find`.
  return { find: [...new Set(picked)], rank: [...rank].sort((x, y) => x - y) };
}

/** An int4[] literal for PostgreSQL, passed as a parameter. */
export function intArrayLiteral(values: readonly number[]): string {
  return `{${values.join(',')}}`;
}
