// Converts between offsets and 0-based line/character positions (UTF-16, as LSP counts them).
// The core itself works in offsets; this is the arithmetic the server's position module and the
// CLI's output share, kept here so that both count lines the same way.

import { LineReader } from './lineBreaks';
import { lastAtOrBefore } from './sortedSearch';

/** A 0-based line and UTF-16 character, the way LSP and the CLI's JSON report positions. */
export interface LineCharacter {
  line: number;
  character: number;
}

/** Line starts of one text, for fast offset ↔ position conversion. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = [0];
    // Lines end as everywhere else (see lineBreaks.ts): "\r\n" is one break, a lone "\r" is one too.
    const lines = new LineReader(text);
    while (lines.read()) if (lines.next > lines.end) this.starts.push(lines.next);
  }

  /** The number of lines (at least 1). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The 0-based line and character of `offset` (clamped into the text). */
  position(offset: number): LineCharacter {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    // The first line starts at 0, so some line always starts at or before the offset.
    const line = lastAtOrBefore(this.starts, clamped);
    return { line, character: clamped - this.starts[line] };
  }

  /** The offset of a 0-based line and character (clamped to the line's end). */
  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const start = this.starts[line];
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    // The line break itself is not part of the line's characters.
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.min(start + Math.max(0, character), end);
  }
}
