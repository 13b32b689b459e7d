// Extracts the readable article text of an HTML page. Only the article (else the main
// content, else the body) is read, page furniture is skipped, whitespace is collapsed as a
// browser would show it, and block elements become blank-line separated blocks. Every
// character keeps a link to where it stands in the file.

import type { DefaultTreeAdapterTypes as Html } from 'parse5';
import type { Span } from '../types';
import { alignDecoded, type DecodedOrigins } from './htmlAlignment';
import { OffsetMapBuilder } from './offsetMap';

/** Extracted text, its blocks, and the map back to the file's characters. */
export interface ExtractedHtml {
  text: string;
  blocks: Span[];
  fileOffset(textOffset: number): number;
}

/** Elements whose contents are never article prose. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'nav', 'header', 'footer', 'aside',
  'form', 'button', 'iframe', 'select', 'textarea', 'canvas', 'video', 'audio', 'object', 'head',
]);

/** Elements that start and end a block of text. */
const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'main', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const COLLAPSIBLE = /[ \t\n\f\r\u00a0]+/g;

/** True for element nodes (as opposed to text, comments and the document). */
export function isElement(node: Html.Node): node is Html.Element {
  return 'tagName' in node;
}

/** True when an element and its contents are left out of the extracted text. */
export function isSkipped(element: Html.Element, insideArticle: boolean): boolean {
  // An article's own header holds its headline and standfirst, which are quoted like its body.
  if (element.tagName === 'header' && insideArticle) return false;
  if (SKIPPED.has(element.tagName)) return true;
  return element.attrs.some((attr) => attr.name === 'hidden' || (attr.name === 'aria-hidden' && attr.value === 'true'));
}

/** Picks the element holding the article: the largest `<article>`, else `<main>`, else `<body>`. */
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
    const length = textLength(article);
    if (length > bestLength) { best = article; bestLength = length; }
  }
  return best ?? found.main[0] ?? found.body[0] ?? document;
}

function textLength(node: Html.ParentNode): number {
  let length = 0;
  for (const child of node.childNodes) {
    if (child.nodeName === '#text') length += (child as Html.TextNode).value.trim().length;
    else if (isElement(child) && !isSkipped(child, true)) length += textLength(child);
  }
  return length;
}

/** Extracts the text under `root` from a page parsed with source locations from `html`. */
export function extractHtmlText(html: string, root: Html.ParentNode): ExtractedHtml {
  const out = new TextCollector();
  const walk = (node: Html.ParentNode, insideArticle: boolean, inPre: boolean): void => {
    for (const child of node.childNodes) {
      if (child.nodeName === '#text') {
        out.addText(html, child as Html.TextNode, inPre);
        continue;
      }
      if (!isElement(child) || isSkipped(child, insideArticle)) continue;
      const block = BLOCKS.has(child.tagName);
      if (block) out.endBlock();
      walk(child, insideArticle || child.tagName === 'article', inPre || child.tagName === 'pre');
      if (block) out.endBlock();
    }
  };
  walk(root, isElement(root as Html.Node) && (root as Html.Element).tagName === 'article', false);
  out.endBlock();
  return { text: out.text, blocks: out.blocks, fileOffset: out.offsets.build() };
}

/** Accumulates extracted text with collapsed whitespace, block spans and the offset map. */
class TextCollector {
  text = '';
  readonly blocks: Span[] = [];
  readonly offsets = new OffsetMapBuilder();
  private blockStart = -1;
  /** A space waiting for the next word, so that blocks never end or start with one. */
  private pendingSpace: { start: number; end: number } | null = null;

  addText(html: string, node: Html.TextNode, inPre: boolean): void {
    const location = node.sourceCodeLocation;
    const value = node.value;
    const origins = location
      ? alignDecoded(html.slice(location.startOffset, location.endOffset), value, location.startOffset)
      : null;
    if (inPre) {
      this.addRun(value, 0, value.length, origins);
      return;
    }
    // Words are copied as whole runs; each run of whitespace becomes at most one space.
    for (let position = 0; position < value.length;) {
      COLLAPSIBLE.lastIndex = position;
      const space = COLLAPSIBLE.exec(value);
      const wordEnd = space ? space.index : value.length;
      if (wordEnd > position) this.addRun(value, position, wordEnd, origins);
      if (!space) break;
      if (this.blockStart >= 0 && !this.pendingSpace) {
        this.pendingSpace = origins ? { start: origins.starts[space.index], end: origins.ends[space.index] } : { start: -1, end: -1 };
      }
      position = space.index + space[0].length;
    }
  }

  endBlock(): void {
    if (this.blockStart >= 0) this.blocks.push({ start: this.blockStart, end: this.text.length });
    this.blockStart = -1;
    this.pendingSpace = null;
  }

  private startBlock(): void {
    // The separator is invented text, so it gets no offsets: it maps to the end of the block before.
    if (this.text.length > 0) this.text += '\n\n';
    this.blockStart = this.text.length;
  }

  /** Appends value[from, to) as it is, recording where its characters came from. */
  private addRun(value: string, from: number, to: number, origins: DecodedOrigins | null): void {
    if (this.blockStart < 0) this.startBlock();
    else if (this.pendingSpace) this.append(' ', this.pendingSpace.start, this.pendingSpace.end);
    this.pendingSpace = null;
    const base = this.text.length - from;
    if (origins) {
      for (let i = from; i < to;) {
        // Characters copied one for one from consecutive file positions form a single run.
        let j = i + 1;
        if (origins.ends[i] - origins.starts[i] === 1) {
          while (j < to && origins.starts[j] === origins.ends[j - 1] && origins.ends[j] - origins.starts[j] === 1) j++;
          this.offsets.add(base + i, j - i, origins.starts[i], j - i);
        } else {
          this.offsets.add(base + i, 1, origins.starts[i], origins.ends[i] - origins.starts[i]);
        }
        i = j;
      }
    }
    this.text += value.slice(from, to);
  }

  private append(char: string, fileStart: number, fileEnd: number): void {
    if (fileStart >= 0) this.offsets.add(this.text.length, char.length, fileStart, fileEnd - fileStart);
    this.text += char;
  }
}
