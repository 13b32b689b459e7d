// Finds the tools the end-to-end tests drive and decides what happens when they are missing:
// outside CI the suite is reported as not run (loudly), in CI a missing tool is a failure,
// because `.ci/run` installs them all and a silent skip there would hide a broken install.

import * as fs from 'fs';
import * as path from 'path';

/** The repository root: the nearest folder above this file whose package.json is Verbatim's. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'verbatim') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no Verbatim package.json above ${__dirname}`);
    dir = parent;
  }
}

/** Where `scripts/e2e/install.sh` puts code-server and playwright-core. */
export function e2eToolsDir(): string {
  return path.join(repoRoot(), '.e2e');
}

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The code-server launcher installed in `.e2e/`. */
export function codeServerBin(): string {
  return path.join(e2eToolsDir(), 'node_modules', '.bin', 'code-server');
}

/** The absolute path of `name` on PATH, or null. */
export function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not in this folder; keep looking.
    }
  }
  return null;
}

/** A tool a suite needs, and how to tell whether it is installed. */
export interface RequiredTool {
  name: string;
  present: boolean;
}

/**
 * Skips the calling suite with a banner when a required tool is missing, or throws under CI
 * (CI=true), where a skipped end-to-end suite would pass unnoticed.
 */
export function requireTools(context: Mocha.Context, suite: string, tools: RequiredTool[]): void {
  const missing = tools.filter((tool) => !tool.present).map((tool) => tool.name);
  if (missing.length === 0) return;
  const message = `${suite} NOT RUN: missing ${missing.join(', ')}. Install with: npm run e2e:install`;
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`${message} (required under CI)`);
  const bar = '!'.repeat(Math.min(100, message.length + 8));
  console.error(`\n${bar}\n!!! ${message} !!!\n${bar}\n`);
  context.skip();
}

/** Copies a fixture folder into a fresh temp folder, so tests never edit the repository. */
export function copyFixture(fixture: string, into: string): string {
  const target = path.join(into, path.basename(fixture));
  fs.cpSync(fixture, target, { recursive: true });
  return target;
}

/**
 * The folder screenshots go to: VERBATIM_SCREENSHOT_DIR (relative to the repository), else
 * test-results/screenshots, so that a plain `npm test` leaves the committed README images alone.
 * `npm run test:e2e` points it at media/screenshots to refresh them.
 */
export function screenshotDir(): string {
  const dir = path.resolve(repoRoot(), process.env.VERBATIM_SCREENSHOT_DIR || path.join('test-results', 'screenshots'));
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
