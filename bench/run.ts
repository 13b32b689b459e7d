// `npm run bench`: generates (once) the benchmark corpora and drafts, measures the engine, the
// cache, the CLI and the naive peer on each size, prints one table and writes bench/results.json.
// The same bundle is also the child process that takes each measurement (`--child TASK`).

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultDataDir, repoRoot } from './benchPaths';
import { ensureBenchData } from './benchData';
import { now, runChild } from './harness';
import { DEFAULT_SEED } from './makeCorpus';
import { measureCache, runCacheOpen, type CacheFigures } from './measureCache';
import { measureCli } from './measureCli';
import { formatFloor, measureFloor, type FloorFigures } from './measureFloor';
import { measureServer } from './measureServer';
import { formatSoak, measureSoak, type SoakFigures } from './measureSoak';
import { NAIVE_QUOTES, runEngine, type EngineFigures } from './measureEngine';
import { runNaive, type NaiveFigures } from './measureNaive';
import { formatTable, type Outcome, type SizeResult } from './report';

const USAGE = `Usage: npm run bench -- [--sizes 1,10,50] [--seed N] [--data DIR] [--out FILE] [--only soak|floor] [--soak-edits N] [--floor-sizes 50]

Measures index build, cache, draft checks, edits, CLI, memory, accuracy and a naive peer on
generated corpora of the given sizes in MB, prints a table and writes the figures as JSON
(default bench/results.json). The server soak (a 384 KB draft edited N times, 5000 by default,
then a 5 MB draft) runs after the sizes; --only soak runs just the soak and updates its figures
in the results file. The warm CLI is then timed beside its floor (Node's start, listing and
stat'ing the files, reading the index) at --floor-sizes (50 MB by default; 50,500 adds the 500 MB
corpus, generated once in about 10 minutes); --only floor runs just that.`;

interface Options {
  sizes: number[];
  seed: number;
  dataDir: string;
  out: string;
  only: 'soak' | 'floor' | null;
  soakEdits: number;
  floorSizes: number[];
}

/** Reads `--name value` pairs; unknown names are an error, so typos do not pass silently. */
function parseFlags(argv: string[], allowed: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (!argv[i].startsWith('--') || !allowed.includes(name)) throw new Error(`unknown argument ${argv[i]}\n\n${USAGE}`);
    if (i + 1 >= argv.length) throw new Error(`--${name} needs a value`);
    flags.set(name, argv[++i]);
  }
  return flags;
}

function parseOptions(argv: string[]): Options {
  const flags = parseFlags(argv, ['sizes', 'seed', 'data', 'out', 'only', 'soak-edits', 'floor-sizes']);
  const only = flags.get('only') ?? null;
  if (only !== null && only !== 'soak' && only !== 'floor') throw new Error(`--only takes "soak" or "floor"`);
  const floorSizes = (flags.get('floor-sizes') ?? '50').split(',').map(Number);
  if (floorSizes.some((s) => !Number.isFinite(s) || s <= 0)) throw new Error('--floor-sizes takes positive numbers of MB, e.g. 50,500');
  const soakEdits = Number(flags.get('soak-edits') ?? 5000);
  if (!Number.isInteger(soakEdits) || soakEdits <= 0) throw new Error('--soak-edits takes a positive integer');
  const sizes = (flags.get('sizes') ?? '1,10,50').split(',').map(Number);
  if (sizes.some((s) => !Number.isFinite(s) || s <= 0)) throw new Error(`--sizes takes positive numbers of MB, e.g. 1,10,50`);
  const seed = Number(flags.get('seed') ?? DEFAULT_SEED);
  if (!Number.isInteger(seed)) throw new Error('--seed takes an integer');
  return {
    sizes, seed, only, soakEdits, floorSizes,
    dataDir: path.resolve(flags.get('data') ?? defaultDataDir()),
    out: path.resolve(flags.get('out') ?? path.join(repoRoot(), 'bench', 'results.json')),
  };
}

async function attempt<T>(what: string, fn: () => Promise<T> | T): Promise<Outcome<T>> {
  try {
    return await fn();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`  ${what} failed: ${message}`);
    return { error: message };
  }
}

async function measureSize(options: Options, sizeMB: number): Promise<SizeResult> {
  const script = __filename;
  const started = now();
  const data = ensureBenchData(options.dataDir, sizeMB, options.seed, (line) => console.error(line));
  if (data.generated) console.error(`  generated in ${((now() - started) / 1000).toFixed(1)} s`);
  const { corpusDir, draft, truth } = data.paths;
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), `verbatim-bench-cache-${data.paths.label}-`));
  try {
    console.error(`${sizeMB} MB: engine …`);
    const engine = await attempt('engine', () => runChild<EngineFigures>(script,
      ['engine', '--corpus', corpusDir, '--draft', draft, '--truth', truth, '--seed', String(options.seed),
        '--short-draft', data.paths.shortDraft, '--short-truth', data.paths.shortTruth]));
    console.error(`${sizeMB} MB: cache …`);
    const cache = await attempt<CacheFigures>('cache', () => measureCache(script, corpusDir, cacheDir));
    console.error(`${sizeMB} MB: CLI …`);
    const cli = await attempt('CLI', () => {
      const figures = measureCli(path.join(repoRoot(), 'dist', 'cli.js'), corpusDir, draft, cacheDir);
      if ('error' in figures) throw new Error(figures.error);
      return figures;
    });
    console.error(`${sizeMB} MB: language server …`);
    const server = await attempt('language server', () => measureServer(path.join(repoRoot(), 'dist', 'server.js'), corpusDir, draft));
    console.error(`${sizeMB} MB: naive peer …`);
    // At the largest size two quotes already show the gap; more would take minutes.
    const naiveCount = sizeMB >= 50 ? 2 : NAIVE_QUOTES;
    const naive = await attempt('naive peer', () => runChild<NaiveFigures>(script,
      ['naive', '--corpus', corpusDir, '--truth', truth, '--count', String(naiveCount)]));
    const { files, bytes, distinctBytes, duplicationFactor, hash } = data.manifest;
    return { sizeMB, data: { files, bytes, distinctBytes, duplicationFactor, hash }, engine, cache, cli, server, naive };
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** The checked-out commit, and whether the work tree had changes, so figures can be traced to code. */
function gitCommit(): string {
  const run = (args: string[]) => spawnSync('git', args, { cwd: repoRoot(), encoding: 'utf8' });
  const head = run(['rev-parse', '--short', 'HEAD']);
  if (head.status !== 0) return 'unknown';
  const dirty = run(['status', '--porcelain', '--untracked-files=no']).stdout.trim() !== '';
  return `${head.stdout.trim()}${dirty ? ' (with uncommitted changes)' : ''}`;
}

/** The server soak, on the 1 MB corpus and its draft. */
async function runSoak(options: Options): Promise<Outcome<SoakFigures>> {
  const data = ensureBenchData(options.dataDir, 1, options.seed, (line) => console.error(line));
  console.error('Server soak …');
  return attempt('server soak', () => measureSoak(path.join(repoRoot(), 'dist', 'server.js'), data.paths.corpusDir, data.paths.draft, options.soakEdits, options.seed));
}

/** The warm CLI beside its floor at each of the floor sizes, each with a fresh cache folder. */
async function runFloors(options: Options): Promise<{ sizeMB: number; figures: Outcome<FloorFigures> }[]> {
  const rows: { sizeMB: number; figures: Outcome<FloorFigures> }[] = [];
  for (const sizeMB of options.floorSizes) {
    const data = ensureBenchData(options.dataDir, sizeMB, options.seed, (line) => console.error(line));
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), `verbatim-bench-floor-${data.paths.label}-`));
    console.error(`${sizeMB} MB: warm CLI beside its floor …`);
    try {
      rows.push({ sizeMB, figures: await attempt('floor', () => measureFloor(path.join(repoRoot(), 'dist', 'cli.js'), data.paths.corpusDir, data.paths.draft, cacheDir)) });
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  }
  return rows;
}

function printSoak(soak: Outcome<SoakFigures>): void {
  console.log('error' in soak ? `\nServer soak failed: ${soak.error}` : formatSoak(soak));
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('-h') || argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  if (argv[0] === '--child') return runChildTask(argv[1], parseFlags(argv.slice(2), ['corpus', 'draft', 'truth', 'seed', 'cache-dir', 'count', 'short-draft', 'short-truth']));
  const options = parseOptions(argv);
  if (options.only === 'soak') {
    const soak = await runSoak(options);
    printSoak(soak);
    // The other figures of the results file stay as the last full run left them.
    const previous = fs.existsSync(options.out) ? JSON.parse(fs.readFileSync(options.out, 'utf8')) as Record<string, unknown> : {};
    fs.writeFileSync(options.out, `${JSON.stringify({ ...previous, soak: { date: new Date().toISOString(), commit: gitCommit(), ...soak } }, null, 1)}\n`);
    return;
  }
  if (options.only === 'floor') {
    const floors = await runFloors(options);
    console.log(formatFloor(floors));
    const previous = fs.existsSync(options.out) ? JSON.parse(fs.readFileSync(options.out, 'utf8')) as Record<string, unknown> : {};
    fs.writeFileSync(options.out, `${JSON.stringify({ ...previous, floor: { date: new Date().toISOString(), commit: gitCommit(), sizes: floors } }, null, 1)}\n`);
    return;
  }
  const started = now();
  // Other processes share this machine's cores; the load before and after says how far to trust a run.
  const loadBefore = os.loadavg()[0];
  const results: SizeResult[] = [];
  for (const size of options.sizes) results.push(await measureSize(options, size));
  const soak = await runSoak(options);
  const floors = await runFloors(options);
  const seconds = (now() - started) / 1000;
  console.log(formatTable(results));
  printSoak(soak);
  console.log(formatFloor(floors));
  const loadAfter = os.loadavg()[0];
  console.log(`\nTotal ${seconds.toFixed(0)} s on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; `
    + `load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after.`);
  const record = {
    date: new Date().toISOString(), node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cpus: os.cpus().length,
    platform: `${os.platform()} ${os.release()}`, commit: gitCommit(), seed: options.seed, totalSeconds: Number(seconds.toFixed(1)),
    loadAverage: { before: loadBefore, after: loadAfter },
    sizes: Object.fromEntries(results.map((r) => [String(r.sizeMB), r])),
    soak,
    floor: { sizes: floors },
  };
  fs.writeFileSync(options.out, `${JSON.stringify(record, null, 1)}\n`);
  console.log(`Figures written to ${path.relative(process.cwd(), options.out) || options.out}.`);
}

async function runChildTask(task: string | undefined, flags: Map<string, string>): Promise<void> {
  const need = (name: string): string => {
    const value = flags.get(name);
    if (value === undefined) throw new Error(`child task ${task} needs --${name}`);
    return value;
  };
  if (task === 'engine') await runEngine(need('corpus'), need('draft'), need('truth'), Number(need('seed')), flags.get('short-draft'), flags.get('short-truth'));
  else if (task === 'cache') await runCacheOpen(need('corpus'), need('cache-dir'));
  else if (task === 'naive') runNaive(need('corpus'), need('truth'), Number(need('count')));
  else throw new Error(`unknown child task ${task}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
