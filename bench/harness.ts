// Timing, statistics and child processes for the benchmark. Measurements that involve memory or
// a "later start" run in a fresh Node process each, so one measurement's heap and warmed-up code
// never flatter the next; a child prints its figures as one JSON line on stdout.

import { spawn } from 'child_process';
import { performance } from 'perf_hooks';

/** Milliseconds since an arbitrary origin, with sub-millisecond precision. */
export function now(): number {
  return performance.now();
}

/** Runs `fn` and returns its result and how long it took in milliseconds. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = now();
  const value = fn();
  return { value, ms: now() - start };
}

/** Awaits `fn` and returns its result and how long it took in milliseconds. */
export async function timedAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = now();
  const value = await fn();
  return { value, ms: now() - start };
}

/** The `p`-th percentile (0–100) of `values` by the nearest-rank method; NaN when empty. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The median of `values`. */
export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Peak resident memory of this process so far, in bytes. */
export function peakRssBytes(): number {
  // Node reports maxRSS in kilobytes.
  return process.resourceUsage().maxRSS * 1024;
}

/** The marker before a child's result line, so stray output is never mistaken for figures. */
const RESULT_MARK = 'BENCH-RESULT ';

/** Prints a child's figures for its parent. */
export function emitResult(figures: unknown): void {
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(figures)}\n`);
}

/** Runs this bundle again as a child with `args`, and returns the figures it emitted. */
export function runChild<T>(script: string, args: string[], timeoutMs = 10 * 60 * 1000): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--child', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
      if (code === 0 && line) resolve(JSON.parse(line.slice(RESULT_MARK.length)) as T);
      else reject(new Error(`child ${args.join(' ')} ended with ${signal ?? `code ${code}`}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`));
    });
  });
}
