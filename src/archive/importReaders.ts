// The import's readers: worker threads that read, parse and chunk source files (importRead.ts)
// while the main thread streams the rows into the database. Parsing is most of an import's
// CPU time, and the database works on its own core, so on two cores or more the readers and
// the database overlap. Without the worker script (a bundle that does not ship it, as in the
// tests' own bundles) the files are read on the main thread, with the same results.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Worker } from 'worker_threads';
import type { CorpusWarning } from '../core/types';
import { isReadFailure, readForImport, type ImportedFile, type ImportRequest, type ReadFailure } from './importRead';

type Answer = ImportedFile | CorpusWarning;

/** Reader threads start when more than this many bytes of files are to be read (see the constructor). */
export const THREADS_AFTER_BYTES = 16_000_000;

/**
 * Files are sent to a reader in batches of up to this many, or of this many bytes, and come back
 * in one message a batch. A message costs both threads about 0.1 ms whatever it holds (about
 * 13% of the reading of an average 4 kB file when each file had its own).
 */
const BATCH_FILES = 16;
const BATCH_BYTES = 256 * 1024;

interface Asked {
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
}

interface Waiting {
  files: Asked[];
  worker: number;
}

/** The worker script next to the bundle that runs the import (dist/importWorker.js), if shipped. */
export function defaultWorkerScript(): string | undefined {
  const script = path.join(__dirname, 'importWorker.js');
  return fs.existsSync(script) ? script : undefined;
}

/** One reader per core, up to four: beyond that the database, not parsing, sets the pace. */
export function defaultReaderCount(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores));
}

export class ImportReaders {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private seq = 0;
  private failure: Error | undefined;

  /**
   * Readers on up to `count` worker threads running `script`; with no script, reading happens on
   * this thread. The threads start only once more than `after` bytes are to be read (told by
   * `expect`, else counted as they are asked for): a thread costs about 0.2 s of CPU to load and
   * warm up, more than it saves on a small import.
   */
  constructor(private readonly script: string | undefined, private readonly count: number, private readonly after = THREADS_AFTER_BYTES) {}

  private asked = 0;

  /**
   * Says how many bytes the import will ask for: past `after`, the threads start now, rather
   * than once that many were read here (at 100 MB, reading the first 16 MB on this thread took
   * a fifth of the import).
   */
  expect(bytes: number): void {
    if (!this.workers.length && this.script && this.count > 0 && bytes > this.after) this.start();
  }

  private start(): void {
    const { Worker: WorkerThread } = require('worker_threads') as typeof import('worker_threads');
    for (let k = 0; k < this.count; k++) {
      const worker = new WorkerThread(this.script!);
      worker.on('message', (message: { seq: number; files?: (Answer | ReadFailure)[]; error?: string }) => {
        const waiting = this.waiting.get(message.seq);
        if (!waiting) return;
        this.waiting.delete(message.seq);
        this.load[waiting.worker] -= waiting.files.length;
        waiting.files.forEach((asked, k) => {
          const answer = message.files?.[k];
          if (!answer || isReadFailure(answer)) asked.reject(new Error(answer?.error ?? message.error ?? 'a reader thread answered without the file'));
          else asked.resolve(answer);
        });
      });
      // A reader that dies takes its files with it: the import fails (and rolls back) with its error.
      const fail = (error: Error) => {
        this.failure ??= error;
        for (const [seq, waiting] of this.waiting) {
          if (waiting.worker !== k) continue;
          this.waiting.delete(seq);
          for (const asked of waiting.files) asked.reject(error);
        }
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`a reader thread stopped (exit code ${code})`));
      });
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  /** The batch being gathered: requests not yet sent, and who waits for them. */
  private batch: { requests: ImportRequest[]; files: Asked[]; bytes: number } | undefined;

  /**
   * Reads one file of `bytes` bytes for the archive, on the least busy reader. The file goes out
   * with its batch: once the batch is full, or else as soon as the caller waits on anything.
   */
  read(request: ImportRequest, bytes: number): Promise<Answer> {
    if (this.failure) return Promise.reject(this.failure);
    this.asked += bytes;
    if (!this.workers.length && this.script && this.count > 0 && this.asked > this.after) this.start();
    if (!this.workers.length) return readForImport(request);
    return new Promise<Answer>((resolve, reject) => {
      if (!this.batch) {
        this.batch = { requests: [], files: [], bytes: 0 };
        const batch = this.batch;
        setImmediate(() => {
          if (this.batch === batch) this.send();
        });
      }
      this.batch.requests.push(request);
      this.batch.files.push({ resolve, reject });
      this.batch.bytes += bytes;
      if (this.batch.requests.length >= BATCH_FILES || this.batch.bytes >= BATCH_BYTES) this.send();
    });
  }

  private send(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = undefined;
    if (this.failure) {
      for (const asked of batch.files) asked.reject(this.failure);
      return;
    }
    let worker = 0;
    for (let k = 1; k < this.workers.length; k++) if (this.load[k] < this.load[worker]) worker = k;
    const seq = ++this.seq;
    this.load[worker] += batch.files.length;
    this.waiting.set(seq, { files: batch.files, worker });
    this.workers[worker].postMessage({ seq, requests: batch.requests });
  }

  /** Reader threads running (0 when reading on the main thread). */
  get threads(): number {
    return this.workers.length;
  }

  /**
   * How many reads may be asked for ahead of the one the import waits on. Files are settled in
   * walk order, so one long file holds the window; with eight a thread, each thread sat idle for
   * about a third of a 100 MB import, and with 64 the reading took 10 s instead of 12.
   */
  get window(): number {
    return Math.max(1, this.workers.length * 64);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
