// Writes a texts file of the cache: document texts appended one after another, gathered into
// large writes, under a temporary name until finished. A failure is reported once, as a warning
// that names the cache folder; the corpus still opens, only the cache is not refreshed.

import * as fs from 'fs';
import * as path from 'path';
import type { CorpusWarning } from '../types';
import { newGeneration, textsFileName } from './cacheFile';
import { temporaryPath } from './temporaryFiles';

/** Texts are gathered into writes of about this many bytes: one write per small file is slow. */
const WRITE_BATCH_BYTES = 1 << 20;

/** The message of a cache that could not be written. */
export function cacheWriteFailure(error: unknown): string {
  return `the index cache could not be written (${(error as Error).message}); the corpus will be read again next time`;
}

/** Appends document texts to a new texts file. */
export class TextsWriter {
  /** The segment name of the file being written. */
  readonly segment = newGeneration();
  private offset = 0;
  private failed = false;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private fd: number | null = null;

  private constructor(private readonly dir: string, private readonly warnings: CorpusWarning[]) {}

  static open(dir: string, warnings: CorpusWarning[]): TextsWriter {
    const writer = new TextsWriter(dir, warnings);
    try {
      fs.mkdirSync(dir, { recursive: true });
      writer.fd = fs.openSync(writer.temporary, 'w');
    } catch (error) {
      writer.fail(error);
    }
    return writer;
  }

  private get temporary(): string {
    return temporaryPath(path.join(this.dir, textsFileName(this.segment)));
  }

  /** Writes `text` and returns where it landed. */
  append(text: string): { textStart: number; textBytes: number } {
    return this.appendBytes(Buffer.from(text, 'utf8'));
  }

  /** Writes a text already encoded as UTF-8 and returns where it landed. */
  appendBytes(bytes: Buffer): { textStart: number; textBytes: number } {
    const textStart = this.offset;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= WRITE_BATCH_BYTES) this.flush();
    this.offset += bytes.length;
    return { textStart, textBytes: bytes.length };
  }

  private flush(): void {
    if (this.fd !== null && !this.failed && this.pending.length) {
      try {
        fs.writeSync(this.fd, Buffer.concat(this.pending, this.pendingBytes));
      } catch (error) {
        this.fail(error);
      }
    }
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Closes and renames the file into place; returns its path, or null when writing failed. */
  finish(): string | null {
    this.flush();
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    if (this.failed) return null;
    const file = path.join(this.dir, textsFileName(this.segment));
    try {
      fs.renameSync(this.temporary, file);
      return file;
    } catch (error) {
      this.fail(error);
      return null;
    }
  }

  private fail(error: unknown): void {
    if (!this.failed) this.warnings.push({ path: this.dir, message: cacheWriteFailure(error) });
    this.failed = true;
  }
}
