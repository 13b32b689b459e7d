// Where a project's archive is named: VERBATIM_ARCHIVE_URL, else "archive" in verbatim.json
// (with "archiveTimeoutMs" beside it). A password written in the file is never used: the file
// is shared in the newsroom's repository, and a password belongs in PGPASSWORD or ~/.pgpass.

import * as fs from 'fs';
import { DEFAULT_ARCHIVE_TIMEOUT_MS, parseArchiveUrl, type ArchiveTarget } from './archiveConnection';

export interface ArchiveSettings {
  target: ArchiveTarget;
  timeoutMs: number;
  /** Where the URL came from, for messages. */
  from: string;
}

/** The archive named for a project, or null; `warn` hears about a password in the file or a bad value. */
export function archiveSettings(configFile: string | null, env: Record<string, string | undefined>, warn: (message: string) => void): ArchiveSettings | null {
  let raw: Record<string, unknown> = {};
  if (configFile) {
    try {
      const parsed = JSON.parse(fs.readFileSync(configFile, 'utf8'));
      if (parsed && typeof parsed === 'object') raw = parsed;
    } catch {
      // The configuration reader reports a broken file; nothing more to say here.
    }
  }
  const timeoutMs = timeoutOf(env.VERBATIM_ARCHIVE_TIMEOUT_MS ?? raw.archiveTimeoutMs, warn);
  const fromEnv = env.VERBATIM_ARCHIVE_URL?.trim();
  const fromFile = typeof raw.archive === 'string' ? raw.archive.trim() : '';
  if (raw.archive !== undefined && typeof raw.archive !== 'string') warn(`${configFile}: "archive" must be a URL like "postgres://host/db"; no archive is used`);
  const url = fromEnv || fromFile;
  if (!url) return null;
  const from = fromEnv ? 'VERBATIM_ARCHIVE_URL' : configFile!;
  try {
    const target = parseArchiveUrl(url);
    if (target.hadPassword && !fromEnv) warn(`${configFile}: the archive URL holds a password, which is ignored; set PGPASSWORD or ~/.pgpass instead and remove it from the file`);
    // A password given in the environment is the user's own choice for this run.
    return { target: fromEnv ? { ...target, url } : target, timeoutMs, from };
  } catch (error) {
    warn(`${from}: ${(error as Error).message}; no archive is used`);
    return null;
  }
}

function timeoutOf(value: unknown, warn: (message: string) => void): number {
  if (value === undefined || value === '') return DEFAULT_ARCHIVE_TIMEOUT_MS;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 50 || n > 600_000) {
    warn(`the archive timeout must be a number of milliseconds from 50 to 600000, not "${String(value)}"; using ${DEFAULT_ARCHIVE_TIMEOUT_MS}`);
    return DEFAULT_ARCHIVE_TIMEOUT_MS;
  }
  return n;
}
