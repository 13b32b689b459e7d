// The shape shared by every prose reader: the text with non-prose characters blanked out, the
// paragraph-level blocks, and where the writer asked for quotes to be left alone. Keeping the
// masked text the same length as the original means every offset found in it is an offset
// into what the writer typed. Plain text is read here too: it has no markup, so all of it is
// prose, and its blocks are the paragraphs that blank lines separate.

import { LineReader } from '../lineBreaks';
import { runToEnd } from '../slicedRun';
import type { Span } from '../types';
import { type Directive, lineDirective } from './directives';

/** A text's prose: non-prose characters blanked, paragraph-level blocks, parsed front matter. */
export interface Prose {
  /** Same length as the text; every non-prose character is a space, line breaks are kept. */
  masked: string;
  /** Spans of paragraph-level blocks (paragraphs, headings…), in document order. */
  blocks: Span[];
  /** The YAML front matter as an object, or null when there is none or it is not a mapping. */
  frontMatter: Record<string, unknown> | null;
}

/** Prose plus the switches (ignore, disable, enable) a draft may carry. */
export interface DraftProse extends Prose {
  /** The `verbatim-…` switches of the draft (see directives.ts), in document order. */
  directives: Directive[];
}

/**
 * Returns the indexes of the blocks whose quotes an ignore comment switches off: for each
 * comment, the first block that ends after it (the block that follows it, or the block it sits
 * in when more of that block comes after it).
 */
export function ignoredBlockIndexes(blocks: Span[], commentEnds: number[]): Set<number> {
  const ignored = new Set<number>();
  for (const end of commentEnds) {
    const index = blocks.findIndex((block) => block.end > end);
    if (index >= 0) ignored.add(index);
  }
  return ignored;
}

/**
 * Reads a plain-text draft or source: the whole text is prose, paragraphs are the blocks. A
 * line holding a switch is no prose: it is blanked and separates paragraphs like a blank line.
 */
export function plainTextProse(text: string): DraftProse {
  return runToEnd(plainTextProseSteps(text));
}

/** Lines read between two steps of `plainTextProseSteps`. */
const LINES_PER_STEP = 512;

/** `plainTextProse` in steps of a few hundred lines, for a check that spreads a long draft over several turns. */
export function* plainTextProseSteps(text: string): Generator<void, DraftProse> {
  const blocks: Span[] = [];
  const directives: Directive[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  const lines = new LineReader(text);
  for (let n = 1; lines.read(); n++) {
    if (n % LINES_PER_STEP === 0) yield;
    const { start: lineStart, end: lineEnd } = lines;
    const line = lines.line();
    const kind = line.includes('verbatim-') ? lineDirective(line) : null;
    if (kind) directives.push({ kind, start: lineStart, end: lineEnd });
    if (kind || line.trim() === '') {
      if (blockStart >= 0) blocks.push({ start: blockStart, end: blockEnd });
      blockStart = -1;
    } else {
      if (blockStart < 0) blockStart = lineStart;
      blockEnd = lineEnd;
    }
  }
  if (blockStart >= 0) blocks.push({ start: blockStart, end: blockEnd });
  return { masked: directives.length ? blankSpans(text, directives) : text, blocks, frontMatter: null, directives };
}

/** `text` with the characters of `spans` (sorted) turned into spaces. */
function blankSpans(text: string, spans: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + ' '.repeat(span.end - span.start);
    at = span.end;
  }
  return out + text.slice(at);
}
