// Turns source passages into Locations in the source FILES, which is what the editor opens for
// Go to Definition, related information and hover links. Files are read lazily and cached per
// document version (size + mtime), because only a few passages are ever shown.

import * as fs from 'fs';
import { pathToFileURL } from 'url';
import type { Location } from 'vscode-languageserver';
import type { SourceDocument, SourceMatch, Span } from '../core/types';
import { TextPositions, sourceFileRange } from './positions';

interface CachedFile {
  size: number;
  mtimeMs: number;
  positions: TextPositions;
}

/** Reads source files on demand and maps passages to file ranges. */
export class SourceLocator {
  private readonly files = new Map<string, CachedFile>();

  /** The file URI of a source document. */
  uri(document: SourceDocument): string {
    return pathToFileURL(document.path).href;
  }

  /** The location of `span` (in `document.text`) inside the source file. */
  locate(document: SourceDocument, span: Span): Location {
    return { uri: this.uri(document), range: sourceFileRange(document, span, this.positions(document)) };
  }

  /** The location of a matched passage. */
  locateMatch(match: SourceMatch): Location {
    return this.locate(match.document, match.span);
  }

  /** The 1-based line where a passage starts in its file, for `#L12` links. */
  lineNumber(document: SourceDocument, span: Span): number {
    return this.locate(document, span).range.start.line + 1;
  }

  /** Forgets every cached file, after the corpus was rebuilt. */
  clear(): void {
    this.files.clear();
  }

  private positions(document: SourceDocument): TextPositions {
    const cached = this.files.get(document.path);
    if (cached && cached.size === document.size && cached.mtimeMs === document.mtimeMs) return cached.positions;
    let text: string;
    try {
      text = fs.readFileSync(document.path, 'utf8');
    } catch {
      // A file deleted since indexing still gets a location; its own text is the best guess.
      text = document.text;
    }
    const positions = new TextPositions(text);
    this.files.set(document.path, { size: document.size, mtimeMs: document.mtimeMs, positions });
    return positions;
  }
}
