// Decides which files are sources and how each kind is read. The extension alone decides,
// so that a folder scan never has to open a file to know whether it belongs to the corpus.

import * as path from 'path';

/** How a source file's characters become matchable text. */
export type SourceFormat = 'text' | 'markdown' | 'html';

const FORMATS: Record<string, SourceFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

/** The file extensions the corpus reads, lower case with their leading dot. */
export const SOURCE_EXTENSIONS: readonly string[] = Object.keys(FORMATS);

/** Returns how a file is read, judged by its extension, or null when it is not a source. */
export function sourceFormatOf(file: string): SourceFormat | null {
  return FORMATS[path.extname(file).toLowerCase()] ?? null;
}

/** True when `file` has an extension the corpus reads (.txt, .text, .md, .markdown, .html, .htm). */
export function isSourceFile(file: string): boolean {
  return sourceFormatOf(file) !== null;
}
