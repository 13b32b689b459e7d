// Locates source passages in the source FILES, not in the engine's extracted text: for HTML
// the matchable text is pulled out of the markup, and a reader who opens the file (or GitHub,
// which shows a SARIF related location) needs positions in what is actually on disk.

import { fileSpanOf } from '../core/corpus/offsetMap';
import { readFileCharacters } from '../core/corpus/readSourceFile';
import { LineIndex } from '../core/lineIndex';
import type { SourceDocument, Span } from '../core/types';
import { displayPath, type LineRange } from './checkReport';

/** A passage of a source file: where it is on disk and how to show its path. */
export interface SourceLocation {
  /** The file's path relative to the working folder, with forward slashes. */
  path: string;
  title: string;
  range: LineRange;
}

/** Maps passages of source documents to file positions, reading each file at most once. */
export class SourceLocator {
  private readonly files = new Map<number, { lines: LineIndex }>();

  constructor(private readonly cwd: string) {}

  /** The file location of `span` (an extracted-text span) in `document`. */
  locate(document: SourceDocument, span: Span): SourceLocation {
    const file = this.file(document);
    const { start, end } = fileSpanOf(document, span);
    return {
      path: displayPath(this.cwd, document.path),
      title: document.title,
      range: { start: file.lines.position(start), end: file.lines.position(end) },
    };
  }

  /** The path of `document` as shown to the user. */
  displayPath(document: SourceDocument): string {
    return displayPath(this.cwd, document.path);
  }

  private file(document: SourceDocument): { lines: LineIndex } {
    let file = this.files.get(document.id);
    if (!file) {
      // The engine already read this file, so a failure here means it changed under us; the
      // extracted text is then the best remaining guide to positions.
      let text: string;
      try {
        // PDF and Word files have no characters to point into: positions are in the extracted text.
        text = document.display === 'extracted' ? document.text : readFileCharacters(document.path);
      } catch {
        text = document.text;
      }
      file = { lines: new LineIndex(text) };
      this.files.set(document.id, file);
    }
    return file;
  }
}
