// The corpus's word ids, one per token, in two bytes each. An archive's vocabulary outgrows
// 16 bits, but the words past the first 65,535 are ones first met late in the archive: rare
// words, a fraction of a percent of its tokens. Those tokens hold an escape, and their ids sit
// in a small sorted side table. Half the memory of 32-bit ids, for one test per token read.

import { lastAtOrBefore } from '../sortedSearch';

/** The 16-bit value that says "look the id up in the side table". */
export const ESCAPE = 0xffff;

export class TokenStream {
  /**
   * @param low the id of each token, or ESCAPE
   * @param escapedAt the positions holding ESCAPE, ascending
   * @param escapedIds the ids of those positions
   */
  constructor(readonly low: Uint16Array, readonly escapedAt: Int32Array, readonly escapedIds: Int32Array) {}

  /** A stream of `ids`. */
  static from(ids: ArrayLike<number>): TokenStream {
    const builder = new TokenStreamBuilder(ids.length);
    for (let p = 0; p < ids.length; p++) builder.push(ids[p]);
    return builder.finish();
  }

  get length(): number {
    return this.low.length;
  }

  /** The word id of token `p`. */
  at(p: number): number {
    const id = this.low[p];
    return id !== ESCAPE ? id : this.escaped(p);
  }

  /** The ids of tokens [from, to) written into `out` (which must be long enough). */
  copyTo(from: number, to: number, out: Int32Array): Int32Array {
    const low = this.low;
    for (let p = from; p < to; p++) {
      const id = low[p];
      out[p - from] = id !== ESCAPE ? id : this.escaped(p);
    }
    return out;
  }

  /** The ids of tokens [from, to), decoded. */
  slice(from: number, to: number): Int32Array {
    return this.copyTo(from, to, new Int32Array(Math.max(0, to - from)));
  }

  /** Calls `visit` with every token's id in order, without a lookup per escaped token. */
  forEach(visit: (id: number, p: number) => void): void {
    const low = this.low;
    let e = 0;
    for (let p = 0; p < low.length; p++) {
      const id = low[p];
      visit(id !== ESCAPE ? id : this.escapedIds[e++], p);
    }
  }

  private escaped(p: number): number {
    const e = lastAtOrBefore(this.escapedAt, p);
    if (e >= 0 && this.escapedAt[e] === p) return this.escapedIds[e];
    throw new Error(`token ${p} is escaped but has no id`);
  }
}

/** Builds a stream token by token, or by copying runs of another stream. */
export class TokenStreamBuilder {
  private low: Uint16Array;
  private length = 0;
  private escapedAt: number[] = [];
  private escapedIds: number[] = [];

  constructor(capacity = 1024) {
    this.low = new Uint16Array(Math.max(16, capacity));
  }

  get size(): number {
    return this.length;
  }

  push(id: number): void {
    if (this.length === this.low.length) this.reserve(this.length + 1);
    if (id >= ESCAPE) {
      this.escapedAt.push(this.length);
      this.escapedIds.push(id);
      this.low[this.length++] = ESCAPE;
    } else {
      this.low[this.length++] = id;
    }
  }

  /** Appends every id of `ids`. */
  pushAll(ids: Int32Array): void {
    this.reserve(this.length + ids.length);
    for (let k = 0; k < ids.length; k++) this.push(ids[k]);
  }

  /** Appends tokens [from, to) of `stream`. */
  copy(stream: TokenStream, from: number, to: number): void {
    this.reserve(this.length + (to - from));
    const start = this.length;
    this.low.set(stream.low.subarray(from, to), start);
    this.length += to - from;
    // The escaped tokens of the run, found by binary search and copied with their new positions.
    const at = stream.escapedAt;
    for (let e = lastAtOrBefore(at, from - 1) + 1; e < at.length && at[e] < to; e++) {
      this.escapedAt.push(at[e] - from + start);
      this.escapedIds.push(stream.escapedIds[e]);
    }
  }

  finish(): TokenStream {
    // A view when the capacity was about right, so an archive-sized array is not copied for
    // nothing; a copy when much of it would be wasted for as long as the index lives.
    const slack = this.low.length - this.length;
    const low = slack === 0 ? this.low : slack * 8 < this.low.length ? this.low.subarray(0, this.length) : this.low.slice(0, this.length);
    return new TokenStream(low, Int32Array.from(this.escapedAt), Int32Array.from(this.escapedIds));
  }

  private reserve(size: number): void {
    if (size <= this.low.length) return;
    const bigger = new Uint16Array(Math.max(size, Math.ceil(this.low.length * 1.5)));
    bigger.set(this.low.subarray(0, this.length));
    this.low = bigger;
  }
}
