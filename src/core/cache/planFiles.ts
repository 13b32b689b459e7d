// Which of a corpus's files the cache still holds: the survey (each file's size and time)
// compared with the cache's rows, with the files a limit or a skip leaves out. Both openCorpus
// and openEarly decide from this plan.

import type { Survey } from '../corpus/surveyCorpus';
import type { CorpusWarning } from '../types';
import type { CacheContents, SkippedFile } from './cacheFile';
import { reusable, rowFinder } from './cachedRows';
import type { OpenOptions, PlannedFile } from './openParts';
import { removeOrphanedTemporaries } from './temporaryFiles';

/** The files to index and what the cache holds of each, with the warnings of the survey. */
export interface PlannedFiles {
  plan: PlannedFile[];
  /** Files skipped for their content before and unchanged since: skipped again, unread. */
  skipped: SkippedFile[];
  totalBytes: number;
  warnings: CorpusWarning[];
  /** True when every file is the cache's, in the cache's order. */
  unchanged: boolean;
}

/** Compares the survey with the cache: each file's size and time decide whether the cache still holds it. */
export function planFiles(entries: string[], survey: Survey, cache: CacheContents | null, options: OpenOptions): PlannedFiles {
  const { warnings } = survey;
  // Writes killed halfway leave temporary files that nothing else would ever remove.
  if (options.cacheDir) removeOrphanedTemporaries(options.cacheDir);
  const maxCorpusBytes = options.maxCorpusBytes ?? Number.POSITIVE_INFINITY;
  const cachedRow = cache ? rowFinder(cache.documents) : () => undefined;
  const skippedBefore = new Map<string, SkippedFile>();
  for (const file of cache?.skipped ?? []) skippedBefore.set(file.path, file);
  const skipped: SkippedFile[] = [];
  const plan: PlannedFile[] = [];
  let totalBytes = 0;
  let skippedForSize = 0;
  for (let k = 0; k < survey.files.length; k++) {
    const file = survey.files[k];
    const stat = { size: survey.sizes[k], mtimeMs: survey.mtimes[k] };
    if (Number.isNaN(stat.mtimeMs)) {
      warnings.push({ path: file, message: 'disappeared while the corpus was being read; skipped' });
      continue;
    }
    if (totalBytes + stat.size > maxCorpusBytes) {
      skippedForSize++;
      continue;
    }
    totalBytes += stat.size;
    const known = skippedBefore.get(file);
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) {
      skipped.push(known);
    } else {
      plan.push({ file, stat, reuse: cache ? reusable(cache, cachedRow(file), file, stat) : -1 });
    }
  }
  if (skippedForSize) {
    warnings.push({ path: entries.join(', '), message: `the corpus is larger than the limit of ${formatMegabytes(maxCorpusBytes)}; ${skippedForSize} file(s) were not indexed`, limit: true });
  }
  for (const file of skipped) warnings.push({ path: file.path, message: file.message });
  const unchanged = cache !== null && plan.length === cache.documents.count && plan.every((entry, k) => entry.reuse === k);
  return { plan, skipped, totalBytes, warnings, unchanged };
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / 1e5) / 10} MB`;
}
