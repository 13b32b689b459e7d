// End-to-end: the fixes in a real VS Code (code-server 4.100.3), on a draft with three drifted
// quotes and a verbatim one. The quick-fix menu must say which words each fix writes, and the
// file-wide fix (from that menu and from its command) must rewrite every drift and nothing else.
// Needs `npm run e2e:install`.

import * as assert from 'assert';
import * as path from 'path';
import { copyFixture, repoRoot, screenshotDir } from './e2eTools';
import type { Box, Page } from './playwrightLoader';
import { useWorkbench } from './workbenchSession';
import { applyQuickFix, clickForCodeActions, type DomElement, moveMouseAway, openFolder, openFromExplorer, runCommand, squiggleBoxes, TIMEOUT_MS, waitForLine, wordBox } from './workbench';

// The page's document, read in the browser by the waits below.
declare const document: { querySelectorAll(selector: string): ArrayLike<DomElement> };

const FIX_ALL = 'Use the source wording for every drift in this file';

/** The draft's lines once every drift has its source wording; the verbatim quote stays as it was. */
const FIXED_LINES = [
  'said there was "little ground for optimism" after the vote.',
  '"Freight will always find another way round a closed port," said terminal manager Ines Varga.',
  'members "would not unload a single ship until the contracts are signed".',
  'northern terminal "have doubled since the strike began".',
];

/** Waits until the editor shows no squiggle of `severity`: the server re-checked the edited draft. */
async function waitForNoSquiggles(page: Page, severity: string): Promise<void> {
  await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 0,
    `.editor-instance .monaco-editor .squiggly-${severity}`, { timeout: TIMEOUT_MS });
}

/** Waits until a squiggle of `severity` is drawn under `box` (a word of the draft). */
async function waitForSquiggleOn(page: Page, box: Box, severity: string): Promise<void> {
  await page.waitForFunction(({ selector, word }) => Array.from(document.querySelectorAll(selector)).some((squiggle) => {
    const r = squiggle.getBoundingClientRect();
    return r.x < word.x + word.width && word.x < r.x + r.width && r.y < word.y + word.height && word.y < r.y + r.height;
  }), { selector: `.editor-instance .monaco-editor .squiggly-${severity}`, word: box }, { timeout: TIMEOUT_MS });
}

/** Waits until no line of the editor holds `text` any more. */
async function waitForNoLine(page: Page, text: string): Promise<void> {
  await page.waitForFunction((gone) => !Array.from(document.querySelectorAll('.editor-instance .view-line'))
    .some((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ').includes(gone)), text, { timeout: TIMEOUT_MS });
}

describe('VS Code (code-server): fixes that say what they do', function () {
  this.timeout(TIMEOUT_MS * 3);
  let page: Page;
  let screenshots = '';
  useWorkbench({
    suite: 'VS Code end-to-end tests of the fixes',
    name: 'fixes',
    open: async (opened) => {
      page = opened.page;
      screenshots = screenshotDir();
      const workspace = copyFixture(path.join(repoRoot(), 'test', 'fixtures', 'e2e-fixes'), opened.temp);
      await openFolder(page, opened.server.url, workspace);
      await openFromExplorer(page, 'draft.md', 'Dock strike drags on');
      // The first check is in once the drifted words are underlined.
      await squiggleBoxes(page, 'warning');
    },
  });

  it('titles each quick fix with the words it writes and where they come from', async function () {
    const boat = await wordBox(page, 'boat');
    assert.ok(boat, 'the drifted quote is on screen');
    // The quick fixes come with the diagnostic on the word: its squiggle says it has arrived.
    await waitForSquiggleOn(page, boat, 'warning');
    await clickForCodeActions(page, boat);
    await page.keyboard.press('Control+.');
    const rows = page.locator('.action-widget .monaco-list-row.action');
    await rows.filter({ hasText: FIX_ALL }).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    const titles = (await rows.allInnerTexts()).map((text) => text.trim());
    // Two sources word the passage differently; their fixes must not look alike.
    assert.deepStrictEqual(titles.slice(0, 3), [
      'Replace with “single ship” (Evening Wire)',
      'Replace with “will not unload a single ship” (Coastal Herald)',
      FIX_ALL,
    ]);
    assert.ok(titles.includes('Ignore this quote') && titles.includes('Ignore quotes in this paragraph'), `ignore fixes: ${JSON.stringify(titles)}`);
    const menu = await page.locator('.action-widget').first().boundingBox();
    assert.ok(menu, 'the menu is on screen');
    // The picture starts at the line's first word, so the quote reads whole above the menu.
    const lineStart = await wordBox(page, 'Tomas');
    const left = Math.max(0, Math.min(menu.x, lineStart?.x ?? menu.x) - 16);
    const right = Math.max(menu.x + menu.width, boat.x + boat.width + 260);
    await page.screenshot({ path: path.join(screenshots, 'quick-fixes.png'), clip: { x: left, y: boat.y - 40, width: right - left + 16, height: menu.y + menu.height - boat.y + 64 } });
    await page.keyboard.press('Escape');
  });

  it('rewrites every drift from the quick-fix menu, leaving the verbatim quote alone', async function () {
    const room = await wordBox(page, 'room');
    assert.ok(room);
    await applyQuickFix(page, room, new RegExp(`^${FIX_ALL}`));
    for (const line of FIXED_LINES) await waitForLine(page, line);
    await waitForNoSquiggles(page, 'warning');
    await waitForNoSquiggles(page, 'error');
  });

  it('rewrites every drift with "Verbatim: Use the Source Wording for Every Drift in This File"', async function () {
    // One undo takes the whole fix back, and the drifts with it.
    await page.keyboard.press('Control+Z');
    await waitForLine(page, '"little room for optimism"');
    await waitForNoLine(page, FIXED_LINES[2]);
    await squiggleBoxes(page, 'warning');
    await moveMouseAway(page);
    await runCommand(page, 'Verbatim: Use the Source Wording for Every Drift in This File');
    for (const line of FIXED_LINES) await waitForLine(page, line);
    await waitForNoSquiggles(page, 'warning');
  });
});
