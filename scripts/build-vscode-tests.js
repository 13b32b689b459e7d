// Bundles the extension-host test suite (test/vscode) into out/vscode. It is kept apart from
// `node esbuild.js --tests` because these files import `vscode` and must never run in plain
// Node under mocha; `npm run test:vscode` builds and runs them in a downloaded VS Code.
'use strict';
const esbuild = require('esbuild');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // mocha and @vscode/test-electron are loaded from node_modules at run time; vscode is
  // provided by the extension host.
  external: ['vscode', 'mocha', '@vscode/test-electron'],
};

Promise.all([
  esbuild.build({ ...common, entryPoints: { runTest: 'test/vscode/runTest.ts' }, outdir: 'out/vscode' }),
  esbuild.build({
    ...common,
    entryPoints: { index: 'test/vscode/suite/index.ts', 'extension.spec': 'test/vscode/suite/extension.spec.ts' },
    outdir: 'out/vscode/suite',
  }),
]).catch((error) => {
  console.error(error);
  process.exit(1);
});
