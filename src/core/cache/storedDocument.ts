// Source documents restored from the cache. Their text stays on disk until a result needs it:
// an archive's text would otherwise sit in memory twice over (as the index and as strings), and
// only the handful of documents a check reports are ever read back.

import * as fs from 'fs';
import type { SourceDocument, SourceLocation, SourceMeta, Span } from '../types';
import type { DocumentRecord } from './cacheFile';

/** How many decoded texts are kept for documents read recently. */
const TEXT_CACHE_SIZE = 64;

/** Reads document texts from one texts file, keeping the most recently used ones decoded. */
export class TextStore {
  private fd: number | null = null;
  private readonly recent = new Map<number, string>();

  constructor(readonly file: string) {}

  /** The text stored at [start, start + bytes) of the file. */
  read(start: number, bytes: number): string {
    const cached = this.recent.get(start);
    if (cached !== undefined) {
      this.recent.delete(start);
      this.recent.set(start, cached);
      return cached;
    }
    if (this.fd === null) {
      this.fd = fs.openSync(this.file, 'r');
      // The descriptor is closed when the store is collected; stores live as long as their corpus.
      closeWhenCollected.register(this, this.fd);
    }
    const buffer = Buffer.allocUnsafe(bytes);
    let read = 0;
    while (read < bytes) {
      const n = fs.readSync(this.fd, buffer, read, bytes - read, start + read);
      if (n === 0) break;
      read += n;
    }
    const text = buffer.toString('utf8', 0, read);
    if (this.recent.size >= TEXT_CACHE_SIZE) this.recent.delete(this.recent.keys().next().value as number);
    this.recent.set(start, text);
    return text;
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
    if (record.marks?.length) this.locate = locatorOf(record.marks);
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

/**
 * Maps a text offset through runs [textStart, textLength, fileStart, fileLength, …]: inside a
 * run of equal lengths linearly, inside a changed run (a decoded entity) to its start, and
 * between runs to the end of the run before, so a span's end stays after its last character.
 */
export function mapThroughRuns(runs: readonly number[], textOffset: number): number {
  const count = runs.length / 4;
  if (count === 0) return textOffset;
  let low = 0;
  let high = count - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (runs[mid * 4] <= textOffset) { found = mid; low = mid + 1; } else { high = mid - 1; }
  }
  if (found < 0) return runs[2];
  const [textStart, textLength, fileStart, fileLength] = runs.slice(found * 4, found * 4 + 4);
  const into = textOffset - textStart;
  if (into >= textLength) return fileStart + fileLength;
  if (textLength === fileLength) return fileStart + into;
  return into === 0 ? fileStart : fileStart + fileLength;
}

function locatorOf(marks: [number, SourceLocation][]): (textOffset: number) => SourceLocation {
  return (textOffset) => {
    let low = 0;
    let high = marks.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (marks[mid][0] <= textOffset) { found = mid; low = mid + 1; } else { high = mid - 1; }
    }
    return found >= 0 ? { ...marks[found][1] } : {};
  };
}
