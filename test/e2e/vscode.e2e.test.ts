// End-to-end: the packed extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3),
// driven through headless Chromium the way a writer uses it. Needs `npm run e2e:install`.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { copyFixture, repoRoot, screenshotDir } from './e2eTools';
import type { Page } from './playwrightLoader';
import { useWorkbench } from './workbenchSession';
import {
  activeTabLabel, applyQuickFix, clickHoverLink, closeTab, dismissHover, DomElement, FrameLocator, horizontalOverlap, hoverStatusItem, hoverText,
  moveMouseAway, openFolder, openFromExplorer, overlaps, quickPickRow, readProblems, runCommand, sectionRows, setSection,
  squiggleBoxes, TIMEOUT_MS, viewRows, waitForCursor, waitForLine, waitForQuickInput, webviewFrame, wordBox,
} from './workbench';

const SOURCE_TITLE = /Coastal Herald/;
const DRIFT_MESSAGE = /Drift: sources say "ground", not "room"/;
const MISATTRIBUTED_MESSAGE = /Misattributed: in "Evening Wire: dock strike enters second week" these words are Varga's, not Ellison's/;
const PDF_TAB = 'annual-report.pdf (extracted text)';
const REPORT_TAB = 'Quotes: draft.md';
const STATUS_COUNTS = /✓ 2\s+~ 1\s+✗ 1\s+⚠ 1/;
/** Data that reached the report page without being rendered: JSON, or a value that never became text. */
const RAW_DATA = /[{}]|"\w+"\s*:|\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/;

/** The draft's quotes top to bottom: line, the report's status label, and how the quote begins. */
const REPORT_ROWS: [string, string, RegExp][] = [
  ['5', 'Drift', /^little room for optimism$/],
  ['7', 'Verbatim', /^We will not unload a single ship/],
  ['9', 'Unsupported', /^closer than ever to a lasting settlement$/],
  ['11', 'Verbatim', /^the northern terminal cannot handle/],
  ['13', 'Misattributed', /^Freight will always find another way round a closed port/],
  ['15', 'Short, not found', /^harbour holiday$/],
];

/** The counts every view gives the fixture draft, in words (the scare quote is short, not unsupported). */
const COUNTS_IN_WORDS = '2 verbatim, 1 drifted, 1 unsupported, 1 misattributed, 1 short not found';

/** The Quotes view's rows: groups worst first, each followed by its quotes in draft order. */
const VIEW_ROWS = [
  /^Misattributed \(1\)$/, /Freight will always find.*line 13.*said by Ines Varga, not Ellison/,
  /^Drift \(1\)$/, /little room for optimism.*line 5.*Coastal Herald/,
  /^Unsupported \(1\)$/, /closer than ever.*line 9.*no source/,
  /^Short, not found \(1\)$/, /harbour holiday.*line 15.*no source/,
  /^Verbatim \(2\)$/, /We will not unload.*line 7/, /the northern terminal.*line 11.*Larkmouth Harbour Board/,
];

// The report page's style, read in the browser by reportRows.
declare function getComputedStyle(element: DomElement): { textDecorationLine: string };

/** Waits until the report page (media/report.js) shows its table, and returns its rows top to bottom as the writer reads them. */
async function reportRows(report: FrameLocator) {
  await report.locator('#quotes tbody tr.row').first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  // One read of the whole table: the page renders all rows at once, so no row is half drawn.
  return report.locator('#quotes tbody').evaluate((body) => Array.from(body.querySelectorAll('tr.row')).map((row) => {
    const texts = (selector: string) => Array.from(row.querySelectorAll(selector)).map((cell) => cell.innerText.trim());
    return {
      line: texts('td.line').join(''),
      status: texts('td.status .badge').join(''),
      // The pill's classes: the verdict and the severity Problems gives the quote.
      badge: Array.from(row.querySelectorAll('td.status .badge')).map((badge) => badge.className).join(''),
      quote: texts('td.quote q').join(''),
      // The source's title, or the report's words for having none.
      source: texts('td.source .source-title, td.source .none').join(''),
      struck: texts('td.diff del'),
      inserted: texts('td.diff ins'),
      // Drawn struck through by the page's style, not merely tagged <del>.
      struckDrawn: Array.from(row.querySelectorAll('td.diff del')).every((del) => getComputedStyle(del).textDecorationLine.includes('line-through')),
      diff: texts('td.diff').join(''),
    };
  }));
}

/** What the status bar shows when `quote` is selected in the fixture draft: "Ln 5, Col 66 (24 selected)". */
function selectionOf(quote: string): string {
  const draft = fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'e2e-workspace', 'draft.md'), 'utf8');
  const at = draft.indexOf(quote);
  assert.ok(at >= 0, `the fixture draft quotes "${quote}"`);
  const before = draft.slice(0, at).split('\n');
  // The selection's active end is after the quote, so the column shown is the one after its last character.
  return `Ln ${before.length}, Col ${before[before.length - 1].length + quote.length + 1} (${quote.length} selected)`;
}

describe('VS Code (code-server) end to end', function () {
  this.timeout(TIMEOUT_MS * 3);
  let page: Page;
  let screenshots = '';
  /** The status bar tooltip's counts in words, read when the status bar is checked. */
  let statusBarWords = '';
  useWorkbench({
    suite: 'VS Code end-to-end tests',
    name: 'vscode',
    open: async (opened) => {
      page = opened.page;
      screenshots = screenshotDir();
      const workspace = copyFixture(path.join(repoRoot(), 'test', 'fixtures', 'e2e-workspace'), opened.temp);
      await openFolder(page, opened.server.url, workspace);
      await openFromExplorer(page, 'draft.md', 'Harbour talks stall');
    },
  });

  it('underlines exactly the drifted word, not its neighbours or verbatim quotes', async function () {
    const squiggles = await squiggleBoxes(page, 'warning');
    const [room, little, optimism, unload] = await Promise.all(['room', 'little', 'optimism', 'unload'].map((word) => wordBox(page, word)));
    assert.ok(room && little && optimism && unload, 'the draft text is on screen');
    const onRoom = squiggles.filter((box) => overlaps(box, room));
    assert.strictEqual(onRoom.length, 1, `one squiggle on "room"; squiggles at ${JSON.stringify(squiggles)}, "room" at ${JSON.stringify(room)}`);
    // A pixel of slack: squiggles are drawn from whole device pixels.
    assert.ok(horizontalOverlap(onRoom[0], little) < 1, `the squiggle ${JSON.stringify(onRoom[0])} does not reach "little" ${JSON.stringify(little)}`);
    assert.ok(horizontalOverlap(onRoom[0], optimism) < 1, `the squiggle ${JSON.stringify(onRoom[0])} does not reach "optimism" ${JSON.stringify(optimism)}`);
    assert.ok(!squiggles.some((box) => overlaps(box, unload)), 'the verbatim quote is not underlined');
  });

  it('shows the source title and its wording when hovering the drift', async function () {
    const room = await wordBox(page, 'room');
    assert.ok(room);
    const text = await hoverText(page, room, [SOURCE_TITLE, /ground/]);
    assert.match(text, /ground/);
    await page.screenshot({ path: path.join(screenshots, 'drift-hover.png') });
    await dismissHover(page);
  });

  it('lists the drift with the source wording, and the unsupported quote, in Problems', async function () {
    const rows = await readProblems(page, DRIFT_MESSAGE);
    assert.ok(rows.some((row) => DRIFT_MESSAGE.test(row)), `Problems rows: ${JSON.stringify(rows)}`);
    assert.ok(rows.some((row) => /Unsupported/.test(row)), `the unsupported quote is listed: ${JSON.stringify(rows)}`);
    assert.ok(!rows.some((row) => /unload a single ship/.test(row)), `the verbatim quote is not a problem: ${JSON.stringify(rows)}`);
    await page.screenshot({ path: path.join(screenshots, 'problems.png') });
  });

  it('lists the misattributed quote as an error on the speaker in Problems', async function () {
    const rows = await readProblems(page, MISATTRIBUTED_MESSAGE);
    const row = rows.find((text) => MISATTRIBUTED_MESSAGE.test(text));
    assert.ok(row, `Problems rows: ${JSON.stringify(rows)}`);
    // The row ends with the position of the speaker's name: line 13, column 61.
    assert.match(row, /Ln 13, Col 61/);
    const squiggles = await squiggleBoxes(page, 'error');
    // The second "Ellison" of the draft, the one before "said" (Monaco draws spaces as no-break spaces).
    const ellison = await wordBox(page, 'Ellison(?=\\ssaid)');
    assert.ok(ellison, 'the misattributed line is on screen');
    assert.ok(squiggles.some((box) => overlaps(box, ellison)), `an error squiggle on the speaker: ${JSON.stringify(squiggles)}, name at ${JSON.stringify(ellison)}`);
    await page.screenshot({ path: path.join(screenshots, 'misattributed.png') });
  });

  it('cites the page of a PDF source in the hover', async function () {
    await page.keyboard.press('Escape');
    const forty = await wordBox(page, 'forty');
    assert.ok(forty, 'the quote from the PDF is on screen');
    const text = await hoverText(page, forty, [/Larkmouth Harbour Board annual report/, /p\. 2/]);
    assert.match(text, /Larkmouth Harbour Board, 1 Mar 2024, p\. 2/);
    await dismissHover(page);
  });

  it('finds a passage with "Verbatim: Search Corpus"', async function () {
    await runCommand(page, 'Verbatim: Search Corpus');
    await waitForQuickInput(page, 'Verbatim: Search Corpus');
    await page.keyboard.type('ground for optimism');
    const row = await quickPickRow(page, [/ground\s+for\s+optimism/, SOURCE_TITLE]);
    assert.match(row, /little ground\s+for optimism/);
    await page.screenshot({ path: path.join(screenshots, 'search-corpus.png') });
    await page.keyboard.press('Escape');
  });

  it('shows the counts of the draft quotes in the status bar', async function () {
    // One quote of each kind in the fixture: the counts come from the server's summary.
    const box = await hoverStatusItem(page, STATUS_COUNTS, /2 verbatim, 1 drifted, 1 unsupported, 1 misattributed, 1 short not found/);
    const tooltip = await page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /Quotes checked/ }).first().innerText();
    statusBarWords = /Quotes checked against \d+ sources?: (.*)\. Click/.exec(tooltip)?.[1] ?? tooltip;
    assert.strictEqual(statusBarWords, COUNTS_IN_WORDS);
    const viewport = { width: 1280, height: 800 };
    const clip = { x: viewport.width - 640, y: viewport.height - 90, width: 640, height: 90 };
    assert.ok(box.y >= clip.y, 'the status bar is at the bottom of the window');
    await page.screenshot({ path: path.join(screenshots, 'status-bar.png'), clip });
  });

  it('lists every quote with its verdict, source and struck words in the Quotes Report', async function () {
    // The Problems panel is not needed any more; closed, it leaves the editors and the side bar their full height.
    await runCommand(page, 'View: Hide Panel');
    await page.locator('.part.panel').first().waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
    await moveMouseAway(page);
    await runCommand(page, 'Verbatim: Show Quotes Report');
    const report = webviewFrame(page);
    const rows = await reportRows(report);
    assert.deepStrictEqual(rows.map((row) => [row.line, row.status]), REPORT_ROWS.map(([line, status]) => [line, status]));
    rows.forEach((row, i) => assert.match(row.quote, REPORT_ROWS[i][2]));
    const [drift, , unsupported, , misattributed] = rows;
    assert.match(drift.source, SOURCE_TITLE);
    assert.deepStrictEqual([drift.struck, drift.inserted], [['room'], ['ground']], `the diff: ${drift.diff}`);
    assert.ok(drift.struckDrawn, "the draft's word is drawn struck through");
    assert.strictEqual(unsupported.source, 'No source comes close');
    assert.match(misattributed.diff, /these words are Varga's, not Ellison's/);
    assert.ok(rows.filter((row) => row !== drift).every((row) => row.struck.length === 0), 'only the drift has struck words');
    // The report's counts are the status bar's: both read the server's one summary of the draft.
    assert.ok(statusBarWords, 'the status bar was read first');
    assert.strictEqual(await report.locator('#totals').innerText(), statusBarWords);
    // Severity marks as in Problems: the misattribution is an error, the drift and the unsupported quote warnings.
    assert.deepStrictEqual(rows.map((row) => row.badge), [
      'badge drift warning', 'badge verbatim', 'badge unsupported warning', 'badge verbatim', 'badge misattributed error', 'badge short',
    ]);
    const text = await report.locator('body').innerText();
    assert.doesNotMatch(text, RAW_DATA);
    assert.strictEqual(await activeTabLabel(page, REPORT_TAB), REPORT_TAB);
    await page.locator(`.tabs-container .tab[aria-label^="${REPORT_TAB}"]`).first().click({ timeout: TIMEOUT_MS });
    // The report opens across the editor area, not in a half column beside the draft.
    const editorArea = await page.locator('.part.editor').first().boundingBox();
    const group = await page.locator('.part.editor .editor-group-container.active').first().boundingBox();
    assert.ok(editorArea && group && Math.abs(editorArea.width - group.width) < 2, `the report's group is ${group?.width}px of ${editorArea?.width}px`);
    const table = await report.locator('#quotes').boundingBox();
    assert.ok(table, 'the table is on screen');
    await moveMouseAway(page);
    const height = Math.min(editorArea.height, table.y + table.height + 16 - editorArea.y);
    await page.screenshot({ path: path.join(screenshots, 'quotes-report.png'), clip: { ...editorArea, height } });
    await closeTab(page, REPORT_TAB);
  });

  it('opens the report across the editor area, and filters and sorts it', async function () {
    await page.locator('iframe.webview').first().waitFor({ state: 'detached', timeout: TIMEOUT_MS });
    await runCommand(page, 'Verbatim: Show Quotes Report');
    const report = webviewFrame(page);
    await reportRows(report);
    // Not a half column beside the draft: the report's group spans the editor area.
    const editorArea = await page.locator('.part.editor').first().boundingBox();
    const frame = await page.locator('iframe.webview').first().boundingBox();
    assert.ok(editorArea && frame && frame.width > editorArea.width * 0.9, `the report is ${frame?.width}px wide in ${editorArea?.width}px`);
    await report.locator('#filter').selectOption('problems');
    assert.deepStrictEqual((await reportRows(report)).map((row) => row.line), ['5', '9', '13']);
    await report.locator('#sort').selectOption('verdict');
    assert.deepStrictEqual((await reportRows(report)).map((row) => row.status), ['Misattributed', 'Drift', 'Unsupported']);
    await report.locator('#filter').selectOption('all');
    await report.locator('#sort').selectOption('line');
    assert.deepStrictEqual((await reportRows(report)).map((row) => row.line), REPORT_ROWS.map(([line]) => line));
    await closeTab(page, REPORT_TAB);
  });

  it('opens the Quotes Report from the status bar item', async function () {
    await page.locator('iframe.webview').first().waitFor({ state: 'detached', timeout: TIMEOUT_MS });
    await page.locator('.statusbar-item').filter({ hasText: STATUS_COUNTS }).first().click({ timeout: TIMEOUT_MS });
    const rows = await reportRows(webviewFrame(page));
    assert.deepStrictEqual(rows.map((row) => row.status), REPORT_ROWS.map(([, status]) => status));
    assert.strictEqual(await activeTabLabel(page, REPORT_TAB), REPORT_TAB);
    await closeTab(page, REPORT_TAB);
  });

  it('groups the quotes by verdict in the Quotes view, and a click selects the quote in the draft', async function () {
    // With the folder's section collapsed the Quotes view has room to draw every row.
    await setSection(page, 'Explorer', false);
    await viewRows(page, 'Quotes', VIEW_ROWS);
    const rows = page.locator(sectionRows('Quotes'));
    // First another quote, so that the cursor demonstrably moves to the drift afterwards.
    await rows.filter({ hasText: 'closer than ever' }).first().click({ timeout: TIMEOUT_MS });
    await waitForCursor(page, selectionOf('closer than ever to a lasting settlement'));
    await rows.filter({ hasText: 'little room for optimism' }).first().click({ timeout: TIMEOUT_MS });
    await moveMouseAway(page);
    await waitForCursor(page, selectionOf('little room for optimism'));
    await page.screenshot({ path: path.join(screenshots, 'quotes-view.png') });
    await setSection(page, 'Explorer', true);
  });

  it('restores the source wording with the quick fix, and the draft is re-checked', async function () {
    await page.keyboard.press('Escape');
    const room = await wordBox(page, 'room');
    assert.ok(room);
    await applyQuickFix(page, room, /^Replace with “little ground”/);
    await waitForLine(page, '"little ground for optimism"');
    // The fixed quote is now verbatim: the server re-checks the edited draft and says so.
    await page.locator('.statusbar-item').filter({ hasText: /✓ 3\s+~ 0\s+✗ 1\s+⚠ 1/ }).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    const ground = await wordBox(page, 'ground');
    assert.ok(ground);
    const squiggles = await squiggleBoxes(page, 'warning');
    assert.ok(!squiggles.some((box) => overlaps(box, ground)), `no squiggle left on the fixed quote: ${JSON.stringify(squiggles)}`);
  });

  it('moves the fixed quote to Verbatim in the Quotes view', async function () {
    await setSection(page, 'Explorer', false);
    await viewRows(page, 'Quotes', [
      /^Misattributed \(1\)$/, /Freight will always find/, /^Unsupported \(1\)$/, /closer than ever/,
      /^Short, not found \(1\)$/, /harbour holiday/,
      /^Verbatim \(3\)$/, /little ground for optimism.*line 5/, /We will not unload/, /the northern terminal/,
    ]);
    await setSection(page, 'Explorer', true);
  });

  it('opens the extracted text of a PDF source at the passage with Go to Definition', async function () {
    await page.keyboard.press('Escape');
    const forty = await wordBox(page, 'forty');
    assert.ok(forty);
    await page.mouse.click(forty.x + forty.width / 2, forty.y + forty.height / 2);
    await page.keyboard.press('F12');
    assert.strictEqual(await activeTabLabel(page, PDF_TAB), PDF_TAB);
    // Page 1's heading is only in the PDF, so the lines on screen are the extracted text's.
    await waitForLine(page, 'Larkmouth Harbour Board');
    await waitForLine(page, 'more than forty ships a week without new berths.');
    await page.screenshot({ path: path.join(screenshots, 'pdf-source.png') });
  });

  it('opens the same extracted text from the source link in the hover', async function () {
    await openFromExplorer(page, 'draft.md', 'Harbour talks stall');
    await activeTabLabel(page, 'draft.md');
    const forty = await wordBox(page, 'forty');
    assert.ok(forty);
    await hoverText(page, forty, [/Larkmouth Harbour Board annual report/]);
    await clickHoverLink(page, 'Larkmouth Harbour Board annual report');
    assert.strictEqual(await activeTabLabel(page, PDF_TAB), PDF_TAB);
    await waitForLine(page, 'more than forty ships a week without new berths.');
  });
});
