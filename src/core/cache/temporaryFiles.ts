// Names the temporary files the cache is written through, and removes those whose writer is
// gone. A write killed halfway (a closed editor, a cancelled CI job) leaves its temporary file
// behind, and nothing else would ever remove it. The editor's server and the CLI may write one
// cache at the same time, so a temporary file is only removed when it names its writer (host
// and process id) and that process no longer runs; a file of another host, or of a name this
// scheme does not know, is removed only once it has lain untouched for a day.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Untouched this long, a temporary file is abandoned whoever wrote it: no write pauses a day. */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/** The host part of a temporary name: letters, digits and dashes only, so names stay parseable. */
function hostTag(): string {
  return os.hostname().replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 40) || 'host';
}

/** The temporary name under which this process writes `file`: `<file>.<host>.<pid>.tmp`. */
export function temporaryPath(file: string): string {
  return `${file}.${hostTag()}.${process.pid}.tmp`;
}

/** True when a process with id `pid` runs on this host (one owned by another user counts). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files in `dir` that no live process owns; returns their names. Files
 * being written by this process or any other live one are left alone.
 */
export function removeOrphanedTemporaries(dir: string, now = Date.now()): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const host = hostTag();
  const removed: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.tmp')) continue;
    const owner = /\.([A-Za-z0-9-]+)\.(\d+)\.tmp$/.exec(name);
    const file = path.join(dir, name);
    try {
      const pid = owner && owner[1] === host ? Number(owner[2]) : null;
      const ownerGone = pid !== null && pid !== process.pid && !processAlive(pid);
      // A process id can be reused; a file its live namesake never touches goes after a day.
      if (!ownerGone && now - fs.statSync(file).mtimeMs < ABANDONED_AFTER_MS) continue;
      fs.unlinkSync(file);
      removed.push(name);
    } catch {
      // Renamed into place or removed by its writer meanwhile.
    }
  }
  return removed;
}
