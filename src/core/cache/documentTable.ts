// What the cache keeps of each source document, stored column by column: numbers in typed
// arrays and only the strings in JSON. An archive has ten thousand documents or more, and an
// object per document (with its block list and metadata) would make the cache slow to parse
// and keep megabytes of small objects alive for the life of the editor.

import type { SourceLocation, SourceMeta } from '../types';

/** What the cache keeps of one source document, as one record (for documents just read). */
export interface DocumentRecord {
  path: string;
  size: number;
  mtimeMs: number;
  /** SHA-1 of the file's bytes in hex, so a touched but unchanged file is not re-read. */
  hash: string;
  title: string;
  meta: SourceMeta;
  display?: 'file' | 'extracted';
  /** Block spans as [start, end, start, end, …]. */
  blocks: number[];
  /** Text-to-file offset runs as [textStart, textLength, fileStart, fileLength, …]; absent means identity. */
  runs?: number[];
  /** Location marks as [start, location] pairs in ascending order. */
  marks?: [number, SourceLocation][];
  /** Set when the document cannot be restored from the cache and must be read again. */
  reread?: boolean;
}

/** Where a document's UTF-8 text sits: which texts file of the cache, and where in it. */
export interface TextPlace {
  segment: number;
  textStart: number;
  textBytes: number;
}

/** The rarely present parts of a record, kept only for the documents that have them. */
interface Extra {
  meta?: SourceMeta;
  display?: 'file' | 'extracted';
  runs?: number[];
  marks?: [number, SourceLocation][];
}

/** The columns of a table, as saved in the cache file. */
export interface TableColumns {
  /** JSON of `{ paths, titles, extras }`. */
  strings: string;
  /** Per document: size, modification time, text start and text length. */
  facts: Float64Array;
  hashes: Uint8Array;
  segments: Uint8Array;
  flags: Uint8Array;
  blockStarts: Int32Array;
  blocks: Int32Array;
}

const FACTS = 4;
const HASH_BYTES = 20;
const REREAD = 1;
const EMPTY_META: SourceMeta = Object.freeze({}) as SourceMeta;

/** The documents of a cached corpus, read column by column. */
export class DocumentTable {
  private constructor(
    private readonly paths: string[],
    private readonly titles: string[],
    private readonly extras: Record<number, Extra>,
    private readonly columns: Omit<TableColumns, 'strings'>,
  ) {}

  get count(): number {
    return this.paths.length;
  }

  path(k: number): string { return this.paths[k]; }
  title(k: number): string { return this.titles[k]; }
  size(k: number): number { return this.columns.facts[k * FACTS]; }
  mtimeMs(k: number): number { return this.columns.facts[k * FACTS + 1]; }
  meta(k: number): SourceMeta { return this.extras[k]?.meta ?? EMPTY_META; }
  display(k: number): 'file' | 'extracted' | undefined { return this.extras[k]?.display; }
  runs(k: number): number[] | undefined { return this.extras[k]?.runs; }
  marks(k: number): [number, SourceLocation][] | undefined { return this.extras[k]?.marks; }
  reread(k: number): boolean { return (this.columns.flags[k] & REREAD) !== 0; }

  /** The SHA-1 of the file's bytes when it was read, in hex. */
  hash(k: number): string {
    return Buffer.from(this.columns.hashes.buffer, this.columns.hashes.byteOffset + k * HASH_BYTES, HASH_BYTES).toString('hex');
  }

  /** The raw SHA-1 bytes, for copying a row into a new table. */
  hashBytes(k: number): Uint8Array {
    return this.columns.hashes.subarray(k * HASH_BYTES, (k + 1) * HASH_BYTES);
  }

  /** The row's flag bits and rarely present parts, for copying it into a new table. */
  rest(k: number): { flags: number; extra: Extra | undefined } {
    return { flags: this.columns.flags[k], extra: this.extras[k] };
  }

  /** Block spans of document `k` as [start, end, start, end, …]. */
  blocks(k: number): Int32Array {
    return this.columns.blocks.subarray(this.columns.blockStarts[k], this.columns.blockStarts[k + 1]);
  }

  place(k: number): TextPlace {
    return { segment: this.columns.segments[k], textStart: this.columns.facts[k * FACTS + 2], textBytes: this.columns.facts[k * FACTS + 3] };
  }

  /** True when every document's text lies within its texts file, of the sizes given by segment. */
  placesFit(segmentSizes: number[]): boolean {
    const { facts, segments } = this.columns;
    for (let k = 0; k < this.count; k++) {
      const start = facts[k * FACTS + 2];
      const bytes = facts[k * FACTS + 3];
      const size = segmentSizes[segments[k]];
      if (size === undefined || !Number.isInteger(start) || !Number.isInteger(bytes) || start < 0 || bytes < 0 || start + bytes > size) return false;
    }
    return true;
  }

  /** The texts files (by segment number) that some document still uses. */
  segmentsInUse(): Set<number> {
    return new Set(this.columns.segments);
  }

  /** A copy that shares no memory with the cache file it was read from, so the file's bytes can be freed. */
  detached(): DocumentTable {
    const c = this.columns;
    return new DocumentTable(this.paths, this.titles, this.extras, {
      facts: c.facts.slice(), hashes: c.hashes.slice(), segments: c.segments.slice(), flags: c.flags.slice(), blockStarts: c.blockStarts.slice(), blocks: c.blocks.slice(),
    });
  }

  /** The table's columns, for saving. */
  save(): TableColumns {
    return { strings: JSON.stringify({ paths: this.paths, titles: this.titles, extras: this.extras }), ...this.columns };
  }

  /** A table restored from saved columns; throws when they do not fit together. */
  static load(columns: TableColumns): DocumentTable {
    const { paths, titles, extras } = JSON.parse(columns.strings) as { paths: string[]; titles: string[]; extras: Record<number, Extra> };
    const n = paths.length;
    const fits = Array.isArray(titles) && titles.length === n && columns.facts.length === n * FACTS && columns.hashes.length === n * HASH_BYTES
      && columns.segments.length === n && columns.flags.length === n && columns.blockStarts.length === n + 1
      && columns.blockStarts[n] === columns.blocks.length;
    if (!fits) throw new Error('the saved document table is inconsistent');
    return new DocumentTable(paths, titles, extras ?? {}, columns);
  }

  /** Builds a table row by row. */
  static builder(): DocumentTableBuilder {
    return new DocumentTableBuilder((paths, titles, extras, columns) => new DocumentTable(paths, titles, extras, columns));
  }
}

type Make = (paths: string[], titles: string[], extras: Record<number, Extra>, columns: Omit<TableColumns, 'strings'>) => DocumentTable;

/** Collects rows, from records of documents just read or copied from an older table. */
export class DocumentTableBuilder {
  private readonly paths: string[] = [];
  private readonly titles: string[] = [];
  private readonly extras: Record<number, Extra> = {};
  private readonly facts: number[] = [];
  private readonly hashes: Buffer[] = [];
  private readonly segments: number[] = [];
  private readonly flags: number[] = [];
  private readonly blockStarts: number[] = [0];
  private readonly blocks: number[] = [];

  constructor(private readonly make: Make) {}

  get count(): number {
    return this.paths.length;
  }

  /** Adds a document just read. */
  add(record: DocumentRecord, place: TextPlace): void {
    const extra: Extra = {};
    if (Object.keys(record.meta).length) extra.meta = record.meta;
    if (record.display) extra.display = record.display;
    if (record.runs) extra.runs = record.runs;
    if (record.marks) extra.marks = record.marks;
    if (Object.keys(extra).length) this.extras[this.count] = extra;
    this.row(record.path, record.title, record.size, record.mtimeMs, Buffer.from(record.hash.padEnd(2 * HASH_BYTES, '0').slice(0, 2 * HASH_BYTES), 'hex'),
      record.reread ? REREAD : 0, record.blocks, place);
  }

  /** Adds document `k` of `table` unchanged but for its modification time and text place. */
  copy(table: DocumentTable, k: number, mtimeMs: number, place: TextPlace): void {
    const { flags, extra } = table.rest(k);
    if (extra) this.extras[this.count] = extra;
    this.row(table.path(k), table.title(k), table.size(k), mtimeMs, table.hashBytes(k), flags, table.blocks(k), place);
  }

  finish(): DocumentTable {
    const hashes = new Uint8Array(this.count * HASH_BYTES);
    this.hashes.forEach((hash, k) => hashes.set(hash, k * HASH_BYTES));
    return this.make(this.paths, this.titles, this.extras, {
      facts: Float64Array.from(this.facts),
      hashes,
      segments: Uint8Array.from(this.segments),
      flags: Uint8Array.from(this.flags),
      blockStarts: Int32Array.from(this.blockStarts),
      blocks: Int32Array.from(this.blocks),
    });
  }

  private row(path: string, title: string, size: number, mtimeMs: number, hash: Uint8Array, flags: number, blocks: ArrayLike<number>, place: TextPlace): void {
    this.paths.push(path);
    this.titles.push(title);
    this.facts.push(size, mtimeMs, place.textStart, place.textBytes);
    this.hashes.push(Buffer.from(hash));
    this.segments.push(place.segment);
    this.flags.push(flags);
    for (let b = 0; b < blocks.length; b++) this.blocks.push(blocks[b]);
    this.blockStarts.push(this.blocks.length);
  }
}
