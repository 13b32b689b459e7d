// The CLI honours verbatim.json's `ignore` list and the draft's own disable switches.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist/cli.js');
const CORPUS = path.join(REPO, 'test/fixtures/labelled/corpus');
const DRIFT = fs.readFileSync(path.join(REPO, 'test/cli/fixtures/drift.md'), 'utf8');

interface JsonQuote {
  status: string;
  text: string;
}

/** Runs `verbatim check --format json draft` in a project folder with `config` as its verbatim.json. */
function check(config: object, draft: string, name = 'draft.md'): { status: number | null; quotes: JsonQuote[]; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cli-ignore-'));
  try {
    fs.writeFileSync(path.join(dir, 'verbatim.json'), JSON.stringify({ corpus: [CORPUS], ...config }));
    fs.writeFileSync(path.join(dir, name), draft);
    const env = { ...process.env, VERBATIM_CACHE_DIR: path.join(dir, '.cache') };
    // The corpus lies outside the project folder, so the person running the check allows it.
    const run = spawnSync(process.execPath, [CLI, 'check', '--allow-outside', '--format', 'json', name], { cwd: dir, env, encoding: 'utf8' });
    const quotes = run.status === 2 ? [] : (JSON.parse(run.stdout).files[0].quotes as JsonQuote[]);
    return { status: run.status, quotes, stderr: run.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('verbatim CLI: ignoring quotations', function () {
  it('checks every quotation without an ignore list', function () {
    const run = check({}, DRIFT);
    assert.strictEqual(run.status, 1);
    assert.deepStrictEqual(run.quotes.map((q) => q.status), ['drift', 'drift', 'verbatim', 'unsupported', 'unsupported']);
  });

  it('leaves out the quotations on the ignore list, by words and by pattern', function () {
    const run = check({ ignore: ['the council will sell the Corn Exchange to a hotel chain next spring', '/^We have to be/', '/budget/', 'developer giveaway'] }, DRIFT);
    assert.strictEqual(run.status, 0, 'what is left is verbatim');
    assert.deepStrictEqual(run.quotes.map((q) => q.status), ['verbatim']);
  });

  it('honours disable switches in Markdown and in plain text', function () {
    const markdown = DRIFT.replace('The mayor promised', '<!-- verbatim-disable -->\nThe mayor promised');
    assert.deepStrictEqual(check({}, markdown).quotes.map((q) => q.status), ['drift', 'drift', 'verbatim']);
    const plain = `verbatim-disable-file\n\n${DRIFT}`;
    const run = check({}, plain, 'draft.txt');
    assert.strictEqual(run.status, 0);
    assert.deepStrictEqual(run.quotes, []);
  });

  it('stops with the file, the key and what is expected for a bad entry', function () {
    const run = check({ ignore: ['fine words', '/[/'] }, DRIFT);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /verbatim\.json: "ignore" entry 2 \("\/\[\/"\) is not a valid regular expression/);
  });
});
