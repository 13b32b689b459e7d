// A check ends its process as soon as its report is out, without waiting for the heap to be torn
// down. The report must still arrive whole, whatever reads it: a file, or a pipe that a slow
// reader drains long after the check is done.

import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist/cli.js');
const CORPUS = path.join(REPO, 'test/fixtures/labelled/corpus');
const DRAFT = path.join(REPO, 'test/cli/fixtures/drift.md');

describe('verbatim CLI: the end of a run', function () {
  this.timeout(60_000);
  let base: string;
  // The same draft many times over: a report larger than a pipe holds (64 KB on Linux).
  const args = [CLI, 'check', '--corpus', CORPUS, '--format', 'json', ...Array<string>(40).fill(DRAFT)];

  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-exit-'));
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  it('writes the whole report to a file and to a pipe read slowly, with the exit code of the verdicts', async () => {
    const env = { ...process.env, VERBATIM_CACHE_DIR: base };
    const file = path.join(base, 'report.json');
    const fd = fs.openSync(file, 'w');
    const toFile = spawnSync(process.execPath, args, { cwd: REPO, env, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    fs.closeSync(fd);
    assert.strictEqual(toFile.status, 1, toFile.stderr);
    const written = fs.readFileSync(file, 'utf8');
    assert.ok(written.length > 128 * 1024, `the report is only ${written.length} characters`);
    assert.strictEqual(JSON.parse(written).files.length, 40);

    const child = spawn(process.execPath, args, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    // Each chunk is taken on a later turn of this process's loop, so the pipe fills up and the
    // CLI has to wait for its reader.
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      child.stdout.pause();
      setImmediate(() => child.stdout.resume());
    });
    const [code] = await Promise.all([
      new Promise<number | null>((resolve) => child.on('close', resolve)),
      new Promise((resolve) => child.stdout.on('end', resolve)),
    ]);
    assert.strictEqual(code, 1);
    assert.strictEqual(Buffer.concat(chunks).toString('utf8'), written);
  });
});
