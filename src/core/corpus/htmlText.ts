// Extracts the readable article text of an HTML page. Only the article root (chosen in
// htmlArticle) is read, page furniture is skipped (see htmlBoilerplate), whitespace is
// collapsed as a browser would show it, and block elements become blank-line separated
// blocks. Every character keeps a link to where it stands in the file.

import type { DefaultTreeAdapterTypes as Html } from 'parse5';
import type { Span } from '../types';
import { alignDecoded, type DecodedOrigins } from './htmlAlignment';
import { isBoilerplateBlock, isElement, isFurniture, isLinkBlock } from './htmlBoilerplate';
import { OffsetMapBuilder } from './offsetMap';

/** Extracted text, its blocks, and the map back to the file's characters. */
export interface ExtractedHtml {
  text: string;
  blocks: Span[];
  fileOffset(textOffset: number): number;
  /** The offset map as data: [textStart, textLength, fileStart, fileLength, …]. */
  runs: number[];
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

export { isElement } from './htmlBoilerplate';

/** True when an element and its contents are left out of the extracted text. */
export function isSkipped(element: Html.Element, insideArticle: boolean): boolean {
  // An article's own header holds its headline and standfirst, which are quoted like its body.
  if (element.tagName === 'header' && insideArticle) return false;
  if (SKIPPED.has(element.tagName)) return true;
  if (element.attrs.some((attr) => attr.name === 'hidden' || (attr.name === 'aria-hidden' && attr.value === 'true'))) return true;
  if (isFurniture(element)) return true;
  return BLOCKS.has(element.tagName) && (isLinkBlock(element) || isBoilerplateBlock(element));
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
  return { text: out.text, blocks: out.blocks, fileOffset: out.offsets.build(), runs: out.offsets.runs() };
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
