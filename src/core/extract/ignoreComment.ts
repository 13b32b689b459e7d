// Where the "ignore" fixes write their switches (see directives.ts). A paragraph's switch must
// stand on its own line right before the paragraph, inside the same block quote, so that the
// parser sees it as the block before that paragraph; anywhere else it would skip the wrong
// paragraph or become part of the prose. A single quotation is fenced with a disable switch
// before its opening mark and an enable switch after its closing one.

import type { Quote, Span, TextFormat } from '../types';
import { directiveText, type DirectiveKind } from './directives';
import { extractQuotes } from './extractQuotes';
import { draftProseOf } from './markdownProse';
import { lineBreakBefore, lineBreakLength, lineEndAfter, lineEndingOf, lineStartBefore } from '../lineBreaks';

/** The comment the Markdown paragraph fix inserts; `<!-- verbatim-ignore -->` is accepted as well. */
export const IGNORE_COMMENT_TEXT = '<!-- verbatim-ignore-next -->';

/** A text insertion: `insert` goes in at `offset`, nothing is replaced. */
export interface TextInsertion {
  offset: number;
  insert: string;
}

/**
 * Returns the insertion that makes `extractQuotes` skip `quote` (and any other quotation of
 * the same paragraph): an ignore switch on its own line before the quote's paragraph. Returns
 * null when the quote does not lie in a block of `text`.
 */
export function ignoreCommentInsertion(text: string, format: TextFormat, quote: Quote): TextInsertion | null {
  return ignoreCommentAt(text, format, quote.outer.start);
}

/** Like `ignoreCommentInsertion`, for the quote (or any prose) that starts at `offset`. */
export function ignoreCommentAt(text: string, format: TextFormat, offset: number): TextInsertion | null {
  return switchLineBefore(text, format, offset, 'ignore-next');
}

/**
 * The insertions that make `extractQuotes` skip the one quotation whose marks span `outer`
 * and no other: a disable switch before it and an enable switch after it. In Markdown both
 * are comments in the running text (a comment that would open a line goes on a line of its
 * own, where it cannot turn the line into an HTML block). In plain text they are lines of
 * their own around the quotation's lines, so null when those lines hold another quotation.
 */
export function ignoreQuoteInsertions(text: string, format: TextFormat, outer: Span): TextInsertion[] | null {
  if (format === 'markdown') {
    const before = markdownDisableBefore(text, outer.start);
    return before && [before, { offset: outer.end, insert: directiveText('enable', true) }];
  }
  const firstLine = lineStartBefore(text, outer.start);
  const lastLineEnd = lineEndAfter(text, Math.max(outer.end - 1, outer.start));
  const crowded = extractQuotes(text, format).some((q) => q.outer.start !== outer.start && q.outer.start < lastLineEnd && q.outer.end > firstLine);
  if (crowded) return null;
  const before = switchLineBefore(text, format, outer.start, 'disable');
  if (!before) return null;
  const eol = lineEndingOf(text);
  // After a last line without a line break, the switch needs one before it instead.
  const after = lastLineEnd < text.length ? { offset: lastLineEnd + lineBreakLength(text, lastLineEnd), insert: `${directiveText('enable', false)}${eol}` }
    : { offset: text.length, insert: `${eol}${directiveText('enable', false)}` };
  return [before, after];
}

// Block quote markers, indentation and at most one list marker: a comment after them would
// start an HTML block, which takes in the rest of the line.
const LINE_OPENING = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?[ \t>]*$/;

/** The disable comment before a Markdown quotation's opening mark at `open`. */
function markdownDisableBefore(text: string, open: number): TextInsertion | null {
  const comment = directiveText('disable', true);
  const lineStart = lineStartBefore(text, open);
  // Anything but container markers before the mark on its line (words, a heading's `#`, a
  // table's `|`): the comment goes right before the mark, in the running text.
  if (!LINE_OPENING.test(text.slice(lineStart, open))) return { offset: open, insert: comment };
  const { blocks } = draftProseOf(text, 'markdown');
  const block = blocks.find((b) => b.start <= open && open < b.end);
  if (!block) return null;
  // The mark opens a line that continues a paragraph: the comment ends the line before.
  if (block.start < lineStart) {
    const previousEnd = lineStart - lineBreakBefore(text, lineStart);
    let at = previousEnd;
    // Trailing spaces may be a hard line break; the comment goes before them.
    while (at > block.start && (text.charAt(at - 1) === ' ' || text.charAt(at - 1) === '\t')) at--;
    return { offset: at, insert: ` ${comment}` };
  }
  return switchLineBefore(text, 'markdown', open, 'disable');
}

/** A switch on its own line before the paragraph that holds `offset`, with the paragraph's line prefix. */
function switchLineBefore(text: string, format: TextFormat, offset: number, kind: DirectiveKind): TextInsertion | null {
  const { blocks } = draftProseOf(text, format);
  // An offset in a line's prefix ("> ", a list indent) belongs to the paragraph after it.
  const lineEnd = lineEndAfter(text, offset);
  const block = blocks.find((b) => b.start <= offset && offset < b.end) ??
    blocks.find((b) => b.start >= offset && b.start <= lineEnd);
  if (!block) return null;
  // A paragraph-wide switch goes before the paragraph; a disable switch in plain text goes
  // right before the quotation's line, since there a line of its own splits the paragraph.
  const at = kind === 'disable' && format === 'plaintext' ? offset : block.start;
  const lineStart = lineStartBefore(text, at);
  // The comment repeats the paragraph's line prefix with list markers turned into spaces: the
  // `>` markers keep it inside the block quote and the indentation inside the list item.
  const prefix = format === 'markdown' ? text.slice(lineStart, block.start).replace(/[^>\s]/g, ' ') : '';
  return { offset: lineStart, insert: `${prefix}${directiveText(kind, format === 'markdown')}${lineEndingOf(text)}` };
}
