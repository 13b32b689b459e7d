// Finds the prose of a Markdown text with a real CommonMark parser, so that quotation marks in
// code, HTML, link targets or front matter can never be mistaken for quotations. The result is
// a masked copy of the text in which only the characters of text nodes survive.

import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { parseDocument } from 'yaml';
import type { Span, TextFormat } from '../types';
import { type DraftProse, type Prose, isIgnoreComment, plainTextProse } from './prose';

export type { DraftProse, Prose } from './prose';

const SPACE = 0x20;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

// Node types whose span is one paragraph-level block of prose.
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell']);

// A backslash escape or a character reference: markup inside a text node's source range whose
// characters are not the ones the reader sees.
const ESCAPE_OR_REFERENCE = /\\([!-/:-@[-`{-~])|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/** Returns the prose of `text`: masked text, paragraph-level blocks and front matter. */
export function proseOf(text: string, format: TextFormat): Prose {
  const { masked, blocks, frontMatter } = draftProseOf(text, format);
  return { masked, blocks, frontMatter };
}

/** Returns the prose of a draft, with the positions of its ignore comments. */
export function draftProseOf(text: string, format: TextFormat): DraftProse {
  return format === 'markdown' ? markdownProse(text) : plainTextProse(text);
}

/** Builds the masked text of a Markdown document by revealing its text nodes. */
class MaskBuilder {
  readonly codes: Uint16Array;

  constructor(private readonly text: string) {
    this.codes = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      this.codes[i] = code === LINE_FEED || code === CARRIAGE_RETURN ? code : SPACE;
    }
  }

  /**
   * Reveals the characters of one text node. Its source range runs over the line prefixes of
   * continued lines (`> ` in block quotes, list indentation), which are markup and stay blank,
   * as do backslashes of escapes and character references.
   */
  reveal(span: Span, inBlockQuote: boolean, value: string): void {
    const { text, codes } = this;
    let atLineStart = false;
    for (let i = span.start; i < span.end; i++) {
      const c = text.charAt(i);
      if (c === '\n' || c === '\r') {
        atLineStart = true;
        continue;
      }
      if (atLineStart && (c === ' ' || c === '\t' || (inBlockQuote && c === '>'))) continue;
      atLineStart = false;
      codes[i] = text.charCodeAt(i);
    }
    const source = text.slice(span.start, span.end);
    ESCAPE_OR_REFERENCE.lastIndex = 0;
    for (let m = ESCAPE_OR_REFERENCE.exec(source); m; m = ESCAPE_OR_REFERENCE.exec(source)) {
      const at = span.start + m.index;
      if (m[1] !== undefined) codes[at] = SPACE;
      // A reference the parser did not decode (an unknown name) is literal text and stays.
      else if (!value.includes(m[0])) codes.fill(SPACE, at, at + m[0].length);
    }
  }

  toString(): string {
    let out = '';
    // Converting in chunks keeps the argument list of fromCharCode within engine limits.
    for (let i = 0; i < this.codes.length; i += 8192) {
      out += String.fromCharCode(...this.codes.subarray(i, i + 8192));
    }
    return out;
  }
}

/** Parses front matter YAML; only a mapping counts, anything else or a syntax error is null. */
function parseFrontMatter(yaml: string): Record<string, unknown> | null {
  try {
    const document = parseDocument(yaml);
    if (document.errors.length > 0) return null;
    const value: unknown = document.toJS();
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function spanOf(node: Nodes): Span | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start, end };
}

function markdownProse(text: string): DraftProse {
  const tree = fromMarkdown(text, {
    extensions: [frontmatter(['yaml'])],
    mdastExtensions: [frontmatterFromMarkdown(['yaml'])],
  });
  const mask = new MaskBuilder(text);
  const blocks: Span[] = [];
  const ignoreCommentEnds: number[] = [];
  let frontMatter: Record<string, unknown> | null = null;

  const visit = (node: Nodes, quoteDepth: number): void => {
    const span = spanOf(node);
    switch (node.type) {
      case 'yaml':
        frontMatter = parseFrontMatter(node.value);
        return;
      case 'text':
        if (span) mask.reveal(span, quoteDepth > 0, node.value);
        return;
      case 'html':
        if (span && isIgnoreComment(node.value)) ignoreCommentEnds.push(span.end);
        return;
      case 'link':
        // An autolink's text is its URL, which is never prose.
        if (span && text.charAt(span.start) === '<') return;
        break;
      default:
        break;
    }
    if (span && BLOCK_TYPES.has(node.type)) blocks.push(span);
    // Code, inline code, images, definitions and breaks have no children and stay blank.
    if ('children' in node) {
      const depth = node.type === 'blockquote' ? quoteDepth + 1 : quoteDepth;
      for (const child of node.children) visit(child as Nodes, depth);
    }
  };
  visit(tree, 0);
  return { masked: mask.toString(), blocks, frontMatter, ignoreCommentEnds };
}
