// How `verbatim check` finds verbatim.json (walking up from each draft's folder, then the working
// folder) and how it reports a file that breaks the schema. Runs the built dist/cli.js in
// throwaway folders, as a user would.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { configFileFor } from '../../src/cli/configLookup';

// The bundled test runs from out/test/cli, three levels below the repository root.
const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist/cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd: string): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, VERBATIM_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cli-cache-')) };
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Writes `files` (path → text) under a fresh temp folder and returns it. */
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-config-walk-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

const HARBOUR = 'The harbour master said the berth would reopen in the spring after repairs to the quay wall.';
const BUDGET = 'The treasurer said the council would not raise the parking charges this year under any circumstances.';
const DRAFT = 'The harbour master said “the berth would reopen in the spring after repairs to the quay wall.”\n';

/** The status of each quote in a JSON report, per draft file name. */
function statuses(run: Run): Record<string, string[]> {
  const report = JSON.parse(run.stdout) as { files: { path: string; quotes: { status: string }[] }[] };
  return Object.fromEntries(report.files.map((file) => [path.basename(file.path), file.quotes.map((q) => q.status)]));
}

describe('verbatim CLI: finding verbatim.json', function () {
  const made: string[] = [];
  const project = (files: Record<string, string>) => {
    const root = tree(files);
    made.push(root);
    return root;
  };
  after(() => { for (const dir of made) fs.rmSync(dir, { recursive: true, force: true }); });

  it('checks the example from the repository root with example/verbatim.json', function () {
    const run = cli(['check', '--format', 'json', '--no-cache', 'example/draft.md'], REPO);
    assert.notStrictEqual(run.status, 2, run.stderr);
    assert.doesNotMatch(run.stderr, /no source documents/);
    assert.ok(statuses(run)['draft.md'].includes('verbatim'), run.stdout);
  });

  it("walks up from the draft's folder past folders without one", function () {
    const root = project({
      'book/verbatim.json': JSON.stringify({ corpus: ['research'] }),
      'book/research/harbour.txt': HARBOUR,
      'book/chapters/one/draft.md': DRAFT,
    });
    const run = cli(['check', '--format', 'json', 'book/chapters/one/draft.md'], root);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual(statuses(run), { 'draft.md': ['verbatim'] });
  });

  it('takes the nearest verbatim.json, not one further up or in the working folder', function () {
    const root = project({
      'verbatim.json': JSON.stringify({ corpus: ['wrong'] }),
      'wrong/budget.txt': BUDGET,
      'story/verbatim.json': JSON.stringify({ corpus: ['right'] }),
      'story/right/harbour.txt': HARBOUR,
      'story/draft.md': DRAFT,
    });
    const run = cli(['check', '--format', 'json', 'story/draft.md'], root);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual(statuses(run), { 'draft.md': ['verbatim'] });
  });

  it('checks drafts of two projects in one run, each against its own corpus', function () {
    const root = project({
      'a/verbatim.json': JSON.stringify({ corpus: ['sources'] }),
      'a/sources/harbour.txt': HARBOUR,
      'a/harbour.md': DRAFT,
      'b/verbatim.json': JSON.stringify({ corpus: ['sources'] }),
      'b/sources/budget.txt': BUDGET,
      'b/budget.md': 'The treasurer said “the council would not raise the parking charges this year under any circumstances.”\n',
      'b/harbour.md': DRAFT,
    });
    const run = cli(['check', '--format', 'json', 'a/harbour.md', 'b/budget.md', 'b/harbour.md'], root);
    assert.strictEqual(run.status, 1, 'the harbour quote has no source in project b');
    const report = JSON.parse(run.stdout) as { files: { path: string; quotes: { status: string }[] }[] };
    assert.deepStrictEqual(report.files.map((f) => [f.path, f.quotes.map((q) => q.status)]), [
      ['a/harbour.md', ['verbatim']],
      ['b/budget.md', ['verbatim']],
      ['b/harbour.md', ['unsupported']],
    ]);
  });

  it('opens sources that two projects share once, and checks each project with its own settings', function () {
    const drifted = 'The harbour master said “the berth would reopen in the summer after repairs to the quay wall.”\n';
    const root = project({
      'shared/harbour.txt': HARBOUR,
      'shared/broken.pdf': 'not a pdf',
      'lenient/verbatim.json': JSON.stringify({ driftThreshold: 0.5 }),
      'lenient/draft.md': drifted,
      'strict/verbatim.json': JSON.stringify({ driftThreshold: 0.99 }),
      'strict/draft.md': drifted,
    });
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-shared-cache-'));
    made.push(cache);
    const check = () => cli(['check', '--format', 'json', '--cache', cache, '--corpus', 'shared', 'lenient/draft.md', 'strict/draft.md'], root);
    const warned = (run: Run) => run.stderr.split('\n').filter((line) => line.includes('broken.pdf')).length;
    const cold = check();
    const report = JSON.parse(cold.stdout) as { files: { path: string; quotes: { status: string }[] }[]; warnings: unknown[] };
    assert.deepStrictEqual(report.files.map((f) => [f.path, f.quotes.map((q) => q.status)]), [
      ['lenient/draft.md', ['drift']],
      ['strict/draft.md', ['unsupported']],
    ]);
    assert.strictEqual(warned(cold), 1, cold.stderr);
    assert.strictEqual(report.warnings.length, 1, 'the unreadable file is in the report once');
    // The source changes: both projects see the new text, and the unreadable file is still warned about once.
    fs.writeFileSync(path.join(root, 'shared/harbour.txt'), HARBOUR.replace('spring', 'summer'));
    const changed = check();
    assert.deepStrictEqual(JSON.parse(changed.stdout).files.map((f: { quotes: { status: string }[] }) => f.quotes[0].status), ['verbatim', 'verbatim']);
    assert.strictEqual(warned(changed), 1, changed.stderr);
    const warm = check();
    assert.strictEqual(warm.status, 0, warm.stderr);
    assert.strictEqual(warned(warm), 1, warm.stderr);
  });

  it("falls back to the working folder's verbatim.json", function () {
    const drafts = project({ 'loose/draft.md': DRAFT });
    const work = project({ 'verbatim.json': JSON.stringify({ corpus: ['refs'] }), 'refs/harbour.txt': HARBOUR });
    const run = cli(['check', '--format', 'json', path.join(drafts, 'loose/draft.md')], work);
    assert.strictEqual(run.status, 0, run.stderr);
  });

  it('uses --config for every draft, whatever lies above them', function () {
    const root = project({
      'story/verbatim.json': JSON.stringify({ corpus: ['nothing-here'] }),
      'story/draft.md': DRAFT,
      'shared.json': JSON.stringify({ corpus: ['refs'] }),
      'refs/harbour.txt': HARBOUR,
    });
    const run = cli(['check', '--config', 'shared.json', '--format', 'json', 'story/draft.md'], root);
    assert.strictEqual(run.status, 0, run.stderr);
  });

  it('names the verbatim.json whose corpus is empty', function () {
    const root = project({ 'story/verbatim.json': JSON.stringify({ corpus: ['missing'] }), 'story/draft.md': DRAFT });
    const run = cli(['check', 'story/draft.md'], root);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /^verbatim: no source documents found in story\/missing \(corpus of story\/verbatim\.json\)$/m);
  });

  it('looks no further than the filesystem root', function () {
    const seen: string[] = [];
    const found = configFileFor('/a/b/draft.md', '/work', (file) => { seen.push(file); return false; });
    assert.strictEqual(found, null);
    assert.deepStrictEqual(seen, ['/a/b/verbatim.json', '/a/verbatim.json', '/verbatim.json', '/work/verbatim.json']);
  });
});

describe('verbatim CLI: verbatim.json that breaks the schema', function () {
  const cases: { name: string; config: unknown; message: RegExp }[] = [
    { name: 'an unknown key, with the likely meant one', config: { corpsu: ['sources'] }, message: /verbatim\.json: unknown key "corpsu" \(did you mean "corpus"\? allowed: corpus, minWords, driftThreshold, maxFileBytes, maxCorpusFiles, preferPrimarySources, archive, archiveTimeoutMs, accepted, folders, aliases, ignore\)/ },
    { name: 'a number of the wrong type', config: { minWords: 'three' }, message: /verbatim\.json: "minWords" must be a whole number from 1 to 1000, not "three"/ },
    { name: 'a fractional whole number', config: { minWords: 2.5 }, message: /"minWords" must be a whole number from 1 to 1000, not 2\.5/ },
    { name: 'a number out of range', config: { driftThreshold: 3 }, message: /"driftThreshold" must be a number from 0 to 1, not 3/ },
    { name: 'a corpus that is not a path', config: { corpus: [1] }, message: /"corpus" must be a path or a list of paths, not a list/ },
    { name: 'a wrong type inside a list', config: { accepted: [{ quote: 'x' }, { quote: 7 }] }, message: /"accepted" → item 2 → "quote" must be a string, not 7/ },
    { name: 'a missing required field', config: { accepted: [{ note: 'x' }] }, message: /"accepted" → item 1 must be an object like \{"quote": "\.\.\.", "note": "\.\.\."\}; "quote" is missing/ },
    { name: 'an ignore list of numbers', config: { ignore: [1, 2] }, message: /"ignore" → item 1 must be a string, not 1/ },
  ];
  for (const c of cases) {
    it(`exits 2 and names the file, the key and what is expected: ${c.name}`, function () {
      const root = tree({ 'verbatim.json': JSON.stringify(c.config), 'sources/harbour.txt': HARBOUR, 'draft.md': DRAFT });
      try {
        const run = cli(['check', 'draft.md'], root);
        assert.strictEqual(run.status, 2, run.stdout);
        assert.match(run.stderr, /^verbatim: bad configuration: \S*verbatim\.json: /);
        assert.match(run.stderr, c.message);
        assert.strictEqual(run.stderr.trim().split('\n').length, 1, 'one line');
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  }

  it('accepts a $schema key and an ignore list', function () {
    const root = tree({
      'verbatim.json': JSON.stringify({ $schema: 'https://example.org/verbatim.schema.json', ignore: ['scare quotes'] }),
      'sources/harbour.txt': HARBOUR,
      'draft.md': DRAFT,
    });
    try {
      const run = cli(['check', 'draft.md'], root);
      assert.strictEqual(run.status, 0, run.stderr);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
