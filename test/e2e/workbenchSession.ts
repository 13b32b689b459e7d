// What every code-server suite needs around its tests, registered in the calling `describe`: the
// packed extension in a fresh profile, code-server on a free port, and a headless Chromium page
// on it; on a failure, a picture of the workbench and the end of code-server's log; and, at the
// end, everything stopped and removed.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CodeServer, createProfile, installExtension, packExtension } from './codeServer';
import { CHROMIUM_PATH, codeServerBin, repoRoot, requireTools } from './e2eTools';
import { BrowserContext, launchBrowser, Page, playwrightInstalled } from './playwrightLoader';
import { TIMEOUT_MS } from './workbench';

export interface Workbench {
  /** A temporary folder of the suite's own, removed at the end. */
  temp: string;
  server: CodeServer;
  browser: BrowserContext;
  page: Page;
}

export interface WorkbenchOptions {
  /** Names the suite in the message about missing tools. */
  suite: string;
  /** A short name for the temporary folder and the failure screenshots. */
  name: string;
  /** Starts code-server with workspace trust on (Restricted Mode for new folders). */
  workspaceTrust?: boolean;
  /** Runs once the workbench is up, e.g. to open a folder and a draft. */
  open?: (workbench: Workbench) => Promise<void>;
}

/** Registers the suite's hooks; the returned object is filled in once `before` has run. */
export function useWorkbench(options: WorkbenchOptions): Workbench {
  const workbench = {} as Workbench;

  before(async function () {
    this.timeout(TIMEOUT_MS * 6);
    requireTools(this, options.suite, [
      { name: 'code-server (.e2e/node_modules/.bin/code-server)', present: fs.existsSync(codeServerBin()) },
      { name: 'playwright-core (.e2e/node_modules)', present: playwrightInstalled() },
      { name: `chromium (${CHROMIUM_PATH})`, present: fs.existsSync(CHROMIUM_PATH) },
    ]);
    workbench.temp = fs.mkdtempSync(path.join(os.tmpdir(), `verbatim-e2e-${options.name}-`));
    const vsix = packExtension(workbench.temp);
    const profile = createProfile(path.join(workbench.temp, 'profile'), { workspaceTrust: options.workspaceTrust });
    installExtension(profile, vsix);
    workbench.server = await CodeServer.start(profile);
    ({ context: workbench.browser, page: workbench.page } = await launchBrowser(CHROMIUM_PATH, path.join(workbench.temp, 'chromium')));
    await options.open?.(workbench);
  });

  afterEach(async function () {
    // A failing step leaves a picture of the workbench and the server's log for diagnosis.
    if (this.currentTest?.state !== 'failed' || !workbench.page) return;
    const dir = path.join(repoRoot(), 'test-results', 'e2e');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${options.name}-failure-${Date.now()}.png`);
    await workbench.page.screenshot({ path: file }).catch(() => undefined);
    console.error(`screenshot of the failure: ${file}\ncode-server output:\n${workbench.server?.output().slice(-4000) ?? ''}`);
  });

  after(async function () {
    this.timeout(TIMEOUT_MS);
    await workbench.browser?.close().catch(() => undefined);
    await workbench.server?.stop();
    if (workbench.temp) fs.rmSync(workbench.temp, { recursive: true, force: true });
  });

  return workbench;
}
