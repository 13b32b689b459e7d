// Decides which files are sources and how each kind is read. The extension alone decides,
// so that a folder scan never has to open a file to know whether it belongs to the corpus.

import * as path from 'path';

/** How a source file's bytes become matchable text. */
export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx' | 'srt' | 'vtt';

const FORMATS: Record<string, SourceFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.srt': 'srt',
  '.vtt': 'vtt',
};

/** Formats whose files are binary containers rather than UTF-8 text. */
const BINARY_FORMATS: ReadonlySet<SourceFormat> = new Set(['pdf', 'docx']);

/** The file extensions the corpus reads, lower case with their leading dot. */
export const SOURCE_EXTENSIONS: readonly string[] = Object.keys(FORMATS);

/**
 * Returns how a file is read, judged by its extension, or null when it is not a source. The walk
 * asks this of every file of an archive at every start, where path.extname, which parses the
 * whole path, cost about 3 µs a file before it is optimised; the text after the last point is
 * all a lookup needs. When that text is an extension it holds no separator, so the point lies in
 * the file's name, and it is the name's extension unless the name starts with it (".txt").
 */
export function sourceFormatOf(file: string): SourceFormat | null {
  const dot = file.lastIndexOf('.');
  if (dot <= 0 || isSeparator(file.charCodeAt(dot - 1))) return null;
  return FORMATS[file.slice(dot).toLowerCase()] ?? null;
}

// Read once: through the bundle's namespace import, path.sep is a getter call on every file.
const WINDOWS_PATHS = path.sep === '\\';

function isSeparator(code: number): boolean {
  return code === 47 || (WINDOWS_PATHS && (code === 92 || code === 58));
}

/** True when `file` has an extension the corpus reads (text, Markdown, HTML, PDF, Word, subtitles). */
export function isSourceFile(file: string): boolean {
  return sourceFormatOf(file) !== null;
}

/** True when a format is read from the file's bytes rather than decoded as UTF-8 text. */
export function isBinaryFormat(format: SourceFormat): boolean {
  return BINARY_FORMATS.has(format);
}

/**
 * A file that has the right extension but cannot be read in its format (a damaged PDF, a
 * password-protected one, a Word file that is not a zip). The message is a phrase that
 * follows the file's path, like a CorpusWarning's.
 */
export class SourceFormatError extends Error {}
