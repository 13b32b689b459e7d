// A corpus with more files than a call takes arguments. Node's default stack lets one call take
// about 130,000 arguments, so code that spreads one argument per file (or per warning) fails only
// on an archive that size. The CLI runs here with a stack a tenth of the default, where that
// limit is about 13,000, on 30,000 files (15,000 of them unreadable, one warning each): any
// per-file spread, or recursion as deep as the file count, fails these runs as it would fail a
// corpus of a million files at the default stack. Opening cold, warm and after a refresh
// covers the walk, the reads, the cache write, the cache read and the splice of a refresh.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { JsonReport } from '../../src/cli/formatJson';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist/cli.js');
/** Stack size in KB: about 13,000 spread arguments overflow it (about 130,000 at Node's default). */
const SMALL_STACK = 100;
const FOLDERS = 60;
const FILES_PER_FOLDER = 500;
const FILES = FOLDERS * FILES_PER_FOLDER;

const SOURCE = 'The harbour master said the northern pier would reopen in the spring after the repairs.\n';
const DRAFT = 'The harbour master said that "the northern pier would reopen in the spring after the repairs".\n';

interface Run {
  status: number | null;
  report: JsonReport;
  stderr: string;
}

describe('a corpus with more files than a call takes arguments', function () {
  this.timeout(240_000);
  let root: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-corpus-scale-'));
    for (let f = 0; f < FOLDERS; f++) {
      const folder = path.join(root, 'sources', `part-${String(f).padStart(3, '0')}`);
      fs.mkdirSync(folder, { recursive: true });
      for (let k = 0; k < FILES_PER_FOLDER; k++) {
        // Every other file holds a NUL byte: it is skipped with a warning of its own.
        fs.writeFileSync(path.join(folder, `${String(k).padStart(3, '0')}.txt`), k % 2 ? `Notice ${f}-${k}.\n` : 'binary\0data');
      }
    }
    fs.writeFileSync(path.join(root, 'sources', 'part-000', 'harbour.txt'), SOURCE);
    fs.writeFileSync(path.join(root, 'draft.md'), DRAFT);
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const check = (): Run => {
    const run = spawnSync(process.execPath, [`--stack-size=${SMALL_STACK}`, CLI, 'check', '--corpus', 'sources', '--cache', 'cache', '--format', 'json', 'draft.md'],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.ok(run.stdout, `the CLI printed no report (exit ${run.status}): ${run.stderr.split('\n').filter((l) => !l.startsWith('verbatim: warning')).join(' | ')}`);
    return { status: run.status, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
  };

  const assertFound = (run: Run): void => {
    assert.strictEqual(run.status, 0);
    const quotes = run.report.files[0].quotes;
    assert.deepStrictEqual(quotes.map((q) => q.status), ['verbatim']);
    assert.strictEqual(quotes[0].sources[0].source, path.join('sources', 'part-000', 'harbour.txt'));
    // Each unreadable file is named once, in the report and on stderr.
    const binary = run.report.warnings.filter((w) => /binary file/.test(w.message));
    assert.strictEqual(binary.length, FILES / 2);
    assert.strictEqual(run.stderr.split('\n').filter((line) => /binary file/.test(line)).length, FILES / 2);
  };

  it('opens cold, indexing every file and writing the cache', () => {
    assertFound(check());
    assert.ok(fs.existsSync(path.join(root, 'cache', 'index.bin')));
  });

  it('opens warm from the cache with the same answers', () => {
    const indexWritten = fs.statSync(path.join(root, 'cache', 'index.bin')).mtimeMs;
    assertFound(check());
    assert.strictEqual(fs.statSync(path.join(root, 'cache', 'index.bin')).mtimeMs, indexWritten, 'a warm start rewrote the cache');
  });

  it('refreshes after files change, are added and are removed', () => {
    fs.writeFileSync(path.join(root, 'sources', 'part-007', '001.txt'), 'Notice changed.\n');
    fs.rmSync(path.join(root, 'sources', 'part-030', '003.txt'));
    fs.writeFileSync(path.join(root, 'sources', 'part-059', 'added.txt'), 'The ferry will run twice a day from May.\n');
    fs.appendFileSync(path.join(root, 'draft.md'), '\nThe operator said "the ferry will run twice a day from May".\n');
    const run = check();
    assert.strictEqual(run.status, 0);
    assert.deepStrictEqual(run.report.files[0].quotes.map((q) => [q.status, q.sources[0]?.source]), [
      ['verbatim', path.join('sources', 'part-000', 'harbour.txt')],
      ['verbatim', path.join('sources', 'part-059', 'added.txt')],
    ]);
  });
});
