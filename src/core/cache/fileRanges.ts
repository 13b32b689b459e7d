// Reading parts of an open cache file by position. A cache file is never rewritten in place
// (a new one is renamed over it), so an open descriptor reads the file as it was when opened.

import * as fs from 'fs';

/** Bytes [start, start + data.length) of a file, as read. */
export interface Chunk {
  start: number;
  data: Buffer;
}

/**
 * `length` bytes of the file from `start`, in a buffer of their own (never a pooled one, so
 * typed-array views of aligned offsets are aligned); throws when the file is shorter.
 */
export function readRange(fd: number, start: number, length: number): Buffer {
  const data = Buffer.allocUnsafeSlow(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, data, done, length - done, start + done);
    if (n === 0) throw new Error('the cache file is shorter than its header says');
    done += n;
  }
  return data;
}

/**
 * Bytes [start, end) of the file open as `fd`, read on libuv's threads while the main thread goes
 * on, in a buffer of their own as `readRange` reads them. Never throws: a range too large to hold
 * rejects like a failed read, so a caller waiting for all its reads sees it there.
 */
export function readChunkInBackground(fd: number, start: number, end: number): Promise<Chunk> {
  return new Promise((resolve, reject) => {
    const data = Buffer.allocUnsafeSlow(end - start);
    const next = (done: number): void => {
      if (done === data.length) return resolve({ start, data });
      fs.read(fd, data, done, data.length - done, start + done, (error, n) => {
        if (error) reject(error);
        else if (n === 0) reject(new Error('the cache file is shorter than its header says'));
        else next(done + n);
      });
    };
    next(0);
  });
}

/** Closes `fd`; one already closed is no error. */
export function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // Already closed.
  }
}

/**
 * Closes a cache file's descriptor when the object reading it is collected. Holders register
 * themselves (as the token too) and unregister when they close the file first.
 */
export const closeWhenCollected = new FinalizationRegistry<number>(closeQuietly);
