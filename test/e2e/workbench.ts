// Drives the VS Code workbench the way a writer does (Explorer, Problems, hovers, the command
// palette) and reads what is on screen. Every wait is for a DOM condition, never for time.

import type { Box, Locator, Page } from './playwrightLoader';

export const TIMEOUT_MS = 60_000;

// The functions handed to page.evaluate and page.waitForFunction run in the browser. These
// declarations describe the few DOM members they touch, without adding the DOM library to the
// Node-side type-check of the whole project.
interface DomNode {
  textContent: string | null;
  closest?(selector: string): DomNode | null;
}
interface DomRange {
  setStart(node: DomNode, offset: number): void;
  setEnd(node: DomNode, offset: number): void;
  getBoundingClientRect(): Box;
}
interface DomDocument {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createTreeWalker(root: DomNode, whatToShow: number): { nextNode(): DomNode | null };
  createRange(): DomRange;
  activeElement: DomNode | null;
}
export interface DomElement extends DomNode {
  innerText: string;
  className: string;
  parentElement: DomElement | null;
  getAnimations(options?: { subtree: boolean }): { playState: string }[];
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Box;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
declare const document: DomDocument;
declare function getComputedStyle(element: DomNode): { opacity: string };
interface DomMutation {
  target: DomNode;
  addedNodes: ArrayLike<DomNode>;
}
declare const MutationObserver: new (callback: (mutations: DomMutation[]) => void) => {
  observe(target: DomNode, options: { subtree: boolean; childList: boolean; attributes: boolean }): void;
};

/** Opens `folder` in the workbench at `baseUrl` and waits until the Explorer lists its files. */
export async function openFolder(page: Page, baseUrl: string, folder: string): Promise<void> {
  await page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}`, { timeout: TIMEOUT_MS });
  await page.waitForSelector('.monaco-workbench', { timeout: TIMEOUT_MS });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: TIMEOUT_MS });
}

/** Opens a top-level file by clicking its Explorer row, and waits until its first line is drawn. */
export async function openFromExplorer(page: Page, fileName: string, firstLine: string): Promise<void> {
  await page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${fileName}"]`).first().click({ timeout: TIMEOUT_MS });
  await waitForLine(page, firstLine);
}

/**
 * The on-screen box of the first whole-word match of `word` (a regular expression source, so a
 * lookahead can pick one occurrence among several) in the editor's text, measured
 * with a DOM Range over the characters themselves. Monaco splits a line's text into several
 * spans (tokens, and chunks of about 50 characters), so the word is looked up in the line's
 * joined text and the range may start and end in different text nodes.
 */
export async function wordBox(page: Page, word: string, wholeWord = true): Promise<Box | null> {
  // Chinese and Japanese words have no \b around them: there, any occurrence of the text is meant.
  return page.evaluate(([target, whole]) => {
    const pattern = new RegExp(whole ? `\\b${target}\\b` : target);
    for (const line of Array.from(document.querySelectorAll('.editor-instance .view-line'))) {
      const nodes: { node: DomNode; start: number }[] = [];
      let joined = '';
      const walker = document.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node, start: joined.length });
        joined += node.textContent ?? '';
      }
      const found = pattern.exec(joined);
      if (!found) continue;
      const locate = (offset: number, isEnd: boolean) => {
        const index = nodes.findIndex((entry, i) => {
          const next = i + 1 < nodes.length ? nodes[i + 1].start : joined.length;
          return isEnd ? offset > entry.start && offset <= next : offset >= entry.start && offset < next;
        });
        return { node: nodes[index].node, offset: offset - nodes[index].start };
      };
      const from = locate(found.index, false);
      const to = locate(found.index + found[0].length, true);
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      const rect = range.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }
    return null;
  }, [word, wholeWord] as const);
}

/** True when two boxes share some horizontal extent and are on the same text line. */
export function overlaps(a: Box, b: Box): boolean {
  const horizontally = a.x < b.x + b.width && b.x < a.x + a.width;
  const vertically = a.y < b.y + b.height && b.y < a.y + a.height;
  return horizontally && vertically;
}

/** How far (in pixels) box `a` reaches into box `b` horizontally. */
export function horizontalOverlap(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
}

/** Waits for a squiggle of the given severity class and returns the boxes of all of them. */
export async function squiggleBoxes(page: Page, severity: 'warning' | 'error' | 'info' = 'warning'): Promise<Box[]> {
  const squiggles = page.locator(`.editor-instance .monaco-editor .squiggly-${severity}`);
  await squiggles.first().waitFor({ state: 'attached', timeout: TIMEOUT_MS });
  const boxes: Box[] = [];
  for (let i = 0; i < await squiggles.count(); i++) {
    const box = await squiggles.nth(i).boundingBox();
    if (box) boxes.push(box);
  }
  return boxes;
}

/** Opens the Problems panel and returns the rows once one matches `expected`. */
export async function readProblems(page: Page, expected: RegExp): Promise<string[]> {
  // Ctrl+Shift+M toggles the panel, so it is pressed only when the panel is not showing yet.
  if (!await page.locator('.markers-panel').first().isVisible()) await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await page.waitForFunction((source) => Array.from(document.querySelectorAll('.markers-panel .monaco-list-row'))
    .some((row) => new RegExp(source).test(row.textContent ?? '')), expected.source, { timeout: TIMEOUT_MS });
  return rows.allInnerTexts();
}

/** Moves the mouse to the middle of `box` and returns the hover text once it matches every pattern. */
export async function hoverText(page: Page, box: Box, patterns: RegExp[]): Promise<string> {
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  const selector = '.monaco-hover:not(.hidden) .monaco-hover-content';
  await page.waitForFunction(([sel, sources]) => {
    const hover = document.querySelector(sel);
    return hover !== null && sources.every((source) => new RegExp(source).test(hover.textContent ?? ''));
  }, [selector, patterns.map((pattern) => pattern.source)] as const, { timeout: TIMEOUT_MS });
  // The hover fades in; wait until it is fully drawn, so that a screenshot shows it clearly.
  await page.waitForFunction(() => {
    const hover = document.querySelector('.monaco-hover:not(.hidden)');
    if (!hover) return false;
    const settled = hover.getAnimations({ subtree: true }).every((a) => a.playState === 'finished');
    let opaque = true;
    for (let el: DomElement | null = hover; el; el = el.parentElement) if (getComputedStyle(el).opacity !== '1') opaque = false;
    return settled && opaque;
  }, undefined, { timeout: TIMEOUT_MS });
  return page.locator(selector).first().innerText();
}

/** Moves the mouse off the text to `point` and waits until no editor hover is shown. */
export async function dismissHover(page: Page, point = { x: 800, y: 450 }): Promise<void> {
  await page.mouse.move(point.x, point.y, { steps: 4 });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('.monaco-hover:not(.hidden) .monaco-hover-content') === null,
    undefined, { timeout: TIMEOUT_MS });
}

/** Runs a command by its palette title (F1, type, Enter). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget .quick-input-box input').first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await page.keyboard.press('Enter');
}

/**
 * Waits until a quick input titled `title` is open and its text box has the keyboard focus, so
 * that what is typed next goes into it (the command opens it asynchronously, after the palette
 * has closed and focus has returned to wherever it was).
 */
export async function waitForQuickInput(page: Page, title: string): Promise<void> {
  await page.waitForFunction((wanted) => {
    const titleBar = document.querySelector('.quick-input-widget .quick-input-title');
    const focused = document.activeElement;
    return (titleBar?.textContent ?? '').includes(wanted) &&
      focused?.closest?.('.quick-input-widget .quick-input-box') != null;
  }, title, { timeout: TIMEOUT_MS });
}

/** Hovers the status bar item whose text matches `text`, and waits for its tooltip to say `tooltip`. */
export async function hoverStatusItem(page: Page, text: RegExp, tooltip: RegExp): Promise<Box> {
  const item = page.locator('.statusbar-item').filter({ hasText: text }).first();
  await item.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await item.hover({ timeout: TIMEOUT_MS });
  // Fully opaque: the tooltip fades in, and a screenshot taken mid-fade shows it washed out.
  await page.waitForFunction((source) => Array.from(document.querySelectorAll('.workbench-hover, .monaco-hover'))
    .some((hover) => new RegExp(source).test(hover.textContent ?? '') && getComputedStyle(hover).opacity === '1'),
  tooltip.source, { timeout: TIMEOUT_MS });
  const box = await item.boundingBox();
  if (!box) throw new Error('the status bar item has no box');
  return box;
}

/** Waits for a quick-pick row whose text matches every pattern, and returns its text. */
export async function quickPickRow(page: Page, patterns: RegExp[]): Promise<string> {
  const sources = patterns.map((pattern) => pattern.source);
  await page.waitForFunction((all) => Array.from(document.querySelectorAll('.quick-input-list .monaco-list-row'))
    .some((row) => all.every((source) => new RegExp(source, 's').test(row.textContent ?? ''))), sources, { timeout: TIMEOUT_MS });
  const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
  return rows.find((text) => patterns.every((pattern) => pattern.test(text))) ?? rows.join('\n');
}

/** What the light bulb watch below keeps in the page between calls. */
interface BulbWatch {
  verbatimBulbWatch?: { drawn: boolean };
}

/**
 * Clicks the middle of `box`, a word under a squiggle, and waits until the editor has answered
 * its own code-action request for the new cursor position: a light bulb drawn since the click,
 * by the clicked line (VS Code draws it on the line above or below when that one is free).
 * Pressing Ctrl+. any earlier races VS Code 1.100's code-action model: the automatic request a
 * click starts 250 ms later is, when a Ctrl+. request is current by then, held back for 500 ms
 * and then put in place of whatever request is current, cancelling a newer Ctrl+. request still
 * on its way; the editor then says "No code actions available" although the server answered.
 * The held-back request of the previous click and Ctrl+. does this to the next one within reach.
 */
export async function clickForCodeActions(page: Page, box: Box): Promise<void> {
  await page.evaluate(() => {
    const page = globalThis as BulbWatch;
    const isBulb = (node: DomNode) => /\bcodicon-(gutter-)?light-?bulb/.test((node as Partial<DomElement>).className ?? '');
    if (!page.verbatimBulbWatch) {
      const watch = { drawn: false };
      new MutationObserver((mutations) => {
        if (mutations.some((m) => isBulb(m.target) || Array.from(m.addedNodes).some(isBulb))) watch.drawn = true;
      }).observe(document.querySelector('.monaco-workbench') as DomNode, { subtree: true, childList: true, attributes: true });
      page.verbatimBulbWatch = watch;
    }
    page.verbatimBulbWatch.drawn = false;
  }, undefined);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction((word) => {
    if (!(globalThis as BulbWatch).verbatimBulbWatch?.drawn) return false;
    const middle = word.y + word.height / 2;
    const line = Array.from(document.querySelectorAll('.editor-instance .view-line')).map((l) => l.getBoundingClientRect())
      .find((r) => r.y <= middle && middle < r.y + r.height);
    if (!line) return false;
    return Array.from(document.querySelectorAll('.editor-instance .lightBulbWidget, .editor-instance .glyph-margin-widgets [class*="light"]')).some((bulb) => {
      const r = bulb.getBoundingClientRect();
      const centre = r.y + r.height / 2;
      return r.width > 0 && /\bcodicon-(gutter-)?light-?bulb/.test(bulb.className) && centre >= line.y - line.height && centre < line.y + 2 * line.height;
    });
  }, box, { timeout: TIMEOUT_MS });
}

/**
 * Clicks into `box`, opens the quick fixes (Ctrl+.) and applies the one whose title matches
 * `title`. The menu is driven with the keyboard: a pointer-blocking layer covers it for mouse
 * clicks while it opens.
 */
export async function applyQuickFix(page: Page, box: Box, title: RegExp): Promise<void> {
  await clickForCodeActions(page, box);
  await page.keyboard.press('Control+.');
  const rows = page.locator('.action-widget .monaco-list-row.action');
  await rows.filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  const count = await rows.count();
  for (let step = 0; step <= count; step++) {
    const focused = await page.locator('.action-widget .monaco-list-row.action.focused').first().getAttribute('aria-label');
    if (focused && title.test(focused)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no quick fix titled ${title} could be focused`);
}

/** Waits until some line of the editor reads `text` (spaces as typed). */
export async function waitForLine(page: Page, text: string): Promise<void> {
  await page.waitForFunction((wanted) => Array.from(document.querySelectorAll('.editor-instance .view-line'))
    .some((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ').includes(wanted)), text, { timeout: TIMEOUT_MS });
}

/** Waits until the active editor tab's label starts with `label`, and returns the label. */
export async function activeTabLabel(page: Page, label: string): Promise<string> {
  await page.waitForFunction((wanted) => Array.from(document.querySelectorAll('.tabs-container .tab.active'))
    .some((tab) => (tab.textContent ?? '').includes(wanted)), label, { timeout: TIMEOUT_MS });
  const tabs = await page.locator('.tabs-container .tab.active .label-name').allInnerTexts();
  return tabs.find((text) => text.includes(label)) ?? tabs.join(', ');
}

/** Clicks the link titled `title` in the visible editor hover. */
export async function clickHoverLink(page: Page, title: string): Promise<void> {
  const link = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content a').filter({ hasText: title }).first();
  await link.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await link.click({ timeout: TIMEOUT_MS });
}

/** The FrameLocator calls that reach into a webview (an iframe in an iframe); playwrightLoader declares pages only. */
export interface FrameLocator {
  locator(selector: string): Locator & { evaluate<R>(fn: (element: DomElement) => R): Promise<R> };
  frameLocator(selector: string): FrameLocator;
}

/** The page of the one open webview. Strict on purpose: a second webview would be a leaked panel. */
export function webviewFrame(page: Page): FrameLocator {
  const frames = page as unknown as { frameLocator(selector: string): FrameLocator };
  return frames.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** Waits until the status bar's cursor position reads exactly `position`, e.g. "Ln 5, Col 66 (24 selected)". */
export async function waitForCursor(page: Page, position: string): Promise<void> {
  await page.waitForFunction((wanted) => (document.querySelector('[id="status.editor.selection"]')?.textContent ?? '').trim() === wanted,
    position, { timeout: TIMEOUT_MS });
}

/** Moves the mouse to `point`, where nothing has a tooltip, and waits until no hover or tooltip is shown. */
export async function moveMouseAway(page: Page, point = { x: 1100, y: 16 }): Promise<void> {
  await page.mouse.move(point.x, point.y, { steps: 4 });
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.workbench-hover, .monaco-hover:not(.hidden)'))
    .every((hover) => (hover.textContent ?? '').trim() === ''), undefined, { timeout: TIMEOUT_MS });
}

/** Maximizes the active editor group and returns the editor area's box once the group fills it. */
export async function maximizeActiveGroup(page: Page): Promise<Box> {
  await runCommand(page, 'View: Toggle Maximize Editor Group');
  await page.waitForFunction(() => ['.part.editor', '.part.editor .editor-group-container.active']
    .map((selector) => document.querySelector(selector)?.getBoundingClientRect().width ?? NaN).reduce((area, group) => Math.abs(area - group)) < 2, undefined, { timeout: TIMEOUT_MS });
  const box = await page.locator('.part.editor').first().boundingBox();
  if (!box) throw new Error('the editor area has no box');
  return box;
}

/** Closes the editor tab whose label starts with `label` with its close button, and waits until it is gone. */
export async function closeTab(page: Page, label: string): Promise<void> {
  const tab = page.locator(`.tabs-container .tab[aria-label^="${label}"]`).first();
  await tab.hover({ timeout: TIMEOUT_MS });
  await tab.locator('.tab-actions .action-label').first().click({ timeout: TIMEOUT_MS });
  await tab.waitFor({ state: 'detached', timeout: TIMEOUT_MS });
}

/** The side bar section's header, labelled "Explorer Section: folder", "Quotes Section" or "Quotes - draft.md Section". */
const sectionHeader = (name: string) => `.pane-header:is([aria-label^="${name} Section"], [aria-label^="${name} - "][aria-label$=" Section"])`;

/** Expands or collapses the side bar section `name`, and waits until it has. */
export async function setSection(page: Page, name: string, expanded: boolean): Promise<void> {
  const header = page.locator(sectionHeader(name)).first();
  if ((await header.getAttribute('aria-expanded') === 'true') !== expanded) await header.click({ timeout: TIMEOUT_MS });
  await page.locator(`${sectionHeader(name)}[aria-expanded="${expanded}"]`).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
}

/** The rows of the side bar section `name`. */
export const sectionRows = (name: string): string => `.pane:has(> ${sectionHeader(name)}) .monaco-list-row`;

/** Expands the section `name`, waits until its rows (top to bottom) match `expected` one for one, and returns their texts. */
export async function viewRows(page: Page, name: string, expected: RegExp[]): Promise<string[]> {
  await setSection(page, name, true);
  const matched = await page.waitForFunction(([rows, sources]) => {
    // The list reuses row elements, so the DOM order is not the screen order; data-index is.
    const texts = Array.from(document.querySelectorAll(rows))
      .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
      .map((row) => row.textContent ?? '');
    const same = texts.length === sources.length && sources.every((source, i) => new RegExp(source).test(texts[i]));
    return same ? texts : null;
  }, [sectionRows(name), expected.map((pattern) => pattern.source)] as const, { timeout: TIMEOUT_MS });
  // waitForFunction hands back a handle to the truthy value the page returned.
  return (matched as { jsonValue(): Promise<string[]> }).jsonValue();
}
