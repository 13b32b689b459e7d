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
  /** The `lang` attribute of the page's <html> element. */
  lang?: string;
  /** The text of the first `rel="author"` link or `itemprop="author"` element. */
  authorElement?: string;
}

/** Separators between a headline and the site name in a <title>. */
const TITLE_SEPARATOR = /\s+(?:\||-|–|—|::|·)\s+/;

/** Reads the title and metadata of a parsed page. */
export function readHtmlMeta(document: Html.Document): HtmlMeta {
  const facts: PageFacts = { metas: new Map() };
  collect(document, facts);
  const pick = (...keys: string[]): string | undefined => keys.map((key) => facts.metas.get(key)).find((value) => value);
  const meta: SourceMeta = {};
  const title = facts.title || undefined;
  const source = pick('og:site_name', 'application-name') ?? siteFromTitle(title);
  const date = pick('article:published_time') ?? facts.timeDatetime ?? pick('date', 'dc.date', 'dc.date.issued', 'pubdate', 'publish-date');
  const url = facts.canonical ?? pick('og:url');
  // article:author is often a profile address rather than a name, which is no use as a label.
  const author = pick('author') ?? [pick('article:author')].find((value) => value && !/^https?:/i.test(value)) ?? facts.authorElement;
  if (source) meta.source = source;
  if (date) meta.date = date;
  if (url) meta.url = url;
  if (author) meta.author = author;
  const lang = facts.lang ?? pick('og:locale', 'content-language', 'dc.language');
  if (lang) meta.lang = lang;
  // og:title is the headline alone; a <title> usually carries the site name as well.
  return { title: pick('og:title') || (title && withoutSiteName(title, source)) || facts.h1 || null, meta };
}

/** Removes the site name from either end of a page title ("Headline | Site" → "Headline"). */
export function withoutSiteName(title: string, site: string | undefined): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const same = (part: string | undefined): boolean => !!site && !!part && part.toLowerCase() === site.toLowerCase();
  if (same(parts[parts.length - 1])) return parts.slice(0, -1).join(' | ').trim() || title;
  if (same(parts[0])) return parts.slice(1).join(' | ').trim() || title;
  // Without a declared site name, only a bar is a safe cut: hyphens and dashes occur in headlines.
  const bar = title.split(/\s+\|\s+/);
  return bar.length > 1 ? bar[0] : title;
}

/** The site name at the end of a "Headline | Site" title, when it is short enough to be one. */
function siteFromTitle(title: string | undefined): string | undefined {
  const parts = title?.split(/\s+\|\s+/) ?? [];
  const last = parts[parts.length - 1];
  return parts.length > 1 && last && last.split(/\s+/).length <= 5 ? last : undefined;
}

function collect(node: Html.ParentNode, facts: PageFacts): void {
  for (const child of node.childNodes) {
    if (!isElement(child)) continue;
    const tag = child.tagName;
    if (tag === 'html' && facts.lang === undefined) facts.lang = attr(child, 'lang')?.trim() || undefined;
    if (tag === 'title' && facts.title === undefined) facts.title = collapseWhitespace(textOf(child));
    else if (tag === 'h1' && facts.h1 === undefined) facts.h1 = collapseWhitespace(textOf(child));
    else if (tag === 'meta') readMetaTag(child, facts);
    else if (tag === 'link' && facts.canonical === undefined && attr(child, 'rel')?.toLowerCase().split(/\s+/).includes('canonical')) {
      facts.canonical = attr(child, 'href')?.trim() || undefined;
    } else if (tag === 'time' && facts.timeDatetime === undefined) {
      facts.timeDatetime = attr(child, 'datetime')?.trim() || undefined;
    }
    if (facts.authorElement === undefined && (attr(child, 'rel')?.toLowerCase() === 'author' || attr(child, 'itemprop')?.toLowerCase() === 'author')) {
      facts.authorElement = collapseWhitespace(textOf(child)).replace(/^by\s+/i, '') || undefined;
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
