// The CLI keeps V8's compiled code of its bundle beside the corpus caches, so a warm run skips
// compiling it. The cache must never change an answer: a missing, damaged or foreign one is
// rebuilt, and the run that finds it gives the same report as any other. Other builds' caches
// unused for two weeks are removed when a build writes its first.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist/cli.js');
const CORPUS = path.join(REPO, 'test/fixtures/labelled/corpus');
const DRAFT = path.join(REPO, 'test/cli/fixtures/drift.md');

describe('verbatim CLI: the compiled-code cache', function () {
  this.timeout(60_000);
  let base: string;

  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-code-cache-'));
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  const check = (env: Record<string, string> = {}) => {
    const run = spawnSync(process.execPath, [CLI, 'check', '--corpus', CORPUS, '--format', 'json', DRAFT], { cwd: REPO, encoding: 'utf8', env: { ...process.env, VERBATIM_CACHE_DIR: base, ...env } });
    assert.strictEqual(run.status, 1, run.stderr);
    assert.strictEqual(run.stderr, '');
    return run.stdout;
  };
  const codeCaches = () => fs.readdirSync(base).filter((name) => /^cli-code-.*\.bin$/.test(name));

  it('is written by the first run and used unchanged once it holds a warm check, with the same report', () => {
    const first = check();
    const [cache] = codeCaches();
    assert.ok(cache, 'no code cache was written');
    assert.ok(fs.statSync(path.join(base, cache)).size > 10_000, 'the code cache holds almost nothing');
    // The first run read the corpus; the second restores it from the corpus cache, code the
    // first run never compiled, and so writes the code cache once more.
    assert.strictEqual(check(), first);
    const written = fs.statSync(path.join(base, cache));
    assert.strictEqual(check(), first);
    assert.deepStrictEqual(codeCaches(), [cache]);
    assert.strictEqual(fs.statSync(path.join(base, cache)).mtimeMs, written.mtimeMs, 'a code cache holding this run was rewritten');
  });

  it('made by a run that checked nothing, is written again by the first check', () => {
    const help = spawnSync(process.execPath, [CLI, '--help'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, VERBATIM_CACHE_DIR: base } });
    assert.strictEqual(help.status, 0, help.stderr);
    const [cache] = codeCaches();
    assert.ok(cache, '--help wrote no code cache');
    const startOnly = fs.statSync(path.join(base, cache)).size;
    const report = check();
    // The checker's code is in the cache now: it grew by what the check compiled.
    assert.ok(fs.statSync(path.join(base, cache)).size > startOnly + 50_000, 'the check did not add its code to the cache');
    assert.strictEqual(check({ VERBATIM_CODE_CACHE: '0' }), report);
  });

  it('is replaced when damaged, and the run still gives the same report', () => {
    const first = check();
    const [cache] = codeCaches();
    fs.writeFileSync(path.join(base, cache), Buffer.alloc(4096, 7));
    assert.strictEqual(check(), first);
    assert.ok(fs.readFileSync(path.join(base, cache)).length > 10_000, 'the damaged code cache was not replaced');
  });

  it('cannot be written into a cache folder that is not one, and the run ends as usual', () => {
    const report = check();
    const blocker = path.join(base, 'a-file');
    fs.writeFileSync(blocker, '');
    const run = spawnSync(process.execPath, [CLI, 'check', '--corpus', CORPUS, '--format', 'json', DRAFT], { cwd: REPO, encoding: 'utf8', env: { ...process.env, VERBATIM_CACHE_DIR: path.join(blocker, 'cache') } });
    assert.strictEqual(run.status, 1, run.stderr);
    // The same verdicts; the report's warnings name the corpus cache that could not be written.
    const verdicts = (json: string) => ({ ...JSON.parse(json), warnings: undefined });
    assert.deepStrictEqual(verdicts(run.stdout), verdicts(report));
    // The corpus cache says once that it could not be written; nothing else reaches stderr.
    for (const line of run.stderr.split('\n').filter(Boolean)) assert.match(line, /^verbatim: warning: /);
  });

  it('is neither read nor written with VERBATIM_CODE_CACHE=0', () => {
    check({ VERBATIM_CODE_CACHE: '0' });
    assert.deepStrictEqual(codeCaches(), []);
  });

  it('removes the code caches of other builds unused for two weeks when it writes its first', () => {
    const month = (Date.now() - 30 * 24 * 3600 * 1000) / 1000;
    const old = ['cli-code-0123456789abcdef.bin', 'cli-code-0123456789abcdef.bin.4242.tmp'];
    const recent = 'cli-code-fedcba9876543210.bin';
    const unrelated = 'notes-0123456789abcdef.bin';
    for (const name of [...old, recent, unrelated]) fs.writeFileSync(path.join(base, name), 'x');
    for (const name of [...old, unrelated]) fs.utimesSync(path.join(base, name), month, month);
    check();
    const left = fs.readdirSync(base);
    for (const name of old) assert.ok(!left.includes(name), `${name} was kept`);
    assert.ok(left.includes(recent), 'a cache used recently was removed');
    assert.ok(left.includes(unrelated), 'a file that is no code cache was removed');
    assert.strictEqual(codeCaches().length, 2, 'this build’s cache was written beside the recent one');
  });

  it('marks a cache in use once a day, since reading it does not update its access time everywhere', () => {
    const report = check();
    check();
    const [cache] = codeCaches();
    const file = path.join(base, cache);
    // Last written a month ago, and read since on a system that keeps access times unchanged.
    const month = (Date.now() - 30 * 24 * 3600 * 1000) / 1000;
    fs.utimesSync(file, month, month);
    assert.strictEqual(check(), report);
    assert.ok(Date.now() - fs.statSync(file).mtimeMs < 3600 * 1000, 'a cache in use kept a time that another build takes for unused');
    const marked = fs.statSync(file).mtimeMs;
    assert.strictEqual(check(), report);
    assert.strictEqual(fs.statSync(file).mtimeMs, marked, 'a cache marked today was marked again');
  });
});
