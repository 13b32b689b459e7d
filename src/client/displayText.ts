// Small text shapers for showing quotes and passages in one-line UI slots (tree rows, quick
// pick labels, status messages), where line breaks and very long passages would be cut off
// unpredictably by the editor.
import type { SearchHitInfo } from '../shared/protocol';
import { oneLine } from '../core/oneLine';
export { oneLine } from '../core/oneLine';

/** Shortens `text` to at most `max` characters, ending in `…` at a word boundary when it can. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  // Cutting at a space reads better, unless that would throw away most of the room.
  const base = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,;:.]+$/, '')}…`;
}

/** Wraps a passage in curly double quotes, turning its own double quotes into single ones. */
export function asQuotation(passage: string): string {
  let open = true;
  const inner = oneLine(passage)
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/"/g, () => {
      // Straight quotes carry no direction, so they alternate opening and closing.
      const mark = open ? '‘' : '’';
      open = !open;
      return mark;
    });
  return `“${inner}”`;
}

import { percent } from '../shared/sheetRows';
export { percent };

/** Returns "1 quote" or "2 quotes": a count with its noun, plural when needed. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** The three text slots of a quick pick row. */
export interface SearchItemText {
  label: string;
  description: string;
  detail: string;
}

/** A search hit as a picker row: the passage as label, the source title beside it, the line below. */
export function searchItemText(hit: SearchHitInfo): SearchItemText {
  const score = percent(hit.score);
  return {
    // The excerpt is centred on the matched words, so they stay visible however narrow the list.
    label: truncate(oneLine(hit.excerpt || hit.text), 160),
    description: '',
    detail: `${hit.title} · line ${hit.range.start.line + 1}${score ? ` · ${score} match` : ''}`,
  };
}
