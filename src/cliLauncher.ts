// The `verbatim` command's first file: it loads the command itself (cliMain.js beside it) with
// V8's code cache, so a warm run does not parse and compile the bundle's megabyte of JavaScript
// again, nor the functions its first check compiles. The cache is written when a run ends, after
// the check, so it holds the code that checking compiled too: by a run without a usable cache,
// and again by a run that went through a part of the command the cache does not hold yet (see
// src/cli/codeCoverage.ts), since V8 keeps only what was compiled when the cache was made. It
// lives with the corpus caches and is rebuilt whenever the bundle or Node changes. Node 22 has
// module.enableCompileCache for this; Node 20 has only vm.Script's cachedData.
// Nothing here imports the engine: this file must stay small for the cache to pay off.

import * as crypto from 'crypto';
import * as fs from 'fs';
import Module from 'module';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { CODE_COVERAGE_HOOK } from './cli/codeCoverage';

const main = path.join(__dirname, 'cliMain.js');

/** The code cache file for this bundle and this Node, beside the corpus caches. */
function cachePath(source: Buffer): string | null {
  const env = process.env;
  // --no-cache promises that nothing is kept on disk.
  if (env.VERBATIM_CODE_CACHE === '0' || process.argv.includes('--no-cache')) return null;
  const base = env.VERBATIM_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'verbatim');
  const key = crypto.createHash('sha1').update(`${process.version}\0${process.arch}\0${main}\0`).update(source).digest('hex').slice(0, 16);
  return path.join(base, `cli-code-${key}.bin`);
}

/**
 * A cache file is a header, then V8's data. The header says which parts of the command the data
 * holds (codeCoverage.ts): without it, a cache made by `verbatim --help` would serve every check
 * after it while holding none of the checker.
 */
const MAGIC = 0x31434256; // "VBC1"
const HEADER_BYTES = 8;

interface StoredCode {
  data: Buffer;
  covered: number;
}

function readOrNull(file: string | null): StoredCode | undefined {
  try {
    const raw = file ? fs.readFileSync(file) : undefined;
    if (!raw || raw.length <= HEADER_BYTES || raw.readUInt32LE(0) !== MAGIC) return undefined;
    return { data: raw.subarray(HEADER_BYTES), covered: raw.readUInt32LE(4) };
  } catch {
    return undefined;
  }
}

/**
 * Every build and every Node version has its own code cache, a few megabytes each, so each
 * upgrade would leave one behind. When a build writes its first, the others not used for this
 * long go. A run that uses its cache marks its time once a day (see keepMarked): reading a file
 * does not update its access time everywhere (not on Windows by default, nor on noatime mounts).
 */
const STALE_CODE_CACHE_MS = 14 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** Saves the code compiled so far; any failure only means the next run compiles again. */
function save(file: string, script: vm.Script, covered: number, first: boolean): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32LE(MAGIC, 0);
    header.writeUInt32LE(covered, 4);
    fs.writeFileSync(temporary, Buffer.concat([header, script.createCachedData()]));
    fs.renameSync(temporary, file);
    if (first) removeStale(file);
  } catch {
    // Runs as the process exits: a leftover that cannot be removed either must not change the exit.
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Left for a later run's cache folder; never read, since its name holds this process's id.
    }
  }
}

/** Removes the code caches beside `kept` (and leftovers of interrupted saves) unused for STALE_CODE_CACHE_MS. */
function removeStale(kept: string): void {
  const folder = path.dirname(kept);
  const now = Date.now();
  for (const name of fs.readdirSync(folder)) {
    const file = path.join(folder, name);
    if (file === kept || !/^cli-code-[0-9a-f]{16}\.bin(\.\d+\.tmp)?$/.test(name)) continue;
    try {
      const stat = fs.statSync(file);
      if (now - Math.max(stat.atimeMs, stat.mtimeMs) > STALE_CODE_CACHE_MS) fs.rmSync(file, { force: true });
    } catch {
      // Removed by another run meanwhile, or not ours to remove: either way it is left.
    }
  }
}

/** Marks `file` as in use when its time is a day old, so that no other build takes it for unused. */
function keepMarked(file: string): void {
  try {
    const now = Date.now();
    if (now - fs.statSync(file).mtimeMs > DAY_MS) fs.utimesSync(file, now / 1000, now / 1000);
  } catch {
    // Gone, or not ours to mark: at worst it is compiled again after another build's first run.
  }
}

function run(): void {
  // A check runs most of its regular expressions a few times over long texts (the draft, the
  // matched sources), and V8 would interpret each one's first run before compiling it: for a
  // short run, compiling them at once is quicker. Set before the bundle is compiled, since the
  // flags are part of what a code cache must match.
  v8.setFlagsFromString('--no-regexp-tier-up');
  // Read as bytes, hashed as bytes and decoded once: a string read from the file would be
  // encoded again for the hash, and the bundle is a megabyte and a half.
  const bytes = fs.readFileSync(main);
  const file = cachePath(bytes);
  const source = bytes.toString('utf8');
  const stored = readOrNull(file);
  // The bundle loads the PDF and Word readers with require(), never import(), which a script
  // compiled here could only use through an experimental hook (see esbuild.js).
  const script = new vm.Script(Module.wrap(source), { filename: main, cachedData: stored?.data });
  if (file) {
    // Code deserialized from the cache counts as compiled: a cache written again holds it too.
    const covered = stored && !script.cachedDataRejected ? stored.covered : -1;
    let ran = 0;
    (globalThis as Record<symbol, unknown>)[CODE_COVERAGE_HOOK] = (part: number) => {
      ran |= part;
    };
    process.once('exit', () => {
      if (covered < 0) save(file, script, ran, !stored);
      else if ((covered | ran) !== covered) save(file, script, covered | ran, false);
      else keepMarked(file);
    });
  }
  const module = new Module(main, require.main);
  module.filename = main;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, Module.createRequire(main), module, main, __dirname);
}

run();
