// End-to-end: the packed extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3),
// driven through headless Chromium the way a writer uses it. Needs `npm run e2e:install`.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CodeServer, createProfile, installExtension, packExtension } from './codeServer';
import { CHROMIUM_PATH, codeServerBin, copyFixture, repoRoot, requireTools, screenshotDir } from './e2eTools';
import { BrowserContext, launchBrowser, Page, playwrightInstalled } from './playwrightLoader';
import {
  activeTabLabel, applyQuickFix, clickHoverLink, dismissHover, horizontalOverlap, hoverText, openFolder, openFromExplorer, overlaps, quickPickRow, readProblems, runCommand,
  hoverStatusItem, squiggleBoxes, TIMEOUT_MS, waitForLine, waitForQuickInput, wordBox,
} from './workbench';

const SOURCE_TITLE = /Coastal Herald/;
const DRIFT_MESSAGE = /Drift: sources say "ground", not "room"/;
const MISATTRIBUTED_MESSAGE = /Misattributed: in "Evening Wire: dock strike enters second week" these words are Varga's, not Ellison's/;
const PDF_TAB = 'annual-report.pdf (extracted text)';

describe('VS Code (code-server) end to end', function () {
  this.timeout(TIMEOUT_MS * 3);
  let temp = '';
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  let page: Page;
  let screenshots = '';

  before(async function () {
    this.timeout(TIMEOUT_MS * 6);
    requireTools(this, 'VS Code end-to-end tests', [
      { name: 'code-server (.e2e/node_modules/.bin/code-server)', present: fs.existsSync(codeServerBin()) },
      { name: 'playwright-core (.e2e/node_modules)', present: playwrightInstalled() },
      { name: `chromium (${CHROMIUM_PATH})`, present: fs.existsSync(CHROMIUM_PATH) },
    ]);
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-e2e-vscode-'));
    screenshots = screenshotDir();
    const vsix = packExtension(temp);
    const profile = createProfile(path.join(temp, 'profile'));
    installExtension(profile, vsix);
    server = await CodeServer.start(profile);
    const workspace = copyFixture(path.join(repoRoot(), 'test', 'fixtures', 'e2e-workspace'), temp);
    ({ context: browser, page } = await launchBrowser(CHROMIUM_PATH, path.join(temp, 'chromium')));
    await openFolder(page, server.url, workspace);
    await openFromExplorer(page, 'draft.md', 'Harbour talks stall');
  });

  afterEach(async function () {
    // A failing step leaves a picture of the workbench and the server's log for diagnosis.
    if (this.currentTest?.state !== 'failed' || !page) return;
    const dir = path.join(repoRoot(), 'test-results', 'e2e');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `vscode-failure-${Date.now()}.png`);
    await page.screenshot({ path: file }).catch(() => undefined);
    console.error(`screenshot of the failure: ${file}\ncode-server output:\n${server?.output().slice(-4000) ?? ''}`);
  });

  after(async function () {
    this.timeout(TIMEOUT_MS);
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
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
    const box = await hoverStatusItem(page, /✓ 2\s+~ 1\s+✗ 1\s+⚠ 1/, /2 verbatim, 1 drifted, 1 unsupported, 1 misattributed/);
    const viewport = { width: 1280, height: 800 };
    const clip = { x: viewport.width - 640, y: viewport.height - 90, width: 640, height: 90 };
    assert.ok(box.y >= clip.y, 'the status bar is at the bottom of the window');
    await page.screenshot({ path: path.join(screenshots, 'status-bar.png'), clip });
  });

  it('restores the source wording with the quick fix, and the draft is re-checked', async function () {
    await page.keyboard.press('Escape');
    const room = await wordBox(page, 'room');
    assert.ok(room);
    await applyQuickFix(page, room, /Use the source wording/);
    await waitForLine(page, '"little ground for optimism"');
    // The fixed quote is now verbatim: the server re-checks the edited draft and says so.
    await page.locator('.statusbar-item').filter({ hasText: /✓ 3\s+~ 0\s+✗ 1\s+⚠ 1/ }).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    const ground = await wordBox(page, 'ground');
    assert.ok(ground);
    const squiggles = await squiggleBoxes(page, 'warning');
    assert.ok(!squiggles.some((box) => overlaps(box, ground)), `no squiggle left on the fixed quote: ${JSON.stringify(squiggles)}`);
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
