// Splits a Markdown text into chunks that parse the same apart as together, with a cheap line
// scanner instead of the parser. A chunk may only start after a blank line, at a line that is
// not indented (an indented line may continue a list item or an indented code block), and not
// inside front matter, a fenced code block or an HTML block that blank lines do not end. The
// scanner errs towards fewer chunks; a fence or HTML block it misjudges is caught after
// parsing, when a chunk turns out to end inside one and is merged with the next.

import { LineReader } from '../lineBreaks';
import { runToEnd } from '../slicedRun';

/**
 * Chunks smaller than this are joined to the next one: each parse has a fixed cost (the parser
 * puts its syntax tables together afresh every time), which a draft of a hundred short
 * paragraphs would otherwise pay a hundred times in its first reading. A chunk this size is
 * still quick to parse again after an edit.
 */
const MIN_CHUNK_CHARS = 2048;

/** Openers of the HTML blocks that a blank line does not end (CommonMark kinds 1 to 5), and what ends each. */
export const HTML_OPENERS: [opener: RegExp, terminator: RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

const FENCE_OPENER = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
const BLANK = /^[ \t]*$/;

/** What a line scanner is inside of when it reaches a line. */
type Inside = { kind: 'text' } | { kind: 'fence'; closer: RegExp } | { kind: 'html'; terminator: RegExp };

/** The line that closes a fence opened with `opening` (three or more backticks or tildes). */
export function fenceCloser(opening: string): RegExp {
  const mark = opening[0] === '`' ? '`' : '~';
  return new RegExp(`^ {0,3}${mark}{${opening.length},}[ \\t]*\\r?$`);
}

/** The state after `line`, given the state before it. */
function nextState(inside: Inside, line: string): Inside {
  if (inside.kind === 'fence') return inside.closer.test(line) ? { kind: 'text' } : inside;
  if (inside.kind === 'html') return inside.terminator.test(line) ? { kind: 'text' } : inside;
  const fence = FENCE_OPENER.exec(line);
  if (fence) return { kind: 'fence', closer: fenceCloser(fence[1]) };
  for (const [opener, terminator] of HTML_OPENERS) {
    const open = opener.exec(line);
    if (open) return terminator.test(line.slice(open[0].length)) ? inside : { kind: 'html', terminator };
  }
  return inside;
}

// Front matter: a `---` line at the very start and a closing `---` line (any line break).
const FRONT_MATTER = /^---[ \t]*(?:\r\n?|\n)(?:[^\r\n]*(?:\r\n?|\n))*?---[ \t]*(?:\r\n?|\n|$)/;

/** The offset just after the front matter's closing line, or 0 when the text has no closed front matter. */
export function frontMatterEnd(text: string): number {
  if (!text.startsWith('---')) return 0;
  return FRONT_MATTER.exec(text)?.[0].length ?? 0;
}

/** Returns the offsets where the chunks of `text` start (the first is 0), each chunk at least `minChars` long. */
export function chunkStarts(text: string, minChars = MIN_CHUNK_CHARS): number[] {
  return runToEnd(chunkStartSteps(text, minChars));
}

/** Lines scanned between two steps of `chunkStartSteps`. */
const LINES_PER_STEP = 256;

/** `chunkStarts` in steps of `LINES_PER_STEP` lines, for a caller that spreads a long text over several turns. */
export function* chunkStartSteps(text: string, minChars = MIN_CHUNK_CHARS): Generator<void, number[]> {
  const starts = [0];
  let inside: Inside = { kind: 'text' };
  let afterBlank = false;
  const lines = new LineReader(text, frontMatterEnd(text));
  for (let n = 1; lines.read(); n++) {
    if (n % LINES_PER_STEP === 0) yield;
    const lineStart = lines.start;
    const line = lines.line();
    if (inside.kind === 'text' && BLANK.test(line)) {
      afterBlank = true;
    } else {
      const first = line.charAt(0);
      if (afterBlank && inside.kind === 'text' && first !== ' ' && first !== '\t' && lineStart - starts[starts.length - 1] >= minChars) {
        starts.push(lineStart);
      }
      afterBlank = false;
      inside = nextState(inside, line);
    }
  }
  return starts;
}
