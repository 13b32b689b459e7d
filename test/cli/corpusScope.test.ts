// The CLI reads no corpus path outside the folder holding verbatim.json unless it is run with
// --allow-outside, names every path it left out, and stops at the corpus file limit.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist/cli.js');

const SECRET = 'The vault code is seven four one and nobody must ever know it.';
const DRAFT = `The memo said “the vault code is seven four one”.\n`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(cwd: string, args: string[]): Run {
  const env = { ...process.env, VERBATIM_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cli-cache-')) };
  const run = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('verbatim CLI: corpus scope and limits', function () {
  this.timeout(60_000);
  const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-scope-')));
  const project = path.join(top, 'project');
  after(() => fs.rmSync(top, { recursive: true, force: true }));

  before(() => {
    fs.mkdirSync(path.join(project, 'sources'), { recursive: true });
    fs.mkdirSync(path.join(top, 'outside'));
    fs.writeFileSync(path.join(project, 'sources/notes.txt'), 'Nothing of interest was said at the meeting on Tuesday.');
    fs.writeFileSync(path.join(top, 'outside/secret.txt'), SECRET);
    fs.writeFileSync(path.join(project, 'draft.md'), DRAFT);
  });

  function writeConfig(config: object): void {
    fs.writeFileSync(path.join(project, 'verbatim.json'), JSON.stringify(config));
  }

  const warningFor = (shown: string) =>
    `verbatim: warning: ${shown}: lies outside ${project} and was left out of the corpus (reaching outside it was not allowed). Pass --allow-outside to include it.\n`;

  it('leaves out a verbatim.json path outside the project, with a warning naming it', () => {
    writeConfig({ corpus: ['sources', '../outside'] });
    const run = cli(project, ['--format', 'json', 'draft.md']);
    assert.strictEqual(run.status, 1, run.stderr);
    assert.ok(run.stderr.includes(warningFor('../outside')), run.stderr);
    const report = JSON.parse(run.stdout) as { files: { quotes: { status: string }[] }[]; warnings: { path: string; message: string }[] };
    assert.strictEqual(report.files[0].quotes[0].status, 'unsupported');
    assert.ok(report.warnings.some((w) => w.path === '../outside' && /left out of the corpus/.test(w.message)));
    assert.ok(!run.stdout.includes('nobody must ever know'), 'the outside file\'s text reached the report');
  });

  it('leaves out absolute paths such as /etc and a SARIF report prints nothing of them', () => {
    writeConfig({ corpus: ['sources', '/etc', path.join(top, 'outside/secret.txt')] });
    const run = cli(project, ['--format', 'sarif', 'draft.md']);
    assert.strictEqual(run.status, 1, run.stderr);
    assert.ok(run.stderr.includes(warningFor(path.relative(project, '/etc'))), run.stderr);
    assert.ok(run.stderr.includes(warningFor('../outside/secret.txt')), run.stderr);
    assert.ok(!run.stdout.includes('nobody must ever know'));
  });

  it('reads a --corpus path outside the current folder: the person running the check typed it', () => {
    fs.rmSync(path.join(project, 'verbatim.json'));
    const run = cli(project, ['--corpus', 'sources', '--corpus', '../outside', 'draft.md']);
    assert.strictEqual(run.status, 0, run.stdout + run.stderr);
    assert.ok(!run.stderr.includes('left out'), run.stderr);
  });

  it('fails with a clear message when every corpus path lies outside', () => {
    writeConfig({ corpus: ['../outside'] });
    const run = cli(project, ['draft.md']);
    assert.strictEqual(run.status, 2);
    assert.ok(run.stderr.includes(warningFor('../outside')), run.stderr);
    assert.match(run.stderr, /no corpus path lies inside .* \(pass --allow-outside to read the ones outside it\)/);
  });

  it('reads outside paths with --allow-outside', () => {
    writeConfig({ corpus: ['sources', '../outside'] });
    const run = cli(project, ['--allow-outside', 'draft.md']);
    assert.strictEqual(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /1 quote: 1 verbatim/);
    assert.ok(!run.stderr.includes('left out'), run.stderr);
  });

  it('leaves out a link in the sources that leads outside, unless --allow-outside is given', () => {
    const link = path.join(project, 'sources/leak.txt');
    fs.symlinkSync(path.join(top, 'outside/secret.txt'), link);
    try {
      writeConfig({ corpus: ['sources'] });
      const run = cli(project, ['--format', 'json', 'draft.md']);
      assert.strictEqual(run.status, 1, run.stderr);
      assert.ok(run.stderr.includes(`verbatim: warning: sources/leak.txt: is a link to ${path.join(top, 'outside/secret.txt')}, outside ${project}, and was left out of the corpus\n`), run.stderr);
      const report = JSON.parse(run.stdout) as { files: { quotes: { status: string }[] }[] };
      assert.strictEqual(report.files[0].quotes[0].status, 'unsupported');
      assert.ok(!run.stdout.includes('nobody must ever know'), 'the linked file\'s text reached the report');
      const allowed = cli(project, ['--format', 'json', '--allow-outside', 'draft.md']);
      assert.strictEqual(allowed.status, 0, allowed.stderr);
      assert.strictEqual((JSON.parse(allowed.stdout) as { files: { quotes: { status: string }[] }[] }).files[0].quotes[0].status, 'verbatim');
    } finally {
      fs.unlinkSync(link);
    }
  });

  it('stops at the corpus file limit of verbatim.json with a warning', () => {
    for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(project, `sources/extra-${i}.txt`), `Extra file ${i}.`);
    writeConfig({ corpus: ['sources'], maxCorpusFiles: 3 });
    const run = cli(project, ['draft.md']);
    assert.strictEqual(run.status, 1, run.stderr);
    assert.match(run.stderr, /verbatim: warning: sources: has more than 3 source files, the corpus file limit; the walk stopped there/);
  });

  it('rejects a fractional minWords in verbatim.json like any other wrong value', () => {
    writeConfig({ corpus: ['sources'], minWords: 1.5 });
    const run = cli(project, ['draft.md']);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /"minWords" must be a whole number from 1 to 1000/);
  });
});
