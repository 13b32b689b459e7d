// Chooses the element of a saved page that holds the story. Pages that mark it up say so
// with <article> or <main>; for the many that do not, the story is found where the prose is:
// the smallest container holding most of the page's paragraph text, which leaves the site's
// header, menus and footer outside without any list of site layouts.

import type { DefaultTreeAdapterTypes as Html } from 'parse5';
import { isElement, textStats } from './htmlBoilerplate';
import { isSkipped } from './htmlText';

/** Paragraphs shorter than this (captions, bylines, buttons) do not count as prose. */
const MIN_PARAGRAPH = 25;

/** The share of the page's prose a container must hold to be taken for the story. */
const STORY_SHARE = 0.8;

/** Elements whose text counts as prose when long enough. */
const PROSE = new Set(['p', 'pre', 'blockquote', 'dd', 'li', 'td']);

/**
 * Picks the element holding the article: the largest `<article>`, else `<main>`, else the
 * smallest container of the body holding most of its prose, else `<body>`.
 */
export function articleRoot(document: Html.Document): Html.ParentNode {
  const found: Record<'article' | 'main' | 'body', Html.Element[]> = { article: [], main: [], body: [] };
  const visit = (node: Html.ParentNode): void => {
    for (const child of node.childNodes) {
      if (!isElement(child) || isSkipped(child, false)) continue;
      const tag = child.tagName;
      if (tag === 'article' || tag === 'main' || tag === 'body') found[tag].push(child);
      visit(child);
    }
  };
  visit(document);
  // Listing pages hold many teaser articles; the story is the one with the most text.
  let best: Html.Element | null = null;
  let bestLength = -1;
  for (const article of found.article) {
    const length = proseLength(article, new Map());
    const total = length > 0 ? length : textStats(article).text;
    if (total > bestLength) { best = article; bestLength = total; }
  }
  const body = found.body[0];
  return best ?? found.main[0] ?? (body ? densestContainer(body) : document);
}

/** Descends from `body` while one child holds most of the prose. */
function densestContainer(body: Html.Element): Html.Element {
  const lengths = new Map<Html.Element, number>();
  const total = proseLength(body, lengths);
  if (total === 0) return body;
  let container = body;
  for (;;) {
    const next = container.childNodes.find((child): child is Html.Element =>
      isElement(child) && (lengths.get(child) ?? 0) >= STORY_SHARE * total);
    if (!next || PROSE.has(next.tagName)) return container;
    container = next;
  }
}

/** Sums the prose under `node`, recording each element's sum in `lengths`. */
function proseLength(node: Html.ParentNode, lengths: Map<Html.Element, number>): number {
  let sum = 0;
  for (const child of node.childNodes) {
    if (!isElement(child) || isSkipped(child, false)) continue;
    let length: number;
    if (PROSE.has(child.tagName)) {
      const stats = textStats(child);
      const prose = stats.text - stats.links;
      length = prose >= MIN_PARAGRAPH ? prose : 0;
    } else {
      length = proseLength(child, lengths);
    }
    lengths.set(child, length);
    sum += length;
  }
  return sum;
}
