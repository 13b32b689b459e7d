// Serves `verbatim/sourceText`: the extracted text of a PDF or Word source, which the editor
// shows in a read-only `verbatim-source:` document so that ranges into `document.text` land on
// the passage. The text comes from the corpus the server indexed, never from re-reading the
// binary file, so what the editor shows is exactly what was matched.

import * as path from 'path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { SourceDocument } from '../core/types';
import type { SourceTextResult } from '../shared/protocol';
import { ARCHIVE_DOCUMENT_SCHEME } from '../shared/archiveUri';
import { sourceTextPath } from '../shared/sourceText';
import type { CorpusManager, FolderCorpus } from './corpusManager';
import type { WorkspaceFolders } from './workspaceFolders';

/** The server parts the request uses. */
export interface SourceTextServices {
  folders: WorkspaceFolders;
  corpora: CorpusManager;
  /** Serves `verbatim-archive:` documents from the shared archive. */
  archive?: { documentText(uri: string): Promise<string> };
  log(message: string): void;
}

/** The extracted text behind a `verbatim-source:` URI; a ResponseError names what went wrong. */
export async function findSourceText(services: SourceTextServices, uri: unknown): Promise<SourceTextResult> {
  if (typeof uri === 'string' && uri.startsWith(`${ARCHIVE_DOCUMENT_SCHEME}:`)) {
    if (!services.archive) throw new ResponseError(ErrorCodes.InvalidParams, 'No archive is named for this workspace.');
    try {
      return { text: await services.archive.documentText(uri) };
    } catch (error) {
      services.log(`verbatim/sourceText: ${(error as Error).message}`);
      throw new ResponseError(ErrorCodes.InvalidParams, `Verbatim could not read this archived source: ${(error as Error).message}`);
    }
  }
  const file = typeof uri === 'string' ? sourceTextPath(uri) : null;
  if (!file) throw new ResponseError(ErrorCodes.InvalidParams, `Not a Verbatim source URI: ${String(uri)}`);
  // Corpora already built answer at once; otherwise the workspace folders are indexed first
  // (an editor restoring a source tab may ask before any draft was opened).
  let document = findDocument(services.corpora.loaded(), file);
  if (!document) {
    const corpora = await Promise.all(services.folders.explicit().map((folder) => services.corpora.get(folder)));
    document = findDocument(corpora, file);
  }
  if (!document) {
    services.log(`verbatim/sourceText: ${file} is not in any corpus`);
    throw new ResponseError(ErrorCodes.InvalidParams, `${path.basename(file)} is not in the Verbatim corpus (it may have been moved or removed).`);
  }
  return { text: document.text };
}

function findDocument(corpora: FolderCorpus[], file: string): SourceDocument | null {
  const wanted = pathKey(file);
  for (const corpus of corpora) {
    const found = corpus.index?.corpus.documents.find((doc) => pathKey(doc.path) === wanted);
    if (found) return found;
  }
  return null;
}

/** A path in the form two spellings of one file share: Windows editors may change the drive letter's case. */
function pathKey(file: string): string {
  const resolved = path.resolve(file);
  return process.platform === 'win32' ? resolved.toLowerCase() : resolved;
}
