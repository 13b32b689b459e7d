// Reads the language status hover (the `{}` item of the status bar), where Verbatim says what
// state the corpus is in and whether Restricted Mode limits it, and notifications on screen.

import type { Page } from './playwrightLoader';
import { TIMEOUT_MS } from './workbench';

const ITEM = '.statusbar-item[id="status.languageStatus"]';
const HOVER = '.workbench-hover, .monaco-hover:not(.hidden)';

/**
 * Hovers the language status item until its hover matches every pattern, and returns the
 * hover's text. The hover shows the items as they were when it opened, so a state that is still
 * arriving is read by opening it again.
 */
export async function languageStatusHover(page: Page, patterns: RegExp[]): Promise<string> {
  const item = page.locator(ITEM).first();
  await item.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  const deadline = Date.now() + TIMEOUT_MS;
  let last = '';
  for (;;) {
    await item.hover({ timeout: TIMEOUT_MS });
    const hover = page.locator(HOVER).first();
    await hover.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    last = await hover.innerText();
    if (patterns.every((pattern) => pattern.test(last))) return last;
    if (Date.now() > deadline) throw new Error(`the language status never matched ${patterns.join(', ')}; it said: ${last}`);
    await page.mouse.move(640, 300, { steps: 2 });
    await hover.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
  }
}

/** The texts of the notifications on screen and in the notification centre's list. */
export async function notificationTexts(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-list-item, .notifications-center .notification-list-item').allInnerTexts();
}
