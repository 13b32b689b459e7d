// The first step of opening a corpus: which source files there are, and the size and time of
// each, which decide whether the cache still holds it. On a warm start this is most of the work
// before checking: an archive of 100,000 files takes a walk and 100,000 stats. It can run on a
// thread of its own (surveyThread.ts) while the opener reads and checks the cache.

import * as fs from 'fs';
import type { CorpusWarning } from '../types';
import { walkCorpus, type WalkOptions } from './walkCorpus';

/** The corpus's source files in walk order, with each one's size and time. */
export interface Survey {
  files: string[];
  sizes: Float64Array;
  /** NaN for a file that disappeared between the walk and its stat. */
  mtimes: Float64Array;
  warnings: CorpusWarning[];
}

/**
 * Walks `entries` and stats every source file found. `afterWalk` is called between the two, for
 * a caller that starts other reading then (on one thread, reading alongside the walk slowed it).
 */
export async function surveyCorpus(entries: string[], options: WalkOptions, afterWalk?: () => void): Promise<Survey> {
  const { files, warnings } = await walkCorpus(entries, options);
  afterWalk?.();
  const paths: string[] = new Array(files.length);
  const sizes = new Float64Array(files.length);
  const mtimes = new Float64Array(files.length);
  for (let k = 0; k < files.length; k++) {
    const file = files[k].path;
    paths[k] = file;
    const stat = statOrNull(file);
    sizes[k] = stat ? stat.size : 0;
    mtimes[k] = stat ? stat.mtimeMs : Number.NaN;
  }
  return { files: paths, sizes, mtimes, warnings };
}

function statOrNull(file: string): fs.Stats | null {
  try {
    // A missing file is told by the result rather than an exception, which is much cheaper.
    return fs.statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}
