// End-to-end with VS Code's workspace trust on, as most writers have it: a folder of downloaded
// sources opens in Restricted Mode and is still checked against the sources inside it, and a
// code repository with only a README gets no notification from Verbatim.
// Needs `npm run e2e:install`.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { copyFixture, repoRoot, screenshotDir } from './e2eTools';
import { languageStatusHover, notificationTexts } from './languageStatus';
import type { Page } from './playwrightLoader';
import { useWorkbench } from './workbenchSession';
import { activeTabLabel, openFolder, openFromExplorer, overlaps, readProblems, runCommand, squiggleBoxes, TIMEOUT_MS, waitForLine, wordBox } from './workbench';

// scripts/demo.js is plain CommonJS; it exports the address it prints.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { demoUrl } = require('../../scripts/demo.js') as { demoUrl(baseUrl: string, folder: string, file: string): string };

describe('VS Code (code-server) with workspace trust', function () {
  this.timeout(TIMEOUT_MS * 3);
  let page: Page;
  const workbench = useWorkbench({
    suite: 'VS Code end-to-end tests with workspace trust',
    name: 'trust',
    workspaceTrust: true,
    open: async (opened) => {
      page = opened.page;
    },
  });

  it('checks a draft in Restricted Mode against the sources inside the workspace', async function () {
    const workspace = copyFixture(path.join(repoRoot(), 'test', 'fixtures', 'e2e-workspace'), workbench.temp);
    await openFolder(page, workbench.server.url, workspace);
    // The workbench says it is in Restricted Mode, so the workspace is indeed untrusted.
    await page.locator('.statusbar-item').filter({ hasText: /Restricted Mode/ }).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await openFromExplorer(page, 'draft.md', 'Harbour talks stall');
    const squiggles = await squiggleBoxes(page, 'warning');
    const room = await wordBox(page, 'room');
    assert.ok(room, 'the draft is on screen');
    assert.ok(squiggles.some((box) => overlaps(box, room)), `the drift on "room" is underlined: ${JSON.stringify(squiggles)}`);
    const rows = await readProblems(page, /Drift: sources say "ground", not "room"/);
    assert.ok(rows.some((row) => /Drift/.test(row)), JSON.stringify(rows));
    await page.keyboard.press('Control+Shift+M');
    const hover = await languageStatusHover(page, [/Verbatim: Restricted Mode/, /Manage Workspace Trust/, /Verbatim: \d+ sources/]);
    assert.match(hover, /outside sources left out/);
    await page.screenshot({ path: path.join(screenshotDir(), 'restricted-mode.png') });
  });

  it('shows no notification in a folder with a README and no sources, and says so in the language status', async function () {
    const repo = path.join(workbench.temp, 'code-repo');
    fs.mkdirSync(repo);
    fs.writeFileSync(path.join(repo, 'README.md'), '# Widget\n\nA small library. Its author calls it “the smallest widget library you will ever need”.\n');
    fs.writeFileSync(path.join(repo, 'index.js'), 'module.exports = {};\n');
    await openFolder(page, workbench.server.url, repo);
    await openFromExplorer(page, 'README.md', '# Widget');
    const hover = await languageStatusHover(page, [/Verbatim: no corpus/, /Pick Corpus Folder/]);
    assert.match(hover, /no sources\/ or verbatim\.json/);
    await page.screenshot({ path: path.join(screenshotDir(), 'no-corpus-status.png'), clip: { x: 560, y: 560, width: 720, height: 240 } });
    await page.mouse.move(640, 300, { steps: 2 });
    // A round trip through the extension after it settled the corpus state: any notification it
    // decided to show would have reached the workbench before the toggle's own effect.
    await runCommand(page, 'Verbatim: Toggle Checking');
    await languageStatusHover(page, [/Verbatim: off/, /Turn On/]);
    const notifications = await notificationTexts(page);
    assert.deepStrictEqual(notifications.filter((text) => /Verbatim|corpus/i.test(text)), [], `notifications: ${JSON.stringify(notifications)}`);
    const statusTexts = await page.locator('.statusbar-item').allInnerTexts();
    assert.ok(!statusTexts.some((text) => /no corpus/.test(text)), `no "no corpus" item in the status bar: ${JSON.stringify(statusTexts)}`);
  });

  it("opens the example draft at the address `npm run demo` prints", async function () {
    const example = copyFixture(path.join(repoRoot(), 'example'), workbench.temp);
    await page.goto(demoUrl(workbench.server.url, example, path.join(example, 'draft.md')), { timeout: TIMEOUT_MS });
    assert.strictEqual(await activeTabLabel(page, 'draft.md'), 'draft.md');
    await waitForLine(page, 'title: Downstream and worried');
  });
});
