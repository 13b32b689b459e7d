// Bundles the CLI, the language server, the extension client and (with --tests) the test files.
// esbuild does not type-check: `npm run typecheck` (tsc --noEmit) does that separately.
'use strict';
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** Prints errors in the format VS Code's esbuild problem matcher understands. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => { if (watch) console.log('[watch] build started'); });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/**
 * The PDF and Word readers are large and needed only when such a source is read, so the CLI and
 * the server load them from their own files next to the bundle (dist/pdf.js, dist/docx.js)
 * instead of parsing them at every start. Tests bundle everything into each test file.
 */
const VENDOR_MODULES = { pdf: 'src/core/corpus/vendor/pdf.ts', docx: 'src/core/corpus/vendor/docx.ts' };
const vendorChunks = {
  name: 'vendor-chunks',
  setup(build) {
    build.onResolve({ filter: /[\\/]vendor[\\/](pdf|docx)$/ }, (args) => {
      const name = path.basename(args.path);
      return { path: `./${name}.js`, external: true };
    });
  },
};

/**
 * For the CLI, the readers are loaded with require() rather than import(): the CLI's bundle is
 * run through vm.Script (for V8's code cache, see src/cliLauncher.ts), where import() needs an
 * experimental loader hook. The call still happens only when a PDF or Word file is read.
 */
const vendorRequires = {
  name: 'vendor-requires',
  setup(build) {
    build.onResolve({ filter: /[\\/]vendor[\\/](pdf|docx)$/ }, (args) => ({ path: path.basename(args.path), namespace: 'vendor-require' }));
    build.onResolve({ filter: /^\.\/(pdf|docx)\.js$/, namespace: 'vendor-require' }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'vendor-require' }, (args) => ({ contents: `module.exports = require('./${args.path}.js');`, loader: 'js' }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [problemMatcher],
};

/** Lists test/**\/*.test.ts so each test file becomes its own bundle under out/test. */
function testEntries(dir = 'test') {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testEntries(full));
    else if (entry.name.endsWith('.test.ts')) found.push(full);
  }
  return found;
}

function appEntries() {
  const entries = [
    // dist/cli.js is a small launcher that loads the command (dist/cliMain.js) through V8's code cache.
    { in: 'src/cliLauncher.ts', out: 'cli', banner: '#!/usr/bin/env node' },
    { in: 'src/cli.ts', out: 'cliMain' },
    { in: 'src/server/server.ts', out: 'server' },
    // The reader threads of `verbatim archive import` (src/archive/importReaders.ts).
    { in: 'src/archive/importWorker.ts', out: 'importWorker' },
    // The thread that walks and stats a corpus while the cache is read (src/core/corpus/surveyThread.ts).
    { in: 'src/core/corpus/surveyWorker.ts', out: 'surveyWorker' },
    { in: 'src/extension.ts', out: 'extension', external: ['vscode'] },
  ];
  const apps = entries.filter((e) => fs.existsSync(e.in)).map((e) => ({
    ...common,
    entryPoints: { [e.out]: e.in },
    outdir: 'dist',
    external: e.external || [],
    banner: e.banner ? { js: e.banner } : undefined,
    plugins: [...common.plugins, e.out === 'cliMain' ? vendorRequires : vendorChunks],
  }));
  const vendors = Object.entries(VENDOR_MODULES).map(([out, entry]) => ({ ...common, entryPoints: { [out]: entry }, outdir: 'dist' }));
  return [...apps, ...vendors];
}

function testBuild() {
  return [{
    ...common,
    entryPoints: testEntries(),
    outdir: 'out/test',
    outbase: 'test',
    sourcemap: true,
    external: ['vscode', 'mocha', 'playwright-core'],
  }];
}

async function main() {
  const builds = tests ? testBuild() : appEntries();
  if (tests) fs.rmSync('out/test', { recursive: true, force: true });
  if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
    return;
  }
  await Promise.all(builds.map((options) => esbuild.build(options)));
  if (!tests && fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
