// Postings left in the cache file until a word's list is asked for. The posting bytes are the
// second largest part of an index file (about 150 MB of a 500 MB corpus's 360 MB), and a warm
// CLI check decodes the lists of a few hundred words, under 2 MB of them: reading each list
// where it lies, when first asked, spares a short run the read of the rest. (The token ids, the
// largest part, are read whole: the pair search probes a token at every position of a pair's
// rarer word, and a check of a hundred quotes touches nearly every page of them.)
//
// The file stays open, so a cache that another process replaces meanwhile (always by a rename)
// is still read as it was when opened; its offsets never point into the new file.

import type { Postings } from '../match/postings';
import { closeQuietly, closeWhenCollected, readRange } from './fileRanges';

/** Lists kept once read, in bytes; a run that asks for more reads them again when asked. */
const KEPT_BYTES = 32 * 1024 * 1024;

export class FilePostings implements Postings {
  private whole: Uint8Array | null = null;
  private readonly kept = new Map<number, Uint8Array>();
  private keptBytes = 0;

  /**
   * @param fd the open index file, owned from now on (closed once the whole section is read,
   *   or when these postings are collected)
   * @param start where the posting bytes start in the file
   * @param size how many posting bytes there are
   */
  constructor(private fd: number | null, private readonly start: number, readonly size: number, readonly offsets: Int32Array, readonly counts: Int32Array) {
    if (fd !== null) closeWhenCollected.register(this, fd, this);
  }

  /**
   * Every word's bytes. A refresh splices them and a rebuild writes them again, so it reads the
   * rest of the section then, from the same open file.
   */
  get bytes(): Uint8Array {
    if (!this.whole) {
      this.whole = this.read(0, this.size);
      this.kept.clear();
      this.close();
    }
    return this.whole;
  }

  /** The bytes of word `w`'s positions alone. */
  listOf(w: number): Uint8Array {
    const from = this.offsets[w];
    const to = this.offsets[w + 1];
    if (this.whole) return this.whole.subarray(from, to);
    let list = this.kept.get(w);
    if (!list) {
      list = this.read(from, to - from);
      // A long run (a server, a search over many words) must not end up holding every list.
      if (this.keptBytes + list.length > KEPT_BYTES) {
        this.kept.clear();
        this.keptBytes = 0;
      }
      this.kept.set(w, list);
      this.keptBytes += list.length;
    }
    return list;
  }

  /** Closes the file now rather than when the postings are collected. */
  close(): void {
    if (this.fd === null) return;
    closeWhenCollected.unregister(this);
    closeQuietly(this.fd);
    this.fd = null;
  }

  private read(from: number, length: number): Uint8Array {
    if (this.fd === null) throw new Error('the index file was closed before its postings were read');
    return readRange(this.fd, this.start + from, length);
  }
}

/** Closes the file behind postings read on demand, for a cache passed over; others have none. */
export function releasePostings(postings: Postings | undefined): void {
  if (postings instanceof FilePostings) postings.close();
}

/** How many posting bytes `postings` has, without reading them. */
export function postingByteLength(postings: Postings): number {
  return postings instanceof FilePostings ? postings.size : postings.bytes.length;
}

