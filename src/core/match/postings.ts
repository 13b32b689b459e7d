// Where each word occurs, compressed: for every word, its token positions in ascending order as
// gaps, each gap a variable-length integer of 7 bits per byte. Most gaps of an archive fit in
// one or two bytes, so the postings take about a third of the space of plain 32-bit positions;
// a lookup decodes only the words a check actually asks about.

import { ESCAPE, type TokenStream } from './tokenStream';

/** The compressed postings of a whole index. */
export interface Postings {
  /** Gap-encoded positions, word after word. */
  bytes: Uint8Array;
  /** Where each word's bytes start; `offsets[w + 1]` is where they end. */
  offsets: Int32Array;
  /** How many positions each word has. */
  counts: Int32Array;
  /**
   * The bytes of word `w`'s positions alone, when the postings are read from a file word by
   * word as they are asked for (then `bytes` reads them all).
   */
  listOf?(w: number): Uint8Array;
}

/** Builds the postings of a token stream of word ids below `vocabularySize`. */
export function buildPostings(tokens: TokenStream, vocabularySize: number): Postings {
  const counts = new Int32Array(vocabularySize);
  const sizes = new Int32Array(vocabularySize + 1);
  const last = new Int32Array(vocabularySize).fill(-1);
  // The loops read the 16-bit ids directly and take escaped ids from the side table in order,
  // rather than calling a function per token: an archive has millions of tokens.
  const { low, escapedIds } = tokens;
  // First pass: how many bytes each word's gaps need.
  for (let p = 0, e = 0; p < low.length; p++) {
    const w = low[p] !== ESCAPE ? low[p] : escapedIds[e++];
    counts[w]++;
    sizes[w + 1] += varintLength(p - last[w]);
    last[w] = p;
  }
  for (let w = 1; w <= vocabularySize; w++) sizes[w] += sizes[w - 1];
  const offsets = sizes;
  const bytes = new Uint8Array(offsets[vocabularySize]);
  const cursor = offsets.slice(0, vocabularySize);
  last.fill(-1);
  // Second pass: write the gaps.
  for (let p = 0, e = 0; p < low.length; p++) {
    const w = low[p] !== ESCAPE ? low[p] : escapedIds[e++];
    let gap = p - last[w];
    last[w] = p;
    let at = cursor[w];
    while (gap >= 0x80) {
      bytes[at++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    bytes[at++] = gap;
    cursor[w] = at;
  }
  return { bytes, offsets, counts };
}

/** Calls `visit` with each position of word `w` in ascending order, decoding in place. */
export function forEachPosition(postings: Postings, w: number, visit: (position: number) => void): void {
  const list = postings.listOf?.(w);
  const bytes = list ?? postings.bytes;
  let at = list ? 0 : postings.offsets[w];
  let position = -1;
  for (let n = postings.counts[w]; n > 0; n--) {
    let gap = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    position += gap;
    visit(position);
  }
}

/** The positions of word `w`, decoded. */
export function decodePositions(postings: Postings, w: number): Int32Array {
  const out = new Int32Array(postings.counts[w]);
  let k = 0;
  forEachPosition(postings, w, (position) => { out[k++] = position; });
  return out;
}

function varintLength(n: number): number {
  return n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5;
}
