// Finds the drafts of a workspace folder for a workspace-wide check: files with a draft
// extension of the configured languages, outside the corpus, dependencies and hidden folders.

import * as fs from 'fs';
import * as path from 'path';
import { DRAFT_EXTENSIONS } from '../core/draftFormats';

const EXTENSIONS: Record<string, readonly string[]> = DRAFT_EXTENSIONS;

/** Folders never holding drafts. */
const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist']);

/** Most files a workspace-wide check reads per folder, so a huge tree cannot stall the server. */
export const MAX_DRAFT_FILES = 2000;

/** The draft file extensions for a `languages` setting. */
export function draftExtensions(languages: string[]): Set<string> {
  return new Set(languages.flatMap((id) => EXTENSIONS[id === 'text' ? 'plaintext' : id] ?? []));
}

/** Lists draft files under `root`, skipping any path for which `excluded` returns true. */
export async function findDrafts(root: string, languages: string[], excluded: (file: string) => boolean): Promise<string[]> {
  const extensions = draftExtensions(languages);
  const found: string[] = [];
  const queue = [root];
  while (queue.length && found.length < MAX_DRAFT_FILES) {
    const dir = queue.shift() as string;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (excluded(full)) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) queue.push(full);
      } else if (entry.isFile() && extensions.has(path.extname(entry.name).toLowerCase())) {
        found.push(full);
        if (found.length >= MAX_DRAFT_FILES) break;
      }
    }
  }
  return found;
}
