// A worker thread of `verbatim archive import` (bundled as dist/importWorker.js): reads the
// batches of files it is sent and answers each with one message holding their rows, in the
// order asked.

import { parentPort } from 'worker_threads';
import { ImportSink, readBatchForImport, type ImportRequest } from './importRead';

const sink = new ImportSink();
// Batches are read one at a time, in the order they came, each into the one sink.
let reading: Promise<void> = Promise.resolve();

parentPort?.on('message', (message: { seq: number; requests: ImportRequest[] }) => {
  reading = reading.then(() =>
    readBatchForImport(message.requests, sink).then(
      // The batch's four buffers are handed over rather than copied; they were made for it alone.
      ({ files, buffers }) => parentPort?.postMessage({ seq: message.seq, files }, buffers),
      (error: unknown) => parentPort?.postMessage({ seq: message.seq, error: error instanceof Error ? error.message : String(error) }),
    ),
  );
});
