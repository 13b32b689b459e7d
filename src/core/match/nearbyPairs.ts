// Finds the places of one word pair that lie near places already found, by reading the token
// stream around those places instead of walking every place the pair's words occur. Votes are
// clustered by how close their anchors lie, so an occurrence of the pair far from every other
// vote can only ever form a cluster of its own, with a single voter; near the other votes, the
// occurrences found here are all there are, including those that chain on from one another.

import type { CorpusIndex } from './corpusIndex';
import { DocFinder } from './docFinder';

/**
 * The anchors (token position of the pair's first word minus `k`) of every place where word `a`
 * is directly followed by word `b` in one document and the anchor lies within `reach` of one of
 * `known` or of another anchor found, ascending. `known` is sorted in place.
 */
export function pairAnchorsNear(index: CorpusIndex, a: number, b: number, k: number, known: Float64Array, reach: number): number[] {
  const search = new NearSearch(index, a, b, k);
  const found: number[] = [];
  // The first round reads around every known anchor; each later one around the anchors the
  // round before found, skipping what was read already. Pairs near the votes are few, so later
  // rounds are short.
  let around: ArrayLike<number> = known.sort();
  while (around.length) {
    const fresh: number[] = [];
    for (let i = 0; i < around.length; i++) search.readAround(around[i], reach, fresh);
    for (const anchor of fresh) found.push(anchor);
    around = fresh;
  }
  return found.sort((x, y) => x - y);
}

/** Reads stretches of anchors for the pair, never the same anchor twice. */
class NearSearch {
  private readonly docs: DocFinder;
  private readonly last: number;
  /** Stretches read so far, [from[i], to[i]], ascending and apart. */
  private readonly from: number[] = [];
  private readonly to: number[] = [];

  constructor(private readonly index: CorpusIndex, private readonly a: number, private readonly b: number, private readonly k: number) {
    this.docs = new DocFinder(index.docStarts);
    this.last = index.tokenCount - 2;
  }

  /** Reads the anchors within `reach` of `anchor` not read before, adding those of the pair to `found`. */
  readAround(anchor: number, reach: number, found: number[]): void {
    let at = anchor - reach;
    const end = anchor + reach;
    while (at <= end) {
      // The first stretch read that ends at or after `at`: either it covers `at`, or it bounds
      // the stretch to read now.
      const s = this.firstEndingAtOrAfter(at);
      if (s < this.from.length && this.from[s] <= at) {
        at = this.to[s] + 1;
        continue;
      }
      const stop = s < this.from.length ? Math.min(end, this.from[s] - 1) : end;
      this.read(at, stop, found);
      this.insert(s, at, stop);
      at = stop + 1;
    }
  }

  private read(from: number, to: number, found: number[]): void {
    const { a, b, k, docs } = this;
    const tokens = this.index.tokens;
    for (let anchor = from; anchor <= to; anchor++) {
      const q = anchor + k;
      if (q < 0 || q > this.last) continue;
      if (tokens.at(q) === a && tokens.at(q + 1) === b && !docs.isStart(q + 1)) found.push(anchor);
    }
  }

  /** Records [from, to] as read at place `s`, joining it to a stretch it touches. */
  private insert(s: number, from: number, to: number): void {
    if (s > 0 && this.to[s - 1] === from - 1) {
      this.to[s - 1] = to;
      if (s < this.from.length && this.from[s] === to + 1) {
        this.to[s - 1] = this.to[s];
        this.from.splice(s, 1);
        this.to.splice(s, 1);
      }
      return;
    }
    if (s < this.from.length && this.from[s] === to + 1) {
      this.from[s] = from;
      return;
    }
    this.from.splice(s, 0, from);
    this.to.splice(s, 0, to);
  }

  private firstEndingAtOrAfter(at: number): number {
    let low = 0;
    let high = this.to.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.to[mid] < at) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
