// The engine's half of a lookup: given the posting lists of a quote's pairs, which chunks hold
// its words best. Pure (lists in, ranked hits out), so it is tested against a plain count.

import type { QuoteKeys } from './archiveText';
import { docOfKey, seqOfKey } from './postings';

/** Chunks ranked per quote (by shared pairs); each brings its two neighbours, so a quote across a border is whole. */
export const CHUNKS_PER_QUOTE = 6;

/**
 * Hits ranked past CHUNKS_PER_QUOTE, standing in for ranked chunks of removed documents (which
 * stay in their part's lists until the postings are rebuilt; see MAX_DEAD_SHARE).
 */
const SPARE_HITS = 4;

export interface RankedHit {
  doc: string;
  seq: number;
  shared: number;
}

/**
 * A quote's best chunks by shared `rank` pairs (ties by document and position), with SPARE_HITS
 * more. The candidates come from the `find` lists alone (their keys merged in order, a run of
 * two or more being a chunk holding two); each `rank` list, sorted as the candidates are, is
 * then searched for them. A draft's lists hold some 300,000 entries at 1 GB, so this works on
 * typed arrays, never an object per entry. Every list must be ascending (see ascending()).
 */
export function rankChunks(keys: QuoteKeys, postings: Map<number, Float64Array[]>): RankedHit[] {
  const all = mergeSorted(keys.find.flatMap((pair) => postings.get(pair) ?? []));
  const needed = Math.min(2, keys.find.length);
  let count = 0;
  for (let k = 0; k < all.length; ) {
    let end = k + 1;
    while (end < all.length && all[end] === all[k]) end++;
    if (end - k >= needed) all[count++] = all[k];
    k = end;
  }
  if (!count) return [];
  const candidates = all.subarray(0, count);
  const shared = new Int32Array(candidates.length);
  for (const pair of keys.rank) {
    for (const list of postings.get(pair) ?? []) countShared(candidates, list, shared);
  }
  // The best few, kept in order while the candidates go by (ascending, so ties keep the first):
  // a common pair gives thousands of candidates, and sorting them all for ten costs more.
  const limit = CHUNKS_PER_QUOTE + SPARE_HITS;
  const order: number[] = [];
  for (let c = 0; c < candidates.length; c++) {
    if (order.length === limit && shared[c] <= shared[order[limit - 1]]) continue;
    let at = order.length;
    while (at > 0 && shared[order[at - 1]] < shared[c]) at--;
    order.splice(at, 0, c);
    if (order.length > limit) order.pop();
  }
  return order.map((c) => ({ doc: String(docOfKey(candidates[c])), seq: seqOfKey(candidates[c]), shared: shared[c] }));
}

/**
 * Adds 1 to `shared[c]` for each candidate found in `list` (both ascending). A quote has tens to
 * hundreds of candidates while a pair's list can hold tens of thousands of chunks, so the list
 * is searched by galloping from where the last candidate was found, not walked entry by entry.
 */
function countShared(candidates: Float64Array, list: Float64Array, shared: Int32Array): void {
  let low = 0;
  for (let c = 0; c < candidates.length && low < list.length; c++) {
    const key = candidates[c];
    let step = 1;
    let high = low;
    while (high < list.length && list[high] < key) {
      low = high + 1;
      high += step;
      step *= 2;
    }
    // The first entry >= key lies in [low, min(high, length)].
    let end = Math.min(high, list.length);
    while (low < end) {
      const mid = (low + end) >>> 1;
      if (list[mid] < key) low = mid + 1;
      else end = mid;
    }
    if (low < list.length && list[low] === key) shared[c]++;
  }
}

/**
 * The keys of `lists` in one ascending array, valid until the next call (it lives in scratch
 * space shared by every ranking). Each list is ascending already (see rankChunks), so they are copied side by side and merged two by two, back and forth
 * between two scratch arrays: at 1 GB, sorting the joined lists took most of a lookup's time in
 * the engine, and a new array per merge most of the rest, in garbage collection.
 */
function mergeSorted(lists: Float64Array[]): Float64Array {
  let total = 0;
  for (const list of lists) total += list.length;
  if (scratch[0].length < total) scratch = [new Float64Array(total * 2), new Float64Array(total * 2)];
  let [from, to] = scratch;
  let bounds = [0];
  for (const list of lists) {
    const start = bounds[bounds.length - 1];
    from.set(list, start);
    bounds.push(start + list.length);
  }
  while (bounds.length > 2) {
    const next = [0];
    for (let k = 0; k + 1 < bounds.length; k += 2) {
      const end = k + 2 < bounds.length ? bounds[k + 2] : bounds[k + 1];
      mergeRuns(from, bounds[k], bounds[k + 1], end, to);
      next.push(end);
    }
    bounds = next;
    [from, to] = [to, from];
  }
  return from.subarray(0, total);
}

let scratch = [new Float64Array(1 << 16), new Float64Array(1 << 16)];

/** Merges the ascending runs from[start, middle) and from[middle, end) into to[start, end). */
function mergeRuns(from: Float64Array, start: number, middle: number, end: number, to: Float64Array): void {
  let i = start;
  let j = middle;
  let o = start;
  while (i < middle && j < end) to[o++] = from[i] <= from[j] ? from[i++] : from[j++];
  while (i < middle) to[o++] = from[i++];
  while (j < end) to[o++] = from[j++];
}

/**
 * `list`, sorted when it is not ascending already. A part's list is written in document order,
 * and ranking relies on it; a list from elsewhere is put in order rather than misranked.
 */
export function ascending(list: Float64Array): Float64Array {
  for (let k = 1; k < list.length; k++) if (list[k] < list[k - 1]) return list.sort();
  return list;
}
