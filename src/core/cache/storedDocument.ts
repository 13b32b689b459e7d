// Source documents restored from the cache. Their text stays on disk until a result needs it:
// an archive's text would otherwise sit in memory twice over (as the index and as strings), and
// only the handful of documents a check reports are ever read back.

import * as fs from 'fs';
import type { DocumentMapping, SourceDocument, SourceLocation, SourceMeta, Span } from '../types';
import { locatorFromMarks } from '../corpus/locationIndex';
import { LruMap } from '../lruMap';
import { mapThroughRuns } from '../corpus/offsetMap';
import type { DocumentRecord } from './cacheFile';

/** How many decoded texts are kept for documents read recently. */
const TEXT_CACHE_SIZE = 64;

/** Reads document texts from one texts file, keeping the most recently used ones decoded. */
export class TextStore {
  private fd: number | null = null;
  private readonly recent = new LruMap<number, string>(TEXT_CACHE_SIZE);

  constructor(readonly file: string) {}

  /** The text stored at [start, start + bytes) of the file. */
  read(start: number, bytes: number): string {
    const cached = this.recent.get(start);
    if (cached !== undefined) return cached;
    const text = this.readBytes(start, bytes).toString('utf8');
    this.recent.set(start, text);
    return text;
  }

  /** The raw UTF-8 bytes at [start, start + bytes), for copying a text into a new cache unchanged. */
  readBytes(start: number, bytes: number): Buffer {
    const fd = this.descriptor();
    const buffer = Buffer.allocUnsafe(bytes);
    let read = 0;
    while (read < bytes) {
      const n = fs.readSync(fd, buffer, read, bytes - read, start + read);
      if (n === 0) break;
      read += n;
    }
    return read === bytes ? buffer : buffer.subarray(0, read);
  }

  /** Opens the texts file on first use; the descriptor is closed when the store is collected. */
  private descriptor(): number {
    if (this.fd === null) {
      this.fd = fs.openSync(this.file, 'r');
      closeWhenCollected.register(this, this.fd);
    }
    return this.fd;
  }
}

const closeWhenCollected = new FinalizationRegistry<number>((fd) => {
  try {
    fs.closeSync(fd);
  } catch {
    // Already closed.
  }
});

/** A document whose text is read from the cache's texts file on first use. */
export class StoredDocument implements SourceDocument {
  readonly path: string;
  readonly title: string;
  readonly meta: SourceMeta;
  readonly size: number;
  readonly mtimeMs: number;
  readonly display?: 'file' | 'extracted';
  readonly locate?: (textOffset: number) => SourceLocation;
  private blockSpans: Span[] | null = null;

  constructor(public id: number, readonly record: DocumentRecord, private readonly texts: TextStore) {
    this.path = record.path;
    this.title = record.title;
    this.meta = record.meta;
    this.size = record.size;
    this.mtimeMs = record.mtimeMs;
    if (record.display) this.display = record.display;
    if (record.marks?.length) this.locate = locatorFromMarks(record.marks.map(([start, location]) => ({ start, location })));
  }

  /** The stored mapping data, so that a document restored from the cache can be cached again. */
  get mapping(): DocumentMapping | undefined {
    const { runs, marks } = this.record;
    return runs || marks ? { ...(runs ? { runs } : {}), ...(marks ? { marks } : {}) } : undefined;
  }

  get text(): string {
    return this.texts.read(this.record.textStart, this.record.textBytes);
  }

  get blocks(): Span[] {
    if (!this.blockSpans) {
      const flat = this.record.blocks;
      this.blockSpans = [];
      for (let k = 0; k + 1 < flat.length; k += 2) this.blockSpans.push({ start: flat[k], end: flat[k + 1] });
    }
    return this.blockSpans;
  }

  fileOffset(textOffset: number): number {
    const runs = this.record.runs;
    return runs ? mapThroughRuns(runs, textOffset) : textOffset;
  }
}
