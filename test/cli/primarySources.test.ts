// The CLI on a corpus with primary sources (test/fixtures/primary): the JSON names each source's
// kind, the exit code and SARIF follow the verdicts that rest on the transcript and the
// statement, and --no-prefer-primary (or "preferPrimarySources": false) brings back the plain rule.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { JsonReport } from '../../src/cli/formatJson';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist/cli.js');
const FIXTURES = path.join(REPO, 'test/fixtures/primary');

function cli(args: string[], cwd = FIXTURES): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, VERBATIM_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cli-cache-')) };
  delete env.FORCE_COLOR;
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function json(args: string[]): JsonReport {
  const run = cli(['check', '--format', 'json', ...args]);
  assert.strictEqual(run.stderr, '');
  return JSON.parse(run.stdout) as JsonReport;
}

describe('CLI: primary sources first', function () {
  this.timeout(60000);

  it('gives "kind" on every source, the match, the sources and the variants', function () {
    const [quote] = json(['drafts/copies-report.md']).files[0].quotes;
    assert.strictEqual(quote.verdict, 'drift');
    assert.strictEqual(quote.basis, 'primary');
    assert.strictEqual(quote.match?.kind, 'primary');
    assert.match(quote.match?.source ?? '', /^sources\/harbor-bridge-briefing\.(txt|vtt)$/);
    assert.deepStrictEqual(quote.sources.map((s) => s.kind), ['primary', 'primary', 'report']);
    assert.deepStrictEqual(quote.variants.map((v) => [v.source, v.kind]), [
      ['sources/reports/harbor-post.txt', 'report'],
      ['sources/reports/portmere-daily.md', 'report'],
    ]);
  });

  it('exits 1 on a rendering the transcript contradicts and 0 on the transcript\'s own words', function () {
    assert.strictEqual(cli(['check', 'drafts/copies-report.md']).status, 1);
    assert.strictEqual(cli(['check', 'drafts/copies-primary.md']).status, 0);
    assert.strictEqual(cli(['check', 'drafts/reports-only.md']).status, 0);
  });

  it('exits 0 on the report\'s rendering with --no-prefer-primary or "preferPrimarySources": false', function () {
    const off = cli(['check', '--no-prefer-primary', 'drafts/copies-report.md']);
    assert.strictEqual(off.status, 0, off.stdout + off.stderr);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cli-primary-'));
    try {
      fs.cpSync(FIXTURES, root, { recursive: true });
      fs.writeFileSync(path.join(root, 'verbatim.json'), JSON.stringify({ corpus: ['sources'], preferPrimarySources: false }));
      assert.strictEqual(cli(['check', 'drafts/copies-report.md'], root).status, 0);
      // The flag turns the rule back on over the file.
      assert.strictEqual(cli(['check', '--prefer-primary', 'drafts/copies-report.md'], root).status, 1);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('marks each source\'s kind in the text output', function () {
    const run = cli(['check', '--no-color', 'drafts/copies-report.md', 'drafts/reports-only.md']);
    const lines = run.stdout.split('\n');
    assert.match(lines[0], /^drafts\/copies-report\.md:3:35 warning drift "little \[-room-\]\{\+ground\+\} for optimism.*" → Harbor Bridge briefing.* \[primary source\] \(\+2 more\)/);
    assert.match(lines[1], /^ {2}also: "little room for optimism about the bridge reopening before spring" \(2 sources: .*\[report\]; .*\[report\]\)$/);
    assert.match(run.stdout, /reports-only\.md:3:31 verbatim .* \[report\] \(\+1 more\) \(speaker: Tom Reyes\)/);
  });

  it('points SARIF at the statement first, as a primary source, with the critical rule', function () {
    const run = cli(['check', '--format', 'sarif', 'drafts/statement-number.md']);
    assert.strictEqual(run.status, 1);
    const result = JSON.parse(run.stdout).runs[0].results[0];
    assert.strictEqual(result.ruleId, 'critical-drift');
    assert.strictEqual(result.level, 'error');
    assert.match(result.message.text, /^Quote drifts from the statement \[Statement from the Office of the Mayor on the Harbor Bridge\]\(1\), a primary source/);
    assert.deepStrictEqual(result.relatedLocations.map((l: { message: { text: string } }) => l.message.text.split(':')[0]), ['Primary source', 'Report']);
    assert.deepStrictEqual(result.relatedLocations.map((l: { properties: { kind: string } }) => l.properties.kind), ['primary', 'report']);
  });
});
