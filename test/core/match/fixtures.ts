// Builds small corpora and quotes by hand, so the matching tests depend on nothing but the matcher.

import type { Corpus, Quote, QuotePart, SourceDocument } from '../../../src/core/types';

/** A corpus of in-memory documents, one per entry of `texts` (keyed by file name). */
export function corpusOf(texts: Record<string, string>): Corpus {
  const documents: SourceDocument[] = Object.entries(texts).map(([name, text], id) => ({
    id,
    path: `/sources/${name}`,
    title: name,
    meta: {},
    text,
    fileOffset: (offset: number) => offset,
    blocks: [{ start: 0, end: text.length }],
    size: text.length,
    mtimeMs: 0,
  }));
  return { documents, warnings: [] };
}

/**
 * The quote between the first “ and the next ” of `draft`, with `…`/`...` as omissions and
 * `[words]` as insertions, the way the extractor marks them.
 */
export function quoteIn(draft: string): Quote {
  const open = draft.indexOf('“');
  const close = draft.indexOf('”', open + 1);
  if (open < 0 || close < 0) throw new Error(`no “quote” in ${draft}`);
  const inner = { start: open + 1, end: close };
  const parts: QuotePart[] = [];
  const marker = /\[[^\]]*\]|…|\.\.\./g;
  let at = inner.start;
  const body = draft.slice(0, close);
  marker.lastIndex = inner.start;
  for (let m = marker.exec(body); m; m = marker.exec(body)) {
    if (m.index > at) parts.push({ kind: 'words', start: at, end: m.index });
    const isInsertion = m[0].startsWith('[') && !/^\[(…|\.\.\.)\]$/.test(m[0]);
    parts.push({ kind: isInsertion ? 'insertion' : 'ellipsis', start: m.index, end: m.index + m[0].length });
    at = m.index + m[0].length;
  }
  if (at < inner.end) parts.push({ kind: 'words', start: at, end: inner.end });
  return { inner, outer: { start: open, end: close + 1 }, text: draft.slice(inner.start, inner.end), parts, closed: true, speaker: null };
}
