// The one place where the engine's UTF-16 offsets become LSP positions and back. Every other
// server module hands spans to these functions, so line counting (CRLF, lone CR, surrogate
// pairs) is decided once, by the shared LineIndex.

import type { Position, Range } from 'vscode-languageserver';
import { fileSpanOf } from '../core/corpus/offsetMap';
import { LineIndex } from '../core/lineIndex';
import type { SourceDocument, Span } from '../core/types';

/** Offsets ↔ positions for one text; build once per text version and reuse. */
export class TextPositions {
  private readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  /** The LSP position of a UTF-16 offset (clamped into the text). */
  position(offset: number): Position {
    const { line, character } = this.lines.position(offset);
    return { line, character };
  }

  /** The LSP range of a span. */
  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  /** The UTF-16 offset of an LSP position (clamped to its line). */
  offset(position: Position): number {
    return this.lines.offset(position.line, position.character);
  }

  /** The span an LSP range covers, with start ≤ end. */
  span(range: Range): Span {
    const a = this.offset(range.start);
    const b = this.offset(range.end);
    return { start: Math.min(a, b), end: Math.max(a, b) };
  }

  /** The 0-based line of an offset. */
  line(offset: number): number {
    return this.lines.position(offset).line;
  }
}

/**
 * The range of a span of `document.text` in the source FILE whose characters `file` holds:
 * the document's offsets go through `fileOffset` first, because extracted formats (HTML) do
 * not keep the file's characters.
 */
export function sourceFileRange(document: SourceDocument, span: Span, file: TextPositions): Range {
  return file.range(fileSpanOf(document, span));
}
