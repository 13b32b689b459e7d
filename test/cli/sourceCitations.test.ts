// Runs the built CLI on a corpus of a PDF, a subtitle file and a transcript, labelled through
// verbatim.json's "folders", and checks that every output format cites outlet, date, page,
// time and speaker of the passage it matched.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { JsonReport } from '../../src/cli/formatJson';
import { buildPdf } from '../core/corpus/pdfFixture';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist/cli.js');

const DRAFT = `# Border talks

The spokesman said Moscow would "not take a decision on the border without consulting its allies first."

Zakharova warned that "our patience is not unlimited, and everyone should know it."

Lind promised: "We will keep the embassy open for as long as it is safe."
`;

function run(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'check', ...args, 'draft.md'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('verbatim CLI: citing PDF, subtitle and transcript sources', function () {
  let dir = '';

  before(function () {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "node esbuild.js" before the tests`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cite-'));
    const write = (relative: string, contents: string | Uint8Array): void => {
      fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      fs.writeFileSync(path.join(dir, relative), contents);
    };
    write('draft.md', DRAFT);
    write('verbatim.json', JSON.stringify({
      corpus: ['sources'],
      folders: { 'sources/wires': { source: 'Wire Service', date: '2022-01-27' }, 'sources/press': { source: 'Ministry press office' } },
    }));
    write('sources/wires/briefing.pdf', buildPdf([
      ['Kremlin briefing', '', 'Opening remarks on the weather.'],
      ['The spokesman told reporters that Moscow would', 'not take any decision on the border without', 'consulting its allies first.'],
    ], { Title: 'Kremlin briefing notes' }));
    write('sources/press/zakharova.srt', '1\n00:12:31,000 --> 00:12:33,000\nZAKHAROVA: Our patience\n\n2\n00:12:33,500 --> 00:12:36,000\nis not unlimited, and everyone should know it.\n');
    write('sources/press/interview.txt', 'Interview\n\nHOST: What comes next?\n\n[00:04:10] LIND: We will keep the embassy open for as long as it is safe.\n\nHOST: Thank you.\n');
  });

  after(function () {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds outlet, date, url, page, timestamp and speaker to JSON matches and sources', function () {
    const result = run(dir, ['--format', 'json']);
    assert.strictEqual(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout) as JsonReport;
    const quotes = report.files[0].quotes;
    const facts = quotes.map((q) => q.match && {
      status: q.status, source: q.match.source, outlet: q.match.outlet, date: q.match.date, url: q.match.url,
      page: q.match.page, timestamp: q.match.timestamp, speaker: q.match.speaker, extracted: q.match.extracted,
    });
    assert.deepStrictEqual(facts, [
      { status: 'drift', source: 'sources/wires/briefing.pdf', outlet: 'Wire Service', date: '2022-01-27', url: null, page: 2, timestamp: null, speaker: null, extracted: true },
      { status: 'verbatim', source: 'sources/press/zakharova.srt', outlet: 'Ministry press office', date: null, url: null, page: null, timestamp: '00:12:31', speaker: 'ZAKHAROVA', extracted: false },
      { status: 'verbatim', source: 'sources/press/interview.txt', outlet: 'Ministry press office', date: null, url: null, page: null, timestamp: '00:04:10', speaker: 'LIND', extracted: false },
    ]);
    assert.deepStrictEqual(quotes[0].sources.map((s) => [s.source, s.page, s.outlet]), [['sources/wires/briefing.pdf', 2, 'Wire Service']]);
  });

  it('gives a PDF match a range in the extracted text', function () {
    const report = JSON.parse(run(dir, ['--format', 'json']).stdout) as JsonReport;
    const match = report.files[0].quotes[0].match;
    assert.ok(match);
    // Extracted lines: title, blank, remarks, blank, then page 2, whose second line starts the passage.
    assert.deepStrictEqual(match.range.start, { line: 5, character: 0 });
    assert.strictEqual(match.text.replace(/\s+/g, ' '), 'not take any decision on the border without consulting its allies first');
  });

  it('cites outlet, date, page and time in the text report', function () {
    const lines = run(dir, []).stdout.split('\n');
    // A speaker the draft names ("The spokesman", "Lind promised:") may follow the citation.
    assert.ok(lines.some((l) => l.startsWith('draft.md:3:34 warning drift') && l.includes('→ Kremlin briefing notes (Wire Service, 2022-01-27, p. 2)')), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('draft.md:5:24 verbatim') && l.includes('→ zakharova.srt (Ministry press office, ZAKHAROVA at 00:12:31)')), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('draft.md:7:17 verbatim') && l.includes('→ Interview (Ministry press office, LIND at 00:04:10)')), lines.join('\n'));
  });

  it('names the citation in the SARIF related location', function () {
    const log = JSON.parse(run(dir, ['--format', 'sarif']).stdout);
    const [result] = log.runs[0].results;
    assert.strictEqual(result.relatedLocations[0].message.text, 'Source: Kremlin briefing notes (Wire Service, 27 Jan 2022, p. 2)');
    assert.deepStrictEqual(result.relatedLocations[0].physicalLocation, { artifactLocation: { uri: 'sources/wires/briefing.pdf' } });
  });

  it('warns about an unreadable PDF on stderr and checks against the rest', function () {
    fs.writeFileSync(path.join(dir, 'sources/wires/broken.pdf'), '%PDF-1.7 truncated');
    try {
      const result = run(dir, ['--format', 'json']);
      assert.match(result.stderr, /verbatim: warning: sources\/wires\/broken\.pdf: is not a readable PDF: /);
      assert.strictEqual((JSON.parse(result.stdout) as JsonReport).summary.quotes, 3);
    } finally {
      fs.rmSync(path.join(dir, 'sources/wires/broken.pdf'));
    }
  });
});
