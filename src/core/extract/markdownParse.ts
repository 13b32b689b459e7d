// Parses one stretch of Markdown with a real CommonMark parser and masks everything that is not
// prose, so that quotation marks in code, HTML, link targets or front matter can never be
// mistaken for quotations. A stretch is either a whole document or one of its independent
// chunks; it also reports what chunking needs to know: the link reference definitions it
// holds, and whether its last block is still open at its end and would swallow what follows.

import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { lineStartBefore } from '../lineBreaks';
import type { Span } from '../types';
import { fenceCloser, frontMatterEnd, HTML_OPENERS } from './markdownChunks';
import { commentDirective, type Directive } from './directives';
import type { DraftProse } from './prose';

/**
 * The YAML parser, loaded with the first front matter read: a sixth of the CLI's bundle, whose
 * top-level code would otherwise run at every start, for drafts that mostly have none.
 */
let yamlParser: typeof import('yaml') | undefined;
function yamlModule(): typeof import('yaml') {
  return (yamlParser ??= require('yaml') as typeof import('yaml'));
}

/** The prose of one parsed stretch, with what chunking needs to know about it. */
export interface ParsedMarkdown extends DraftProse {
  /** Labels of the link reference definitions in the stretch, as written. */
  definitions: string[];
  /** True when the last block (a fence or an HTML block) is unclosed and would run on past the end. */
  openAtEnd: boolean;
}

/** How a stretch is parsed. */
export interface ParseOptions {
  /** Whether the stretch starts the document, where front matter may stand. */
  documentStart: boolean;
  /** Labels defined elsewhere in the document, so references to them resolve as in a whole parse. */
  definitions: readonly string[];
}

const SPACE = 0x20;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

// Node types whose span is one paragraph-level block of prose.
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell']);

// A backslash escape or a character reference: markup inside a text node's source range whose
// characters are not the ones the reader sees.
const ESCAPE_OR_REFERENCE = /\\([!-/:-@[-`{-~])|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/** Builds the masked text of a Markdown stretch by revealing its text nodes. */
class MaskBuilder {
  readonly codes: Uint16Array;

  constructor(private readonly text: string, length: number) {
    this.codes = new Uint16Array(length);
    for (let i = 0; i < length; i++) {
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
    // Converting in pieces keeps the argument list of fromCharCode within engine limits.
    for (let i = 0; i < this.codes.length; i += 8192) {
      out += String.fromCharCode(...this.codes.subarray(i, i + 8192));
    }
    return out;
  }
}

/** Parses front matter YAML; only a mapping counts, anything else or a syntax error is null. */
function parseFrontMatter(yaml: string): Record<string, unknown> | null {
  try {
    const document = yamlModule().parseDocument(yaml);
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

/**
 * Definitions written after the stretch make references to labels defined in other chunks
 * resolve; they come after all of the stretch's own text, so none of its offsets move.
 */
function definitionSuffix(text: string, definitions: readonly string[]): string {
  if (definitions.length === 0) return '';
  const lines = definitions.map((label) => `[${label}]: #`).join('\n');
  return `${text.endsWith('\n') ? '\n' : '\n\n'}${lines}\n`;
}

function parseTree(source: string, documentStart: boolean): Root {
  // Front matter is only read when it is closed: the parser's front matter extension, handed an
  // unclosed opening fence, stops recognising block quotes in the rest of the document.
  return documentStart && frontMatterEnd(source) > 0
    ? fromMarkdown(source, { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] })
    : fromMarkdown(source);
}

/** Parses `text` as Markdown and masks all but its prose. */
export function parseMarkdown(text: string, options: ParseOptions): ParsedMarkdown {
  const source = text + definitionSuffix(text, options.definitions);
  const tree = parseTree(source, options.documentStart);
  const mask = new MaskBuilder(source, text.length);
  const blocks: Span[] = [];
  const directives: Directive[] = [];
  const definitions: string[] = [];
  let frontMatter: Record<string, unknown> | null = null;

  const visit = (node: Nodes, quoteDepth: number): void => {
    const span = spanOf(node);
    // Nodes of the appended definitions lie past the stretch and are not part of it.
    if (span && span.start >= text.length && node.type !== 'root') return;
    switch (node.type) {
      case 'yaml':
        frontMatter = parseFrontMatter(node.value);
        return;
      case 'text':
        if (span) mask.reveal(span, quoteDepth > 0, node.value);
        return;
      case 'html': {
        const kind = span && commentDirective(node.value);
        if (span && kind) directives.push({ kind, start: span.start, end: span.end });
        return;
      }
      case 'definition':
        definitions.push(node.label ?? node.identifier);
        return;
      case 'link':
        // An autolink's text is its URL, which is never prose.
        if (span && source.charAt(span.start) === '<') return;
        break;
      default:
        break;
    }
    if (span && BLOCK_TYPES.has(node.type)) blocks.push(span);
    // Code, inline code, images and breaks have no children and stay blank.
    if ('children' in node) {
      const depth = node.type === 'blockquote' ? quoteDepth + 1 : quoteDepth;
      for (const child of node.children) visit(child as Nodes, depth);
    }
  };
  visit(tree, 0);
  const last = tree.children.filter((node) => (node.position?.start.offset ?? 0) < text.length).pop();
  return {
    masked: mask.toString(), blocks, frontMatter, directives, definitions,
    openAtEnd: last !== undefined && isOpenAtEnd(source, last),
  };
}

/**
 * True when a top-level block would take in the lines after the stretch: a fence without its
 * closing fence, or an HTML block of a kind that runs until a terminator it has not met. Both
 * checks err towards "open", which only merges a chunk with the next one.
 */
function isOpenAtEnd(source: string, node: Nodes): boolean {
  const span = spanOf(node);
  if (!span) return true;
  // A block's span ends before its line break; a stray trailing break is dropped all the same.
  const raw = source.slice(span.start, span.end).replace(/[\r\n]+$/, '');
  if (node.type === 'code') {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (!fence) return false;
    const lastLineStart = lineStartBefore(raw, raw.length);
    if (lastLineStart === 0) return true;
    return !fenceCloser(fence[1]).test(raw.slice(lastLineStart));
  }
  if (node.type === 'html') {
    for (const [opener, terminator] of HTML_OPENERS) {
      const open = opener.exec(raw);
      if (open) return !terminator.test(raw.slice(open[0].length));
    }
  }
  return false;
}
