// Bundles the benchmark runner into out/bench/run.js, and the engine's corpus cache into
// out/bench/corpusCache.js when the engine has one, so the runner can measure it where it exists
// and say "n/a" where it does not, without failing to build.
'use strict';
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'out', 'bench');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
};

async function main() {
  fs.rmSync(outdir, { recursive: true, force: true });
  const builds = [esbuild.build({ ...common, entryPoints: [path.join(root, 'bench', 'run.ts')], outfile: path.join(outdir, 'run.js') })];
  // The attribution figures alone, without the generated corpora (npm run bench:attribution).
  builds.push(esbuild.build({ ...common, entryPoints: [path.join(root, 'bench', 'attribution.ts')], outfile: path.join(outdir, 'attribution.js') }));
  // The engine's cache module exports openCorpus; its file name is taken from either spelling.
  const cache = ['corpusCache.ts', 'openCorpus.ts'].map((name) => path.join(root, 'src', 'core', 'cache', name)).find((file) => fs.existsSync(file));
  if (cache) {
    builds.push(esbuild.build({ ...common, entryPoints: [cache], outfile: path.join(outdir, 'corpusCache.js') }));
  }
  await Promise.all(builds);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
