// Reads saved web pages. The matched text is the page's article text, extracted with the
// parser's source locations so that every offset can be mapped back into the HTML file.

import { parse } from 'parse5';
import { readHtmlMeta } from './htmlMeta';
import { articleRoot, extractHtmlText } from './htmlText';
import type { ParsedSource } from './textSource';

/** Reads an HTML source: article text, its blocks, the page title, metadata and the offset map. */
export function parseHtmlSource(html: string): ParsedSource {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const { text, blocks, fileOffset } = extractHtmlText(html, articleRoot(document));
  const { title, meta } = readHtmlMeta(document);
  return { text, blocks, title, meta, fileOffset };
}
