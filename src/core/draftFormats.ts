// Which files are drafts and how each is read. The editor, its workspace-wide check and the CLI
// all decide from this one table, so a draft is read the same way wherever it is checked.

import * as path from 'path';
import type { TextFormat } from './types';

/** File extensions of drafts, by format. */
export const DRAFT_EXTENSIONS: Record<TextFormat, readonly string[]> = {
  markdown: ['.md', '.markdown', '.mdown', '.mkd'],
  plaintext: ['.txt', '.text'],
};

/** The draft format of a file by its extension: Markdown for Markdown extensions, else plain text. */
export function formatOfFile(file: string): TextFormat {
  return DRAFT_EXTENSIONS.markdown.includes(path.extname(file).toLowerCase()) ? 'markdown' : 'plaintext';
}
