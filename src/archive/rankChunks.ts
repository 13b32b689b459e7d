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
 * typed arrays, never an object per entry.
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
 * The keys of `lists` in one ascending array. Each list is ascending already (a part's list is
 * written in document order), so they are merged two by two: at 1 GB, sorting the joined lists
 * took most of a lookup's time in the engine. A list out of order is sorted first, to be safe.
 */
function mergeSorted(lists: Float64Array[]): Float64Array {
  let runs = lists.map((list) => (isAscending(list) ? list : Float64Array.from(list).sort()));
  if (!runs.length) return new Float64Array(0);
  while (runs.length > 1) {
    const next: Float64Array[] = [];
    for (let k = 0; k + 1 < runs.length; k += 2) next.push(mergeTwo(runs[k], runs[k + 1]));
    if (runs.length % 2) next.push(runs[runs.length - 1]);
    runs = next;
  }
  // The result is written into, so a single list is copied rather than shared with the lists.
  return runs[0] === lists[0] ? Float64Array.from(runs[0]) : runs[0];
}

function mergeTwo(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length && j < b.length) out[o++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[o++] = a[i++];
  while (j < b.length) out[o++] = b[j++];
  return out;
}

function isAscending(list: Float64Array): boolean {
  for (let k = 1; k < list.length; k++) if (list[k] < list[k - 1]) return false;
  return true;
}
