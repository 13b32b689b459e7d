// The warm CLI beside its floor. The floor is what any warm start must do before checking:
// Node's start, listing and stat'ing the corpus files and reading the cache's index file
// (bench/warmFloor.js does just that). Runs alternate, floor then CLI, so both see the same
// load on a shared machine; the medians and their ratio are reported.
//
// Two more figures tell one machine's floor from another's, since the ratio moves with them.
// Node's own start (`node -e 0`, alternated with the rest) is in both the floor and the CLI. And
// the first touch of fresh memory: a process that reads a 360 MB index pays the kernel for every
// page it fills, a cost that differs between machines many times over (on some virtual machines
// it is most of the floor), so the section prints what 64 MB of fresh memory costs there.

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
  /** Median of `node -e 0`, alternated with the floor and CLI runs. */
  nodeMs: number;
  nodeRunsMs: number[];
  /** Milliseconds to fill 64 MB of fresh memory once, the median of the runs. */
  freshMemoryMs: number;
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
  const nodeArgs = ['-e', '0'];
  const touchArgs = ['-e', TOUCH_FRESH_MEMORY];
  const load0 = os.loadavg()[0];
  try {
    timedRun(cliArgs);
    const files = (JSON.parse(timedRun(floorArgs).stdout) as { files: number }).files;
    const floorRunsMs: number[] = [];
    const cliRunsMs: number[] = [];
    const nodeRunsMs: number[] = [];
    const touchMs: number[] = [];
    for (let k = 0; k < runs; k++) {
      floorRunsMs.push(timedRun(floorArgs).ms);
      cliRunsMs.push(timedRun(cliArgs).ms);
      nodeRunsMs.push(timedRun(nodeArgs).ms);
      touchMs.push(Number(timedRun(touchArgs).stdout));
    }
    const floorMs = median(floorRunsMs);
    const cliMs = median(cliRunsMs);
    return {
      files, floorMs, cliMs, ratio: cliMs / floorMs, floorRunsMs, cliRunsMs, nodeMs: median(nodeRunsMs), nodeRunsMs,
      freshMemoryMs: median(touchMs), load: [load0, os.loadavg()[0]],
    };
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

/** Prints the milliseconds that filling 64 MB of memory fresh from the kernel takes, once. */
const TOUCH_FRESH_MEMORY = `const t = process.hrtime.bigint(); Buffer.allocUnsafeSlow(64 * 1024 * 1024).fill(1);
process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;

/** The printed section: one line per size, with the targets (50 MB within 2× the floor, 500 MB under 1 s). */
export function formatFloor(rows: { sizeMB: number; figures: FloorFigures | { error: string } }[]): string {
  const lines = ['', 'Warm CLI beside its floor (Node start + list + stat + index read; alternating runs, medians)', ''];
  lines.push(`${'size'.padEnd(8)}${'files'.padStart(9)}${'node'.padStart(8)}${'floor'.padStart(10)}${'warm CLI'.padStart(10)}${'above'.padStart(9)}${'ratio'.padStart(8)}  target`);
  for (const { sizeMB, figures } of rows) {
    const size = `${sizeMB} MB`.padEnd(8);
    if ('error' in figures) {
      lines.push(`${size}  failed: ${figures.error}`);
      continue;
    }
    const target = sizeMB >= 500 ? { text: 'CLI < 1 s', met: figures.cliMs < 1000 } : { text: 'ratio ≤ 2', met: figures.ratio <= 2 };
    lines.push(`${size}${String(figures.files).padStart(9)}${`${Math.round(figures.nodeMs)} ms`.padStart(8)}${`${Math.round(figures.floorMs)} ms`.padStart(10)}`
      + `${`${Math.round(figures.cliMs)} ms`.padStart(10)}${`${Math.round(figures.cliMs - figures.floorMs)} ms`.padStart(9)}`
      + `${figures.ratio.toFixed(2).padStart(8)}  ${target.text} ${target.met ? '✓' : '✗'}  (load ${figures.load[0].toFixed(1)} → ${figures.load[1].toFixed(1)})`);
  }
  const touched = rows.flatMap(({ figures }) => ('error' in figures ? [] : [figures.freshMemoryMs]));
  if (touched.length) {
    lines.push('', `node: Node's start alone (node -e 0); above: the CLI's time above the floor. Filling 64 MB of fresh memory took ${Math.round(median(touched))} ms here:`,
      'a floor that reads the index pays that for every 64 MB it reads, so floors differ between machines many times over.');
  }
  return lines.join('\n');
}
