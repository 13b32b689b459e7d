// The archive's inverted index, built here rather than by PostgreSQL: for each pair bucket, the
// chunks that hold it, as one row per bucket and import ("part"). PostgreSQL 15 builds a GIN
// index on one core, gathering its entries in a key tree that outgrows the processor's cache:
// at 1 GB of sources that build took 255 of the import's 340 s (about 2 µs an entry). A counting
// sort by bucket over typed arrays does the same grouping in a few seconds, and the rows go in
// with the chunks' binary COPY; a lookup reads its buckets' rows by primary key.
//
// A list holds (document id, sequence number) pairs in ascending order, as varints: the gap to
// the previous document id (the id itself for the first), then the sequence number. A typical
// entry takes two or three bytes, about what GIN's compressed lists took.

import { CopyRows } from './copyBinary';

/** Entries held in memory before they are written out as a part: about 1 GB of typed arrays at the cap. */
export const MAX_PART_ENTRIES = 160_000_000;

/** Pair buckets are gathered in blocks of this many, so the builder never copies what it holds to grow. */
const BLOCK_ENTRIES = 1 << 22;

/** Posting rows are handed to the writer in batches of about this many bytes. */
const ROWS_BATCH_BYTES = 8 << 20;

/** Gathers chunks' pair buckets, in ascending (document, sequence) order, and writes them grouped by bucket. */
export class PostingsBuilder {
  private docs = new Float64Array(1024);
  private seqs = new Int32Array(1024);
  /** ends[c]: the end of chunk c's buckets in the blocks, counted in entries. */
  private ends = new Uint32Array(1024);
  private blocks: Int32Array[] = [];
  private chunkCount = 0;
  private entryCount = 0;

  constructor(private readonly buckets: number) {}

  get chunks(): number {
    return this.chunkCount;
  }

  get entries(): number {
    return this.entryCount;
  }

  /** Adds chunk `seq` of document `doc`, holding the distinct buckets `pairs[0, count)`. */
  add(doc: number, seq: number, pairs: ArrayLike<number>, count = pairs.length): void {
    if (doc >= MAX_DOC || seq >= SEQ_SPAN) throw new Error(`chunk ${seq} of document ${doc} is past what the archive's posting lists address (ids below 2^33, 2^20 chunks a document)`);
    if (this.chunkCount === this.docs.length) {
      this.docs = grown(this.docs, new Float64Array(this.chunkCount * 2));
      this.seqs = grown(this.seqs, new Int32Array(this.chunkCount * 2));
      this.ends = grown(this.ends, new Uint32Array(this.chunkCount * 2));
    }
    for (let k = 0; k < count; ) {
      const at = this.entryCount & (BLOCK_ENTRIES - 1);
      if (at === 0) this.blocks.push(new Int32Array(BLOCK_ENTRIES));
      const block = this.blocks[this.blocks.length - 1];
      const stop = Math.min(count, k + BLOCK_ENTRIES - at);
      for (let j = k; j < stop; j++) block[at + j - k] = pairs[j];
      this.entryCount += stop - k;
      k = stop;
    }
    this.docs[this.chunkCount] = doc;
    this.seqs[this.chunkCount] = seq;
    this.ends[this.chunkCount++] = this.entryCount;
  }

  /**
   * Hands `write` the verbatim_postings rows (POSTING_COLUMNS, binary COPY) of everything added,
   * as part `part`, in batches; then empties the builder.
   */
  async writeRows(part: number, write: (rows: Buffer) => Promise<void>): Promise<void> {
    const { starts, sorted } = this.groupByBucket();
    let rows = new CopyRows(ROWS_BATCH_BYTES + (1 << 16));
    let list = Buffer.allocUnsafe(1 << 16);
    for (let b = 0; b < this.buckets; ) {
      b = this.encodeLists(b, starts, sorted, part, rows, list);
      if (b < 0) {
        // The list did not fit: a larger buffer for it, and the bucket again.
        b = -b - 1;
        list = Buffer.allocUnsafe(16 * (starts[b + 1] - starts[b]));
        continue;
      }
      if (rows.byteLength) await write(rows.written());
      rows = new CopyRows(ROWS_BATCH_BYTES + (1 << 16));
    }
    this.blocks = [];
    this.chunkCount = 0;
    this.entryCount = 0;
  }

  /** The chunk numbers grouped by bucket (a counting sort), each group in chunk order; bucket b's are sorted[starts[b], starts[b + 1]). */
  private groupByBucket(): { starts: Uint32Array; sorted: Uint32Array } {
    const starts = new Uint32Array(this.buckets + 1);
    const last = this.blocks.length - 1;
    this.blocks.forEach((block, n) => {
      const used = n === last ? this.entryCount - last * BLOCK_ENTRIES : BLOCK_ENTRIES;
      for (let k = 0; k < used; k++) starts[block[k] + 1]++;
    });
    for (let b = 0; b < this.buckets; b++) starts[b + 1] += starts[b];
    const sorted = new Uint32Array(this.entryCount);
    const next = starts.slice(0, this.buckets);
    const ends = this.ends;
    let chunk = 0;
    this.blocks.forEach((block, n) => {
      const base = n * BLOCK_ENTRIES;
      const used = n === last ? this.entryCount - base : BLOCK_ENTRIES;
      for (let k = 0; k < used; k++) {
        while (base + k >= ends[chunk]) chunk++;
        sorted[next[block[k]]++] = chunk;
      }
    });
    return { starts, sorted };
  }

  /**
   * Appends the rows of buckets from `first` on to `rows` until a batch is full; returns the
   * bucket to go on from, or -(b + 1) when bucket b's list does not fit `list`.
   */
  private encodeLists(first: number, starts: Uint32Array, sorted: Uint32Array, part: number, rows: CopyRows, list: Buffer): number {
    const { docs, seqs } = this;
    for (let b = first; b < this.buckets; b++) {
      const from = starts[b];
      const to = starts[b + 1];
      if (from === to) continue;
      if (list.length < 16 * (to - from)) return -b - 1;
      let at = 0;
      let lastDoc = 0;
      for (let k = from; k < to; k++) {
        const chunk = sorted[k];
        at = writeVarint(list, at, docs[chunk] - lastDoc);
        at = writeVarint(list, at, seqs[chunk]);
        lastDoc = docs[chunk];
      }
      rows.row(4);
      rows.int4(b);
      rows.int4(part);
      rows.int4(to - from);
      rows.bytes(list, at);
      if (rows.byteLength >= ROWS_BATCH_BYTES) return b + 1;
    }
    return this.buckets;
  }
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

/** Decodes a posting list written by PostingsBuilder into its chunks' keys (see chunkKey), ascending. */
export function decodePostings(bytes: Uint8Array): Float64Array {
  // Every entry takes at least two bytes.
  const keys = new Float64Array(bytes.length >> 1);
  let count = 0;
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
  return keys.subarray(0, count);
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
