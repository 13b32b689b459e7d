// Where the "ignore this quote" fix writes its comment. The comment must stand on its own line
// right before the paragraph that holds the quotation, inside the same block quote, so that
// the parser sees it as the block before that paragraph; anywhere else it would skip the wrong
// paragraph or become part of the prose.

import type { Quote, TextFormat } from '../types';
import { draftProseOf } from './markdownProse';

/** The comment the fix inserts; `<!-- verbatim-ignore -->` is accepted as well. */
export const IGNORE_COMMENT_TEXT = '<!-- verbatim-ignore-next -->';

/** A text insertion: `insert` goes in at `offset`, nothing is replaced. */
export interface TextInsertion {
  offset: number;
  insert: string;
}

/**
 * Returns the insertion that makes `extractQuotes` skip `quote` (and any other quotation of
 * the same paragraph): an ignore comment on its own line before the quote's paragraph. Returns
 * null when the quote does not lie in a block of `text`.
 */
export function ignoreCommentInsertion(text: string, format: TextFormat, quote: Quote): TextInsertion | null {
  return ignoreCommentAt(text, format, quote.outer.start);
}

/** Like `ignoreCommentInsertion`, for the quote (or any prose) that starts at `offset`. */
export function ignoreCommentAt(text: string, format: TextFormat, offset: number): TextInsertion | null {
  const { blocks } = draftProseOf(text, format);
  // An offset in a line's prefix ("> ", a list indent) belongs to the paragraph after it.
  const block = blocks.find((b) => b.start <= offset && offset < b.end) ??
    blocks.find((b) => b.start >= offset && !text.slice(offset, b.start).includes('\n'));
  if (!block) return null;
  const lineStart = Math.max(text.lastIndexOf('\n', block.start - 1) + 1, 0);
  // The comment repeats the paragraph's line prefix with list markers turned into spaces: the
  // `>` markers keep it inside the block quote and the indentation inside the list item.
  const prefix = format === 'markdown' ? text.slice(lineStart, block.start).replace(/[^>\s]/g, ' ') : '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { offset: lineStart, insert: `${prefix}${IGNORE_COMMENT_TEXT}${eol}` };
}
