// Where the benchmark keeps its generated inputs and results. The bundled runner and the bundled
// tests live at different depths under out/, so paths are found from the repository root, which
// is located by walking up to Verbatim's own package.json rather than by counting folders.

import * as fs from 'fs';
import * as path from 'path';

/** Returns the repository root: the nearest folder above this bundle (else the working folder) that is Verbatim's. */
export function repoRoot(): string {
  return findRoot(__dirname) ?? findRoot(process.cwd()) ?? fail();
}

function fail(): never {
  throw new Error(`no Verbatim package.json above ${__dirname} or ${process.cwd()}`);
}

function findRoot(from: string): string | null {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if ((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'verbatim') return dir;
      } catch {
        // An unreadable package.json belongs to something else; keep walking up.
      }
    }
    if (path.dirname(dir) === dir) return null;
  }
}

/** The generated files of one corpus size, all under one data folder. */
export interface SizePaths {
  /** The size label as given on the command line ("1", "10", "0.05"). */
  label: string;
  corpusDir: string;
  draft: string;
  truth: string;
  /** The short-drift variant of the draft (see makeDraft) and its truth. */
  shortDraft: string;
  shortTruth: string;
  /** What was generated, by which generator version, for deciding whether to regenerate. */
  manifest: string;
}

/** The default folder for generated corpora: bench/data, which git ignores. */
export function defaultDataDir(): string {
  return path.join(repoRoot(), 'bench', 'data');
}

/** Formats a size in MB as a folder label without trailing zeros ("1", "0.05"). */
export function sizeLabel(sizeMB: number): string {
  return String(Number(sizeMB.toFixed(3)));
}

/** Paths of the corpus, draft, truth and manifest for one size inside `dataDir`. */
export function sizePaths(dataDir: string, sizeMB: number): SizePaths {
  const label = sizeLabel(sizeMB);
  return {
    label,
    corpusDir: path.join(dataDir, `corpus-${label}`),
    draft: path.join(dataDir, `draft-${label}.md`),
    truth: path.join(dataDir, `truth-${label}.json`),
    shortDraft: path.join(dataDir, `draft-short-${label}.md`),
    shortTruth: path.join(dataDir, `truth-short-${label}.json`),
    manifest: path.join(dataDir, `manifest-${label}.json`),
  };
}
