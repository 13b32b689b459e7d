// Finds the document of a token position when positions are asked in (nearly) ascending order,
// as a quote's hits are: the last document found is remembered, and from it the next one is
// reached by galloping forward, so a run of nearby positions costs a step or two each instead
// of a binary search over every document.

import { lastAtOrBefore } from '../sortedSearch';

/** The documents of token positions, given the first token of each document. */
export class DocFinder {
  private doc = -1;
  private low = 0;
  private high = 0;

  /** `starts[d]` is the first token of document d; the last entry is the token count. */
  constructor(private readonly starts: Int32Array) {}

  /** The last document whose first token is at or before `p` (0 when none is), as `CorpusIndex.docOf`. */
  docOf(p: number): number {
    if (p >= this.low && p < this.high) return this.doc;
    const starts = this.starts;
    const last = starts.length - 2;
    let low = 0;
    let high = last;
    if (this.doc >= 0 && p >= this.high) {
      // Forward from the remembered document: document doc + 1 starts at or before p.
      if (this.doc >= last) return this.doc;
      low = this.doc + 1;
      let step = 1;
      while (low + step <= last && starts[low + step] <= p) {
        low += step;
        step *= 2;
      }
      high = Math.min(last, low + step - 1);
    } else if (this.doc >= 0) {
      // Backward: the answer lies before the remembered document.
      high = Math.max(0, this.doc - 1);
    }
    const doc = Math.max(low, lastAtOrBefore(starts, p, low, high));
    this.doc = doc;
    this.low = starts[doc];
    this.high = starts[doc + 1];
    return doc;
  }

  /** True when token `p` is the first of its document, as `CorpusIndex.isDocStart`. */
  isStart(p: number): boolean {
    return this.starts[this.docOf(p)] === p;
  }
}
