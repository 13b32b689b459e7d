// Restricted Mode on the server side. VS Code tells the server whether the workspace is trusted
// (initializationOptions.trusted, then `verbatim/workspaceTrust` when trust is granted). In an
// untrusted workspace the corpus keeps only entries inside the workspace folder: a downloaded
// project must not make the editor read, index and show passages of other files on the machine.
// The corpus manager feeds the trust into the one containment rule (core/corpus/corpusScope.ts),
// which names every entry left out, so the writer knows why a source is missing.

import { isRecord } from '../shared/settings';

/**
 * Whether the client declared the workspace trusted. Clients that say nothing (Neovim, other LSP
 * editors, which have no notion of workspace trust) are trusted, as they were before.
 */
export function trustedFromInit(initializationOptions: unknown): boolean {
  return !(isRecord(initializationOptions) && initializationOptions.trusted === false);
}
