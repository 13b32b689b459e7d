// Recognises page furniture in saved web pages: navigation, share bars, newsletter boxes,
// cookie banners, advertisements, "related stories" lists and lines such as "Back to top".
// None of it is anything a source said, and left in the text it would let a quote match a
// teaser headline instead of the story. Judged from what the markup declares (class, id, role,
// aria-label), from how much of a block is links, and from the wording of short blocks.

import type { DefaultTreeAdapterTypes as Html } from 'parse5';

/** Words in a class, id or role that mark an element as furniture rather than content. */
const FURNITURE_TOKEN = new RegExp(
  '(?:^|[-_])(?:nav|navbar|navigation|menu|breadcrumbs?|related|recommended|recommendations|promo|promos|' +
  'share|sharing|social|newsletter|subscribe|subscription|comments?|cookies?|consent|advert|adverts|' +
  'advertisement|ads?|adslot|footer|sidebar|outbrain|taboola|popup|modal)(?:$|[-_])',
  'i',
);

/** Landmark roles that hold site chrome rather than the story. */
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alertdialog']);

/** Words of an aria-label that name furniture. */
const FURNITURE_LABEL = /\b(?:navigation|menu|breadcrumbs?|related|recommended|share|social|newsletter|subscribe|comments|cookies?|advertisement|footer|sidebar)\b/i;

/** Elements never judged by their attributes: dropping one would drop the story itself. */
const NEVER_FURNITURE = new Set(['html', 'body', 'main', 'article']);

/** Whole blocks that are page chrome however they are marked up. */
const BOILERPLATE_LINE = new RegExp(
  '^(?:back to top|top of page|skip to (?:main )?content|related(?: articles| stories| content| coverage| news| links)?|' +
  'more on this story|more from [^.!?]{1,40}|read more|continue reading|read the full (?:story|article)|most (?:read|popular|viewed)|' +
  'advertisement|advert|sponsored(?: content)?|share(?: this)?(?: article| story| page)?(?: on [a-z]+)?|' +
  'follow us(?: on [^.!?]{1,30})?|sign up(?: for)?(?: our)? (?:newsletter|[^.!?]{0,30}newsletter)|subscribe(?: now| today)?|' +
  'you may also like|recommended(?: for you)?|comments?(?: \\(\\d+\\))?|show comments|leave a comment|print|email|copy link)$',
  'i',
);

/** Elements with more prose than this (in non-space characters) are never furniture. */
const STORY_LENGTH = 2500;

/** Blocks at most this long are checked against the boilerplate wording. */
const BOILERPLATE_MAX_LENGTH = 60;

/** Text and link-text lengths of an element's subtree, whitespace excluded. */
export interface TextStats {
  text: number;
  links: number;
}

const statsCache = new WeakMap<Html.ParentNode, TextStats>();

/** True for element nodes (as opposed to text, comments and the document). */
export function isElement(node: Html.Node): node is Html.Element {
  return 'tagName' in node;
}

/** True when an element's class, id, role or aria-label says it is page furniture. */
export function isFurniture(element: Html.Element): boolean {
  if (NEVER_FURNITURE.has(element.tagName)) return false;
  // A long run of prose is the story whatever its wrapper is called ("ad-free", "has-sidebar").
  const stats = textStats(element);
  if (stats.text > STORY_LENGTH && stats.links < 0.2 * stats.text) return false;
  for (const attr of element.attrs) {
    if (attr.name === 'class' || attr.name === 'id') {
      // camelCase names ("shareButtons") are split so that their words can be recognised.
      const tokens = attr.value.replace(/([a-z])([A-Z])/g, '$1-$2').split(/\s+/);
      if (tokens.some((token) => token && FURNITURE_TOKEN.test(token))) return true;
    } else if (attr.name === 'role') {
      if (FURNITURE_ROLES.has(attr.value.trim().toLowerCase())) return true;
    } else if (attr.name === 'aria-label') {
      if (FURNITURE_LABEL.test(attr.value)) return true;
    }
  }
  return false;
}

/** True when a block is mostly links (a list of teasers, a tag cloud), so not prose. */
export function isLinkBlock(element: Html.Element): boolean {
  if (/^h[1-6]$/.test(element.tagName) || NEVER_FURNITURE.has(element.tagName)) return false;
  const stats = textStats(element);
  if (stats.text === 0) return false;
  const density = stats.links / stats.text;
  // A paragraph may quote a linked phrase; only one that is almost all link is a teaser.
  return element.tagName === 'p' ? density > 0.8 : density > 0.5;
}

/** True when a short block's whole text is page chrome ("Read more", "Share this article"). */
export function isBoilerplateBlock(element: Html.Element): boolean {
  const stats = textStats(element);
  if (stats.text === 0 || stats.text > BOILERPLATE_MAX_LENGTH) return false;
  const text = plainText(element).replace(/\s+/g, ' ').replace(/^[\s:»›>|•·-]+|[\s:»›>|•·→-]+$/g, '');
  return BOILERPLATE_LINE.test(text);
}

/** Measures an element's text and link text, once per element. */
export function textStats(node: Html.ParentNode): TextStats {
  let stats = statsCache.get(node);
  if (stats) return stats;
  stats = { text: 0, links: 0 };
  const inLink = isElement(node as Html.Node) && (node as Html.Element).tagName === 'a';
  for (const child of node.childNodes) {
    if (child.nodeName === '#text') {
      const length = (child as Html.TextNode).value.replace(/\s+/g, '').length;
      stats.text += length;
      if (inLink) stats.links += length;
    } else if (isElement(child) && child.tagName !== 'script' && child.tagName !== 'style' && child.tagName !== 'template') {
      const inner = textStats(child);
      stats.text += inner.text;
      stats.links += inLink ? inner.text : inner.links;
    }
  }
  statsCache.set(node, stats);
  return stats;
}

function plainText(node: Html.ParentNode): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeName === '#text') text += (child as Html.TextNode).value;
    else if (isElement(child) && child.tagName !== 'script' && child.tagName !== 'style') text += ` ${plainText(child)} `;
  }
  return text;
}
