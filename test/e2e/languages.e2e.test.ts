// End-to-end: a Japanese draft in a real VS Code (code-server 4.100.3, headless Chromium). The
// quotations stand in corner brackets with no spaces around them, the words come from the
// segmenter, and the squiggle must sit on the one changed word (窓 where the source says 扉).

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CodeServer, createProfile, installExtension, packExtension } from './codeServer';
import { CHROMIUM_PATH, codeServerBin, copyFixture, repoRoot, requireTools, screenshotDir } from './e2eTools';
import { BrowserContext, launchBrowser, Page, playwrightInstalled } from './playwrightLoader';
import { dismissHover, horizontalOverlap, hoverText, openFolder, openFromExplorer, overlaps, squiggleBoxes, TIMEOUT_MS, wordBox } from './workbench';

describe('VS Code (code-server) end to end: a Japanese draft', function () {
  this.timeout(TIMEOUT_MS * 3);
  let temp = '';
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  let page: Page;

  before(async function () {
    this.timeout(TIMEOUT_MS * 6);
    requireTools(this, 'VS Code end-to-end tests', [
      { name: 'code-server (.e2e/node_modules/.bin/code-server)', present: fs.existsSync(codeServerBin()) },
      { name: 'playwright-core (.e2e/node_modules)', present: playwrightInstalled() },
      { name: `chromium (${CHROMIUM_PATH})`, present: fs.existsSync(CHROMIUM_PATH) },
    ]);
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-e2e-ja-'));
    const vsix = packExtension(temp);
    const profile = createProfile(path.join(temp, 'profile'));
    installExtension(profile, vsix);
    server = await CodeServer.start(profile);
    const workspace = copyFixture(path.join(repoRoot(), 'test', 'fixtures', 'e2e-japanese'), temp);
    ({ context: browser, page } = await launchBrowser(CHROMIUM_PATH, path.join(temp, 'chromium')));
    await openFolder(page, server.url, workspace);
    await openFromExplorer(page, 'draft.md', '外相会見');
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !page) return;
    const dir = path.join(repoRoot(), 'test-results', 'e2e');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `japanese-failure-${Date.now()}.png`);
    await page.screenshot({ path: file }).catch(() => undefined);
    console.error(`screenshot of the failure: ${file}\ncode-server output:\n${server?.output().slice(-4000) ?? ''}`);
  });

  after(async function () {
    this.timeout(TIMEOUT_MS);
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  });

  it('underlines exactly the changed word of a quotation in corner brackets', async function () {
    const squiggles = await squiggleBoxes(page, 'warning');
    const [window, dialogue, opened, sanctions] = await Promise.all(['窓', '対話', '開かれている', '制裁'].map((word) => wordBox(page, word, false)));
    assert.ok(window && dialogue && opened && sanctions, 'the draft text is on screen');
    const onWindow = squiggles.filter((box) => overlaps(box, window));
    assert.strictEqual(onWindow.length, 1, `one squiggle on "窓"; squiggles at ${JSON.stringify(squiggles)}, "窓" at ${JSON.stringify(window)}`);
    assert.ok(horizontalOverlap(onWindow[0], dialogue) < 1, 'the squiggle does not reach "対話"');
    assert.ok(horizontalOverlap(onWindow[0], opened) < 1, 'the squiggle does not reach "開かれている"');
    assert.ok(!squiggles.some((box) => overlaps(box, sanctions)), 'the verbatim quotation is not underlined');
  });

  it("shows the source's word when hovering the drift", async function () {
    const window = await wordBox(page, '窓', false);
    assert.ok(window);
    await hoverText(page, window, [/扉/]);
    await page.screenshot({ path: path.join(screenshotDir(), 'japanese-drift.png') });
    await dismissHover(page);
  });
});
