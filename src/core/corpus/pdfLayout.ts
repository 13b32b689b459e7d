// Turns the positioned text pieces of PDF pages back into prose. A PDF stores where each run
// of glyphs is drawn, not lines or paragraphs, so lines are rebuilt from the runs' baselines,
// paragraphs from the gaps between lines, and words that typesetting split at a line end are
// joined again when that is safe. Pages are separated by a blank line and marked for citing.

import type { Span } from '../types';
import type { LocationMark } from './locationIndex';

/** One run of text on a page, as the PDF text layer gives it. */
export interface PdfTextItem {
  str: string;
  /** Left edge and baseline, in page units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size in page units. */
  height: number;
  /** True when the PDF ends a line after this run. */
  hasEOL: boolean;
}

/** A rebuilt line of a page. */
export interface PdfLine {
  text: string;
  y: number;
  size: number;
}

/** The prose of a whole PDF: its text, paragraph blocks and where each page starts. */
export interface PdfLayout {
  text: string;
  blocks: Span[];
  marks: LocationMark[];
}

/** A line holding only a running page number ("7", "Page 7", "7 of 12", "- 7 -"). */
const PAGE_NUMBER = /^(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

/** First halves of compounds that keep their hyphen when a line break falls after it. */
const HYPHENATED_PREFIXES = new Set(['self', 'well', 'half', 'quasi', 'non', 'cross']);

/** Lays out every page's items (pages in order) as one text with blocks and page marks. */
export function layoutPdfText(pages: readonly PdfTextItem[][]): PdfLayout {
  const pageLineLists = dropRunningHeads(pages.map((items) => dropPageNumbers(pageLines(items))));
  const compounds = hyphenatedWords(pageLineLists);
  let text = '';
  const blocks: Span[] = [];
  const marks: LocationMark[] = [];
  pageLineLists.forEach((lines, index) => {
    marks.push({ start: text.length === 0 ? 0 : text.length + 2, location: { page: index + 1 } });
    for (const paragraph of pageParagraphs(lines)) {
      const joined = joinLines(paragraph.map((line) => line.text), compounds);
      if (!joined) continue;
      if (text.length > 0) text += '\n\n';
      blocks.push({ start: text.length, end: text.length + joined.length });
      text += joined;
    }
  });
  return { text, blocks, marks };
}

/** Groups one page's items into lines, in the order the page draws them. */
export function pageLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | null = null;
  let lineEnd = 0;
  const finish = (): void => {
    if (current && current.text.trim()) lines.push({ ...current, text: current.text.replace(/\s+/g, ' ').trim() });
    current = null;
  };
  for (const item of items) {
    const size = Math.max(item.height, 1);
    // A baseline that moved by more than half a line starts a new line, as does a marked end.
    if (current && Math.abs(item.y - current.y) > 0.5 * Math.max(current.size, size)) finish();
    if (item.str) {
      if (!current) {
        current = { text: item.str, y: item.y, size };
      } else {
        const gap = item.x - lineEnd;
        const touching = /\s$/.test(current.text) || /^\s/.test(item.str);
        // Word spaces are often not drawn: a visible gap between runs stands for one.
        current.text += !touching && gap > 0.15 * size ? ` ${item.str}` : item.str;
        current.size = Math.max(current.size, size);
      }
      lineEnd = item.x + item.width;
    }
    if (item.hasEOL) finish();
  }
  finish();
  return lines;
}

/** Splits a page's lines into paragraphs at wider gaps, upward jumps and font size changes. */
export function pageParagraphs(lines: readonly PdfLine[]): PdfLine[][] {
  const gaps = lines.slice(1).map((line, i) => lines[i].y - line.y).filter((gap) => gap > 0).sort((a, b) => a - b);
  const typical = gaps.length >= 2 ? gaps[Math.floor((gaps.length - 1) / 2)] : null;
  const paragraphs: PdfLine[][] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    let breaks = !previous;
    if (previous) {
      const gap = previous.y - line.y;
      const limit = typical !== null ? typical * 1.3 : 1.5 * Math.max(previous.size, line.size);
      const sizeChange = Math.abs(previous.size - line.size) > 0.15 * Math.max(previous.size, line.size);
      breaks = gap <= 0 || gap > limit || sizeChange;
    }
    if (breaks) paragraphs.push([line]);
    else paragraphs[paragraphs.length - 1].push(line);
  });
  return paragraphs;
}

/** Joins a paragraph's lines with line breaks, rejoining words hyphenated at a line end. */
export function joinLines(lines: readonly string[], compounds: ReadonlySet<string>): string {
  let text = '';
  for (const line of lines) {
    if (!text) { text = line; continue; }
    // Only the paragraph's end can hold the split word; testing the whole paragraph for every
    // line would make a long page paragraph quadratic.
    const split = /(\p{L}+)([-\u00ad])$/u.exec(text.slice(-80));
    // A word split in capitals ("OP-" "TIONAL") continues in capitals rather than lower case.
    const rest = split && isUpper(split[1]) ? /^\p{Lu}+(?![\p{Ll}])/u.exec(line) : /^\p{Ll}+/u.exec(line);
    if (split && rest) {
      const first = split[1];
      const keepHyphen = split[2] === '-' &&
        (HYPHENATED_PREFIXES.has(first.toLowerCase()) || compounds.has(`${first}-${rest[0]}`.toLowerCase()));
      text = text.slice(0, -1) + (keepHyphen ? '-' : '') + line;
    } else if (split && split[2] === '-' && /^[\p{Lu}\p{N}]/u.test(line)) {
      // "pro-" before "Russian" is a compound whatever the break; the line break goes.
      text += line;
    } else {
      text += `\n${line}`;
    }
  }
  return text.replace(/\u00ad/g, '');
}

/** Removes a running page number from the first or last line of a page. */
function dropPageNumbers(lines: PdfLine[]): PdfLine[] {
  if (lines.length < 2) return lines;
  let start = 0;
  let end = lines.length;
  if (PAGE_NUMBER.test(lines[end - 1].text)) end--;
  if (end - start > 1 && PAGE_NUMBER.test(lines[0].text)) start++;
  return lines.slice(start, end);
}

/** Pages at least this many, and this share of all pages, make a repeated line a running head. */
const RUNNING_HEAD_PAGES = 3;
const RUNNING_HEAD_SHARE = 0.4;

/**
 * Removes running heads and feet: a first or last line that recurs on many pages (a report's
 * title, a section name with its page number), so it does not break the prose it interrupts.
 */
function dropRunningHeads(pages: PdfLine[][]): PdfLine[][] {
  const key = (line: PdfLine): string => line.text.replace(/\d+/g, '#').toLowerCase();
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([lines[0], lines[lines.length - 1]].filter((line): line is PdfLine => !!line).map(key));
    for (const edge of edges) counts.set(edge, (counts.get(edge) ?? 0) + 1);
  }
  const repeated = (line: PdfLine | undefined): boolean => {
    const count = line ? counts.get(key(line)) ?? 0 : 0;
    return count >= RUNNING_HEAD_PAGES && count >= RUNNING_HEAD_SHARE * pages.length;
  };
  return pages.map((lines, index) => {
    let start = 0;
    let end = lines.length;
    // The first page opens with the document's own title, which running heads often repeat.
    if (index > 0 && repeated(lines[0])) start++;
    if (end > start && repeated(lines[end - 1])) end--;
    return lines.slice(start, end);
  });
}

function isUpper(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** Hyphenated words written whole within a line anywhere in the document, lower-cased. */
function hyphenatedWords(pages: readonly PdfLine[][]): Set<string> {
  const words = new Set<string>();
  for (const lines of pages) {
    for (const line of lines) {
      for (const match of line.text.matchAll(/\p{L}+(?:-\p{L}+)+/gu)) words.add(match[0].toLowerCase());
    }
  }
  return words;
}
