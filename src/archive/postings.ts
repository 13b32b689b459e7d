// The archive's inverted index, built here rather than by PostgreSQL: for each pair bucket, the
// chunks that hold it, as one row per bucket and import ("part"). PostgreSQL 15 builds a GIN
// index on one core, gathering its entries in a key tree that outgrows the processor's cache:
// at 1 GB of sources that build took 255 of the import's 340 s (about 2 µs an entry). Counting
// sorts by bucket over typed arrays do the same grouping in seconds, and the rows go in with
// binary COPY; a lookup reads its buckets' rows by primary key.
//
// A list holds (document id, sequence number) pairs in ascending order, as varints: the gap to
// the previous document id (the id itself for the first), then the sequence number. A typical
// entry takes two or three bytes, about what GIN's compressed lists took.

import { CopyRows } from './copyBinary';

/** Entries held in memory before they are written out as a part: about 1.3 GB of typed arrays at the cap. */
export const MAX_PART_ENTRIES = 160_000_000;

/**
 * Buckets are gathered in ranges of this many as chunks arrive (a few hundred write heads, which
 * stay in the processor's cache), and each range is sorted on its own at the end. One counting
 * sort over all 4 million buckets of a 1 GB archive scattered its 140 million entries across
 * 560 MB, and took 42 s at a load of five on two cores.
 */
const RANGE_BITS = 14;

/** The largest block of a range's entries (see PostingsBuilder.ranges): 256 kB. */
const MAX_BLOCK = 1 << 16;

const EMPTY = new Uint32Array(0);

/** Posting rows are handed to the writer in batches of about this many bytes. */
const ROWS_BATCH_BYTES = 8 << 20;

/** Gathers chunks' pair buckets, in ascending (document, sequence) order, and writes them grouped by bucket. */
export class PostingsBuilder {
  private docs = new Float64Array(1024);
  private seqs = new Int32Array(1024);
  /**
   * Per range of buckets: (bucket, chunk number) pairs, in the order added, in blocks; the last
   * block (`tails`) is filled up to `used`, the others whole. Growing one array per range by
   * copying took about 5% of the main thread's time in a 100 MB import, and twice the memory
   * while it copied.
   */
  private ranges: Uint32Array[][];
  private tails: Uint32Array[];
  private used: Uint32Array;
  private chunkCount = 0;
  private entryCount = 0;

  constructor(buckets: number) {
    const count = Math.max(1, Math.ceil(buckets / (1 << RANGE_BITS)));
    this.ranges = Array.from({ length: count }, () => []);
    this.tails = Array.from({ length: count }, () => EMPTY);
    this.used = new Uint32Array(count);
  }

  get chunks(): number {
    return this.chunkCount;
  }

  get entries(): number {
    return this.entryCount;
  }

  /** Adds chunk `seq` of document `doc`, holding the distinct buckets `pairs[from, from + count)`. */
  add(doc: number, seq: number, pairs: ArrayLike<number>, count = pairs.length, from = 0): void {
    if (doc >= MAX_DOC || seq >= SEQ_SPAN) throw new Error(`chunk ${seq} of document ${doc} is past what the archive's posting lists address (ids below 2^33, 2^20 chunks a document)`);
    if (this.chunkCount === this.docs.length) {
      this.docs = grown(this.docs, new Float64Array(this.chunkCount * 2));
      this.seqs = grown(this.seqs, new Int32Array(this.chunkCount * 2));
    }
    const chunk = this.chunkCount++;
    this.docs[chunk] = doc;
    this.seqs[chunk] = seq;
    const { tails, used } = this;
    for (let k = from; k < from + count; k++) {
      const bucket = pairs[k];
      const r = bucket >>> RANGE_BITS;
      let tail = tails[r];
      let at = used[r];
      if (at === tail.length) {
        // Blocks double from 256 entries to MAX_BLOCK: a small import's ranges stay small.
        tail = tails[r] = new Uint32Array(Math.min(MAX_BLOCK, Math.max(512, 2 * tail.length)));
        this.ranges[r].push(tail);
        at = 0;
      }
      tail[at] = bucket;
      tail[at + 1] = chunk;
      used[r] = at + 2;
    }
    this.entryCount += count;
  }

  /**
   * Hands `write` the verbatim_postings rows (POSTING_COLUMNS, binary COPY) of everything added,
   * as part `part`, in batches; then empties the builder.
   */
  async writeRows(part: number, write: (rows: Buffer) => Promise<void>): Promise<void> {
    const size = 1 << RANGE_BITS;
    const starts = new Uint32Array(size + 1);
    let sorted = new Uint32Array(0);
    let list = Buffer.allocUnsafe(1 << 16);
    let rows = new CopyRows(ROWS_BATCH_BYTES + (1 << 16));
    for (let r = 0; r < this.ranges.length; r++) {
      const blocks = this.ranges[r];
      const ends = blocks.map((block, k) => (k === blocks.length - 1 ? this.used[r] : block.length));
      const entries = ends.reduce((sum, end) => sum + end / 2, 0);
      if (sorted.length < entries) sorted = new Uint32Array(entries);
      groupRange(blocks, ends, starts, sorted);
      for (let b = 0; b < size; b++) {
        const from = starts[b];
        const to = starts[b + 1];
        if (from === to) continue;
        if (list.length < 16 * (to - from)) list = Buffer.allocUnsafe(16 * (to - from));
        const length = this.encodeList(sorted, from, to, list);
        rows.row(4);
        rows.int4((r << RANGE_BITS) + b);
        rows.int4(part);
        rows.int4(to - from);
        rows.bytes(list, length);
        if (rows.byteLength >= ROWS_BATCH_BYTES) {
          await write(rows.written());
          rows = new CopyRows(ROWS_BATCH_BYTES + (1 << 16));
        }
      }
      // Each range's memory goes as soon as it is written.
      this.ranges[r] = [];
      this.tails[r] = EMPTY;
      this.used[r] = 0;
    }
    if (rows.byteLength) await write(rows.written());
    this.chunkCount = 0;
    this.entryCount = 0;
  }

  /** Writes the list of chunks sorted[from, to) into `list`; returns its length in bytes. */
  private encodeList(sorted: Uint32Array, from: number, to: number, list: Buffer): number {
    const { docs, seqs } = this;
    let at = 0;
    let lastDoc = 0;
    for (let k = from; k < to; k++) {
      const chunk = sorted[k];
      at = writeVarint(list, at, docs[chunk] - lastDoc);
      at = writeVarint(list, at, seqs[chunk]);
      lastDoc = docs[chunk];
    }
    return at;
  }
}

/**
 * A counting sort of one range's (bucket, chunk) pairs by bucket, stable, so each bucket's
 * chunks stay in the order added: bucket b's (b within the range) are sorted[starts[b], starts[b + 1]).
 */
function groupRange(blocks: Uint32Array[], ends: number[], starts: Uint32Array, sorted: Uint32Array): void {
  const mask = (1 << RANGE_BITS) - 1;
  starts.fill(0);
  blocks.forEach((block, x) => {
    for (let k = 0; k < ends[x]; k += 2) starts[(block[k] & mask) + 1]++;
  });
  for (let b = 0; b < mask + 1; b++) starts[b + 1] += starts[b];
  const next = starts.slice(0, mask + 1);
  blocks.forEach((block, x) => {
    for (let k = 0; k < ends[x]; k += 2) sorted[next[block[k] & mask]++] = block[k + 1];
  });
}

export const POSTING_COLUMNS = 'bucket, part, entries, chunks';

/**
 * A chunk as one number that sorts as (document id, sequence number) do: id × 2^20 + sequence.
 * Exact while ids stay below 2^33 and a document has fewer than 2^20 chunks (268 million words);
 * the builder refuses anything past that.
 */
const SEQ_SPAN = 2 ** 20;
const MAX_DOC = 2 ** 33;

export function chunkKey(doc: number, seq: number): number {
  return doc * SEQ_SPAN + seq;
}

export function docOfKey(key: number): number {
  return Math.floor(key / SEQ_SPAN);
}

export function seqOfKey(key: number): number {
  return key % SEQ_SPAN;
}

/** The most keys a list of this many bytes decodes to: every entry takes at least two bytes. */
export function maxPostingKeys(bytes: Uint8Array): number {
  return bytes.length >> 1;
}

/**
 * Decodes a posting list written by PostingsBuilder into its chunks' keys (see chunkKey),
 * ascending: into `keys` from `from` when given (with room for maxPostingKeys), so that a
 * lookup's hundreds of lists share one array, or into an array of its own.
 */
export function decodePostings(bytes: Uint8Array, keys = new Float64Array(maxPostingKeys(bytes)), from = 0): Float64Array {
  let count = from;
  let doc = 0;
  let at = 0;
  let second = false;
  while (at < bytes.length) {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 128;
    }
    if (second) keys[count++] = chunkKey(doc, value);
    else doc += value;
    second = !second;
  }
  return keys.subarray(from, count);
}

/** Writes `value` (a safe non-negative integer) as a little-endian base-128 varint. */
function writeVarint(buffer: Buffer, at: number, value: number): number {
  if (value < 0x80) {
    buffer[at] = value;
    return at + 1;
  }
  while (value >= 0x80) {
    buffer[at++] = (value % 128) | 0x80;
    value = Math.floor(value / 128);
  }
  buffer[at++] = value;
  return at;
}

function grown<T extends Float64Array | Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
