// Turns source passages into Locations, which is what the editor opens for Go to Definition,
// related information and hover links. A text source (plain text, Markdown, HTML, subtitles)
// is shown as its own file, read lazily and cached per version (size + mtime), because only a
// few passages are ever shown. A PDF or Word source is not text: it is shown as the text that
// was extracted from it, in a `verbatim-source:` virtual document, and ranges point into that.

import { readFileCharacters } from '../core/corpus/readSourceFile';
import { LruMap } from '../core/lruMap';
import { pathToFileURL } from 'url';
import type { Location } from 'vscode-languageserver';
import type { SourceDocument, SourceMatch, Span } from '../core/types';
import { sourceTextUri } from '../shared/sourceText';
import { TextPositions, sourceFileRange } from './positions';

interface CachedFile {
  size: number;
  mtimeMs: number;
  positions: TextPositions;
}

/** Characters of source text kept line-indexed at most; an archive's passages come and go. */
const CACHED_CHARACTERS = 20_000_000;
const weighCached = (_path: string, file: CachedFile) => file.positions.text.length;

/** True when a source is shown as its extracted text rather than as its file. */
export function isExtracted(document: SourceDocument): boolean {
  return document.display === 'extracted';
}

/** Reads source files on demand and maps passages to ranges in what the editor shows. */
export class SourceLocator {
  private readonly files = new LruMap<string, CachedFile>(CACHED_CHARACTERS, weighCached);
  private readonly extracted = new LruMap<string, CachedFile>(CACHED_CHARACTERS, weighCached);

  /** The URI the editor opens for a source: the file, or the virtual document of its extracted text. */
  uri(document: SourceDocument): string {
    if (document.shownIn) return document.shownIn.uri;
    return isExtracted(document) ? sourceTextUri(document.path) : pathToFileURL(document.path).href;
  }

  /** The location of `span` (in `document.text`) in what the editor shows for the source. */
  locate(document: SourceDocument, span: Span): Location {
    if (document.shownIn) {
      // A window of an archived document: its positions moved to where the window starts in the whole.
      const { uri, line, character } = document.shownIn;
      const { start, end } = this.extractedPositions(document).range(span);
      const shift = (p: { line: number; character: number }) => ({ line: p.line + line, character: p.line === 0 ? p.character + character : p.character });
      return { uri, range: { start: shift(start), end: shift(end) } };
    }
    if (isExtracted(document)) {
      // The virtual document holds `document.text` itself, so the span needs no mapping.
      return { uri: this.uri(document), range: this.extractedPositions(document).range(span) };
    }
    return { uri: this.uri(document), range: sourceFileRange(document, span, this.positions(document)) };
  }

  /** The location of a matched passage. */
  locateMatch(match: SourceMatch): Location {
    return this.locate(match.document, match.span);
  }

  /** The 1-based line where a passage starts in what the editor shows, for `#L12` links. */
  lineNumber(document: SourceDocument, span: Span): number {
    return this.locate(document, span).range.start.line + 1;
  }

  private extractedPositions(document: SourceDocument): TextPositions {
    // Windows of one archived document share its path, size and time but not their text: each
    // is kept under where it starts in the whole document.
    const key = document.shownIn ? `${document.shownIn.uri}\0${document.shownIn.line}:${document.shownIn.character}` : document.path;
    const cached = this.extracted.get(key);
    if (cached && cached.size === document.size && cached.mtimeMs === document.mtimeMs) return cached.positions;
    // A cached corpus reads `text` from disk on each access, so it is read once per version.
    const positions = new TextPositions(document.text);
    this.extracted.set(key, { size: document.size, mtimeMs: document.mtimeMs, positions });
    return positions;
  }

  private positions(document: SourceDocument): TextPositions {
    const cached = this.files.get(document.path);
    if (cached && cached.size === document.size && cached.mtimeMs === document.mtimeMs) return cached.positions;
    let text: string;
    try {
      text = readFileCharacters(document.path);
    } catch {
      // A file deleted since indexing still gets a location; its own text is the best guess.
      text = document.text;
    }
    const positions = new TextPositions(text);
    this.files.set(document.path, { size: document.size, mtimeMs: document.mtimeMs, positions });
    return positions;
  }
}
