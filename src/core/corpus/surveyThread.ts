// Runs a corpus survey on a worker thread. A warm start must both stat every source file and
// read and check the cache; on one thread they take turns, on two they overlap. The thread
// gives the same answer as surveyCorpus in the caller's thread, which is where the survey falls
// back to when the thread cannot be started or breaks.

import * as fs from 'fs';
import type { CorpusWarning } from '../types';
import { surveyCorpus, type Survey } from './surveyCorpus';
import type { WalkOptions } from './walkCorpus';

/** What the thread is given. */
export interface SurveyRequest {
  entries: string[];
  options: WalkOptions;
}

/** What the thread answers: the survey with its paths joined by NUL, or the error the walk threw. */
export type SurveyAnswer =
  | { files: string; count: number; sizes: Float64Array; mtimes: Float64Array; warnings: CorpusWarning[] }
  | { error: string; code?: string };

/** Surveys `entries` on a thread running `script` (dist/surveyWorker.js). */
export function surveyOnThread(script: string, entries: string[], options: WalkOptions): Promise<Survey> {
  let worker: import('worker_threads').Worker;
  try {
    if (!fs.existsSync(script)) return surveyCorpus(entries, options);
    const { Worker } = require('worker_threads') as typeof import('worker_threads');
    const stackSizeMb = processStackMb();
    worker = new Worker(script, { workerData: { entries, options } satisfies SurveyRequest, ...(stackSizeMb ? { resourceLimits: { stackSizeMb } } : {}) });
  } catch {
    return surveyCorpus(entries, options);
  }
  return new Promise<Survey>((resolve, reject) => {
    let answered = false;
    worker.once('message', (answer: SurveyAnswer) => {
      answered = true;
      if ('error' in answer) {
        reject(Object.assign(new Error(answer.error), answer.code ? { code: answer.code } : {}));
        return;
      }
      // A path cannot hold NUL, so the joined list splits back into exactly the paths sent.
      const files = answer.count === 0 ? [] : answer.files.split('\0');
      resolve({ files, sizes: answer.sizes, mtimes: answer.mtimes, warnings: answer.warnings });
    });
    // A thread that breaks without answering (out of memory, a missing module) costs only the
    // overlap: the survey is run again here.
    const fallBack = () => {
      if (answered) return;
      answered = true;
      surveyCorpus(entries, options).then(resolve, reject);
    };
    worker.once('error', fallBack);
    worker.once('exit', fallBack);
  });
}

/**
 * The stack the process was started with (`node --stack-size=KB`), for the thread as well: whoever
 * gave the process a stack for a deep folder tree wants the walk to have it. Undefined without
 * the flag, and the thread has Node's default.
 */
function processStackMb(): number | undefined {
  const flag = process.execArgv.find((arg) => arg.startsWith('--stack-size='));
  const kb = flag ? Number(flag.slice('--stack-size='.length)) : Number.NaN;
  // Node keeps 192 KB of a thread's stack in reserve, past what its code may use.
  return Number.isFinite(kb) && kb > 0 ? (kb + 192) / 1024 : undefined;
}
