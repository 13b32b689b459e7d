// Loads playwright-core from `.e2e/` (installed by scripts/e2e/install.sh, outside the project's
// dependencies) and declares the small part of its API the tests use, so the project type-checks
// whether or not the end-to-end tools are installed.

import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { e2eToolsDir } from './e2eTools';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Locator {
  first(): Locator;
  nth(index: number): Locator;
  filter(options: { hasText: string | RegExp }): Locator;
  locator(selector: string): Locator;
  click(options?: { timeout?: number }): Promise<void>;
  hover(options?: { timeout?: number; force?: boolean }): Promise<void>;
  waitFor(options: { state: 'attached' | 'visible' | 'hidden' | 'detached'; timeout?: number }): Promise<void>;
  boundingBox(): Promise<Box | null>;
  innerText(): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  isVisible(): Promise<boolean>;
  getAttribute(name: string): Promise<string | null>;
  selectOption(value: string, options?: { timeout?: number }): Promise<string[]>;
  count(): Promise<number>;
  screenshot(options: { path: string }): Promise<Buffer>;
}

export interface Keyboard {
  press(key: string): Promise<void>;
  type(text: string, options?: { delay?: number }): Promise<void>;
}

export interface Mouse {
  move(x: number, y: number, options?: { steps?: number }): Promise<void>;
  click(x: number, y: number): Promise<void>;
}

export interface Page {
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  locator(selector: string): Locator;
  waitForSelector(selector: string, options?: { timeout?: number; state?: 'attached' | 'visible' }): Promise<unknown>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, options?: { timeout?: number; polling?: 'raf' | number }): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  screenshot(options: { path: string; clip?: Box; fullPage?: boolean }): Promise<Buffer>;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
  keyboard: Keyboard;
  mouse: Mouse;
}

export interface BrowserContext {
  pages(): Page[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

interface Chromium {
  launchPersistentContext(userDataDir: string, options: {
    executablePath: string;
    headless: boolean;
    args: string[];
    viewport: { width: number; height: number };
  }): Promise<BrowserContext>;
}

/** True when playwright-core is installed in `.e2e/`. */
export function playwrightInstalled(): boolean {
  return fs.existsSync(path.join(e2eToolsDir(), 'node_modules', 'playwright-core', 'package.json'));
}

/** The Chromium launcher of playwright-core in `.e2e/`. */
export function loadChromium(): Chromium {
  const requireFromTools = createRequire(path.join(e2eToolsDir(), 'package.json'));
  return (requireFromTools('playwright-core') as { chromium: Chromium }).chromium;
}

/** Launches headless Chromium (Debian's, at `executablePath`) with a fresh profile in `profileDir`. */
export async function launchBrowser(executablePath: string, profileDir: string, viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page }> {
  // Playwright refuses --user-data-dir in args; a persistent context takes the folder instead.
  const context = await loadChromium().launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport,
  });
  const page = context.pages()[0] ?? await context.newPage();
  return { context, page };
}
