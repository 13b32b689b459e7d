// Turns corpus entries (files, folders, globs) into the list of source files to load. Symbolic
// links are followed, but each real folder is entered once, so a link back to a parent cannot
// loop; links are entered only after all real folders, so a file reachable both ways keeps the
// path it really has. A walk may be confined to a folder: then a link whose target lies outside
// it is left out and named, so a link committed into a project's sources cannot make a check
// read, and print, any file the machine can read.

import * as fs from 'fs';
import { promises as fsp } from 'fs';
import * as path from 'path';
import type { CorpusWarning } from '../types';
import { GlobError, isGlob, planGlob } from './globPattern';
import { isSourceFile, SOURCE_EXTENSIONS } from './sourceFormats';
import { describeFsError } from './readSourceFile';
import { isWithin } from './corpusScope';

/** A source file found by the walk. */
export interface FoundFile {
  /** Absolute path as reached from the entry (links not resolved). */
  path: string;
  /** The path with every symbolic link resolved, to recognise one file reached twice. */
  realPath: string;
  /** True when the file was reached through a symbolic link. */
  viaLink: boolean;
}

/** The files to load, sorted by path and free of duplicates, and what was skipped on the way. */
export interface CorpusFiles {
  files: FoundFile[];
  warnings: CorpusWarning[];
}

const SUPPORTED = SOURCE_EXTENSIONS.join(', ');

/** Bounds of a walk. */
export interface WalkOptions {
  /** Folders never entered (the index's own cache folder): absolute paths. */
  exclude?: string[];
  /** The walk stops, with a warning, once it has found this many source files. */
  maxFiles?: number;
  /**
   * The folder links may lead into, with its links resolved; a link leading elsewhere is left out
   * with a warning. Absent when the person running Verbatim lets the corpus reach outside.
   */
  confineLinksTo?: string;
}

/** What every part of one walk shares: the folders it must not enter and the files it may still take. */
interface WalkBudget {
  excluded: Set<string>;
  maxFiles: number;
  /** Source files taken so far. */
  taken: number;
  /** True once the file limit was reached; every folder walk then returns at once. */
  full: boolean;
  /** The real folder links must stay inside, or null. */
  within: string | null;
}

/** Expands corpus entries into a sorted, duplicate-free list of source files. */
export async function walkCorpus(entries: string[], options: WalkOptions = {}): Promise<CorpusFiles> {
  const found: FoundFile[] = [];
  const warnings: CorpusWarning[] = [];
  const budget: WalkBudget = { excluded: new Set((options.exclude ?? []).map(realOrSelf)), maxFiles: options.maxFiles ?? Number.POSITIVE_INFINITY, taken: 0, full: false, within: options.confineLinksTo ? realOrSelf(options.confineLinksTo) : null };
  for (const entry of entries) {
    if (budget.full) break;
    const absolute = path.resolve(entry);
    const target = await inspect(absolute);
    if (target.kind === 'folder') await walkNamedFolder(absolute, found, warnings, budget);
    else if (target.kind === 'file') await addNamedFile(absolute, target.viaLink, found, warnings);
    else if (target.kind === 'missing' && isGlob(entry)) await walkGlob(absolute, found, warnings, budget);
    else warnings.push({ path: absolute, message: target.message });
  }
  if (budget.full) {
    warnings.push({ path: entries.join(', '), message: `has more than ${budget.maxFiles} source files, the corpus file limit; the walk stopped there and the rest were not indexed (raise maxCorpusFiles to index more)`, limit: true });
  }
  // Overlapping entries meet the same broken link twice; it is reported once.
  const seen = new Set<string>();
  const unique = warnings.filter((w) => !seen.has(`${w.path}\0${w.message}`) && Boolean(seen.add(`${w.path}\0${w.message}`)));
  return { files: dedupe(found), warnings: unique };
}

type Inspection =
  | { kind: 'file'; viaLink: boolean }
  | { kind: 'folder'; viaLink: boolean }
  | { kind: 'missing'; message: string }
  | { kind: 'other'; message: string };

/** Says what a named path is, following links, with a message for anything unusable. */
async function inspect(file: string): Promise<Inspection> {
  let viaLink = false;
  try {
    viaLink = (await fsp.lstat(file)).isSymbolicLink();
    const stat = await fsp.stat(file);
    if (stat.isDirectory()) return { kind: 'folder', viaLink };
    if (stat.isFile()) return { kind: 'file', viaLink };
    return { kind: 'other', message: 'is not a regular file or folder; skipped' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !viaLink) return { kind: 'missing', message: 'was not found' };
    if (code === 'ENOENT') return { kind: 'other', message: await danglingMessage(file) };
    return { kind: 'other', message: describeFsError(error) };
  }
}

async function danglingMessage(link: string): Promise<string> {
  const target = await fsp.readlink(link).catch(() => '?');
  return `is a broken symbolic link (its target ${target} does not exist); skipped`;
}

async function addNamedFile(file: string, viaLink: boolean, found: FoundFile[], warnings: CorpusWarning[]): Promise<void> {
  if (!isSourceFile(file)) {
    const ext = path.extname(file) || 'no extension';
    warnings.push({ path: file, message: `has an unsupported file type (${ext}); supported: ${SUPPORTED}` });
    return;
  }
  found.push({ path: file, realPath: await fsp.realpath(file).catch(() => file), viaLink });
}

async function walkNamedFolder(folder: string, found: FoundFile[], warnings: CorpusWarning[], budget: WalkBudget): Promise<void> {
  const { sources } = await walkFolder(folder, () => true, warnings, budget);
  if (sources.length === 0 && !budget.full) warnings.push({ path: folder, message: `contains no source files (${SUPPORTED})` });
  appendAll(found, sources);
}

async function walkGlob(pattern: string, found: FoundFile[], warnings: CorpusWarning[], budget: WalkBudget): Promise<void> {
  let plans;
  try {
    plans = planGlob(pattern);
  } catch (error) {
    if (!(error instanceof GlobError)) throw error;
    warnings.push({ path: pattern, message: `is not a usable pattern: ${error.message}` });
    return;
  }
  let sourceCount = 0;
  let otherCount = 0;
  for (const plan of plans) {
    const walked = plan.matcher === null
      ? await walkLiteral(plan.base, warnings, budget)
      : await walkMatching(plan.base, plan.matcher, warnings, budget);
    appendAll(found, walked.sources);
    sourceCount += walked.sources.length;
    otherCount += walked.others;
  }
  if (sourceCount > 0 || budget.full) return;
  const message = otherCount > 0
    ? `matches ${otherCount} file${otherCount === 1 ? '' : 's'}, but none has a supported type (${SUPPORTED})`
    : 'matches no files';
  warnings.push({ path: pattern, message });
}

/** Reads a brace alternative without wildcards; unlike a named entry, a missing one is no match. */
async function walkLiteral(target: string, warnings: CorpusWarning[], budget: WalkBudget): Promise<FolderWalk> {
  const inspection = await inspect(target);
  if (inspection.kind === 'folder') return walkFolder(target, () => true, warnings, budget);
  if (inspection.kind !== 'file') return { sources: [], others: 0 };
  if (!isSourceFile(target)) return { sources: [], others: 1 };
  const named: FoundFile[] = [];
  await addNamedFile(target, inspection.viaLink, named, warnings);
  return { sources: named, others: 0 };
}

/** Walks the folder a glob starts from, keeping the files its pattern matches. */
async function walkMatching(base: string, matcher: RegExp, warnings: CorpusWarning[], budget: WalkBudget): Promise<FolderWalk> {
  if ((await inspect(base)).kind !== 'folder') return { sources: [], others: 0 };
  return walkFolder(base, (relative) => matcher.test(relative), warnings, budget);
}

interface FolderWalk {
  sources: FoundFile[];
  /** Files the filter accepted that are not source files. */
  others: number;
}

interface PendingFolder {
  folder: string;
  relative: string;
}

/** Walks `root` recursively, keeping files whose `/`-separated path relative to root is accepted. */
async function walkFolder(root: string, accept: (relative: string) => boolean, warnings: CorpusWarning[], budget: WalkBudget): Promise<FolderWalk> {
  const result: FolderWalk = { sources: [], others: 0 };
  const visited = new Set<string>();
  const linked: PendingFolder[] = [];

  const keep = (file: string, relative: string, realPath: string, viaLink: boolean): void => {
    if (!accept(relative)) return;
    if (!isSourceFile(file)) {
      result.others++;
    } else if (budget.taken >= budget.maxFiles) {
      budget.full = true;
    } else {
      budget.taken++;
      result.sources.push({ path: file, realPath, viaLink });
    }
  };

  const visit = async (folder: string, relative: string, viaLink: boolean): Promise<void> => {
    if (budget.full) return;
    let realFolder: string;
    let entries;
    try {
      // Synchronous calls: an archive has hundreds of folders, and a trip through the thread
      // pool for each costs more than the call itself.
      realFolder = fs.realpathSync.native(folder);
      // The index's own cache folder is never read: its writes would set off rebuild after rebuild.
      if (visited.has(realFolder) || budget.excluded.has(realFolder)) return;
      visited.add(realFolder);
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      warnings.push({ path: folder, message: `folder ${describeFsError(error)}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (budget.full) return;
      // Hidden files and installed packages are tooling, never sources.
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = childPath(folder, entry.name);
      const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await visit(full, childRelative, viaLink);
      else if (entry.isFile()) keep(full, childRelative, realFolder === folder ? full : childPath(realFolder, entry.name), viaLink);
      else if (entry.isSymbolicLink()) await followLink(full, childRelative);
      else if (accept(childRelative) && isSourceFile(full)) warnings.push({ path: full, message: 'is not a regular file; skipped' });
    }
  };

  const followLink = async (link: string, relative: string): Promise<void> => {
    try {
      const stat = await fsp.stat(link);
      if (!(await linkAllowed(link, relative))) return;
      if (stat.isDirectory()) linked.push({ folder: link, relative });
      else if (stat.isFile()) keep(link, relative, await fsp.realpath(link), true);
      else if (accept(relative) && isSourceFile(link)) warnings.push({ path: link, message: 'is not a regular file; skipped' });
    } catch (error) {
      if (!accept(relative)) return;
      const code = (error as NodeJS.ErrnoException).code;
      warnings.push({ path: link, message: code === 'ENOENT' ? await danglingMessage(link) : describeFsError(error) });
    }
  };

  const linkAllowed = async (link: string, relative: string): Promise<boolean> => {
    if (budget.within === null) return true;
    const target = await fsp.realpath(link);
    if (isWithin(target, budget.within)) return true;
    if (accept(relative)) warnings.push({ path: link, message: `is a link to ${target}, outside ${budget.within}, and was left out of the corpus` });
    return false;
  };

  await visit(root, '', false);
  for (let next = linked.shift(); next && !budget.full; next = linked.shift()) await visit(next.folder, next.relative, true);
  return result;
}

/** The real path of `file`, or the path itself while it does not exist (a cache folder not yet made). */
function realOrSelf(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * The path of `name` inside the normalised absolute `folder`. Plain concatenation: an archive
 * has tens of thousands of files, and `path.join` normalises the whole path again for each.
 */
function childPath(folder: string, name: string): string {
  return folder.endsWith(path.sep) ? folder + name : folder + path.sep + name;
}

/**
 * Appends `items` one by one: spreading them as call arguments overflows the stack once a
 * folder holds more than about a hundred thousand files.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Keeps one path per real file, preferring a path reached without links, and sorts by path. */
function dedupe(found: FoundFile[]): FoundFile[] {
  // A folder walk lists its files in order, each once: then, with paths and real paths both
  // rising, no two files are one and the list is sorted already. An archive's hundred thousand
  // long paths cost a third of a second to key and sort again.
  if (isRising(found)) return found;
  const byReal = new Map<string, FoundFile>();
  for (const file of found) {
    const kept = byReal.get(file.realPath);
    if (!kept || (kept.viaLink && !file.viaLink) || (kept.viaLink === file.viaLink && file.path < kept.path)) {
      byReal.set(file.realPath, file);
    }
  }
  return [...byReal.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** True when both the paths and the real paths of `found` strictly increase. */
function isRising(found: FoundFile[]): boolean {
  for (let k = 1; k < found.length; k++) {
    if (!(found[k - 1].path < found[k].path) || !(found[k - 1].realPath < found[k].realPath)) return false;
  }
  return true;
}
