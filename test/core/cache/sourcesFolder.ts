// A fresh folder for a cache test: `sources/` holding the given files, and `cache/` (not yet
// made) beside it. Each test removes `root` afterwards.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface SourcesFolder {
  root: string;
  sources: string;
  cache: string;
}

export function sourcesFolder(prefix: string, files: Record<string, string>): SourcesFolder {
  // The real path: a temporary folder reached through a link would be walked under another name.
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const sources = path.join(root, 'sources');
  fs.mkdirSync(sources);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(sources, name), text);
  return { root, sources, cache: path.join(root, 'cache') };
}
