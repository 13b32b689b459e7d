// Watches a folder tree for changes with one watcher per folder. Node's recursive fs.watch on
// Linux opens a watcher for every file (and keeps its stats), which for a newsroom archive of
// ten thousand files costs megabytes, can exhaust the system's inotify watches, and puts the
// server to work on every change. Per folder, the same archive needs a few dozen. Where the
// system watches trees natively (macOS, Windows), the recursive watcher is used as it is.

import * as fs from 'fs';
import * as path from 'path';

export interface TreeWatcherHost {
  /** Called with the absolute path of what changed (a file, or a folder that appeared). */
  onChange(changed: string): void;
  log(message: string): void;
}

/** How a tree is watched. */
export interface TreeWatchOptions {
  /** Folders never watched, nor anything below them (the index's cache folder). */
  ignore?: string[];
  /**
   * Most folders given a watcher. Past it the tree is not watched further (the system's
   * watches are shared by every program), and the log says so once.
   */
  maxFolders?: number;
}

/** Folder watchers per tree at most: an archive needs a few dozen, a corpus of `/` tens of thousands. */
export const MAX_WATCHED_FOLDERS = 4096;

/** True when `file` is a folder, following links. */
function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Folders whose names mark tooling, never sources (as the corpus walk skips them). */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export class TreeWatcher {
  private readonly watchers = new Map<string, fs.FSWatcher>();
  /** The real paths of the folders watched, so that a link back up the tree is not followed. */
  private readonly realFolders = new Set<string>();
  private readonly realOf = new Map<string, string>();
  private closed = false;
  private readonly ignored: string[];
  private readonly maxFolders: number;
  /** True once the folder limit stopped the watch; said once. */
  private full = false;

  /** Starts watching `root` and every folder below it. */
  constructor(private readonly root: string, private readonly host: TreeWatcherHost, options: TreeWatchOptions = {}, native = process.platform === 'darwin' || process.platform === 'win32') {
    this.ignored = (options.ignore ?? []).map((folder) => path.resolve(folder));
    this.maxFolders = options.maxFolders ?? MAX_WATCHED_FOLDERS;
    if (native) this.open(root, true);
    else this.add(root);
  }

  private isIgnored(file: string): boolean {
    return this.ignored.some((folder) => file === folder || file.startsWith(folder + path.sep));
  }

  /** How many folders have their own watcher (one for the whole tree where watching is native). */
  get size(): number {
    return this.watchers.size;
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  /**
   * Watches `folder` and the folders below it that are not watched yet. Links to folders are
   * followed, as the corpus walk follows them, each real folder once.
   */
  private add(folder: string): void {
    if (this.closed || this.watchers.has(folder) || this.isIgnored(folder)) return;
    if (this.watchers.size >= this.maxFolders) {
      if (!this.full) this.host.log(`Watching ${this.root} stopped at ${this.maxFolders} folders; changes in the folders past them are not noticed until the next rebuild.`);
      this.full = true;
      return;
    }
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(folder);
      if (this.realFolders.has(real)) return;
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    if (!this.open(folder, false)) return;
    this.realFolders.add(real);
    this.realOf.set(folder, real);
    for (const entry of entries) {
      if (skipped(entry.name)) continue;
      const child = path.join(folder, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && isFolder(child))) this.add(child);
    }
  }

  private open(folder: string, recursive: boolean): boolean {
    try {
      const watcher = fs.watch(folder, { recursive, persistent: false }, (_event, filename) => {
        const name = filename ? filename.toString() : '';
        if (name && name.split(/[\\/]/).some(skipped)) return;
        const changed = name ? path.join(folder, name) : folder;
        if (this.isIgnored(changed)) return;
        if (!recursive) this.follow(changed);
        this.host.onChange(changed);
      });
      watcher.on('error', () => this.forget(folder));
      this.watchers.set(folder, watcher);
      return true;
    } catch (error) {
      this.host.log(`Cannot watch ${folder}: ${(error as Error).message}`);
      return false;
    }
  }

  /** A folder that appeared is watched from now on; one that went away is let go. */
  private follow(changed: string): void {
    let isFolderNow = false;
    try {
      isFolderNow = fs.statSync(changed).isDirectory();
    } catch {
      // Gone: it, and any folder below it, no longer needs a watcher.
      for (const folder of [...this.watchers.keys()]) {
        if (folder !== this.root && (folder === changed || folder.startsWith(changed + path.sep))) this.forget(folder);
      }
      return;
    }
    if (isFolderNow) this.add(changed);
  }

  private forget(folder: string): void {
    this.watchers.get(folder)?.close();
    this.watchers.delete(folder);
    const real = this.realOf.get(folder);
    if (real !== undefined) this.realFolders.delete(real);
    this.realOf.delete(folder);
  }
}
