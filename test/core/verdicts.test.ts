// The one summary of a draft's verdicts that every view reads: which verdict a result gets, its
// severity under the writer's settings, and the counts and words the status bar, the report and
// the CLI all show.

import * as assert from 'assert';
import type { ChangeFlag, QuoteResult, QuoteStatus } from '../../src/core/types';
import {
  addCounts, countsInWords, DEFAULT_SEVERITY_POLICY, problemCount, quoteVerdict, summarizeVerdicts, VERDICT_LABELS, VERDICT_ORDER,
  type SeverityPolicy,
} from '../../src/core/verdicts';

/** A result with just what a verdict depends on. */
function result(status: QuoteStatus, options: { short?: boolean; flags?: ChangeFlag[]; text?: string } = {}): QuoteResult {
  const text = options.text ?? 'words';
  return {
    quote: { inner: { start: 1, end: 1 + text.length }, outer: { start: 0, end: text.length + 2 }, text, parts: [], closed: true, speaker: null },
    status,
    short: options.short ?? false,
    match: null,
    sources: [],
    variants: [],
    flags: options.flags ?? [],
  };
}

describe('verdict summary', function () {
  const cases: { name: string; result: QuoteResult; accepted?: boolean; expected: [string, string | null, boolean] }[] = [
    { name: 'verbatim, never a problem', result: result('verbatim'), expected: ['verbatim', null, false] },
    { name: 'a short quote found, verbatim like any other', result: result('verbatim', { short: true }), expected: ['verbatim', null, false] },
    { name: 'plain drift, a warning', result: result('drift'), expected: ['drift', 'warning', false] },
    { name: 'drift that changes a number, an error', result: result('drift', { flags: ['number'] }), expected: ['drift', 'error', false] },
    { name: 'drift that changes a negation, an error', result: result('drift', { flags: ['negation'] }), expected: ['drift', 'error', false] },
    { name: 'unsupported, a warning', result: result('unsupported'), expected: ['unsupported', 'warning', false] },
    { name: 'a short quote not found, shown as short and never flagged', result: result('unsupported', { short: true }), expected: ['short', null, false] },
    { name: 'misattributed, an error', result: result('misattributed'), expected: ['misattributed', 'error', false] },
    { name: 'an accepted drift, verbatim', result: result('drift', { flags: ['number'] }), accepted: true, expected: ['verbatim', null, true] },
    { name: 'an accepted unsupported quote, verbatim', result: result('unsupported'), accepted: true, expected: ['verbatim', null, true] },
    { name: 'an accepted wording that is misattributed, still misattributed', result: result('misattributed'), accepted: true, expected: ['misattributed', 'error', false] },
  ];
  for (const c of cases) {
    it(`gives ${c.name}`, function () {
      const verdict = quoteVerdict(c.result, c.accepted ?? false);
      assert.deepStrictEqual([verdict.kind, verdict.severity, verdict.accepted], c.expected);
    });
  }

  it('marks each kind of problem with the severity the writer chose', function () {
    const policy: SeverityPolicy = { drift: 'information', unsupported: 'hint', critical: 'warning', misattributed: 'warning' };
    assert.deepStrictEqual(
      [result('drift'), result('drift', { flags: ['name'] }), result('unsupported'), result('misattributed'), result('unsupported', { short: true })]
        .map((r) => quoteVerdict(r, false, policy).severity),
      ['information', 'warning', 'hint', 'warning', null],
    );
  });

  it('counts a draft once: accepted renderings as verbatim, short quotes not found as short', function () {
    const results = [
      result('verbatim'), result('drift', { text: 'accepted' }), result('drift'), result('drift', { flags: ['number'] }),
      result('unsupported'), result('unsupported', { short: true }), result('misattributed'),
    ];
    const summary = summarizeVerdicts(results, (r) => r.quote.text === 'accepted');
    assert.deepStrictEqual(summary.counts, { verbatim: 2, drift: 2, unsupported: 1, misattributed: 1, short: 1, accepted: 1 });
    assert.deepStrictEqual(summary.verdicts.map((v) => v.kind), ['verbatim', 'verbatim', 'drift', 'drift', 'unsupported', 'short', 'misattributed']);
    assert.strictEqual(problemCount(summary.counts), 4);
    // Every problem has a mark, and nothing without one is counted as a problem.
    assert.strictEqual(summary.verdicts.filter((v) => v.severity !== null).length, problemCount(summary.counts));
  });

  it('never asks whether a verbatim quote is accepted', function () {
    const asked: string[] = [];
    summarizeVerdicts([result('verbatim', { text: 'a' }), result('drift', { text: 'b' })], (r) => { asked.push(r.quote.text); return true; });
    assert.deepStrictEqual(asked, ['b']);
  });

  it('says the counts in the same words everywhere, naming the rare kinds only when there are some', function () {
    assert.strictEqual(countsInWords({ verbatim: 9, drift: 3, unsupported: 1, misattributed: 0, short: 1, accepted: 0 }), '9 verbatim, 3 drifted, 1 unsupported, 1 short not found');
    assert.strictEqual(countsInWords({ verbatim: 2, drift: 0, unsupported: 0, misattributed: 1, short: 0, accepted: 1 }), '2 verbatim (1 accepted), 0 drifted, 0 unsupported, 1 misattributed');
    // An older server sends no misattributed, short or accepted counts.
    assert.strictEqual(countsInWords({ verbatim: 1, drift: 2, unsupported: 3 }), '1 verbatim, 2 drifted, 3 unsupported');
  });

  it('adds up drafts, a missing count as zero', function () {
    assert.deepStrictEqual(
      addCounts([{ verbatim: 1, drift: 2, unsupported: 0, misattributed: 1, short: 1, accepted: 0 }, { verbatim: 3, drift: 0, unsupported: 2 }]),
      { verbatim: 4, drift: 2, unsupported: 2, misattributed: 1, short: 1, accepted: 0 },
    );
  });

  it('orders and labels every kind', function () {
    assert.deepStrictEqual(VERDICT_ORDER, ['misattributed', 'drift', 'unsupported', 'short', 'verbatim']);
    assert.deepStrictEqual(Object.keys(VERDICT_LABELS).sort(), [...VERDICT_ORDER].sort());
    assert.strictEqual(DEFAULT_SEVERITY_POLICY.critical, 'error');
  });
});
