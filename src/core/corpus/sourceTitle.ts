// Chooses the title shown for a source in hovers and reports: the title the file declares,
// else its headline, else its file name, so every source has a readable label.
//
// A page saved as text often opens with site furniture ("Change Edition", a donation banner, a
// menu run together) above its headline. What tells them apart is what the article is about: a
// headline's words come back in the story below it, furniture's do not. So the first line is the
// title unless few of its words recur below it; then the first headline-shaped line further down
// whose words mostly do is taken instead.

import * as path from 'path';
import { LineReader } from '../lineBreaks';

/** Titles longer than this are cut at a word boundary. */
export const MAX_TITLE_LENGTH = 120;

/** Lines read for a headline: site furniture is a few lines at most. */
const HEAD_LINES = 8;
/** Characters of a line read as a possible title. */
const LINE_CHARS = 200;
/** Characters of the story below a line whose words are compared with it. */
const STORY_CHARS = 2000;
/** The first line stays the title when at least this share of its words recur below it. */
const KEEP_FIRST = 0.4;
/** A later line is the headline when at least this share of its words recur below it… */
const HEADLINE_SHARE = 0.6;
/** …and this much more than the first line's. */
const HEADLINE_MARGIN = 0.3;

/** Words too common to say what a story is about. */
const FUNCTION_WORDS = new Set(('the and for with from that this these those are was were been have has had not but its '
  + 'our your their his her they them you she him who what when where which will would can could said says '
  + 'than then there here into over after before about also more most such only just all any some out off '
  + 'one two new news per via').split(' '));

/** A line of text and the offset where it ends. */
interface Line {
  text: string;
  end: number;
  /** True when the line is a paragraph by itself, as a headline is (a wrapped line of prose is not). */
  alone: boolean;
}

/**
 * The text's headline: its first non-empty line, unless that line reads as site furniture (few
 * of its words recur in the story below it) and a later headline-shaped line among the first
 * few reads as the story's. Null when the text has no non-empty line.
 */
export function headlineOf(text: string): string | null {
  const first = headLines(text, 1)[0];
  if (!first) return null;
  // The story below the first line, read once: a line's words recur when they stand after it.
  const story = new Story(text, first.end);
  const firstShare = story.recurringShare(first);
  if (firstShare === null || firstShare >= KEEP_FIRST) return withoutSiteSuffix(first.text);
  for (const line of headLines(text, HEAD_LINES).slice(1)) {
    // Past the first paragraph of the story, a line is body text, not a headline.
    if (wordsOf(line.text).length > 25) break;
    if (!line.alone || !headlineShaped(line.text)) continue;
    const share = story.recurringShare(line);
    if (share !== null && contentStems(line.text).length >= 3 && share >= HEADLINE_SHARE && share >= firstShare + HEADLINE_MARGIN) {
      return withoutSiteSuffix(line.text);
    }
  }
  return withoutSiteSuffix(first.text);
}

/** The start of a text's story in lower case, searched for the words of the lines above it. */
class Story {
  private readonly lower: string;

  constructor(text: string, private readonly from: number) {
    this.lower = text.slice(from, from + STORY_CHARS).toLowerCase();
  }

  /** The share of the line's content words that recur in the story below it, or null when it has none. */
  recurringShare(line: Line): number | null {
    const stems = contentStems(line.text);
    if (stems.length === 0) return null;
    const after = line.end - this.from;
    return stems.filter((stem) => this.hasWordStarting(stem, after)).length / stems.length;
  }

  /** True when a word starting with `stem` stands at or after `after` (found by plain search: this runs once per source file). */
  private hasWordStarting(stem: string, after: number): boolean {
    for (let at = this.lower.indexOf(stem, after); at >= 0; at = this.lower.indexOf(stem, at + 1)) {
      if (at === 0 || !LETTER.test(this.lower.charAt(at - 1))) return true;
    }
    return false;
  }
}

const LETTER = /\p{L}/u;

/**
 * The first `count` non-empty lines, whitespace collapsed and Markdown heading markers dropped,
 * up to the first line too long to be a title (a paragraph of the story), which ends the list
 * when it is not the first.
 */
function headLines(text: string, count: number): Line[] {
  const lines: Line[] = [];
  let previousBlank = true;
  // A line is known to stand alone once the line after it is read.
  let waiting: { text: string; end: number; afterBlank: boolean } | null = null;
  const keep = (next: string) => {
    if (waiting) lines.push({ text: waiting.text, end: waiting.end, alone: waiting.afterBlank && !/\S/.test(next) });
    waiting = null;
  };
  // Lines are read one at a time (any of CR, LF or CRLF ends one), so a large file is never split as a whole.
  const reader = new LineReader(text);
  while (lines.length < count && reader.read()) {
    const { start, end } = reader;
    keep(text.slice(start, end));
    if (lines.length >= count || (end - start > LINE_CHARS && lines.length > 0)) break;
    // A title is clipped anyway, and a line much longer than one is a paragraph of the story.
    const cleaned = collapseWhitespace(text.slice(start, Math.min(end, start + LINE_CHARS))).replace(/^#{1,6}\s+/, '');
    if (cleaned) waiting = { text: cleaned, end, afterBlank: previousBlank };
    previousBlank = !cleaned;
  }
  if (lines.length < count) keep('');
  return lines;
}

/**
 * The distinct content words of `text`, cut to their first five letters so that inflections
 * meet ("rejects"/"rejected", "Russia’s"/"Russian"). Words glued by a site's markup
 * ("storiesSvet") stay one unknown word, as they should.
 */
function contentStems(text: string): string[] {
  const stems = new Set<string>();
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (word.length > 2 && !FUNCTION_WORDS.has(word)) stems.add(word.slice(0, 5));
  }
  return [...stems];
}

function wordsOf(line: string): string[] {
  return line.split(' ').filter(Boolean);
}

/** A headline has a few words and no closing full stop; a caption or a lead sentence ends with one. */
function headlineShaped(line: string): boolean {
  const words = wordsOf(line).length;
  return words >= 3 && words <= 20 && !/[.:;,]$/.test(line);
}

/** "Headline | News" → "Headline": a short site or section name after a bar is not the headline's. */
function withoutSiteSuffix(line: string): string {
  const bar = line.lastIndexOf(' | ');
  if (bar < 0) return line;
  const head = line.slice(0, bar).trim();
  return wordsOf(line.slice(bar + 3)).length <= 3 && wordsOf(head).length >= 3 ? head : line;
}

/** Shortens `title` to at most MAX_TITLE_LENGTH characters, cutting between words. */
export function clipTitle(title: string): string {
  if (title.length <= MAX_TITLE_LENGTH) return title;
  let cut = title.slice(0, MAX_TITLE_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  if (space > MAX_TITLE_LENGTH / 2) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/** Picks a source's title: the declared one, else the headline of its text, else its file name. */
export function chooseTitle(declared: string | null | undefined, text: string, file: string): string {
  const fromFile = declared ? collapseWhitespace(declared) : '';
  return clipTitle(fromFile || headlineOf(text) || path.basename(file));
}

/** Collapses runs of whitespace to single spaces and trims the ends. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
