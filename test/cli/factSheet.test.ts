// `verbatim check --format html` and `--format markdown`: the fact-check sheet the editor's report
// exports, written by the built CLI for a real draft and corpus, and checked as a desk would read it.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist/cli.js');
const DRAFT = 'test/cli/fixtures/drift.md';
const CORPUS = 'test/fixtures/labelled/corpus';

function sheet(format: 'html' | 'markdown', extra: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, VERBATIM_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-sheet-cache-')) };
  const run = spawnSync(process.execPath, [CLI, 'check', '--format', format, '--corpus', CORPUS, ...extra, DRAFT], { cwd: REPO, env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The text of an HTML fragment, tags dropped and entities read back. */
function text(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

describe('CLI fact-check sheet', function () {
  describe('--format html', function () {
    let run: ReturnType<typeof sheet>;
    let rows: string[];
    before(function () {
      run = sheet('html');
      rows = run.stdout.match(/<tr class="(problem|fine)">[\s\S]*?<\/tr>/g) ?? [];
    });

    it('writes one standalone HTML page, styled for print, with no script or remote content, and still fails the run', function () {
      assert.strictEqual(run.status, 1, run.stderr);
      assert.match(run.stdout, /^<!DOCTYPE html>\n<html lang="en">/);
      assert.match(run.stdout, /<title>Fact-check sheet: test\/cli\/fixtures\/drift\.md<\/title>/);
      assert.match(run.stdout, /@media print \{/);
      assert.match(run.stdout, /@page \{ size: A4 landscape;/);
      assert.doesNotMatch(run.stdout, /<script|<link|src=|@import|url\(/i);
    });

    it('has a row per quote in draft order, each with the verdict every view gives it', function () {
      const verdicts = rows.map((row) => /<span class="pill ([^"]+)">([^<]+)<\/span>/.exec(row)?.slice(1, 3));
      assert.deepStrictEqual(verdicts, [
        ['drift warning', 'Drift'],
        ['drift error', 'Drift'],
        ['verbatim', 'Verbatim'],
        ['unsupported warning', 'Unsupported'],
        ['short', 'Short, not found'],
      ]);
      assert.deepStrictEqual(rows.map((row) => /<td class="line">(\d+)<\/td>/.exec(row)?.[1]), ['3', '4', '6', '8', '10']);
    });

    it('strikes the draft\'s words and inserts the source\'s, with the source, its citation and the passage', function () {
      const [gales, budget] = rows;
      assert.match(gales, /<del>gales<\/del> <ins>storms<\/ins>/);
      assert.match(budget, /<del>4\.5<\/del> <ins>4\.2<\/ins>/);
      assert.match(text(budget), /number changed/);
      assert.match(text(gales), /Branscombe harbour wall to be rebuilt before winter The Branscombe Courier, 9 May 2025/);
      assert.match(gales, /<blockquote dir="auto">[^<]*autumn storms arrive without warning[^<]*<\/blockquote>/);
      assert.match(text(rows[3]), /No source comes close/);
      assert.match(text(rows[4]), /exact presence only/);
    });

    it('totals the quotes in the words of the status bar and the text report', function () {
      const totals = /<p class="totals">([^<]*)<\/p>/.exec(run.stdout)?.[1];
      const textRun = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--corpus', CORPUS, DRAFT], { cwd: REPO, encoding: 'utf8' });
      const summary = textRun.stdout.trimEnd().split('\n').pop();
      assert.strictEqual(totals, '1 verbatim, 2 drifted, 1 unsupported, 1 short not found');
      assert.strictEqual(summary, `5 quotes: ${totals}`);
    });

    it('keeps quote and source text as text', function () {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-sheet-'));
      // A plain-text draft keeps the markup in the quote (Markdown would read it as HTML).
      fs.writeFileSync(path.join(dir, 'draft.txt'), 'She said “<img src=x onerror=alert(1)> was never here”.\n');
      fs.mkdirSync(path.join(dir, 'sources'));
      fs.writeFileSync(path.join(dir, 'sources', 'a.txt'), 'Nothing to see.\n');
      const hostile = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--format', 'html', 'draft.txt'], { cwd: dir, encoding: 'utf8' });
      assert.strictEqual(hostile.status, 1, hostile.stderr);
      assert.ok(hostile.stdout.includes('&lt;img src=x onerror=alert(1)&gt;'), hostile.stdout);
      assert.doesNotMatch(hostile.stdout, /<img/);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });

  describe('--format markdown', function () {
    let run: ReturnType<typeof sheet>;
    let lines: string[];
    before(function () {
      run = sheet('markdown');
      lines = run.stdout.split('\n');
    });

    it('writes a heading, the totals and a table with a row per quote', function () {
      assert.strictEqual(run.status, 1, run.stderr);
      assert.strictEqual(lines[0], '### Fact-check sheet: test/cli/fixtures/drift\\.md');
      assert.match(lines[2], /^1 verbatim, 2 drifted, 1 unsupported, 1 short not found \(made \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\.$/);
      assert.strictEqual(lines[4], '| Line | Verdict | Quote | Difference | Source |');
      const rows = lines.filter((line) => /^\| \d+ \|/.test(line));
      assert.strictEqual(rows.length, 5);
      // Every row has its five cells: no quote or title breaks the table with a pipe or a line break.
      for (const row of rows) assert.strictEqual(row.split(/(?<!\\)\|/).length, 7, row);
    });

    it('strikes the draft\'s words and bolds the source\'s, and marks the severity', function () {
      const budget = lines.find((line) => line.startsWith('| 4 |'));
      assert.ok(budget, run.stdout);
      assert.match(budget, /\| \*\*Drift\*\* \(error\) \|/);
      assert.match(budget, /~~4\\\.5~~ \*\*4\\\.2\*\*/);
      const scare = lines.find((line) => line.startsWith('| 10 |'));
      assert.match(scare ?? '', /\| \*\*Short, not found\*\* \| “developer giveaway”( — Critics)? \| _Short quotes are checked for exact presence only/);
    });
  });
});
