// Primary sources first: each source's kind (front matter, folder default, format, byline), and
// the verdict resting on a transcript or statement that covers the passage, on the fixtures in
// test/fixtures/primary (a briefing as subtitles and as a speaker-turn transcript, a press
// statement, and three reports that quote them, some faithfully and some in their own words).

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Checker, CorpusIndex } from '../../src/core/checker';
import { openCorpus } from '../../src/core/cache/openCorpus';
import { parseConfig } from '../../src/core/config';
import { loadCorpus } from '../../src/core/corpus/loadCorpus';
import type { Candidate } from '../../src/core/match/matchQuote';
import { choosePrimary, PRIMARY_COVER, PRIMARY_COVER_WORDS, SPOKEN_COVER, SPOKEN_COVER_WORDS } from '../../src/core/match/primaryRule';
import { basisNote, rankSources } from '../../src/core/primarySources';
import type { Corpus, QuoteResult } from '../../src/core/types';
import { quoteVerdict } from '../../src/core/verdicts';
import { quoteDiagnostics, renderings } from '../../src/server/diagnostics';
import { diagnosticContext } from '../server/quoteResults';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/primary');
const SOURCES = path.join(FIXTURES, 'sources');

function draft(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, 'drafts', name), 'utf8');
}

function only(checker: Checker, text: string): QuoteResult {
  const results = checker.checkText(text, 'markdown');
  assert.strictEqual(results.length, 1, `one quote in ${JSON.stringify(text)}`);
  return results[0];
}

function titleOf(file: string): string {
  return path.relative(SOURCES, file);
}

describe('primary sources first', function () {
  let corpus: Corpus;
  let index: CorpusIndex;
  let checker: Checker;
  let plain: Checker;

  before(async function () {
    corpus = await loadCorpus([SOURCES]);
    index = CorpusIndex.build(corpus);
    checker = new Checker(index);
    plain = new Checker(index, { preferPrimarySources: false });
  });

  it('reads each source kind from front matter, the format, and the byline', function () {
    const kinds = Object.fromEntries(corpus.documents.map((doc) => [titleOf(doc.path), doc.meta.kind]));
    assert.deepStrictEqual(kinds, {
      'harbor-bridge-briefing.txt': 'primary', // speaker turns
      'harbor-bridge-briefing.vtt': 'primary', // subtitles
      'harbor-bridge-statement.md': 'primary', // kind: primary in front matter
      'reports/coastal-wire.html': 'report', // <meta name="author">
      'reports/harbor-post.txt': 'report', // "By Lena Fischer" byline
      'reports/portmere-daily.md': 'report', // author in front matter
    });
  });

  it('keeps each kind and the verdicts through the on-disk cache', async function () {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-primary-cache-'));
    try {
      const first = await openCorpus([SOURCES], { cacheDir });
      await first.cacheSaved;
      const second = await openCorpus([SOURCES], { cacheDir });
      assert.deepStrictEqual([second.stats.filesRead, second.stats.fromCache], [0, true]);
      const kinds = (opened: typeof first) => opened.corpus.documents.map((doc) => [titleOf(doc.path), doc.meta.kind]);
      assert.deepStrictEqual(kinds(second), kinds(first));
      const restored = only(new Checker(second.index), draft('copies-report.md'));
      assert.deepStrictEqual([restored.status, restored.basis, restored.match?.document.meta.kind], ['drift', 'primary', 'primary']);
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('lets a folder default decide over the format, and front matter over the folder', async function () {
    const config = parseConfig({ corpus: ['sources'], folders: { sources: { kind: 'report' } } }, FIXTURES, null);
    const folderMeta = { [SOURCES]: config.folders.sources };
    const loaded = await loadCorpus([SOURCES], { folderMeta });
    const kinds = Object.fromEntries(loaded.documents.map((doc) => [titleOf(doc.path), doc.meta.kind]));
    assert.strictEqual(kinds['harbor-bridge-briefing.vtt'], 'report');
    assert.strictEqual(kinds['harbor-bridge-statement.md'], 'primary');
  });

  it('refuses a folder kind that is not one of the three, naming them', function () {
    assert.throws(() => parseConfig({ folders: { sources: { kind: 'transcript' } } }, FIXTURES, null), /"kind" must be one of "primary", "report", "unknown", not "transcript"/);
  });

  it('makes a quote copied from a report drift when the transcript words it otherwise', function () {
    const text = draft('copies-report.md');
    const result = only(checker, text);
    assert.strictEqual(result.status, 'drift');
    assert.strictEqual(result.basis, 'primary');
    assert.strictEqual(result.match?.document.meta.kind, 'primary');
    const diagnostics = quoteDiagnostics([result], diagnosticContext(text));
    assert.deepStrictEqual(diagnostics.map((d) => d.message), ['Drift: the transcript says "ground", not "room"; 2 reports say "room"']);
    // The first fix offers the primary source's wording.
    // The reports' rendering is the draft's own, so it is the only fix.
    const fixes = renderings(result, text);
    assert.deepStrictEqual(fixes.map((fix) => fix.text), ['little ground for optimism about the bridge reopening before spring']);
    assert.match(fixes[0].label ?? '', /, primary source$/);
    // Related information points at the primary sources first, marked, then at the reports.
    const related = diagnostics[0].relatedInformation?.map((info) => info.message) ?? [];
    assert.deepStrictEqual(related.map((m) => m.includes('(primary source)')), [true, true, false, false, false], related.join(' | '));
    assert.match(related[3], /^(Mayor: no quick fix|Bridge closure)/);
  });

  it('names subtitles and statements for what they are', function () {
    const text = draft('statement-number.md');
    const result = only(checker, text);
    const messages = quoteDiagnostics([result], diagnosticContext(text)).map((d) => d.message);
    assert.deepStrictEqual(messages, ['Changed number: the statement says "12", not "15"; 1 report says "15"']);
    assert.strictEqual(quoteVerdict(result, false).severity, 'error');
  });

  it('keeps a quote that matches the primary verbatim, with the reports\' renderings as variants', function () {
    const text = draft('copies-primary.md');
    const result = only(checker, text);
    assert.strictEqual(result.status, 'verbatim');
    assert.strictEqual(result.basis, 'primary');
    assert.strictEqual(result.sources[0].document.meta.kind, 'primary');
    assert.deepStrictEqual(result.variants.map((v) => v.text), ['little room for optimism about the bridge reopening before spring']);
    assert.deepStrictEqual(quoteDiagnostics([result], diagnosticContext(text)), []);
  });

  it('rests drift from both on the primary source', function () {
    const text = draft('drifts-both.md');
    const result = only(checker, text);
    assert.strictEqual(result.status, 'drift');
    assert.strictEqual(result.match?.document.meta.kind, 'primary');
    assert.deepStrictEqual(quoteDiagnostics([result], diagnosticContext(text)).map((d) => d.message), ['Drift: the transcript says "ground", not "reason"']);
    // The transcript's wording is the first fix, the reports' own rendering the second.
    const fixes = renderings(result, text);
    assert.deepStrictEqual(fixes.map((fix) => [fix.text.split(' ')[1], /primary source$/.test(fix.label ?? '')]), [['ground', true], ['room', false]]);
  });

  it('rests on the reports when no primary source has the passage, and says so', function () {
    const result = only(checker, draft('reports-only.md'));
    assert.strictEqual(result.status, 'verbatim');
    assert.strictEqual(result.basis, 'reports');
    assert.strictEqual(basisNote(result), 'No primary source in the corpus; 2 of 3 reports agree');
  });

  it('does the old thing with the rule off', function () {
    const result = only(plain, draft('copies-report.md'));
    assert.strictEqual(result.status, 'verbatim');
    assert.strictEqual(result.basis, undefined);
    assert.strictEqual(result.match?.document.meta.kind, 'report');
  });

  it('lets a primary source that shares only a few words leave a report\'s verbatim quote alone', function () {
    // The transcript has "I will not guess at a figure today"; a report quotes an engineer's
    // "I will not guess at a date for the reopening". The draft quoting the engineer stays verbatim.
    const result = only(checker, draft('shares-words-with-primary.md'));
    assert.strictEqual(result.status, 'verbatim');
    assert.strictEqual(result.basis, 'reports');
    assert.strictEqual(result.match?.document.meta.kind, 'report');
  });

  describe('when a primary passage covers the quote', function () {
    const candidate = (doc: number, score: number, verbatim = false): Candidate => ({
      doc, score, verbatim, wording: `w${doc}`, alignment: { steps: [], start: doc * 100, end: doc * 100 + 8, score: score * 16 },
    });
    // Document 0 is a report, documents 1 and 2 are primary sources.
    const primary = (doc: number) => doc > 0;

    it('settles on a primary passage word for word with the quote', function () {
      const choice = choosePrimary([[candidate(0, 1, true)], [candidate(1, 1, true)]], primary, 8);
      assert.deepStrictEqual([choice.basis, choice.groups[0][0].doc], ['primary', 1]);
    });

    it('rests on a close primary passage over a report word for word', function () {
      const choice = choosePrimary([[candidate(0, 1, true)], [candidate(2, 0.7)], [candidate(1, PRIMARY_COVER)]], primary, 8);
      assert.deepStrictEqual([choice.basis, choice.groups[0][0].doc, choice.groups.length], ['primary', 1, 3]);
    });

    it('leaves the reports to decide when the primary passage is only loosely alike', function () {
      const choice = choosePrimary([[candidate(0, 1, true)], [candidate(1, PRIMARY_COVER - 0.01)]], primary, 8);
      assert.deepStrictEqual([choice.basis, choice.groups[0][0].doc], ['reports', 0]);
    });

    it('leaves a four-word quote to the speakers, and a shorter one to the reports', function () {
      const four = choosePrimary([[candidate(0, 1, true)], [candidate(1, SPOKEN_COVER)]], primary, PRIMARY_COVER_WORDS - 1);
      assert.strictEqual(four.basis, 'reports');
      assert.strictEqual(four.spoken?.[0][0].doc, 1);
      const three = choosePrimary([[candidate(0, 1, true)], [candidate(1, 0.95)]], primary, SPOKEN_COVER_WORDS - 1);
      assert.deepStrictEqual([three.basis, three.spoken], ['reports', undefined]);
    });

    it('puts primary passages first within a wording', function () {
      const choice = choosePrimary([[candidate(0, 1, true), candidate(1, 1, true)]], primary, 8);
      assert.deepStrictEqual(choice.groups[0].map((c) => c.doc), [1, 0]);
    });
  });

  it('rests a four-word quote on the transcript when its turn is the speaker\'s the draft credits', function () {
    const text = draft('short-copies-report.md');
    const result = only(checker, text);
    assert.deepStrictEqual([result.status, result.basis], ['drift', 'primary']);
    assert.deepStrictEqual(quoteDiagnostics([result], diagnosticContext(text)).map((d) => d.message), ['Drift: the transcript says "ground", not "room"; 2 reports say "room"']);
  });

  it('leaves a four-word quote of someone else alone, however close a transcript line', function () {
    // The union leader's "The ferries will stop" in a report; the mayor's turn "The ferries will run every twenty minutes".
    const result = only(checker, draft('short-other-speaker.md'));
    assert.deepStrictEqual([result.status, result.basis, result.match?.document.meta.kind], ['verbatim', 'reports', 'report']);
  });

  it('credits the transcript\'s speaker over a report that names someone else', function () {
    const result = only(checker, draft('follows-report-speaker.md'));
    assert.strictEqual(result.status, 'misattributed');
    assert.strictEqual(result.misattribution?.source.name, 'Elena Marsh');
    assert.strictEqual(result.misattribution?.source.own, true);
    // With the rule off, the report that agrees with the draft clears it, as before.
    assert.strictEqual(only(plain, draft('follows-report-speaker.md')).status, 'verbatim');
    // The draft that credits the mayor is verbatim, whatever the report says.
    assert.strictEqual(only(checker, draft('all-verbatim.md')).status, 'verbatim');
  });

  it('lists primary sources first, then the reports that agree most', function () {
    const result = only(checker, draft('copies-report.md'));
    const listed = rankSources([...result.variants.flatMap((v) => v.matches), ...result.sources]);
    const kinds = listed.map((m) => m.document.meta.kind);
    assert.deepStrictEqual(kinds, ['primary', 'primary', 'report', 'report', 'report']);
    // The reports that have the draft's exact words agree most, so they come before the one that does not.
    assert.deepStrictEqual(listed.slice(2).map((m) => m.score === 1), [true, true, false]);
  });
});
