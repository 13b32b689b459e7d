// End-to-end: a Japanese draft in a real VS Code (code-server 4.100.3, headless Chromium). The
// quotations stand in corner brackets with no spaces around them, the words come from the
// segmenter, and the squiggle must sit on the one changed word (窓 where the source says 扉).

import * as assert from 'assert';
import * as path from 'path';
import { copyFixture, repoRoot, screenshotDir } from './e2eTools';
import type { Page } from './playwrightLoader';
import { useWorkbench } from './workbenchSession';
import { dismissHover, horizontalOverlap, hoverText, openFolder, openFromExplorer, overlaps, squiggleBoxes, TIMEOUT_MS, wordBox } from './workbench';

describe('VS Code (code-server) end to end: a Japanese draft', function () {
  this.timeout(TIMEOUT_MS * 3);
  let page: Page;
  useWorkbench({
    suite: 'VS Code end-to-end tests',
    name: 'ja',
    open: async (opened) => {
      page = opened.page;
      const workspace = copyFixture(path.join(repoRoot(), 'test', 'fixtures', 'e2e-japanese'), opened.temp);
      await openFolder(page, opened.server.url, workspace);
      await openFromExplorer(page, 'draft.md', '外相会見');
    },
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
