// Runs the built `dist/cli.js` as a user would (a child process in some working folder) and checks
// exit codes, the three output formats and how verbatim.json is picked up.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { version } from '../../package.json';
import type { JsonReport } from '../../src/cli/formatJson';

// The bundled test runs from out/test/cli, three levels below the repository root.
const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist/cli.js');
const FIXTURES = 'test/cli/fixtures';
const CORPUS = 'test/fixtures/labelled/corpus';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `cwd` with colour variables cleared unless `env` sets them. */
function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  // Each run gets its own index cache, so runs neither share state nor write to the home folder.
  const env: NodeJS.ProcessEnv = { ...process.env, VERBATIM_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cli-cache-')) };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? REPO, env: { ...env, ...options.env }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function fixture(name: string): string {
  return `${FIXTURES}/${name}`;
}

/** The UTF-16 offset of a 0-based line/character, counted independently of the CLI's own code. */
function offsetOf(text: string, position: { line: number; character: number }): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i].length + 1;
  return offset + position.character;
}

function slice(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return text.slice(offsetOf(text, range.start), offsetOf(text, range.end));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The words of a passage, for comparing a file's markup-laden slice with the extracted text. */
function wordsOf(text: string): string {
  return text.replace(/[^\p{L}\p{N}'’]+/gu, ' ').trim();
}

describe('verbatim CLI', function () {
  const temporary: string[] = [];

  before(function () {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "node esbuild.js" before the tests`);
  });

  after(function () {
    for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
  });

  function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cli-'));
    temporary.push(dir);
    return dir;
  }

  describe('help and version', function () {
    it('prints usage for --help and exits 0', function () {
      const run = cli(['--help']);
      assert.strictEqual(run.status, 0);
      assert.match(run.stdout, /^Usage: verbatim check/);
    });

    it('prints the package version for --version', function () {
      const run = cli(['--version']);
      assert.strictEqual(run.status, 0);
      assert.strictEqual(run.stdout.trim(), version);
    });
  });

  describe('exit codes', function () {
    const table: { name: string; args: string[]; status: number; stderr?: RegExp }[] = [
      { name: 'all quotes verbatim', args: ['check', '--corpus', CORPUS, fixture('clean.md')], status: 0 },
      { name: 'plain-text draft, all verbatim', args: ['check', '--corpus', CORPUS, fixture('notes.txt')], status: 0 },
      { name: 'a quote drifted or is unsupported', args: ['check', '--corpus', CORPUS, fixture('drift.md')], status: 1 },
      { name: 'several drafts, one failing', args: ['check', '--corpus', CORPUS, fixture('clean.md'), fixture('drift.md')], status: 1 },
      { name: 'quotes shorter than --min-words are not counted', args: ['check', '--min-words', '20', '--corpus', CORPUS, fixture('drift.md')], status: 0 },
      { name: 'unknown option', args: ['check', '--frobnicate', fixture('clean.md')], status: 2, stderr: /^verbatim: unknown option --frobnicate/ },
      { name: 'unknown command', args: ['verify', fixture('clean.md')], status: 2, stderr: /unknown command "verify"/ },
      { name: 'no draft given', args: ['check', '--corpus', CORPUS], status: 2, stderr: /no draft given/ },
      { name: 'draft does not exist', args: ['check', '--corpus', CORPUS, 'missing.md'], status: 2, stderr: /^verbatim: cannot read missing\.md: no such file\n$/ },
      { name: 'bad format', args: ['check', '--format', 'xml', fixture('clean.md')], status: 2, stderr: /unknown format "xml"/ },
      { name: 'threshold out of range', args: ['check', '--threshold', '2', fixture('clean.md')], status: 2, stderr: /--threshold must be a number from 0 to 1/ },
      { name: 'option missing its value', args: ['check', fixture('clean.md'), '--corpus'], status: 2, stderr: /--corpus needs a value/ },
      { name: 'corpus does not exist', args: ['check', '--corpus', 'no/such/folder', fixture('clean.md')], status: 2, stderr: /^verbatim: / },
      { name: 'bad --config file', args: ['check', '--config', fixture('bad-config/verbatim.json'), fixture('clean.md')], status: 2, stderr: /bad configuration: .*"driftThreshold" must be a number/ },
      { name: 'missing --config file', args: ['check', '--config', 'nowhere.json', fixture('clean.md')], status: 2, stderr: /cannot read nowhere\.json: no such file/ },
    ];
    for (const row of table) {
      it(`exits ${row.status}: ${row.name}`, function () {
        const run = cli(row.args);
        assert.strictEqual(run.status, row.status, run.stderr);
        if (row.stderr) assert.match(run.stderr, row.stderr);
        if (row.status === 2) assert.strictEqual(run.stderr.trim().split('\n').pop()?.startsWith('verbatim: '), true, run.stderr);
      });
    }

    it('exits 2 when the corpus folder holds no source documents', function () {
      const run = cli(['check', '--allow-outside', '--corpus', tempDir(), fixture('clean.md')]);
      assert.strictEqual(run.status, 2);
      assert.match(run.stderr, /no source documents/);
    });

    it('exits 2 for a bad verbatim.json in the working folder', function () {
      const run = cli(['check', path.join(REPO, fixture('clean.md'))], { cwd: path.join(REPO, fixture('bad-config')) });
      assert.strictEqual(run.status, 2);
      assert.match(run.stderr, /^verbatim: bad configuration: .*verbatim\.json/);
    });

    it('reports skipped corpus files as warnings on stderr', function () {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'verbatim.json'), JSON.stringify({ corpus: [path.join(REPO, CORPUS)], maxFileBytes: 10 }));
      const run = cli(['check', '--allow-outside', path.join(REPO, fixture('clean.md'))], { cwd: dir });
      assert.strictEqual(run.status, 2, 'every file is too large, so no documents remain');
      assert.match(run.stderr, /^verbatim: warning: .*council-meeting\.txt: .+$/m);
    });
  });

  describe('--format json', function () {
    const draftPath = fixture('drift.md');
    const draft = fs.readFileSync(path.join(REPO, draftPath), 'utf8');
    let report: JsonReport;

    before(function () {
      const run = cli(['check', '--format', 'json', '--corpus', CORPUS, draftPath]);
      assert.strictEqual(run.status, 1, run.stderr);
      report = JSON.parse(run.stdout);
    });

    it('writes only JSON, with every quote of the draft', function () {
      assert.strictEqual(report.files.length, 1);
      assert.strictEqual(report.files[0].path, draftPath);
      assert.strictEqual(report.files[0].quotes.length, 5);
      assert.deepStrictEqual(
        report.files[0].quotes.map((q) => q.status),
        ['drift', 'drift', 'verbatim', 'unsupported', 'unsupported'],
      );
      assert.deepStrictEqual(report.warnings, []);
      // The editor's verdicts: the short scare quote is counted as short, not unsupported.
      assert.deepStrictEqual(
        report.files[0].quotes.map((q) => [q.verdict, q.severity]),
        [['drift', 'warning'], ['drift', 'error'], ['verbatim', null], ['unsupported', 'warning'], ['short', null]],
      );
      assert.deepStrictEqual(
        { quotes: report.summary.quotes, verbatim: report.summary.verbatim, drift: report.summary.drift, unsupported: report.summary.unsupported, short: report.summary.short },
        { quotes: 5, verbatim: 1, drift: 2, unsupported: 1, short: 1 },
      );
    });

    it('gives 0-based UTF-16 ranges that slice out each quote, marks excluded', function () {
      for (const quote of report.files[0].quotes) {
        assert.strictEqual(oneLine(slice(draft, quote.range)), oneLine(quote.text));
      }
      // The emoji before this quote counts as two UTF-16 code units.
      const plan = report.files[0].quotes[2];
      const line = draft.split('\n')[plan.range.start.line];
      assert.strictEqual(plan.range.start.character, line.indexOf('The plan'));
      assert.ok(line.startsWith('\u{1F642}'));
    });

    it('describes the drift: source file range, passage, score and word diff', function () {
      const [gales, budget] = report.files[0].quotes;
      const match = gales.match;
      assert.ok(match, 'the drifted quote has a match');
      assert.strictEqual(match.source, `${CORPUS}/harbour-report.md`);
      const sourceText = fs.readFileSync(path.join(REPO, match.source), 'utf8');
      assert.strictEqual(wordsOf(slice(sourceText, match.range)), wordsOf(match.text));
      assert.ok(match.score > 0.6 && match.score < 1, `score ${match.score}`);
      assert.ok(match.diff.some((d) => d.op === 'changed' && d.draft === 'gales' && d.source === 'storms'), JSON.stringify(match.diff));
      assert.deepStrictEqual(gales.flags, []);
      assert.deepStrictEqual(budget.flags, ['number']);
      assert.deepStrictEqual(budget.sources.map((s) => s.source), [`${CORPUS}/council-meeting.txt`]);
    });

    it('marks the short scare quote and leaves unsupported quotes without a source', function () {
      const [, , , invented, scare] = report.files[0].quotes;
      assert.strictEqual(scare.short, true);
      assert.strictEqual(invented.short, false);
      assert.ok(invented.match === null || invented.match.score < 0.6, 'nothing reaches the drift threshold');
      assert.strictEqual(report.summary.failing, 3, 'the short quote does not fail the run');
    });

    it('passes --threshold to the engine', function () {
      const run = cli(['check', '--format', 'json', '--threshold', '0.99', '--corpus', CORPUS, draftPath]);
      assert.strictEqual(run.status, 1, run.stderr);
      const strict: JsonReport = JSON.parse(run.stdout);
      assert.deepStrictEqual(strict.files[0].quotes.map((q) => q.status), ['unsupported', 'unsupported', 'verbatim', 'unsupported', 'unsupported']);
    });

    it('maps a passage of an HTML source to its range in the HTML file', function () {
      const dir = tempDir();
      const file = path.join(dir, 'notice.md');
      fs.writeFileSync(file, 'The notice asks skippers to “keep a listening watch on channel 14 & follow the instructions of the barge crew”.\n');
      const run = cli(['check', '--format', 'json', '--corpus', CORPUS, file]);
      assert.strictEqual(run.status, 0, run.stderr);
      const match = JSON.parse(run.stdout).files[0].quotes[0].match;
      assert.strictEqual(match.source, `${CORPUS}/harbour-notice.html`);
      const html = fs.readFileSync(path.join(REPO, match.source), 'utf8');
      const inFile = slice(html, match.range);
      assert.match(inFile, /&amp;/, 'the range covers the entity as written in the file');
      assert.strictEqual(oneLine(inFile.replace(/&amp;/g, '&')), oneLine(match.text));
    });
  });

  describe('--format sarif', function () {
    it('writes a SARIF 2.1.0 log with one result per failing quote', function () {
      const run = cli(['check', '--format', 'sarif', '--corpus', CORPUS, fixture('drift.md')]);
      assert.strictEqual(run.status, 1, run.stderr);
      const log = JSON.parse(run.stdout);
      assert.strictEqual(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-2\.1\.0/);
      assert.strictEqual(log.runs.length, 1);
      const driver = log.runs[0].tool.driver;
      assert.strictEqual(driver.name, 'Verbatim');
      assert.deepStrictEqual(driver.rules.map((r: { id: string }) => r.id).sort(), ['critical-drift', 'drift', 'misattributed', 'unsupported']);
      const results = log.runs[0].results;
      assert.deepStrictEqual(
        results.map((r: { ruleId: string; level: string }) => `${r.ruleId}:${r.level}`),
        ['drift:warning', 'critical-drift:error', 'unsupported:warning'],
      );
      const [gales] = results;
      const location = gales.locations[0].physicalLocation;
      assert.strictEqual(location.artifactLocation.uri, fixture('drift.md'));
      const draftLines = fs.readFileSync(path.join(REPO, fixture('drift.md')), 'utf8').split('\n');
      const line = draftLines.findIndex((l) => l.includes('We have to be'));
      assert.deepStrictEqual(
        { startLine: location.region.startLine, startColumn: location.region.startColumn, endLine: location.region.endLine },
        { startLine: line + 1, startColumn: draftLines[line].indexOf('We have to be') + 1, endLine: line + 2 },
      );
      // The draft's word struck, the source's as its replacement, as in the hover and the report.
      assert.match(gales.message.text, /\[-gales-\]\{\+storms\+\}/);
      assert.strictEqual(gales.relatedLocations[0].physicalLocation.artifactLocation.uri, `${CORPUS}/harbour-report.md`);
    });

    it('writes an empty result list for a clean draft', function () {
      const run = cli(['check', '--format', 'sarif', '--corpus', CORPUS, fixture('clean.md')]);
      assert.strictEqual(run.status, 0, run.stderr);
      assert.deepStrictEqual(JSON.parse(run.stdout).runs[0].results, []);
    });
  });

  describe('text format', function () {
    it('prints a line per quote with wdiff marks, flags, and the summary', function () {
      const run = cli(['check', '--corpus', CORPUS, fixture('drift.md')]);
      assert.strictEqual(run.status, 1, run.stderr);
      const lines = run.stdout.trimEnd().split('\n');
      const galesLine = lines.find((l) => l.includes('[-gales-]{+storms+}'));
      assert.ok(galesLine, run.stdout);
      assert.match(galesLine, new RegExp(`^${fixture('drift.md')}:3:15 warning drift ".*" → Branscombe harbour wall to be rebuilt before winter \\(The Branscombe Courier, 2025-05-09\\)( \\(speaker: Okafor\\))?$`));
      // A changed number is an error, as in Problems.
      assert.ok(lines.some((l) => / error drift /.test(l) && l.includes('[-4.5-]{+4.2+}') && l.includes('changed number')), run.stdout);
      assert.ok(lines.some((l) => /:6:21 verbatim "The plan was approved/.test(l)), `the emoji counts as two UTF-16 units: ${run.stdout}`);
      assert.ok(lines.some((l) => /\d short, not found "developer giveaway" .*exact presence only; not flagged/.test(l)), run.stdout);
      // The same words as the editor's status bar tooltip and the report's totals.
      assert.strictEqual(lines[lines.length - 1], '5 quotes: 1 verbatim, 2 drifted, 1 unsupported, 1 short not found');
    });

    const colourTable: { name: string; args: string[]; env: Record<string, string>; coloured: boolean }[] = [
      { name: 'no colour when stdout is not a terminal', args: [], env: {}, coloured: false },
      { name: 'FORCE_COLOR turns colour on', args: [], env: { FORCE_COLOR: '1' }, coloured: true },
      { name: 'NO_COLOR wins over FORCE_COLOR', args: [], env: { FORCE_COLOR: '1', NO_COLOR: '1' }, coloured: false },
      { name: '--no-color wins over FORCE_COLOR', args: ['--no-color'], env: { FORCE_COLOR: '1' }, coloured: false },
      { name: '--color wins over NO_COLOR', args: ['--color'], env: { NO_COLOR: '1' }, coloured: true },
    ];
    for (const row of colourTable) {
      it(row.name, function () {
        const run = cli(['check', ...row.args, '--corpus', CORPUS, fixture('drift.md')], { env: row.env });
        assert.strictEqual(run.status, 1, run.stderr);
        assert.strictEqual(run.stdout.includes('\u001b['), row.coloured);
      });
    }
  });

  describe('verbatim.json in the working folder', function () {
    const project = path.join(REPO, fixture('project'));

    it('takes the corpus and accepted renderings from it', function () {
      // The fixture project's corpus is a shared fixture folder outside it.
      const run = cli(['check', '--allow-outside', '--format', 'json', 'draft.md'], { cwd: project });
      assert.strictEqual(run.status, 0, `an accepted rendering does not fail the run: ${run.stdout}${run.stderr}`);
      const quotes = JSON.parse(run.stdout).files[0].quotes;
      assert.deepStrictEqual(
        quotes.map((q: { status: string; accepted: boolean }) => [q.status, q.accepted]),
        [['drift', true], ['verbatim', false]],
      );
    });

    it('lets --corpus override the configured corpus', function () {
      const run = cli(['check', '--allow-outside', '--corpus', '../../../fixtures/labelled/corpus/harbour-report.md', 'draft.md'], { cwd: project });
      assert.strictEqual(run.status, 1, run.stdout);
      assert.match(run.stdout, /2 quotes: 1 verbatim \(1 accepted\), 0 drifted, 1 unsupported/);
    });
  });
});

describe('verbatim CLI: the corpus index cache', function () {
  it('writes the index to --cache and answers the same from it the next time', function () {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cli-named-cache-'));
    const args = ['check', '--corpus', CORPUS, '--format', 'json', '--cache', cache, fixture('drift.md')];
    const first = cli(args);
    assert.ok(fs.existsSync(path.join(cache, 'index.bin')), 'index.bin written');
    const second = cli(args);
    assert.deepStrictEqual([second.status, second.stdout], [first.status, first.stdout]);
    assert.strictEqual(first.status, 1);
  });

  it('keeps nothing on disk with --no-cache', function () {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cli-no-cache-'));
    const run = cli(['check', '--corpus', CORPUS, '--no-cache', fixture('drift.md')], { env: { VERBATIM_CACHE_DIR: base } });
    assert.strictEqual(run.status, 1);
    assert.deepStrictEqual(fs.readdirSync(base), []);
  });
});

describe('verbatim CLI: sources saved with a byte order mark', function () {
  it('reports source positions as an editor counts them, without the mark', function () {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cli-bom-'));
    fs.mkdirSync(path.join(root, 'sources'));
    fs.writeFileSync(path.join(root, 'sources', 'wire.txt'), '\uFEFFTalks ended.\nThe minister saw little ground for optimism.');
    fs.writeFileSync(path.join(root, 'draft.md'), 'He saw “little ground for optimism”.\n');
    const run = cli(['check', '--no-cache', '--format', 'json', 'draft.md'], { cwd: root });
    const report = JSON.parse(run.stdout) as JsonReport;
    const match = report.files[0].quotes[0].match!;
    assert.deepStrictEqual(match.range.start, { line: 1, character: 'The minister saw '.length });
  });
});
