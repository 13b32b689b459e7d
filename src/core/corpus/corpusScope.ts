// Decides which corpus paths may be read. A corpus stays inside its project (the workspace
// folder, or the folder holding verbatim.json) unless the person running Verbatim allows more:
// a project file or workspace setting that names `../../outside` or `/etc` would otherwise make
// hovers and CI reports print passages of any file the machine can read. Every entry left out
// is named in a warning. This is the one place that rule lives; the editor, the CLI and a
// workspace-trust flag all feed it.

import * as fs from 'fs';
import * as path from 'path';
import type { CorpusWarning } from '../types';

/**
 * Who chose a corpus path. `person`: the person running Verbatim (user or machine settings in
 * the editor, the command line together with `--allow-outside`); `project`: the project itself
 * (its verbatim.json, workspace or folder settings), which a pull request can change.
 */
export type CorpusOrigin = 'person' | 'project';

/** One corpus entry as configured: a folder, file or glob, relative to the root or absolute. */
export interface CorpusPath {
  entry: string;
  origin: CorpusOrigin;
}

/** How entries are judged. */
export interface ScopeOptions {
  /** The project folder that relative entries start from and that contains the corpus. */
  root: string;
  /**
   * Whether the person running Verbatim lets entries they chose reach outside the root (the
   * CLI's `--allow-outside`; in the editor, a trusted workspace). Project entries never may.
   */
  allowOutside: boolean;
  /** What the user can do about a left-out entry, appended to its warning. */
  hint: string;
}

/** The entries that may be read, as absolute paths or globs, and a warning per entry left out. */
export interface ScopedCorpus {
  kept: string[];
  warnings: CorpusWarning[];
  /**
   * The root, when links inside the kept entries must not lead outside it either (nobody allowed
   * the corpus to reach out); null when they may.
   */
  confineLinksTo: string | null;
}

/** Keeps the entries inside `options.root`, and the outside ones that their origin and `allowOutside` allow. */
export function scopeCorpusPaths(paths: readonly CorpusPath[], options: ScopeOptions): ScopedCorpus {
  const root = path.resolve(options.root);
  const realRoot = realPathOf(root);
  const kept: string[] = [];
  const warnings: CorpusWarning[] = [];
  for (const { entry, origin } of paths) {
    const absolute = path.resolve(root, entry);
    if (isWithin(absolute, root) && isWithin(realPathOf(literalBase(absolute)), realRoot)) {
      kept.push(absolute);
    } else if (options.allowOutside && origin === 'person') {
      kept.push(absolute);
    } else {
      const why = origin === 'project' ? 'the project\'s own settings cannot reach outside it' : 'reaching outside it was not allowed';
      warnings.push({ path: absolute, message: `lies outside ${root} and was left out of the corpus (${why}). ${options.hint}`.trim() });
    }
  }
  return { kept, warnings, confineLinksTo: options.allowOutside ? null : root };
}

/** True when `child` is `parent` or lies inside it. */
export function isWithin(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The part of an entry before its first glob character: the folder or file it names (and the folder to watch). */
export function literalBase(entry: string): string {
  const parts = entry.split(/[\\/]/);
  const literal: string[] = [];
  for (const part of parts) {
    if (/[*?[\]{}]/.test(part)) break;
    literal.push(part);
  }
  return literal.join(path.sep) || path.sep;
}

/**
 * The real path of `file` with links resolved, as far as it exists: a link inside the project
 * that points outside it is outside. A part that does not exist yet keeps its name.
 */
function realPathOf(file: string): string {
  let existing = file;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(existing), ...rest);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return file;
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}
