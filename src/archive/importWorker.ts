// A worker thread of `verbatim archive import` (bundled as dist/importWorker.js): reads the
// files it is sent and answers with their rows, in the order asked.

import { parentPort } from 'worker_threads';
import { readForImport, type ImportRequest } from './importRead';

parentPort?.on('message', (message: { seq: number; request: ImportRequest }) => {
  readForImport(message.request).then(
    (result) => parentPort?.postMessage({ seq: message.seq, result }),
    (error: unknown) => parentPort?.postMessage({ seq: message.seq, error: error instanceof Error ? error.message : String(error) }),
  );
});
