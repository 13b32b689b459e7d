// Source documents restored from the cache. Their text stays on disk until a result needs it:
// an archive's text would otherwise sit in memory twice over (as the index and as strings), and
// only the handful of documents a check reports are ever read back.

import * as fs from 'fs';
import type { DocumentMapping, SourceDocument, SourceLocation, SourceMeta, Span } from '../types';
import { locatorFromMarks } from '../corpus/locationIndex';
import { LruMap } from '../lruMap';
import { mapThroughRuns } from '../corpus/offsetMap';
import type { DocumentTable } from './documentTable';
import { closeQuietly, closeWhenCollected } from './fileRanges';

/** How many decoded texts are kept for documents read recently. */
const TEXT_CACHE_SIZE = 64;

/** Reads document texts from one texts file, keeping the most recently used ones decoded. */
export class TextStore {
  private fd: number | null = null;
  private readonly recent = new LruMap<number, string>(TEXT_CACHE_SIZE);

  /** Opens `file` at once, so that it stays readable even if another process replaces the cache. */
  constructor(readonly file: string) {
    this.descriptor();
  }

  /** The text stored at [start, start + bytes) of the file. */
  read(start: number, bytes: number): string {
    // An empty text starts where the next document's does: it must not be remembered under
    // that start, or the next document would read as empty.
    if (bytes === 0) return '';
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

  /** Closes the file now rather than when the store is collected. */
  close(): void {
    if (this.fd === null) return;
    closeWhenCollected.unregister(this);
    closeQuietly(this.fd);
    this.fd = null;
  }

  /** Opens the texts file on first use; the descriptor is closed when the store is collected. */
  private descriptor(): number {
    if (this.fd === null) {
      this.fd = fs.openSync(this.file, 'r');
      closeWhenCollected.register(this, this.fd, this);
    }
    return this.fd;
  }
}

/**
 * A document whose text is read from the cache's texts file on first use. It holds only its
 * row number: an archive opens with ten thousand of these, and every field copied here would be
 * copied ten thousand times before the first check.
 */
export class StoredDocument implements SourceDocument {
  private blockSpans: Span[] | null = null;
  private locator: ((textOffset: number) => SourceLocation) | undefined | null = null;

  /** Document `row` of `table`, as document `id` of the corpus, with texts read from `texts[segment]`. */
  constructor(public id: number, private readonly table: DocumentTable, readonly row: number, readonly mtimeMs: number, private readonly texts: TextStore[]) {}

  get path(): string {
    return this.table.path(this.row);
  }

  get title(): string {
    return this.table.title(this.row);
  }

  get size(): number {
    return this.table.size(this.row);
  }

  get display(): 'file' | 'extracted' | undefined {
    return this.table.display(this.row);
  }

  get meta(): SourceMeta {
    return this.table.meta(this.row);
  }

  get locate(): ((textOffset: number) => SourceLocation) | undefined {
    if (this.locator === null) {
      const marks = this.table.marks(this.row);
      this.locator = marks?.length ? locatorFromMarks(marks.map(([start, location]) => ({ start, location }))) : undefined;
    }
    return this.locator;
  }

  /** The stored mapping data, so that a document restored from the cache can be cached again. */
  get mapping(): DocumentMapping | undefined {
    const runs = this.table.runs(this.row);
    const marks = this.table.marks(this.row);
    return runs || marks ? { ...(runs ? { runs } : {}), ...(marks ? { marks } : {}) } : undefined;
  }

  get text(): string {
    const place = this.table.place(this.row);
    return this.texts[place.segment].read(place.textStart, place.textBytes);
  }

  get blocks(): Span[] {
    if (!this.blockSpans) {
      const flat = this.table.blocks(this.row);
      this.blockSpans = [];
      for (let k = 0; k + 1 < flat.length; k += 2) this.blockSpans.push({ start: flat[k], end: flat[k + 1] });
    }
    return this.blockSpans;
  }

  fileOffset(textOffset: number): number {
    const runs = this.table.runs(this.row);
    return runs ? mapThroughRuns(runs, textOffset) : textOffset;
  }
}
