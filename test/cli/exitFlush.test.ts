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

  it('still writes a refreshed cache when a later group of drafts fails the check', () => {
    // Group one reads its corpus from the cache and refreshes it after an edit; group two names
    // a corpus outside its project, which fails the run before the refresh is awaited.
    const one = path.join(base, 'one');
    const two = path.join(base, 'two');
    fs.mkdirSync(path.join(one, 'sources'), { recursive: true });
    fs.mkdirSync(two);
    const source = path.join(one, 'sources', 'statement.txt');
    fs.writeFileSync(source, 'The mayor said the harbour wall will be finished before the winter storms arrive.\n');
    // Enough other sources that one edited file is refreshed, not the whole corpus read again.
    for (let k = 0; k < 12; k++) fs.writeFileSync(path.join(one, 'sources', `note-${k}.txt`), `Council note ${k}: the ferry timetable for route ${k} is unchanged this week.\n`);
    fs.writeFileSync(path.join(one, 'verbatim.json'), JSON.stringify({ corpus: ['sources'] }));
    fs.writeFileSync(path.join(one, 'draft.md'), 'The mayor said: "the harbour wall will be finished before the winter storms arrive."\n');
    fs.writeFileSync(path.join(two, 'verbatim.json'), JSON.stringify({ corpus: ['../one/sources'] }));
    fs.writeFileSync(path.join(two, 'draft.md'), 'She said: "nothing at all to report from the harbour today."\n');
    const cache = path.join(base, 'cache');
    const env = { ...process.env, VERBATIM_CACHE_DIR: cache };
    const check = (...drafts: string[]) => spawnSync(process.execPath, [CLI, 'check', ...drafts], { cwd: base, env, encoding: 'utf8' });
    assert.strictEqual(check('one/draft.md').status, 0);
    const indexFiles = () => new Map(fs.readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('index.bin')).map((f) => [f, fs.readFileSync(path.join(cache, f))]));
    const before = indexFiles();
    assert.strictEqual(before.size, 1);
    fs.appendFileSync(source, 'She added that the budget is 4.5 million pounds.\n');
    // Messages to a file, as in CI logs: written at once, so nothing holds the process open.
    const log = path.join(base, 'stderr.txt');
    const fd = fs.openSync(log, 'w');
    const failed = spawnSync(process.execPath, [CLI, 'check', 'one/draft.md', 'two/draft.md'], { cwd: base, env, stdio: ['ignore', 'pipe', fd] });
    fs.closeSync(fd);
    assert.strictEqual(failed.status, 2, fs.readFileSync(log, 'utf8'));
    assert.match(fs.readFileSync(log, 'utf8'), /no corpus path lies inside/);
    const after = indexFiles();
    assert.deepStrictEqual([...after.keys()], [...before.keys()]);
    assert.notDeepStrictEqual(after.get([...before.keys()][0]), before.get([...before.keys()][0]), 'the refreshed cache was not written');
  });
});
