// Opening a corpus for a short run (the CLI), where the cache can be used before every file is
// known to be unchanged. A warm start must both stat every source file and check the draft;
// the survey runs on a thread of its own (OpenOptions.surveyScript), so the check can run
// against the cache meanwhile, on the assumption that nothing changed. The assumption is then
// confirmed by the same comparison openCorpus makes, and when it fails, the early corpus is
// dropped and the corpus is opened from the survey as openCorpus would (refreshed or read).

import { appendAll } from '../corpus/walkCorpus';
import type { Survey } from '../corpus/surveyCorpus';
import { releasePostings } from './filePostings';
import { finishOpening, restore, startOpening, timesKept, usableCache } from './openCorpus';
import type { OpenedCorpus, OpenOptions } from './openParts';
import { planFiles, type PlannedFiles } from './planFiles';

export interface EarlyOpening {
  /** The corpus as the cache holds it, before the survey has confirmed it; null without a usable cache. */
  early: OpenedCorpus | null;
  /** True once the survey found every file as the cache holds it, with the same time: `early` is then the corpus. */
  confirmed: Promise<boolean>;
  /**
   * The corpus as the files are: `early` when confirmed, else opened from the survey. Called once
   * the check against `early` is over: a refresh or rebuild closes the cache's files, and so
   * does a failed survey, which a check still reading them would meet as a closed file.
   */
  finish(): Promise<OpenedCorpus>;
}

/** Reads the cache, and surveys the files (on a thread, given `options.surveyScript`). */
export async function openEarly(entries: string[], options: OpenOptions): Promise<EarlyOpening> {
  const began = performance.now();
  const opening = startOpening(entries, options);
  // Heard at once: a survey that fails while the cache is still being read would otherwise be
  // an unhandled rejection, which ends the process.
  const surveyed: Promise<Survey | { failed: unknown }> = opening.survey.catch((failed: unknown) => ({ failed }));
  const read = usableCache(await opening.cacheRead, options);
  const { cache, stores } = read;
  // The cache's own times stand in for the files' until the survey has them; when confirmed, they are the same.
  const early = cache && stores ? restore(cache, stores, (id) => cache.documents.mtimeMs(id), [], began) : null;
  const planned: Promise<PlannedFiles | { failed: unknown }> = surveyed.then((survey) => ('failed' in survey ? survey : planFiles(entries, survey, cache, options)));
  const confirmed = planned.then((p) => !('failed' in p) && early !== null && p.unchanged && timesKept(p.plan, cache!), () => false);
  let finished: Promise<OpenedCorpus> | null = null;
  const finish = async (): Promise<OpenedCorpus> => {
    const p = await planned;
    if ('failed' in p) {
      for (const store of stores ?? []) store.close();
      releasePostings(cache?.postings);
      throw p.failed;
    }
    if (early && (await confirmed)) {
      appendAll(early.corpus.warnings, p.warnings);
      return early;
    }
    return finishOpening(entries, p, read, opening.key, options, began);
  };
  return { early, confirmed, finish: () => (finished ??= finish()) };
}
