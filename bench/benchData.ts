// Makes sure the generated corpus, draft and truth of one size exist and are current. They are
// regenerated only when missing or made by another generator version or seed, because writing
// 50 MB of articles takes longer than most of the measurements.

import * as fs from 'fs';
import { sizePaths, type SizePaths } from './benchPaths';
import { GENERATOR_VERSION, writeCorpus, type CorpusManifest } from './makeCorpus';
import { writeDraft } from './makeDraft';
import type { DraftTruth } from './truth';

/** A size's generated inputs, ready to measure. */
export interface BenchData {
  sizeMB: number;
  paths: SizePaths;
  manifest: CorpusManifest;
  truth: DraftTruth;
  /** True when this call generated the data rather than finding it. */
  generated: boolean;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** True when everything for `paths` is on disk and was made by this generator with `seed`. */
function isCurrent(paths: SizePaths, seed: number): boolean {
  const manifest = readJson<CorpusManifest>(paths.manifest);
  return manifest !== null && manifest.generatorVersion === GENERATOR_VERSION && manifest.seed === seed
    && fs.existsSync(paths.corpusDir) && fs.existsSync(paths.draft) && fs.existsSync(paths.truth);
}

/** Returns the data of one size in `dataDir`, generating it first when it is missing or stale. */
export function ensureBenchData(dataDir: string, sizeMB: number, seed: number, log: (line: string) => void = () => {}): BenchData {
  const paths = sizePaths(dataDir, sizeMB);
  let generated = false;
  if (!isCurrent(paths, seed)) {
    log(`generating the ${paths.label} MB corpus and draft in ${dataDir} …`);
    fs.mkdirSync(dataDir, { recursive: true });
    // The manifest goes last and is removed first, so an interrupted generation is redone.
    fs.rmSync(paths.manifest, { force: true });
    const manifest = writeCorpus(paths.corpusDir, sizeMB, seed);
    writeDraft(paths.corpusDir, paths.draft, paths.truth, seed);
    fs.writeFileSync(paths.manifest, `${JSON.stringify(manifest, null, 1)}\n`);
    generated = true;
  }
  // The short-drift draft came later than the corpus: it is added to data already generated.
  if (generated || !fs.existsSync(paths.shortDraft) || !fs.existsSync(paths.shortTruth)) {
    writeDraft(paths.corpusDir, paths.shortDraft, paths.shortTruth, seed, 'short-drift');
  }
  const manifest = readJson<CorpusManifest>(paths.manifest);
  const truth = readJson<DraftTruth>(paths.truth);
  if (!manifest || !truth) throw new Error(`the generated files of the ${paths.label} MB size are unreadable; delete ${dataDir} and rerun`);
  return { sizeMB, paths, manifest, truth, generated };
}
