// Runs long work in slices so that an event loop stays responsive: the work is written as a
// generator that yields after each small step, and the runner lets other events in (through
// `setImmediate`) whenever a slice has used its time, stopping early when asked to.

import { performance } from 'perf_hooks';

/** Runs `steps` at once, without pausing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** What a sliced run measured. */
export interface SliceStats {
  slices: number;
  /** The longest stretch of work between two pauses, in ms. */
  longestMs: number;
}

/**
 * Runs `steps`, pausing for other events after every `sliceMs` of work. Returns null, and
 * abandons the work, as soon as `shouldStop()` is true at a pause (or before the first step).
 */
export async function runInSlices<T>(steps: Generator<void, T>, shouldStop: () => boolean, sliceMs = 10, stats?: SliceStats): Promise<T | null> {
  let sliceStart = performance.now();
  if (stats) stats.slices = 1;
  try {
    for (;;) {
      if (shouldStop()) return null;
      const step = steps.next();
      if (step.done) return step.value;
      const elapsed = performance.now() - sliceStart;
      if (elapsed >= sliceMs) {
        if (stats) {
          stats.slices++;
          stats.longestMs = Math.max(stats.longestMs, elapsed);
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
  } finally {
    if (stats) stats.longestMs = Math.max(stats.longestMs, performance.now() - sliceStart);
    // Ends a generator that was abandoned part way, so that its own clean-up runs.
    steps.return(undefined as T);
  }
}

/** Lets an async loop pause for other events once it has worked for `sliceMs` since the last pause. */
export class SlicePauser {
  private start = performance.now();

  constructor(private readonly sliceMs: number) {}

  /** Resolves at once while the slice lasts; otherwise once other events have had their turn. */
  async pauseIfDue(): Promise<void> {
    if (performance.now() - this.start <= this.sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.start = performance.now();
  }
}
