// Reads a page's title and provenance (site, date, address, author) from its head and its
// common metadata conventions (Open Graph, article:*, canonical links), so that a saved web
// page is labelled as well as a Markdown file with front matter.

import type { DefaultTreeAdapterTypes as Html } from 'parse5';
import type { SourceMeta } from '../types';
import { isElement } from './htmlText';
import { collapseWhitespace } from './sourceTitle';

/** A page's declared title (null when it has none) and metadata. */
export interface HtmlMeta {
  title: string | null;
  meta: SourceMeta;
}

/** What one pass over the page collects; the first occurrence of each wins. */
interface PageFacts {
  title?: string;
  h1?: string;
  metas: Map<string, string>;
  canonical?: string;
  timeDatetime?: string;
}

/** Reads the title and metadata of a parsed page. */
export function readHtmlMeta(document: Html.Document): HtmlMeta {
  const facts: PageFacts = { metas: new Map() };
  collect(document, facts);
  const pick = (...keys: string[]): string | undefined => keys.map((key) => facts.metas.get(key)).find((value) => value);
  const meta: SourceMeta = {};
  const source = pick('og:site_name', 'application-name');
  const date = pick('article:published_time') ?? facts.timeDatetime ?? pick('date', 'dc.date', 'dc.date.issued', 'pubdate', 'publish-date');
  const url = facts.canonical ?? pick('og:url');
  // article:author is often a profile address rather than a name, which is no use as a label.
  const author = pick('author') ?? [pick('article:author')].find((value) => value && !/^https?:/i.test(value));
  if (source) meta.source = source;
  if (date) meta.date = date;
  if (url) meta.url = url;
  if (author) meta.author = author;
  return { title: facts.title || pick('og:title') || facts.h1 || null, meta };
}

function collect(node: Html.ParentNode, facts: PageFacts): void {
  for (const child of node.childNodes) {
    if (!isElement(child)) continue;
    const tag = child.tagName;
    if (tag === 'title' && facts.title === undefined) facts.title = collapseWhitespace(textOf(child));
    else if (tag === 'h1' && facts.h1 === undefined) facts.h1 = collapseWhitespace(textOf(child));
    else if (tag === 'meta') readMetaTag(child, facts);
    else if (tag === 'link' && facts.canonical === undefined && attr(child, 'rel')?.toLowerCase().split(/\s+/).includes('canonical')) {
      facts.canonical = attr(child, 'href')?.trim() || undefined;
    } else if (tag === 'time' && facts.timeDatetime === undefined) {
      facts.timeDatetime = attr(child, 'datetime')?.trim() || undefined;
    }
    if (tag !== 'script' && tag !== 'style' && tag !== 'template') collect(child, facts);
  }
}

function readMetaTag(element: Html.Element, facts: PageFacts): void {
  const key = (attr(element, 'property') ?? attr(element, 'name') ?? attr(element, 'itemprop'))?.trim().toLowerCase();
  const content = collapseWhitespace(attr(element, 'content') ?? '');
  if (key && content && !facts.metas.has(key)) facts.metas.set(key, content);
}

/** Returns an attribute's value, or undefined when the element lacks it. */
export function attr(element: Html.Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** Concatenates the text nodes under `node`, skipping scripts and styles. */
export function textOf(node: Html.ParentNode): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeName === '#text') text += (child as Html.TextNode).value;
    else if (isElement(child) && child.tagName !== 'script' && child.tagName !== 'style') text += textOf(child);
  }
  return text;
}
