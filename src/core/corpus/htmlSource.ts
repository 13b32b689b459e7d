// Reads saved web pages. The matched text is the page's article text, extracted with the
// parser's source locations so that every offset can be mapped back into the HTML file.

import { articleRoot } from './htmlArticle';
import { readHtmlMeta } from './htmlMeta';
import { extractHtmlText } from './htmlText';
import { SourceFormatError } from './sourceFormats';
import type { ParsedSource } from './textSource';

/**
 * The HTML parser, loaded when the first web page is read. With its entity tables it is about a
 * fifth of the CLI's bundle, and a bundle runs its modules' top-level code at every start: a warm
 * start that reads no web page (the cache holds their text) would pay for it every time.
 */
let parser: typeof import('parse5') | undefined;
function parse5(): typeof import('parse5') {
  return (parser ??= require('parse5') as typeof import('parse5'));
}

/**
 * Reads an HTML source: article text, its blocks, the page title, metadata and the offset map.
 * Throws SourceFormatError when the page has no article text at all.
 */
export function parseHtmlSource(html: string): ParsedSource {
  const document = parse5().parse(html, { sourceCodeLocationInfo: true });
  const { text, blocks, fileOffset, runs } = extractHtmlText(html, articleRoot(document));
  if (!text.trim()) throw new SourceFormatError('is a web page with no article text (only scripts, menus or page furniture); skipped');
  const { title, meta } = readHtmlMeta(document);
  return { text, blocks, title, meta, fileOffset, mapping: { runs } };
}
