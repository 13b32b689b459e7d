// Runs media/report.js, the script of the quotes report page, in a Node vm over a small fake
// DOM, and checks what it renders from the extension's messages and what it posts back.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { reportUpdate } from '../../src/client/reportModel';
import { FakeElement, runReportScript } from './fakeDom';
import { quote, report } from './fixtures';

const SCRIPT = path.resolve(__dirname, '../../../media/report.js');

describe('quotes report page script', () => {
  it('never builds markup from strings', () => {
    const source = fs.readFileSync(SCRIPT, 'utf8');
    assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
  });

  it('announces itself to the extension when loaded', () => {
    assert.deepStrictEqual(runReportScript(SCRIPT).posted, [{ type: 'ready' }]);
  });

  it('renders one row per quote with status, quote, source and diff', () => {
    const page = runReportScript(SCRIPT);
    page.send(reportUpdate('drafts/piece.md', report([
      quote(4, { status: 'drift', score: 0.8, flags: ['number'], speaker: 'Hale', diff: [
        { op: 'same', draft: 'cost', source: 'cost' },
        { op: 'changed', draft: '340,000', source: '240,000' },
      ] }),
      quote(9, { status: 'unsupported', source: null, score: null }),
    ])));
    const { title, totals, quotes, empty, tbody } = page.elements;
    assert.strictEqual(title.textContent, 'Quotes: drafts/piece.md');
    assert.strictEqual(totals.textContent, '0 verbatim, 1 drifted, 1 unsupported');
    assert.deepStrictEqual([quotes.hidden, empty.hidden], [false, true]);
    const rows = tbody.all('tr');
    assert.strictEqual(rows.length, 2);
    const cells = rows[0].all('td').map((c) => c.textContent);
    assert.deepStrictEqual(cells.slice(0, 3), ['5', 'Drift', 'we will not retreat— Hale']);
    // The pill has the severity of the quote's diagnostic: a changed number is an error.
    assert.strictEqual(rows[0].all('span')[0].className, 'badge drift error');
    assert.strictEqual(rows[1].all('span')[0].className, 'badge unsupported warning');
    assert.ok(cells[3].includes('Wire report'));
    assert.deepStrictEqual(rows[0].all('del').map((e) => e.textContent), ['340,000']);
    assert.deepStrictEqual(rows[0].all('ins').map((e) => e.textContent), ['240,000']);
    assert.ok(cells[4].endsWith('80% similar · number changed'), cells[4]);
    assert.ok(rows[1].all('td')[3].textContent.includes('No source comes close'));
  });

  it('shows a misattributed quote with its own badge, the explanation, who said it and the citation', () => {
    const page = runReportScript(SCRIPT);
    page.send(reportUpdate('piece.md', report([
      quote(2, {
        status: 'misattributed',
        source: { ...quote(2).source!, citation: 'Reuters, p. 4' },
        misattribution: {
          draftSpeaker: 'Lavrov', sourceSpeaker: 'Kuleba', replacement: 'Kuleba', title: 'Wire report',
          range: { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } }, message: 'in "Wire report" these words are Kuleba\'s, not Lavrov\'s',
        },
        sourceSpeakers: [{ name: 'Kuleba', fullName: 'Dmytro Kuleba', title: 'Wire report', outlet: 'Reuters', citation: 'Reuters, p. 4' }],
      }),
      quote(5),
    ])));
    const { totals, tbody } = page.elements;
    assert.strictEqual(totals.textContent, '1 verbatim, 0 drifted, 0 unsupported, 1 misattributed');
    const row = tbody.all('tr')[0];
    assert.strictEqual(row.className, 'row misattributed');
    const cells = row.all('td').map((c) => c.textContent);
    assert.strictEqual(cells[1], 'Misattributed');
    assert.strictEqual(cells[3], 'Wire reportReuters, p. 4we will not retreat');
    assert.strictEqual(cells[4], 'In "Wire report" these words are Kuleba\'s, not Lavrov\'sSaid by: Dmytro Kuleba — Reuters');
  });

  it('gives the similarity for drift only', () => {
    const page = runReportScript(SCRIPT);
    page.send(reportUpdate('piece.md', report([quote(0, { score: 1 }), quote(1, { status: 'drift', score: 0.7 })])));
    const notes = page.elements.tbody.all('tr').map((r) => r.all('td')[4].textContent);
    assert.deepStrictEqual(notes, ['', '70% similar']);
  });

  it('keeps hostile quote text as text', () => {
    const page = runReportScript(SCRIPT);
    const hostile = '<img src=x onerror=alert(1)>';
    page.send(reportUpdate('piece.md', report([quote(0, { text: hostile })])));
    const q = page.elements.tbody.all('q')[0];
    assert.strictEqual(q.textContent, hostile);
  });

  it('lets Arabic and Hebrew words read right to left in the quote, speaker, source and diff', () => {
    const page = runReportScript(SCRIPT);
    page.send(reportUpdate('piece.md', report([quote(3, {
      status: 'drift', score: 0.9, text: 'أن ٥٠ دبلوماسيا ما زالوا', speaker: 'المتحدث',
      source: { ...quote(3).source!, text: 'أن ٤٠ دبلوماسيا ما زالوا' },
      diff: [{ op: 'same', draft: 'أن', source: 'أن' }, { op: 'changed', draft: '٥٠', source: '٤٠' }],
    })])));
    const row = page.elements.tbody.all('tr')[0];
    const withWords = row.all('q').concat(row.all('div').filter((d) => ['speaker', 'source-text', 'words'].includes(d.className)));
    assert.deepStrictEqual(withWords.map((e) => [e.className || e.tagName, e.dir]), [['q', 'auto'], ['speaker', 'auto'], ['source-text', 'auto'], ['words', 'auto']]);
    // The diff keeps its order in the text: the browser lays it out right to left.
    const words = row.all('div').find((d) => d.className === 'words')!;
    assert.deepStrictEqual(words.all('del').map((e) => e.textContent), ['٥٠']);
    assert.strictEqual(words.textContent, 'أن ٥٠ ٤٠');
  });

  it('posts the row index when a cell of a row is clicked', () => {
    const page = runReportScript(SCRIPT);
    page.send(reportUpdate('piece.md', report([quote(7), quote(2)])));
    const rows = page.elements.tbody.all('tr');
    page.click(rows[0].all('td')[2] as FakeElement);
    // Rows are in draft order, so the first row is the quote at index 1 (line 3).
    assert.deepStrictEqual(page.posted.slice(1), [{ type: 'reveal', index: 1 }]);
  });

  it('shows a notice instead of the table', () => {
    const page = runReportScript(SCRIPT);
    page.send(reportUpdate('piece.md', report([quote(0)])));
    page.send({ type: 'notice', text: 'Open a Markdown or plain-text draft to see its quotes.' });
    const { quotes, empty, tbody } = page.elements;
    assert.deepStrictEqual([quotes.hidden, empty.hidden, tbody.children.length], [true, false, 0]);
    assert.strictEqual(empty.textContent, 'Open a Markdown or plain-text draft to see its quotes.');
  });

  it('says so when the draft has no quotations', () => {
    const page = runReportScript(SCRIPT);
    page.send(reportUpdate('piece.md', report([])));
    assert.deepStrictEqual([page.elements.quotes.hidden, page.elements.empty.hidden], [true, false]);
    assert.strictEqual(page.elements.empty.textContent, 'No quotations in this draft.');
  });

  const mixed = () => report([
    quote(1),
    quote(3, { status: 'unsupported', short: true, source: null, score: null, text: 'scare' }),
    quote(5, { status: 'unsupported', source: null, score: null, text: 'missing' }),
    quote(7, { status: 'drift', score: 0.8, text: 'drifted', diff: [{ op: 'changed', draft: 'a', source: 'b' }] }),
  ]);
  const lines = (page: ReturnType<typeof runReportScript>) => page.elements.tbody.all('tr').map((r) => r.all('td')[0].textContent);

  it('shows only the problems when asked, and says so when there are none', () => {
    const page = runReportScript(SCRIPT);
    page.send(reportUpdate('piece.md', mixed()));
    assert.deepStrictEqual(lines(page), ['2', '4', '6', '8']);
    page.choose(page.elements.filter, 'problems');
    // The short scare quote and the verbatim quote are not problems.
    assert.deepStrictEqual(lines(page), ['6', '8']);
    page.send(reportUpdate('piece.md', report([quote(1)])));
    assert.deepStrictEqual([page.elements.quotes.hidden, page.elements.filtered.hidden, page.elements.empty.hidden], [true, false, true]);
  });

  it('sorts by verdict, worst first, and back by line', () => {
    const page = runReportScript(SCRIPT);
    page.send(reportUpdate('piece.md', mixed()));
    page.choose(page.elements.sort, 'verdict');
    assert.deepStrictEqual(lines(page), ['8', '6', '4', '2']);
    page.choose(page.elements.sort, 'line');
    assert.deepStrictEqual(lines(page), ['2', '4', '6', '8']);
  });

  it('keeps the filter and the order when the panel is shown again', () => {
    const first = runReportScript(SCRIPT);
    first.choose(first.elements.filter, 'problems');
    first.choose(first.elements.sort, 'verdict');
    const again = runReportScript(SCRIPT, first.state());
    again.send(reportUpdate('piece.md', mixed()));
    assert.deepStrictEqual([again.elements.filter.value, again.elements.sort.value], ['problems', 'verdict']);
    assert.deepStrictEqual(lines(again), ['8', '6']);
  });

  it('asks the extension to export the sheet', () => {
    const page = runReportScript(SCRIPT);
    page.send(reportUpdate('piece.md', mixed()));
    page.press(page.elements.export);
    assert.deepStrictEqual(page.posted.slice(1), [{ type: 'export' }]);
  });

  it('ignores malformed messages', () => {
    const page = runReportScript(SCRIPT);
    page.send(null);
    page.send('update');
    page.send({ type: 'unknown' });
    assert.strictEqual(page.elements.tbody.children.length, 0);
  });
});
