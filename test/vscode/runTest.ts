// Runs the extension-host suite in a real VS Code downloaded by @vscode/test-electron. This
// needs network access to fetch VS Code, so it is `npm run test:vscode`, not part of `npm test`.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

/** The repository root: this file is bundled to out/vscode/runTest.js. */
const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/lsp/workspace');

async function main(): Promise<void> {
  // The suite works on a copy so that nothing it does (settings, accepted renderings) can
  // change the fixture in the repository.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-vscode-'));
  fs.cpSync(FIXTURE, workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out/vscode/suite/index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`The VS Code extension tests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
