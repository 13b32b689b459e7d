// Where a corpus's cache lives. The editor and the CLI compute the same folder for the same
// corpus, so whichever starts first indexes the archive and the other opens it warm.

import * as crypto from 'crypto';
import * as os from 'os';
import * as path from 'path';

/**
 * The cache folder for a corpus given by absolute `entries`: under `$VERBATIM_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/verbatim`, else `~/.cache/verbatim`, one sub-folder per distinct corpus.
 */
export function defaultCacheDir(entries: string[], env: NodeJS.ProcessEnv = process.env): string {
  const base = env.VERBATIM_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'verbatim');
  const key = crypto.createHash('sha1').update([...entries].sort().join('\n')).digest('hex').slice(0, 16);
  const label = path.basename(entries[0] ?? 'corpus').replace(/[^\w.-]+/g, '_').slice(0, 40) || 'corpus';
  return path.join(base, `${label}-${key}`);
}
