// The words of a source passage as the writer should see them. A passage is found among the
// tokens of a document's blocks, and a passage that runs from one block into the next would, as
// a plain slice of the text, also carry what lies between them: a transcript turn's label
// ("MAYOR: ") is such a gap, and it must never reach a diff, a variant, a search result or a fix.

import type { SourceDocument, Span } from '../types';

/**
 * The text of `doc` from `start` to `end` with what lies outside its blocks left out. Blank
 * space between blocks (a paragraph break) is kept as it stands; a gap holding anything else
 * becomes one line break, or one space when it holds none.
 */
export function passageText(doc: SourceDocument, start: number, end: number): string {
  const text = doc.text;
  const blocks = doc.blocks;
  const first = blockAt(blocks, start);
  // Most passages lie inside one block, and are their plain slice.
  if (first >= 0 && end <= blocks[first].end) return text.slice(start, end);
  let result = '';
  let last = -1;
  for (let b = Math.max(0, first); b < blocks.length && blocks[b].start < end; b++) {
    const from = Math.max(start, blocks[b].start);
    const to = Math.min(end, blocks[b].end);
    if (to <= from) continue;
    if (last >= 0) result += gapText(text.slice(last, from));
    result += text.slice(from, to);
    last = to;
  }
  return result;
}

/** The block of `doc` that holds `offset` (or the last one before it), or null before the first. */
export function blockOf(doc: SourceDocument, offset: number): Span | null {
  const found = blockAt(doc.blocks, offset);
  return found >= 0 ? doc.blocks[found] : null;
}

/** The index of the last block starting at or before `offset`, or -1. */
function blockAt(blocks: Span[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocks[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

function gapText(gap: string): string {
  if (!/\S/.test(gap)) return gap;
  // A line break of any kind (CR, LF or CRLF) stays one.
  return /[\r\n]/.test(gap) ? '\n' : ' ';
}
