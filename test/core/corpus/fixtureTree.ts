// Builds throwaway source folders for the corpus tests, so each test states the exact files
// it loads and never depends on another test's leftovers.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The repository root, found from the bundled test's folder (out/test/core/corpus). */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** Small sample sources of each format, kept in the repository. */
export const FORMAT_FIXTURES = path.join(REPO_ROOT, 'test/fixtures/sources-formats');

/** The shared real-world corpus next to the repository; tests using it skip when it is absent. */
export const REAL_CORPUS = path.resolve(REPO_ROOT, '../shared/corpus/ukraine-2022-01-27');

/** Creates a temporary folder holding `files` (relative paths with `/` to contents) and returns it. */
export function makeTree(files: Record<string, string | Uint8Array> = {}): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-corpus-')));
  for (const [relative, contents] of Object.entries(files)) writeFile(root, relative, contents);
  return root;
}

/** Writes one file under `root`, creating its folders. */
export function writeFile(root: string, relative: string, contents: string | Uint8Array): string {
  const file = path.join(root, ...relative.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, contents);
  return file;
}

/** Removes a tree made by makeTree, restoring permissions a test may have taken away. */
export function removeTree(root: string): void {
  const restore = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      fs.chmodSync(full, 0o755);
      if (entry.isDirectory()) restore(full);
    }
  };
  restore(root);
  fs.rmSync(root, { recursive: true, force: true });
}

/** The paths of a list of files, relative to `root` and written with `/`. */
export function relativePaths(root: string, files: { path: string }[]): string[] {
  return files.map((file) => path.relative(root, file.path).split(path.sep).join('/'));
}
