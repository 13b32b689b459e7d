// Character offsets of a document's tokens, found again on demand. The index stores only word
// ids; a check needs the offsets of the few passages it reports, so a document is re-scanned up
// to the last token asked for. The re-scan takes the same two paths as indexing
// (IndexBuilder.addWords): a plain ASCII word is measured in place, and only a word the rules
// treat specially goes through WordScanner. Most of a warm CLI run's re-scanning is plain
// English, where the scanner's per-word checks (initialisms, spaceless scripts, hashing) would
// cost about twice the time of the plain loop, in code the first check runs before it is
// optimised. Taking the indexer's own paths also keeps the offsets token for token in step with
// the ids the index holds.

import type { SourceDocument } from '../types';
import { isAsciiAlnum, WordScanner } from '../wordScanner';

/**
 * True when the ASCII run `text[i, j)` may not be a whole word by itself: the word rules could
 * extend it past `j` (a non-ASCII letter, an inner apostrophe, a decimal point or thousands
 * separator before a digit) or read it as an initialism ("U.S.").
 */
export function continuesWord(text: string, i: number, j: number, end: number): boolean {
  if (j >= end) return false;
  const next = text.charCodeAt(j);
  if (next >= 128) return true;
  if (next === 39) return j + 1 < end && (text.charCodeAt(j + 1) >= 128 || isAsciiAlnum(text.charCodeAt(j + 1)));
  if (next === 46 || next === 44) {
    if (j + 1 >= end) return false;
    const after = text.charCodeAt(j + 1);
    return after >= 128 || (after >= 48 && after <= 57) || (next === 46 && j - i === 1 && !(text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57));
  }
  return false;
}

/**
 * Token start and end offsets of one document, recomputed on demand from its start up to the
 * last token asked for. Between requests only where to resume is kept (a block and an offset),
 * never the text, so remembered documents hold no copy of their text.
 */
export class TokenOffsets {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Tokens whose offsets are known. */
  private known = 0;
  /** The block the scan resumes in, and the offset in the text where it resumes. */
  private block = 0;
  private resumeAt = -1;

  constructor(private readonly doc: SourceDocument, count: number) {
    this.starts = new Int32Array(count);
    this.ends = new Int32Array(count);
  }

  /** Makes the offsets of tokens up to `k` (of this document) known. */
  reach(k: number): this {
    if (k < this.known) return this;
    const count = this.starts.length;
    const text = this.doc.text;
    const blocks = this.doc.blocks;
    for (; this.block < blocks.length && this.known < count; this.block++, this.resumeAt = -1) {
      const end = blocks[this.block].end;
      let i = this.resumeAt < 0 ? blocks[this.block].start : this.resumeAt;
      while (i < end && this.known < count) {
        const c = text.charCodeAt(i);
        if (c < 128 && !isAsciiAlnum(c)) {
          i++;
          continue;
        }
        let j = i;
        if (c < 128) while (j < end && isAsciiAlnum(text.charCodeAt(j))) j++;
        if (j > i && !continuesWord(text, i, j, end)) {
          this.starts[this.known] = i;
          this.ends[this.known++] = j;
          i = j;
        } else {
          const scanner = new WordScanner(text, i, end);
          if (!scanner.next()) break;
          this.starts[this.known] = scanner.start;
          this.ends[this.known++] = scanner.end;
          // A run of a script without spaces is split as a whole, as the index split it: a
          // scan resumed inside it could split it differently.
          while (scanner.inSegmentedRun && this.known < count && scanner.next()) {
            this.starts[this.known] = scanner.start;
            this.ends[this.known++] = scanner.end;
          }
          i = scanner.end;
        }
        if (this.known > k) {
          this.resumeAt = i;
          return this;
        }
      }
    }
    return this;
  }
}
