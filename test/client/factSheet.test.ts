// The fact-check sheet's builder (src/shared/factSheet.ts), shared by the report's "Export…" and
// the CLI: what the HTML and Markdown say for the rows the report shows.

import * as assert from 'assert';
import { factSheetHtml, factSheetMarkdown, sheetTimestamp, type FactSheet } from '../../src/shared/factSheet';
import { sheetRows } from '../../src/shared/sheetRows';
import { quote, report } from './fixtures';

function sheetOf(quotes: ReturnType<typeof quote>[]): FactSheet {
  const sent = report(quotes);
  return { generated: sheetTimestamp(new Date(Date.UTC(2026, 11, 7, 5, 40))), drafts: [{ name: 'drafts/piece.md', counts: sent.counts, rows: sheetRows(sent.quotes) }] };
}

const DRIFT = quote(2, {
  status: 'drift', flags: ['number'], score: 0.9, text: 'cost 340,000 pounds', speaker: 'Owen Hale',
  source: { uri: 'file:///s.md', title: 'County Gazette', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'cost 240,000 pounds', citation: 'Gazette, 2 Mar 2026', url: 'https://gazette.example/a?b=1&c=2' },
  diff: [{ op: 'same', draft: 'cost', source: 'cost' }, { op: 'changed', draft: '340,000', source: '240,000' }, { op: 'same', draft: 'pounds', source: 'pounds' }],
  sourceSpeakers: [{ name: 'Hale', fullName: 'Owen Hale', title: 'County Gazette', outlet: 'Gazette', citation: '', kind: 'person' }],
});

describe('fact-check sheet', function () {
  it('writes every quote with its verdict pill, diff, source, citation and link', function () {
    const html = factSheetHtml(sheetOf([DRIFT, quote(5, { status: 'unsupported', short: true, source: null, text: 'vanity project' })]));
    assert.match(html, /<h1>Fact-check sheet: drafts\/piece\.md<\/h1>/);
    assert.match(html, /Made by Verbatim on 2026-12-07 05:40 UTC\./);
    assert.match(html, /<p class="totals">0 verbatim, 1 drifted, 0 unsupported, 1 short not found<\/p>/);
    assert.match(html, /<span class="pill drift error">Drift<\/span>/);
    assert.match(html, /cost <del>340,000<\/del> <ins>240,000<\/ins> pounds/);
    assert.match(html, /<a href="https:\/\/gazette\.example\/a\?b=1&amp;c=2">County Gazette<\/a>/);
    assert.match(html, /<div class="citation">Gazette, 2 Mar 2026<\/div>/);
    assert.match(html, /Said by: Owen Hale — Gazette/);
    assert.match(html, /<span class="pill short">Short, not found<\/span>/);
  });

  it('lets the words of a right-to-left draft and source follow their own direction', function () {
    const html = factSheetHtml(sheetOf([quote(1, { text: 'אין סיבה לאופטימיות', speaker: 'הדובר', source: { ...DRIFT.source!, text: 'אין סיבה לאופטימיות' } })]));
    assert.match(html, /<q dir="auto">אין סיבה לאופטימיות<\/q><div class="speaker" dir="auto">— הדובר<\/div>/);
    assert.match(html, /<blockquote dir="auto">אין סיבה לאופטימיות<\/blockquote>/);
  });

  it('links only web addresses and escapes everything from drafts and sources', function () {
    const hostile = quote(1, {
      text: '<script>alert(1)</script>',
      source: { ...DRIFT.source!, title: '"><img src=x>', url: 'javascript:alert(1)' },
    });
    const html = factSheetHtml(sheetOf([hostile]));
    assert.doesNotMatch(html, /<script|<img|javascript:/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('writes a Markdown table whose cells hold pipes and line breaks safely', function () {
    const md = factSheetMarkdown(sheetOf([DRIFT, quote(7, { text: 'a | b\nc' })]));
    const lines = md.split('\n');
    assert.strictEqual(lines[0], '### Fact-check sheet: drafts/piece\\.md');
    assert.strictEqual(lines[2], '1 verbatim, 1 drifted, 0 unsupported (made 2026-12-07 05:40 UTC).');
    const rows = lines.filter((line) => /^\| \d/.test(line));
    assert.strictEqual(rows.length, 2);
    assert.match(rows[0], /^\| 3 \| \*\*Drift\*\* \(error\) \| “cost 340,000 pounds” — Owen Hale \| cost ~~340,000~~ \*\*240,000\*\* pounds<br>_90% similar · number changed_<br>Said by: Owen Hale — Gazette \| \[County Gazette\]\(<https:\/\/gazette\.example\/a\?b=1&c=2>\) \(Gazette, 2 Mar 2026\) \|$/);
    assert.match(rows[1], /“a \\\| b c”/);
  });

  it('says so for a draft without quotations', function () {
    assert.match(factSheetHtml(sheetOf([])), /No quotations in this draft\./);
    assert.match(factSheetMarkdown(sheetOf([])), /No quotations in this draft\./);
  });
});
