// Times the command-line tool end to end, as a writer runs it: a new Node process that reads
// the corpus (from the cache when the CLI has one and it is warm), checks the draft and prints
// JSON. The wall clock includes Node's own start.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from './benchPaths';
import { median, now } from './harness';

/** The CLI figures of one size. */
export interface CliFigures {
  /** The cache option used, or why none was. */
  cache: string;
  runsMs: number[];
  medianMs: number;
  /** The first run, with an empty cache folder: reading every file, indexing and writing the cache. */
  coldMs: number;
  /** Peak resident memory of the CLI process, in bytes: the cold run, and the median of the warm runs. */
  coldPeakRss: number;
  warmPeakRss: number;
  /** Quotes in the CLI's JSON report, to show the runs did the whole job. */
  quotes: number;
}

/** The CLI's cache option, when its help lists one. */
export function cliCacheOption(cli: string): string | null {
  const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
  const text = `${help.stdout ?? ''}${help.stderr ?? ''}`;
  return /--cache[ =]/.test(text) ? '--cache' : null;
}

function countQuotes(json: string): number {
  const report = JSON.parse(json) as { files?: { quotes?: unknown[] }[] };
  return (report.files ?? []).reduce((sum, f) => sum + (f.quotes?.length ?? 0), 0);
}

/** Runs the CLI once untimed (to warm its cache) and then `runs` times, timing each. */
export function measureCli(cli: string, corpusDir: string, draft: string, cacheDir: string, runs = 5): CliFigures | { error: string } {
  if (!fs.existsSync(cli)) return { error: `n/a (${cli} not built)` };
  const option = cliCacheOption(cli);
  // The preload reports the process's peak memory when it exits; it adds nothing measurable.
  const args = ['--require', path.join(repoRoot(), 'bench', 'peakRss.js'), cli, 'check', '--allow-outside', '--corpus', corpusDir, '--format', 'json', ...(option ? [option, cacheDir] : []), draft];
  // An empty working folder, so no verbatim.json of the repository changes what is checked.
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-cli-'));
  const rssFile = path.join(cwd, 'peak-rss');
  try {
    const once = (): { ms: number; stdout: string; peakRss: number } => {
      const start = now();
      // A CLI with a default cache folder keeps it in the benchmark's own folder, not the user's.
      const env = { ...process.env, VERBATIM_CACHE_DIR: cacheDir, VERBATIM_BENCH_RSS_FILE: rssFile };
      const result = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const ms = now() - start;
      // Exit status 1 means some quote drifted or is unsupported, which the draft intends.
      if (result.status !== 0 && result.status !== 1) throw new Error(`the CLI failed (${result.status}): ${result.stderr.trim().slice(0, 300)}`);
      return { ms, stdout: result.stdout, peakRss: Number(fs.readFileSync(rssFile, 'utf8')) };
    };
    fs.rmSync(cacheDir, { recursive: true, force: true });
    const cold = once();
    const warm = Array.from({ length: runs }, () => once());
    const runsMs = warm.map((run) => run.ms);
    return {
      cache: option ? `${option} DIR (warm)` : 'no cache option', runsMs, medianMs: median(runsMs), quotes: countQuotes(cold.stdout),
      coldMs: cold.ms, coldPeakRss: cold.peakRss, warmPeakRss: median(warm.map((run) => run.peakRss)),
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}
