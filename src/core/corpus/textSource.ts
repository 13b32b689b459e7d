// Reads plain-text sources, and defines what every format reader hands back. A plain-text
// source is matched exactly as it stands, so its offsets are the file's own.

import { LineReader } from '../lineBreaks';
import type { DocumentMapping, SourceLocation, SourceMeta, Span } from '../types';

/** What a format reader makes of a file's text, before the loader adds id, path and stats. */
export interface ParsedSource {
  /** The text matched against; for text and Markdown it has the file's offsets. */
  text: string;
  /** Spans of `text` that are prose. */
  blocks: Span[];
  /** The title the file declares (front matter, page title), or null. */
  title: string | null;
  meta: SourceMeta;
  /** Maps an offset in `text` to an offset in the file's characters. */
  fileOffset(textOffset: number): number;
  /** 'extracted' when the file is not text (PDF, Word) and `text` is what an editor shows. */
  display?: 'file' | 'extracted';
  /** Where an offset of `text` stands in the original: page, cue time, speaker turn. */
  locate?(textOffset: number): SourceLocation;
  /** The data behind `fileOffset` (when not the identity) and `locate`, for caching. */
  mapping?: DocumentMapping;
}

/** The offset map of a text that is the file's own characters. */
export function identityOffset(textOffset: number): number {
  return textOffset;
}

/** Splits `text` into blocks: runs of non-blank lines, trimmed of surrounding whitespace. */
export function textBlocks(text: string): Span[] {
  const blocks: Span[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  const lines = new LineReader(text);
  while (lines.read()) {
    const line = lines.line();
    const first = line.search(/\S/);
    if (first < 0) {
      if (blockStart >= 0) blocks.push({ start: blockStart, end: blockEnd });
      blockStart = -1;
    } else {
      if (blockStart < 0) blockStart = lines.start + first;
      blockEnd = lines.start + line.trimEnd().length;
    }
  }
  if (blockStart >= 0) blocks.push({ start: blockStart, end: blockEnd });
  return blocks;
}

/**
 * The blocks with `cuts` (ascending, non-overlapping) left out: a block split by a cut becomes
 * the pieces around it, each trimmed of whitespace; pieces with no text left are dropped.
 */
export function blocksWithout(text: string, blocks: Span[], cuts: Span[]): Span[] {
  if (cuts.length === 0) return blocks;
  const kept: Span[] = [];
  const keep = (start: number, end: number): void => {
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (end > start) kept.push({ start, end });
  };
  let c = 0;
  for (const block of blocks) {
    let at = block.start;
    while (c < cuts.length && cuts[c].end <= at) c++;
    for (let k = c; k < cuts.length && cuts[k].start < block.end; k++) {
      keep(at, Math.max(at, cuts[k].start));
      at = Math.max(at, cuts[k].end);
    }
    keep(at, block.end);
  }
  return kept;
}

/** Reads a plain-text source: the whole file is prose, blocks are separated by blank lines. */
export function parseTextSource(text: string): ParsedSource {
  return { text, blocks: textBlocks(text), title: null, meta: {}, fileOffset: identityOffset };
}
