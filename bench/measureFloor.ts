// The warm CLI beside its floor. The floor is what any warm start must do before checking:
// Node's start, listing and stat'ing the corpus files and reading the cache's index file
// (bench/warmFloor.js does just that). Runs alternate, floor then CLI, so both see the same
// load on a shared machine; the medians and their ratio are reported.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from './benchPaths';
import { median, now } from './harness';

export interface FloorFigures {
  files: number;
  /** Medians of the alternating runs, in milliseconds. */
  floorMs: number;
  cliMs: number;
  /** cliMs / floorMs. */
  ratio: number;
  floorRunsMs: number[];
  cliRunsMs: number[];
  /** The one-minute load average before and after the runs. */
  load: [number, number];
}

/** Alternates `runs` floor runs with `runs` warm CLI runs, after one CLI run that fills the caches. */
export function measureFloor(cli: string, corpusDir: string, draft: string, cacheDir: string, runs = 9): FloorFigures {
  const floorScript = path.join(repoRoot(), 'bench', 'warmFloor.js');
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-floor-'));
  // The CLI keeps its compiled code beside the corpus caches: in the benchmark's folder too.
  const env = { ...process.env, VERBATIM_CACHE_DIR: cacheDir };
  const timedRun = (args: string[]): { ms: number; stdout: string } => {
    const start = now();
    const result = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = now() - start;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${path.basename(args[0])} failed (${result.status}): ${result.stderr.trim().slice(0, 300)}`);
    return { ms, stdout: result.stdout };
  };
  const cliArgs = [cli, 'check', '--allow-outside', '--corpus', corpusDir, '--format', 'json', '--cache', cacheDir, draft];
  const floorArgs = [floorScript, corpusDir, path.join(cacheDir, 'index.bin')];
  const load0 = os.loadavg()[0];
  try {
    timedRun(cliArgs);
    const files = (JSON.parse(timedRun(floorArgs).stdout) as { files: number }).files;
    const floorRunsMs: number[] = [];
    const cliRunsMs: number[] = [];
    for (let k = 0; k < runs; k++) {
      floorRunsMs.push(timedRun(floorArgs).ms);
      cliRunsMs.push(timedRun(cliArgs).ms);
    }
    const floorMs = median(floorRunsMs);
    const cliMs = median(cliRunsMs);
    return { files, floorMs, cliMs, ratio: cliMs / floorMs, floorRunsMs, cliRunsMs, load: [load0, os.loadavg()[0]] };
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

/** The printed section: one line per size, with the targets (50 MB within 2× the floor, 500 MB under 1 s). */
export function formatFloor(rows: { sizeMB: number; figures: FloorFigures | { error: string } }[]): string {
  const lines = ['', 'Warm CLI beside its floor (Node start + list + stat + index read; alternating runs, medians)', ''];
  lines.push(`${'size'.padEnd(8)}${'files'.padStart(9)}${'floor'.padStart(10)}${'warm CLI'.padStart(10)}${'ratio'.padStart(8)}  target`);
  for (const { sizeMB, figures } of rows) {
    const size = `${sizeMB} MB`.padEnd(8);
    if ('error' in figures) {
      lines.push(`${size}  failed: ${figures.error}`);
      continue;
    }
    const target = sizeMB >= 500 ? { text: 'CLI < 1 s', met: figures.cliMs < 1000 } : { text: 'ratio ≤ 2', met: figures.ratio <= 2 };
    lines.push(`${size}${String(figures.files).padStart(9)}${`${Math.round(figures.floorMs)} ms`.padStart(10)}${`${Math.round(figures.cliMs)} ms`.padStart(10)}`
      + `${figures.ratio.toFixed(2).padStart(8)}  ${target.text} ${target.met ? '✓' : '✗'}  (load ${figures.load[0].toFixed(1)} → ${figures.load[1].toFixed(1)})`);
  }
  return lines.join('\n');
}
