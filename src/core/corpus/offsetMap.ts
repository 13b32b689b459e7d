// Maps offsets in extracted text back to offsets in the file it came from. Extraction copies
// most characters one for one, so the map stores runs: a run copied verbatim maps linearly,
// and a run whose length changed (an entity such as `&amp;` decoded to `&`) maps as a whole.
// Characters the extraction invented (block separators) belong to no run.

import type { SourceDocument, Span } from '../types';

/** Records text-to-file runs in text order and builds the lookup function. */
export class OffsetMapBuilder {
  private readonly textStarts: number[] = [];
  private readonly textLengths: number[] = [];
  private readonly fileStarts: number[] = [];
  private readonly fileLengths: number[] = [];

  /** Records that text[textStart, +textLength) came from file[fileStart, +fileLength). */
  add(textStart: number, textLength: number, fileStart: number, fileLength: number): void {
    const last = this.textStarts.length - 1;
    const oneForOne = textLength === fileLength;
    if (
      last >= 0 && oneForOne &&
      this.textLengths[last] === this.fileLengths[last] &&
      this.textStarts[last] + this.textLengths[last] === textStart &&
      this.fileStarts[last] + this.fileLengths[last] === fileStart
    ) {
      // Consecutive copied characters extend the previous run, which keeps the map small.
      this.textLengths[last] += textLength;
      this.fileLengths[last] += fileLength;
      return;
    }
    this.textStarts.push(textStart);
    this.textLengths.push(textLength);
    this.fileStarts.push(fileStart);
    this.fileLengths.push(fileLength);
  }

  /** The runs as [textStart, textLength, fileStart, fileLength, …], the form a cache stores. */
  runs(): number[] {
    const runs: number[] = [];
    for (let i = 0; i < this.textStarts.length; i++) runs.push(this.textStarts[i], this.textLengths[i], this.fileStarts[i], this.fileLengths[i]);
    return runs;
  }

  /** Returns the lookup over the runs recorded so far (see `mapThroughRuns`). */
  build(): (textOffset: number) => number {
    const runs = this.runs();
    return (textOffset: number): number => mapThroughRuns(runs, textOffset);
  }
}

/**
 * Maps a text offset through runs [textStart, textLength, fileStart, fileLength, …]. An offset
 * inside a run maps into that run (linearly when the run was copied one for one, else to its
 * start); an offset between runs (after a word, before a separator) maps to the end of the run
 * before it, so that the end of a span stays right after its last character.
 */
export function mapThroughRuns(runs: readonly number[], textOffset: number): number {
  let low = 0;
  let high = runs.length / 4 - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (runs[mid * 4] <= textOffset) { found = mid; low = mid + 1; } else { high = mid - 1; }
  }
  if (found < 0) return runs.length > 0 ? runs[2] : 0;
  const at = found * 4;
  const into = textOffset - runs[at];
  if (into >= runs[at + 1]) return runs[at + 2] + runs[at + 3];
  if (runs[at + 1] === runs[at + 3]) return runs[at + 2] + into;
  return into === 0 ? runs[at + 2] : runs[at + 2] + runs[at + 3];
}

/**
 * The span of the file that holds `span` of `document.text`: both ends go through
 * `fileOffset`, whose runs make an end fall right after the passage's last character (after a
 * whole entity such as `&amp;`, before any markup that follows). The editor and the CLI both
 * locate source passages with this one rule.
 */
export function fileSpanOf(document: Pick<SourceDocument, 'fileOffset'>, span: Span): Span {
  const start = document.fileOffset(span.start);
  const end = document.fileOffset(Math.max(span.start, span.end));
  return { start, end: Math.max(start, end) };
}
