// The one rule for where a line ends, shared by every reader of lines: "\r\n", a lone "\r" and
// "\n" each end a line, as in LSP and CommonMark. A reader that splits on "\n" alone sees a text
// saved with old Mac line endings (or one stray "\r" before a fence) as one long line, and
// then disagrees with the parser and the editor about where blocks start.

const LF = 10;
const CR = 13;

/** The length of the line break at `i`: 2 for "\r\n", 1 for a lone "\r" or "\n", 0 for none. */
export function lineBreakLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === LF) return 1;
  if (c === CR) return text.charCodeAt(i + 1) === LF ? 2 : 1;
  return 0;
}

/** The offset where the line holding `offset` starts (just after the previous line break). */
export function lineStartBefore(text: string, offset: number): number {
  // "\r\n" ends with "\n", so the later of the two marks is always the break's last character.
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

/** The offset where the line holding `offset` ends, before its break (the text's length on the last line). */
export function lineEndAfter(text: string, offset: number): number {
  // Character by character: a search for "\r" in a text without one would run to its end.
  let i = offset;
  while (i < text.length && lineBreakLength(text, i) === 0) i++;
  return i;
}

/** The length of the line break that ends just before `offset`: 2 for "\r\n", 1 for a lone "\r" or "\n", 0 for none. */
export function lineBreakBefore(text: string, offset: number): number {
  const c = text.charCodeAt(offset - 1);
  if (c === CR) return 1;
  if (c !== LF) return 0;
  return text.charCodeAt(offset - 2) === CR ? 2 : 1;
}

/** The line break a text uses, as its first one is written; "\n" for a text of one line. */
export function lineEndingOf(text: string): string {
  const at = lineEndAfter(text, 0);
  return at < text.length ? text.slice(at, at + lineBreakLength(text, at)) : '\n';
}

/**
 * Reads a text line by line from `from`. Each line is `[start, end)` without its break, and
 * `next` is where the following line starts. The positions of the next "\r" and "\n" are kept
 * between lines, so a whole text costs one pass even when one of the two never occurs.
 */
export class LineReader {
  /** Start of the current line. */
  start = 0;
  /** End of the current line, before its break. */
  end = 0;
  /** Start of the next line (the text's length after the last line). */
  next: number;
  private nextLf = -2;
  private nextCr = -2;

  constructor(private readonly text: string, from = 0) {
    this.next = from;
  }

  /** Moves to the next line; false when the text is exhausted (a text ending in a break has no empty last line). */
  read(): boolean {
    const { text } = this;
    if (this.next >= text.length) return false;
    this.start = this.next;
    if (this.nextLf !== -1 && this.nextLf < this.start) this.nextLf = text.indexOf('\n', this.start);
    if (this.nextCr !== -1 && this.nextCr < this.start) this.nextCr = text.indexOf('\r', this.start);
    const lf = this.nextLf < 0 ? text.length : this.nextLf;
    const cr = this.nextCr < 0 ? text.length : this.nextCr;
    this.end = Math.min(lf, cr);
    this.next = this.end + (this.end < text.length ? lineBreakLength(text, this.end) : 0);
    return true;
  }

  /** The current line's text, without its break. */
  line(): string {
    return this.text.slice(this.start, this.end);
  }
}
