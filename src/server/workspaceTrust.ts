// Restricted Mode on the server side. VS Code tells the server whether the workspace is trusted
// (initializationOptions.trusted, then `verbatim/workspaceTrust` when trust is granted). In an
// untrusted workspace the corpus keeps only entries inside the workspace folder: a downloaded
// project must not make the editor read, index and show passages of other files on the machine.
// Every entry left out is named, so the writer knows why a source is missing.

import * as fs from 'fs';
import * as path from 'path';
import { isRecord } from '../shared/settings';
import { watchBase } from './corpusWatcher';
import { isInside } from './workspaceFolders';

/**
 * Whether the client declared the workspace trusted. Clients that say nothing (Neovim, other LSP
 * editors, which have no notion of workspace trust) are trusted, as they were before.
 */
export function trustedFromInit(initializationOptions: unknown): boolean {
  return !(isRecord(initializationOptions) && initializationOptions.trusted === false);
}

/** The corpus entries that may be read, and the ones left out because they reach outside. */
export interface TrustedEntries {
  kept: string[];
  leftOut: string[];
}

/**
 * In an untrusted workspace, keeps only the absolute corpus entries (folders, files or globs)
 * whose base lies inside `folder`, following symbolic links so a link cannot lead outside.
 */
export function limitToFolder(entries: string[], folder: string, trusted: boolean): TrustedEntries {
  if (trusted) return { kept: entries, leftOut: [] };
  const root = realPath(folder);
  const kept: string[] = [];
  const leftOut: string[] = [];
  for (const entry of entries) {
    const base = watchBase(entry);
    const inside = isInside(base, folder) && isInside(realPath(base), root);
    (inside ? kept : leftOut).push(entry);
  }
  return { kept, leftOut };
}

/** The warning that names every entry left out in Restricted Mode. */
export function leftOutMessage(folderName: string, leftOut: string[]): string {
  const names = leftOut.map((entry) => `"${entry}"`).join(', ');
  return `Restricted Mode: the corpus of ${folderName} leaves out ${names}, outside the workspace folder. Trust the workspace to read ${leftOut.length === 1 ? 'it' : 'them'}.`;
}

/** The real path of `file`, or of its nearest existing parent joined with the rest. */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    const parent = path.dirname(file);
    return parent === file ? file : path.join(realPath(parent), path.basename(file));
  }
}
