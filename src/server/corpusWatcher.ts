// Notices when corpus files or a verbatim.json change. Clients that can watch files are asked
// to (dynamic `workspace/didChangeWatchedFiles` registration); the server also watches with
// fs.watch itself, because many clients never send file events. Both feed one callback and the
// corpus manager debounces, so duplicate events cost nothing.

import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAME } from '../core/config';
import { literalBase } from '../core/corpus/corpusScope';
import { TreeWatcher } from './treeWatcher';

/** Something that can be stopped. */
export interface Stoppable {
  dispose(): void;
}

/** What the watcher needs from the server. */
export interface WatchHost {
  /** Asks the client to watch `patterns` (absolute paths of folders or files); null when it cannot. */
  registerWithClient(folderUri: string, patterns: { base: string; pattern: string }[]): Promise<Stoppable | null>;
  /** Called with the absolute paths that changed. */
  onChange(paths: string[]): void;
  log(message: string): void;
}

/** A watcher of the file system that can be closed. */
interface Closable {
  close(): void;
}

interface FolderWatch {
  key: string;
  fsWatchers: Closable[];
  registration: Promise<Stoppable | null>;
}

/** The part of a corpus entry before its first glob character: the folder to watch. */
export const watchBase = literalBase;

/** Watches the corpus entries and the verbatim.json of each folder. */
export class CorpusWatcher {
  private readonly folders = new Map<string, FolderWatch>();

  constructor(private readonly host: WatchHost) {}

  /**
   * Starts (or restarts) watching a folder's corpus `bases` and its verbatim.json; folders in
   * `ignore` (the index's cache folder) are never watched.
   */
  watch(folderPath: string, folderUri: string, bases: string[], ignore: string[] = []): void {
    // Whether each base exists is part of the key: a corpus folder created since the last call
    // must be watched itself instead of through its parent.
    const key = [...bases.map((base) => `${base}:${fs.existsSync(base)}`), ...ignore].join('\n');
    const current = this.folders.get(folderPath);
    if (current?.key === key) return;
    this.unwatch(folderPath);
    const fsWatchers: Closable[] = [];
    for (const base of bases) this.watchPath(base, fsWatchers, ignore);
    this.watchConfig(folderPath, fsWatchers);
    const patterns = bases.map((base) => ({ base, pattern: '**/*' }));
    patterns.push({ base: folderPath, pattern: CONFIG_FILE_NAME });
    const registration = this.host.registerWithClient(folderUri, patterns).catch((error: Error) => {
      this.host.log(`File watching by the client failed: ${error.message}`);
      return null;
    });
    this.folders.set(folderPath, { key, fsWatchers, registration });
  }

  /** Stops watching a folder. */
  unwatch(folderPath: string): void {
    const current = this.folders.get(folderPath);
    if (!current) return;
    this.folders.delete(folderPath);
    for (const watcher of current.fsWatchers) watcher.close();
    void current.registration.then((registration) => registration?.dispose());
  }

  /** Stops every watcher. */
  dispose(): void {
    for (const folderPath of [...this.folders.keys()]) this.unwatch(folderPath);
  }

  private watchPath(base: string, into: Closable[], ignore: string[]): void {
    // A corpus folder that does not exist yet is noticed through its nearest existing parent,
    // so creating `sources/` later brings the corpus in without a restart.
    let target = base;
    while (!fs.existsSync(target) && path.dirname(target) !== target) target = path.dirname(target);
    let recursive = false;
    try {
      recursive = target === base && fs.statSync(target).isDirectory();
    } catch {
      return;
    }
    if (recursive) into.push(new TreeWatcher(target, { onChange: (changed) => this.host.onChange([changed]), log: (message) => this.host.log(message) }, { ignore }));
    else this.open(target, into, () => true);
  }

  private watchConfig(folderPath: string, into: Closable[]): void {
    this.open(folderPath, into, (name) => name === CONFIG_FILE_NAME);
  }

  /** Watches one file, or the files directly in one folder. */
  private open(target: string, into: Closable[], wanted: (name: string) => boolean): void {
    try {
      const isDir = fs.statSync(target).isDirectory();
      const watcher = fs.watch(target, { persistent: false }, (_event, filename) => {
        const name = filename ? filename.toString() : '';
        if (!wanted(path.basename(name))) return;
        this.host.onChange([isDir ? path.join(target, name) : target]);
      });
      watcher.on('error', (error) => this.host.log(`Stopped watching ${target}: ${error.message}`));
      into.push(watcher);
    } catch (error) {
      this.host.log(`Cannot watch ${target}: ${(error as Error).message}`);
    }
  }
}
