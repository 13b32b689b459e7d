// The CLI's use of the archive: opens it when the project names one, checks each draft's quotes
// against it as well as the local corpus, and says in one line when it could not be used.

import { ArchiveSession } from '../archive/archiveSession';
import { archiveSettings } from '../archive/archiveSettings';
import type { CheckOptions, QuoteResult } from '../core/types';
import type { LocalCheck } from './localChecks';
import type { CliIO } from './runCheck';

/** The archive the project names, or null; warnings (a password in the file) go to stderr. */
export function openArchive(configFile: string | null, io: CliIO): ArchiveSession | null {
  const settings = archiveSettings(configFile, io.env, (message) => io.stderr.write(`verbatim: warning: ${message}\n`));
  return settings ? new ArchiveSession(settings) : null;
}

/** The draft's local verdicts, merged with the archive's when there is one. */
export async function withArchive(archive: ArchiveSession | null, text: string, local: LocalCheck, options: CheckOptions): Promise<QuoteResult[]> {
  if (!archive) return local.results;
  // Accepted renderings are decided from the quote itself when the report is made.
  return archive.check(text, local.quotes, local.results, options);
}

/** Says (once) that the archive was not used, and closes it. */
export async function closeArchive(archive: ArchiveSession | null, io: CliIO): Promise<void> {
  if (!archive) return;
  if (archive.state.kind === 'failed') io.stderr.write(`verbatim: warning: ${archive.state.message}; checked against the local corpus only\n`);
  await archive.close();
}
