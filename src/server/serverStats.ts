// What the server's own health looks like from inside: its heap after a full collection and the
// longest stretch the event loop was blocked. Only the soak test and the benchmark ask for it, so
// the request exists only when the server is started with VERBATIM_SERVER_STATS=1; a forced
// collection needs Node's --expose-gc as well (without it the heap is read as it stands).

import { monitorEventLoopDelay, type IntervalHistogram } from 'perf_hooks';
import type { Connection } from 'vscode-languageserver';
import { ServerStatsRequest, type ServerStats } from '../shared/protocol';

/** The environment variable that turns the request on. */
export const SERVER_STATS_ENV = 'VERBATIM_SERVER_STATS';

/** Counters the rest of the server feeds while stats are on. */
export interface StatsCounters {
  /** Whole-draft checks started, and stopped part way because a newer version came. */
  checksStarted: number;
  checksDropped: number;
}

/** Registers `verbatim/serverStats` when the environment asks for it; returns the counters to feed, or null. */
export function registerServerStats(connection: Connection, env: NodeJS.ProcessEnv = process.env): StatsCounters | null {
  if (env[SERVER_STATS_ENV] !== '1') return null;
  const counters: StatsCounters = { checksStarted: 0, checksDropped: 0 };
  // 10 ms resolution: the probe timer's own cost stays negligible and a 50 ms block is still seen.
  let histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  connection.onRequest(ServerStatsRequest, (params): ServerStats => {
    const gc = (globalThis as { gc?: () => void }).gc;
    // Two passes: the first can leave objects that only the second finds unreachable (weak maps, finalizers).
    if (params?.gc && gc) {
      gc();
      gc();
    }
    const memory = process.memoryUsage();
    const stats: ServerStats = {
      heapUsed: memory.heapUsed,
      rss: memory.rss,
      external: memory.external,
      gcForced: Boolean(params?.gc && gc),
      // The histogram holds how late the probe's timer fired; its maximum is the longest block.
      longestBlockMs: histogram.count > 0 ? histogram.max / 1e6 : 0,
      checksStarted: counters.checksStarted,
      checksDropped: counters.checksDropped,
    };
    if (params?.reset) {
      histogram.disable();
      histogram = monitorEventLoopDelay({ resolution: 10 });
      histogram.enable();
    }
    return stats;
  });
  return counters;
}
