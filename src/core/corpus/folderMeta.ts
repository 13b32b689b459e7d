// Applies per-folder source defaults from verbatim.json ("everything under wires/reuters is
// Reuters"), so that a folder of wire copy or press-office transcripts is labelled without
// editing every file. What a file declares itself always wins over its folder's defaults.

import * as path from 'path';
import { SOURCE_META_FIELDS, type SourceMeta } from '../types';
import { parseSourceKind } from './sourceKind';


/**
 * Returns `meta` with the fields it lacks filled from the defaults of the folders holding
 * `file`; `folderMeta` is keyed by absolute folder path, and a deeper folder wins.
 */
export function withFolderMeta(file: string, meta: SourceMeta, folderMeta: Readonly<Record<string, SourceMeta>> | undefined): SourceMeta {
  if (!folderMeta) return meta;
  const holders = deepestFirst(folderMeta).filter(([folder]) => isInside(folder, file)).map(([, key]) => key);
  if (holders.length === 0) return meta;
  const merged: SourceMeta = { ...meta };
  for (const folder of holders) {
    for (const field of SOURCE_META_FIELDS) {
      const value = folderMeta[folder][field];
      if (merged[field] !== undefined || typeof value !== 'string' || !value) continue;
      if (field === 'kind') merged.kind = parseSourceKind(value);
      else merged[field] = value;
    }
  }
  return merged;
}

// The folders of one configuration, resolved and deepest first, worked out once per load rather
// than for every file of the corpus.
const ORDERED = new WeakMap<object, [string, string][]>();

function deepestFirst(folderMeta: Readonly<Record<string, SourceMeta>>): [string, string][] {
  let ordered = ORDERED.get(folderMeta);
  if (!ordered) {
    ordered = Object.keys(folderMeta).map((key): [string, string] => [path.resolve(key), key]).sort((a, b) => b[0].length - a[0].length);
    ORDERED.set(folderMeta, ordered);
  }
  return ordered;
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, path.resolve(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
