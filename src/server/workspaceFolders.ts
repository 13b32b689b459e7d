// Which workspace folder a document belongs to. Each folder has its own corpus and settings
// (multi-root); a file opened outside every folder (a single file in Neovim, say) gets an
// implicit folder at its own directory, so a `sources/` next to the draft still works.

import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';

/** A folder whose corpus and verbatim.json apply to the drafts inside it. */
export interface Folder {
  /** The folder's URI as the client sent it (or built from the path when implicit). */
  uri: string;
  /** The folder's file system path. */
  path: string;
  name: string;
  /** True when no client folder holds it and it was made from a draft's directory. */
  implicit: boolean;
}

/** Converts a file URI to a path, or returns null for other schemes and malformed URIs. */
export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** Converts a path to a file URI. */
export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

/** True when `child` is `parent` or lies inside it. */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The client's workspace folders plus implicit ones, keyed by path. */
export class WorkspaceFolders {
  private readonly folders = new Map<string, Folder>();

  /** Replaces the client's folders (implicit folders are kept). */
  set(folders: { uri: string; name?: string }[]): void {
    for (const [key, folder] of this.folders) if (!folder.implicit) this.folders.delete(key);
    for (const folder of folders) {
      const file = uriToPath(folder.uri);
      if (!file) continue;
      this.folders.set(file, { uri: folder.uri, path: file, name: folder.name ?? path.basename(file), implicit: false });
    }
  }

  /** Every known folder. */
  all(): Folder[] {
    return [...this.folders.values()];
  }

  /** The client folders only (the ones a workspace-wide check walks). */
  explicit(): Folder[] {
    return this.all().filter((folder) => !folder.implicit);
  }

  /** The folder for a URI: the deepest client folder holding it, else an implicit one. */
  folderFor(uri: string): Folder | null {
    const file = uriToPath(uri);
    if (!file) return null;
    const existing = this.lookup(file);
    if (existing) return existing;
    const dir = path.dirname(file);
    const folder: Folder = { uri: pathToUri(dir), path: dir, name: path.basename(dir), implicit: true };
    this.folders.set(dir, folder);
    return folder;
  }

  /** The folder whose path equals or holds `file`, without creating one. */
  lookup(file: string): Folder | null {
    let best: Folder | null = null;
    for (const folder of this.folders.values()) {
      if (folder.path === file || (isInside(file, folder.path) && !folder.implicit) || (folder.implicit && path.dirname(file) === folder.path)) {
        if (!best || folder.path.length > best.path.length) best = folder;
      }
    }
    return best;
  }
}
