// The thread that surveys a corpus (bundled as dist/surveyWorker.js; see surveyThread.ts): walks
// and stats the files named in its workerData, answers with one message, and ends.

import { parentPort, workerData } from 'worker_threads';
import { surveyCorpus } from './surveyCorpus';
import type { SurveyRequest, SurveyAnswer } from './surveyThread';

const request = workerData as SurveyRequest;
surveyCorpus(request.entries, request.options).then(
  // The paths go as one string: one copy between threads instead of one per path.
  ({ files, sizes, mtimes, warnings }) => {
    const answer: SurveyAnswer = { files: files.join('\0'), count: files.length, sizes, mtimes, warnings };
    parentPort?.postMessage(answer, [sizes.buffer as ArrayBuffer, mtimes.buffer as ArrayBuffer]);
  },
  (error: unknown) => {
    const answer: SurveyAnswer = { error: error instanceof Error ? error.message : String(error), code: (error as NodeJS.ErrnoException)?.code };
    parentPort?.postMessage(answer);
  },
);
