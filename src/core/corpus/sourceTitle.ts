// Chooses the title shown for a source in hovers and reports: the title the file declares,
// else its first line of text, else its file name, so every source has a readable label.

import * as path from 'path';

/** Titles longer than this are cut at a word boundary. */
export const MAX_TITLE_LENGTH = 120;

/** Returns the first non-empty line of `text`, whitespace collapsed, or null when there is none. */
export function firstLineOf(text: string): string | null {
  // Lines are scanned one at a time, so a large file is never split as a whole.
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    // A Markdown heading marker is not part of the title it introduces.
    const cleaned = collapseWhitespace(text.slice(start, end)).replace(/^#{1,6}\s+/, '');
    if (cleaned) return cleaned;
    start = end + 1;
  }
  return null;
}

/** Shortens `title` to at most MAX_TITLE_LENGTH characters, cutting between words. */
export function clipTitle(title: string): string {
  if (title.length <= MAX_TITLE_LENGTH) return title;
  let cut = title.slice(0, MAX_TITLE_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  if (space > MAX_TITLE_LENGTH / 2) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/** Picks a source's title: the declared one, else the first line of its text, else its file name. */
export function chooseTitle(declared: string | null | undefined, text: string, file: string): string {
  const fromFile = declared ? collapseWhitespace(declared) : '';
  return clipTitle(fromFile || firstLineOf(text) || path.basename(file));
}

/** Collapses runs of whitespace to single spaces and trims the ends. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
