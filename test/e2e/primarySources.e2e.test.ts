// End-to-end: the example workspace in a real VS Code (code-server 4.100.3, headless Chromium).
// Its draft copies a report's "little room for optimism", while the press conference's transcript
// and subtitles say "little ground": the squiggle sits on "room", and the hover names the primary
// source, lists it first and marked, and shows the report's rendering as another wording.

import * as assert from 'assert';
import * as path from 'path';
import { copyFixture, repoRoot, screenshotDir } from './e2eTools';
import type { Page } from './playwrightLoader';
import { useWorkbench } from './workbenchSession';
import { dismissHover, hoverText, openFolder, openFromExplorer, overlaps, squiggleBoxes, TIMEOUT_MS, wordBox } from './workbench';

describe('VS Code (code-server) end to end: primary sources first', function () {
  this.timeout(TIMEOUT_MS * 3);
  let page: Page;
  useWorkbench({
    suite: 'VS Code end-to-end tests',
    name: 'primary',
    open: async (opened) => {
      page = opened.page;
      const workspace = copyFixture(path.join(repoRoot(), 'example'), opened.temp);
      await openFolder(page, opened.server.url, workspace);
      await openFromExplorer(page, 'draft.md', 'title: Downstream and worried');
    },
  });

  it('underlines the report\'s word and names the primary source in the hover', async function () {
    const room = await wordBox(page, 'room');
    assert.ok(room, 'the draft text is on screen');
    const squiggles = await squiggleBoxes(page, 'warning');
    assert.ok(squiggles.some((box) => overlaps(box, room)), `a squiggle on "room"; squiggles at ${JSON.stringify(squiggles)}`);
    const text = await hoverText(page, room, [/the subtitles word this differently/, /Primary source \(subtitles\):/, /Other renderings in the corpus/]);
    // Both primary sources (the subtitles and the transcript) come before the article that agrees with them.
    assert.match(text, /Primary source \(subtitles\):.*Primary source \(transcript\):.*Selva dam: Veltria keeps/s);
    await page.screenshot({ path: path.join(screenshotDir(), 'primary-source-hover.png') });
    // The hover is tall; the mouse leaves it for the Explorer, which it does not cover.
    await dismissHover(page, { x: 150, y: 600 });
  });
});
