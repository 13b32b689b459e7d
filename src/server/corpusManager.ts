// One corpus, index and checker per workspace folder, built inside the server process. Builds
// are announced with `verbatim/indexState` and work-done progress; a newer build supersedes an
// older one, and corpus file changes are debounced into a single rebuild.

import * as fs from 'fs';
import * as path from 'path';
import type { Connection } from 'vscode-languageserver';
import { defaultCacheDir } from '../core/cache/cacheLocation';
import { openCorpus } from '../core/cache/openCorpus';
import { Checker, CorpusIndex } from '../core/checker';
import { CONFIG_FILE_NAME } from '../core/config';
import { scopeCorpusPaths, type ScopedCorpus } from '../core/corpus/corpusScope';
import type { CorpusWarning } from '../core/types';
import type { IndexStateName, IndexStateParams } from '../shared/protocol';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { watchBase, type CorpusWatcher } from './corpusWatcher';
import type { ResolvedSettings } from './settingsStore';
import { isInside, type Folder } from './workspaceFolders';

/** The thread that walks and stats a corpus (dist/surveyWorker.js), shipped beside the server. */
const SURVEY_SCRIPT = path.join(__dirname, 'surveyWorker.js');

/** The state of one folder's corpus. */
export interface FolderCorpus {
  folder: Folder;
  resolved: ResolvedSettings;
  /** Absolute corpus entries (folders, files or globs) that may be read. */
  entries: string[];
  /** The index's cache folder, whose own writes are no corpus change; null before the first build. */
  cacheDir: string | null;
  index: CorpusIndex | null;
  checker: Checker | null;
  state: IndexStateName;
  documents: number;
  warnings: CorpusWarning[];
  message?: string;
}

/** Reports progress of one build. */
export interface ProgressHandle {
  report(message: string, percentage: number): void;
  done(): void;
}

/** What the manager needs from the server. */
export interface CorpusHost {
  settingsFor(folder: Folder): Promise<ResolvedSettings>;
  sendState(params: IndexStateParams): void;
  startProgress(title: string): Promise<ProgressHandle>;
  /** Shows the user a problem they must fix (a broken verbatim.json). */
  warn(message: string): void;
  /** False in Restricted Mode: corpus entries outside the workspace folder are left out. */
  trusted(): boolean;
  /** Called after a folder's checker changed, so open drafts in it are re-checked. */
  onChanged(folder: Folder): void;
  log(message: string): void;
}

interface Slot {
  current: FolderCorpus;
  /** Settles when the latest requested build or reconfiguration is done. */
  ready: Promise<void>;
  generation: number;
  /** The verbatim.json problem last shown, so it is shown once and not on every refresh. */
  configError: string | null;
  /** The settings problems and left-out corpus paths last shown, likewise. */
  notices: string;
}

/** What a user can do about a corpus path left out in the editor. */
const OUTSIDE_HINT = 'Folders outside the workspace folder can only be named in your user settings ("verbatim.corpus"), never in verbatim.json or the workspace settings.';

/** Milliseconds of quiet after a corpus file event before the rebuild starts. */
export const REBUILD_DEBOUNCE_MS = 150;

/** Builds and keeps the corpus of every folder in use. */
export class CorpusManager {
  private readonly slots = new Map<string, Slot>();
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; force: boolean }>();

  constructor(private readonly host: CorpusHost, private readonly watcher: CorpusWatcher) {}

  /** The folder's corpus once its latest build is done (building it on first use). */
  async get(folder: Folder): Promise<FolderCorpus> {
    let slot = this.slots.get(folder.path);
    if (!slot) {
      slot = { current: emptyCorpus(folder), ready: Promise.resolve(), generation: 0, configError: null, notices: '' };
      this.slots.set(folder.path, slot);
      this.refresh(folder, true);
    }
    // A build requested while waiting replaces `ready`; wait for the newest one.
    for (let seen: Promise<void> | null = null; seen !== slot.ready;) {
      seen = slot.ready;
      await seen;
    }
    return slot.current;
  }

  /** Every folder corpus built so far (without waiting). */
  loaded(): FolderCorpus[] {
    return [...this.slots.values()].map((slot) => slot.current);
  }

  /** Re-reads settings; rebuilds when forced or when the corpus entries changed. */
  refresh(folder: Folder, force = false): Promise<void> {
    const slot = this.slots.get(folder.path);
    if (!slot) return Promise.resolve();
    const generation = ++slot.generation;
    slot.ready = this.run(slot, folder, generation, force).catch((error: Error) => {
      this.host.log(`Indexing ${folder.path} failed: ${error.stack ?? error.message}`);
      if (generation !== slot.generation) return;
      slot.current = { ...slot.current, index: null, checker: null, state: 'error', documents: 0, message: error.message };
      this.sendState(slot.current);
    });
    return slot.ready;
  }

  /** Refreshes every folder in use (after a configuration change). */
  async refreshAll(force = false): Promise<void> {
    await Promise.all([...this.slots.values()].map((slot) => this.refresh(slot.current.folder, force)));
  }

  /** Forgets a folder that was removed from the workspace. */
  remove(folder: Folder): void {
    this.slots.delete(folder.path);
    this.watcher.unwatch(folder.path);
  }

  /**
   * Schedules a rebuild of every folder whose corpus holds one of `paths`, or a settings refresh
   * (no rebuild unless the corpus entries changed) when only its verbatim.json changed.
   */
  filesChanged(paths: string[]): void {
    for (const slot of this.slots.values()) {
      const { folder, entries, cacheDir } = slot.current;
      const bases = entries.map(watchBase);
      const corpusTouched = paths.some((file) => !(cacheDir && isInside(file, cacheDir)) && bases.some((base) => isInside(file, base) || isInside(base, file)));
      const configTouched = paths.some((file) => file === path.join(folder.path, CONFIG_FILE_NAME));
      if (corpusTouched || configTouched) this.schedule(folder, corpusTouched);
    }
  }

  /** True when `file` lies inside some folder's corpus (such files are sources, not drafts). */
  isCorpusFile(file: string): boolean {
    return this.loaded().some((corpus) => corpus.entries.some((entry) => isInside(file, watchBase(entry))));
  }

  /** Stops timers and watchers. */
  dispose(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.watcher.dispose();
  }

  private schedule(folder: Folder, rebuild: boolean): void {
    const pending = this.timers.get(folder.path);
    clearTimeout(pending?.timer);
    const force = rebuild || (pending?.force ?? false);
    const timer = setTimeout(() => {
      this.timers.delete(folder.path);
      void this.refresh(folder, force);
    }, REBUILD_DEBOUNCE_MS);
    this.timers.set(folder.path, { timer, force });
  }

  private async run(slot: Slot, folder: Folder, generation: number, force: boolean): Promise<void> {
    const resolved = await this.host.settingsFor(folder);
    if (generation !== slot.generation) return;
    if (resolved.configError && resolved.configError !== slot.configError) this.host.warn(`${resolved.configError} (using the editor settings instead)`);
    slot.configError = resolved.configError;
    // The corpus stays inside the folder unless the person's own settings reach out, and in
    // Restricted Mode (an untrusted workspace, workspaceTrust.ts) it never reaches out.
    const trusted = this.host.trusted();
    const hint = trusted ? OUTSIDE_HINT : 'Restricted Mode: Trust the workspace to read it.';
    const scoped = scopeCorpusPaths(resolved.settings.corpus.map((entry) => ({ entry, origin: resolved.corpusOrigin })), { root: folder.path, allowOutside: trusted, hint });
    const notices = [...resolved.settingErrors.map((problem) => `${problem} (using the default instead)`), ...scoped.warnings.map((w) => `${w.path} ${w.message}`)];
    for (const notice of notices) this.host.log(notice);
    if (notices.join('\n') !== slot.notices) for (const notice of notices) this.host.warn(notice);
    slot.notices = notices.join('\n');
    const entries = scoped.kept;
    const cacheDir = defaultCacheDir(entries);
    const previous = slot.current;
    const sameCorpus = previous.index !== null && sameList(previous.entries, entries) && previous.resolved.maxFileBytes === resolved.maxFileBytes &&
      previous.resolved.maxCorpusBytes === resolved.maxCorpusBytes && previous.resolved.maxCorpusFiles === resolved.maxCorpusFiles &&
      JSON.stringify(previous.resolved.folderMeta) === JSON.stringify(resolved.folderMeta);
    this.watcher.watch(folder.path, folder.uri, entries.map(watchBase), [cacheDir]);
    if (sameCorpus && !force) {
      slot.current = { ...previous, resolved, checker: makeChecker(previous.index, resolved) };
      this.host.onChanged(folder);
      return;
    }
    await this.build(slot, folder, generation, resolved, entries, cacheDir, scoped);
  }

  private async build(slot: Slot, folder: Folder, generation: number, resolved: ResolvedSettings, entries: string[], cacheDir: string, scoped: ScopedCorpus): Promise<void> {
    const leftOut = scoped.warnings;
    const indexing: FolderCorpus = { ...slot.current, resolved, entries, cacheDir, state: 'indexing', message: undefined };
    slot.current = indexing;
    this.sendState(indexing);
    if (!entries.some(entryExists)) {
      const names = resolved.settings.corpus.join(', ') || '(none)';
      const message = entries.length === 0 && leftOut.length > 0
        ? `The corpus of ${folder.name} (${names}) lies outside the workspace folder and was left out. ${OUTSIDE_HINT}`
        : `No corpus found in ${folder.name}: ${names}. Create the folder or set "corpus" in verbatim.json or the verbatim.corpus setting.`;
      slot.current = { ...indexing, index: null, checker: null, state: 'noCorpus', documents: 0, warnings: leftOut, message };
      this.sendState(slot.current);
      this.host.onChanged(folder);
      return;
    }
    const progress = await this.host.startProgress(`Verbatim: indexing ${folder.name}`);
    let opened;
    try {
      // The cache is shared with the CLI, so an archive indexed by one opens warm in the other.
      opened = await openCorpus(entries, {
        cacheDir,
        maxFileBytes: resolved.maxFileBytes,
        maxCorpusBytes: resolved.maxCorpusBytes,
        maxCorpusFiles: resolved.maxCorpusFiles,
        // In Restricted Mode a link in the sources may not lead outside the folder either.
        confineLinksTo: scoped.confineLinksTo ?? undefined,
        // Per-folder outlet defaults from verbatim.json, so citations name the outlet of a wire folder.
        folderMeta: resolved.folderMeta,
        // The files are walked and stat'ed on a thread: an archive's 100,000 stats would hold up
        // this one, and with it every request, for a third of a second.
        surveyScript: SURVEY_SCRIPT,
        onProgress: ({ files, totalFiles, bytes }) => progress.report(`${files} / ${totalFiles} files, ${(bytes / 1e6).toFixed(1)} MB`, totalFiles ? Math.round((files / totalFiles) * 100) : 0),
      });
    } finally {
      progress.done();
    }
    if (generation !== slot.generation) return;
    const { corpus, index, stats } = opened;
    for (const warning of corpus.warnings) this.host.log(`${warning.path}: ${warning.message}`);
    // A corpus cut short at a limit answers differently from the whole one; the user is told.
    for (const warning of corpus.warnings) if (warning.limit) this.host.warn(`${warning.path} ${warning.message}`);
    this.host.log(`Indexed ${folder.name}: ${corpus.documents.length} files (${stats.filesRead} read, ${stats.filesReused} from the cache) in ${Math.round(stats.milliseconds)} ms`);
    const documents = corpus.documents.length;
    slot.current = {
      ...indexing, index, checker: makeChecker(index, resolved), documents, warnings: [...leftOut, ...corpus.warnings],
      state: documents ? 'ready' : 'noCorpus',
      message: documents ? undefined : `The corpus of ${folder.name} has no readable source files.`,
    };
    this.sendState(slot.current);
    this.host.onChanged(folder);
    // After a few sources changed, the cache is written once the corpus is in use.
    const warningsBeforeSave = corpus.warnings.length;
    void opened.cacheSaved.then((saved) => {
      if (!saved) for (const warning of corpus.warnings.slice(warningsBeforeSave)) this.host.log(`${warning.path}: ${warning.message}`);
    });
  }

  private sendState(corpus: FolderCorpus): void {
    const params: IndexStateParams = { state: corpus.state, folder: corpus.folder.uri, documents: corpus.documents };
    if (corpus.message) params.message = corpus.message;
    this.host.sendState(params);
  }
}

function makeChecker(index: CorpusIndex | null, resolved: ResolvedSettings): Checker | null {
  if (!index) return null;
  const { minWords, driftThreshold, preferPrimarySources } = resolved.settings;
  return new Checker(index, { minWords, driftThreshold, preferPrimarySources, aliases: resolved.aliases, ignore: resolved.ignore }, resolved.accepted.map((a) => a.quote));
}

function emptyCorpus(folder: Folder): FolderCorpus {
  return {
    folder, entries: [], cacheDir: null, index: null, checker: null, state: 'indexing', documents: 0, warnings: [],
    resolved: {
      settings: DEFAULT_SETTINGS, accepted: [], ignore: [], folderMeta: {}, aliases: {}, maxFileBytes: 0, maxCorpusBytes: 0, maxCorpusFiles: 0,
      corpusOrigin: 'project', settingErrors: [], configFile: null, configError: null,
    },
  };
}

function entryExists(entry: string): boolean {
  return fs.existsSync(watchBase(entry));
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

// Reports are throttled, since a corpus of thousands of files would otherwise flood the client.
const REPORT_INTERVAL_MS = 100;

const SILENT: ProgressHandle = { report: () => undefined, done: () => undefined };

/** Starts a progress report when the client supports it, else returns a handle that does nothing. */
export async function startProgress(connection: Connection, supported: boolean, title: string): Promise<ProgressHandle> {
  if (!supported) return SILENT;
  try {
    const reporter = await connection.window.createWorkDoneProgress();
    reporter.begin(title, 0, undefined, false);
    let last = 0;
    return {
      report: (message, percentage) => {
        const now = Date.now();
        if (now - last < REPORT_INTERVAL_MS && percentage < 100) return;
        last = now;
        reporter.report(percentage, message);
      },
      done: () => reporter.done(),
    };
  } catch {
    // A client that refuses the progress token still gets its index.
    return SILENT;
  }
}
