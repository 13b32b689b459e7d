import * as assert from 'assert';
import { diffSegments, escapeHtml, parsePageMessage, reportShell, reportUpdate } from '../../src/client/reportModel';
import { quote, report } from './fixtures';

describe('quotes report model', () => {
  it('renders a diff as kept, struck (draft-only) and inserted (source-only) words', () => {
    const segments = diffSegments([
      { op: 'same', draft: 'we will', source: 'we will' },
      { op: 'changed', draft: 'never', source: 'not' },
      { op: 'same', draft: 'retreat', source: 'retreat' },
      { op: 'added', draft: 'ever', source: '' },
      { op: 'dropped', draft: '', source: 'from Kyiv' },
    ]);
    assert.deepStrictEqual(segments, [
      { kind: 'same', text: 'we will' },
      { kind: 'del', text: 'never' },
      { kind: 'ins', text: 'not' },
      { kind: 'same', text: 'retreat' },
      { kind: 'del', text: 'ever' },
      { kind: 'ins', text: 'from Kyiv' },
    ]);
  });

  it('merges neighbouring steps of one kind and skips empty text', () => {
    assert.deepStrictEqual(diffSegments([
      { op: 'same', draft: 'a', source: 'a' },
      { op: 'same', draft: 'b', source: 'b' },
      { op: 'dropped', draft: '', source: '' },
      { op: 'added', draft: 'c', source: '' },
      { op: 'changed', draft: 'd', source: 'e' },
    ]), [
      { kind: 'same', text: 'a b' },
      { kind: 'del', text: 'c d' },
      { kind: 'ins', text: 'e' },
    ]);
  });

  it('builds rows in draft order with totals, diffs only for drift', () => {
    const update = reportUpdate('drafts/piece.md', report([
      quote(8, { status: 'unsupported', source: null, score: null }),
      quote(2, { status: 'drift', score: 0.75, flags: ['negation'], speaker: 'Minister', diff: [{ op: 'changed', draft: 'never', source: 'not' }] }),
      quote(5, { diff: [{ op: 'same', draft: 'we will not retreat', source: 'we will not retreat' }] }),
    ]));
    assert.deepStrictEqual(update.totals, { verbatim: 1, drift: 1, unsupported: 1, misattributed: 0, short: 0, accepted: 0 });
    assert.strictEqual(update.totalsText, '1 verbatim, 1 drifted, 1 unsupported');
    assert.deepStrictEqual(update.rows.map((r) => [r.line, r.verdict, r.severity, r.index]), [[3, 'drift', 'error', 1], [6, 'verbatim', null, 2], [9, 'unsupported', 'warning', 0]]);
    const drift = update.rows[0];
    assert.strictEqual(drift.verdictLabel, 'Drift');
    assert.strictEqual(drift.score, '75%');
    assert.strictEqual(drift.speaker, 'Minister');
    assert.deepStrictEqual(drift.notes, ['75% similar', 'negation changed']);
    assert.deepStrictEqual(drift.diff, [{ kind: 'del', text: 'never' }, { kind: 'ins', text: 'not' }]);
    assert.deepStrictEqual(update.rows[1].diff, []);
    assert.strictEqual(update.rows[2].source, null);
    assert.strictEqual(update.rows[2].score, '');
  });

  it('gives a misattributed row its explanation, who said it, the citation and its own total', () => {
    const update = reportUpdate('piece.md', report([
      quote(1, {
        status: 'misattributed',
        source: { ...quote(1).source!, citation: 'Reuters, 27 Jan 2022, p. 4' },
        misattribution: {
          draftSpeaker: 'Lavrov', sourceSpeaker: 'Kuleba', replacement: 'Kuleba', title: 'Wire report',
          range: { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } }, message: 'in "Wire report" these words are Kuleba\'s, not Lavrov\'s',
        },
        sourceSpeakers: [{ name: 'Kuleba', fullName: 'Dmytro Kuleba', title: 'Wire report', outlet: 'Reuters', citation: 'Reuters, 27 Jan 2022, p. 4' }],
        diff: [{ op: 'changed', draft: 'never', source: 'not' }],
      }),
      quote(3),
    ]));
    assert.deepStrictEqual(update.totals, { verbatim: 1, drift: 0, unsupported: 0, misattributed: 1, short: 0, accepted: 0 });
    const [row, plain] = update.rows;
    assert.strictEqual(row.verdictLabel, 'Misattributed');
    assert.strictEqual(row.severity, 'error');
    assert.strictEqual(row.attribution, 'In "Wire report" these words are Kuleba\'s, not Lavrov\'s');
    assert.strictEqual(row.saidBy, 'Said by: Dmytro Kuleba — Reuters');
    assert.deepStrictEqual(row.source, { title: 'Wire report', text: 'we will not retreat', citation: 'Reuters, 27 Jan 2022, p. 4', url: null });
    assert.deepStrictEqual(row.diff, [{ kind: 'del', text: 'never' }, { kind: 'ins', text: 'not' }]);
    assert.deepStrictEqual([plain.attribution, plain.saidBy], [null, null]);
  });

  it('totals come from the server\'s counts, the status bar\'s, not from counting rows again', () => {
    const sent = report([quote(1, { status: 'unsupported', short: true, source: null }), quote(2)]);
    assert.deepStrictEqual(sent.counts, { verbatim: 1, drift: 0, unsupported: 0, misattributed: 0, short: 1, accepted: 0 });
    const update = reportUpdate('piece.md', { ...sent, counts: { ...sent.counts, verbatim: 7 } });
    assert.strictEqual(update.totals.verbatim, 7);
    assert.strictEqual(update.totalsText, '7 verbatim, 0 drifted, 0 unsupported, 1 short not found');
  });

  it('shows a short quote not found as such, grey and unflagged, with why', () => {
    const [row] = reportUpdate('piece.md', report([quote(4, { status: 'unsupported', short: true, source: null, score: null })])).rows;
    assert.deepStrictEqual([row.verdict, row.verdictLabel, row.severity], ['short', 'Short, not found', null]);
    assert.match(row.notes.join(' '), /exact presence only/);
  });

  it('marks an accepted rendering verbatim and says so', () => {
    const [row] = reportUpdate('piece.md', report([quote(4, { verdict: { kind: 'verbatim', severity: null, accepted: true }, diff: [{ op: 'changed', draft: 'a', source: 'b' }] })])).rows;
    assert.deepStrictEqual([row.verdict, row.severity, row.diff], ['verbatim', null, []]);
    assert.deepStrictEqual(row.notes, ['accepted rendering (verbatim.json)']);
  });

  const messageCases: [unknown, unknown][] = [
    [{ type: 'ready' }, { type: 'ready' }],
    [{ type: 'export' }, { type: 'export' }],
    [{ type: 'reveal', index: 3 }, { type: 'reveal', index: 3 }],
    [{ type: 'reveal', index: -1 }, null],
    [{ type: 'reveal', index: 1.5 }, null],
    [{ type: 'reveal', index: '2' }, null],
    [{ type: 'run', command: 'x' }, null],
    ['ready', null],
    [null, null],
  ];
  for (const [input, expected] of messageCases) {
    it(`accepts only well-formed page messages: ${JSON.stringify(input)}`, () => {
      assert.deepStrictEqual(parsePageMessage(input), expected);
    });
  }

  it('escapes every HTML-significant character', () => {
    assert.strictEqual(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  describe('page shell', () => {
    const html = reportShell({
      cspSource: 'https://webview.example',
      nonce: 'n0nce+/=',
      styleUri: 'https://webview.example/media/report.css',
      scriptUri: 'https://webview.example/media/report.js',
      title: 'Quotes <draft>',
    });

    it('sets a strict Content-Security-Policy with the nonce', () => {
      const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
      assert.strictEqual(
        csp,
        "default-src &#39;none&#39;; style-src https://webview.example; script-src &#39;nonce-n0nce+/=&#39;; img-src https://webview.example",
      );
    });

    it('loads exactly one script, carrying the nonce, and no inline script or style', () => {
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      assert.deepStrictEqual(scripts, ['<script nonce="n0nce+/=" src="https://webview.example/media/report.js">']);
      assert.ok(html.includes('<link rel="stylesheet" href="https://webview.example/media/report.css">'));
      assert.ok(!/<style\b|\sstyle=|\son\w+=/i.test(html));
    });

    it('offers the filter, the order and the export button', () => {
      assert.match(html, /<select id="filter"><option value="all">All quotes<\/option><option value="problems">Problems only<\/option><\/select>/);
      assert.match(html, /<select id="sort"><option value="line">Line<\/option><option value="verdict">Verdict<\/option><\/select>/);
      assert.match(html, /<button id="export" type="button"[^>]*>Export…<\/button>/);
    });

    it('escapes the title', () => {
      assert.ok(html.includes('<title>Quotes &lt;draft&gt;</title>'));
      assert.ok(!html.includes('<draft>'));
    });
  });
  it('gives a row its source\'s kind and what the verdict rests on', () => {
    const update = reportUpdate('piece.md', report([
      quote(0, { status: 'drift', source: { ...quote(0).source!, kind: 'primary', kindLabel: 'primary source: transcript' }, diff: [{ op: 'changed', draft: 'room', source: 'ground' }] }),
      quote(2, { source: { ...quote(2).source!, kind: 'report', kindLabel: 'report' }, basisNote: 'No primary source in the corpus; 2 of 3 reports agree' }),
    ]));
    const [primary, reported] = update.rows;
    assert.strictEqual(primary.source?.kind, 'primary source: transcript');
    assert.strictEqual(reported.source?.kind, 'report');
    assert.ok(reported.notes.includes('No primary source in the corpus; 2 of 3 reports agree'), JSON.stringify(reported.notes));
  });
});
