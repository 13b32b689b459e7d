// Which verbatim.json applies to a draft on the command line. Like ESLint, Prettier and cSpell,
// the CLI looks in the draft's own folder and then in each folder above it, so
// `verbatim check example/draft.md` from a repository root finds example/verbatim.json; a
// draft with none above it falls back to the working folder's.

import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAME } from '../core/config';

/** The nearest verbatim.json in `draft`'s folder or above, else the one in `cwd`, else null. */
export function configFileFor(draft: string, cwd: string, isFile: (file: string) => boolean = fileExists): string | null {
  for (let dir = path.dirname(path.resolve(cwd, draft)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  const inCwd = path.join(path.resolve(cwd), CONFIG_FILE_NAME);
  return isFile(inCwd) ? inCwd : null;
}

function fileExists(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
