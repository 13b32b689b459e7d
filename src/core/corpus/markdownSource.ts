// Reads Markdown sources through the same prose reader as drafts, so that code, links and
// markup in a source are never matched. The masked text keeps the file's length, which keeps
// every offset identical to the file's.

import { proseOf } from '../extract/markdownProse';
import { SOURCE_META_FIELDS, type SourceMeta } from '../types';
import { parseSourceKind } from './sourceKind';
import { identityOffset, type ParsedSource } from './textSource';

/** Reads a Markdown source: masked prose, its blocks, and title and metadata from front matter. */
export function parseMarkdownSource(text: string): ParsedSource {
  const { masked, blocks, frontMatter } = proseOf(text, 'markdown');
  const meta: SourceMeta = {};
  let title: string | null = null;
  if (frontMatter) {
    title = frontMatterString(frontMatter.title);
    for (const key of SOURCE_META_FIELDS) {
      const value = frontMatterString(frontMatter[key]);
      if (!value) continue;
      if (key === 'kind') {
        // A kind that is not one of the three is left for the folder and the format to decide.
        const kind = parseSourceKind(value);
        if (kind) meta.kind = kind;
      } else {
        meta[key] = value;
      }
    }
  }
  return { text: masked, blocks, title, meta, fileOffset: identityOffset };
}

/**
 * Turns a front-matter value into display text. YAML may read a date or a number where the
 * writer meant text, so those are written back out; lists (several authors) are joined.
 */
export function frontMatterString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) {
    const parts = value.map(frontMatterString).filter((part): part is string => part !== null);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  return null;
}
