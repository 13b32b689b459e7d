// Locates source passages in the source FILES, not in the engine's extracted text: for HTML
// the matchable text is pulled out of the markup, and a reader who opens the file (or GitHub,
// which shows a SARIF related location) needs positions in what is actually on disk.

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
  private readonly files = new Map<number, { text: string; lines: LineIndex }>();

  constructor(private readonly cwd: string) {}

  /** The file location of `span` (an extracted-text span) in `document`. */
  locate(document: SourceDocument, span: Span): SourceLocation {
    const file = this.file(document);
    const start = document.fileOffset(span.start);
    const end = span.end > span.start ? this.fileEnd(document, span.end, file.text) : start;
    return {
      path: displayPath(this.cwd, document.path),
      title: document.title,
      range: { start: file.lines.position(start), end: file.lines.position(Math.max(start, end)) },
    };
  }

  /** The path of `document` as shown to the user. */
  displayPath(document: SourceDocument): string {
    return displayPath(this.cwd, document.path);
  }

  // The end is mapped from the passage's last character, because the offset just past a
  // passage may fall after markup that follows it. A last character that was decoded from an
  // entity (`&amp;`) covers the whole entity in the file.
  private fileEnd(document: SourceDocument, end: number, fileText: string): number {
    const last = document.fileOffset(end - 1);
    if (fileText.charAt(last) === '&') {
      const entity = /^&(?:#\d+|#x[0-9a-f]+|\w+);/i.exec(fileText.slice(last, last + 12));
      if (entity) return last + entity[0].length;
    }
    return last + 1;
  }

  private file(document: SourceDocument): { text: string; lines: LineIndex } {
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
      file = { text, lines: new LineIndex(text) };
      this.files.set(document.id, file);
    }
    return file;
  }
}
