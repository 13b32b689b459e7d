// Connecting to the archive: the URL as named (verbatim.json, VERBATIM_ARCHIVE_URL or --db),
// never with a password in it (that comes from PGPASSWORD or ~/.pgpass, which the pg client
// reads itself), every query under a time limit, and every failure told in one line.

import type { Client, ClientConfig, Pool, PoolConfig } from 'pg';

/**
 * The PostgreSQL client is loaded on first use: every CLI run reaches this module, and most never
 * name an archive, so they should not pay for loading the client (about 45 ms).
 */
function pgClient(): typeof import('pg') {
  return require('pg') as typeof import('pg');
}

/** How long a query (and a connection attempt) may take before the archive counts as slow. */
export const DEFAULT_ARCHIVE_TIMEOUT_MS = 2000;

/** An archive URL with any password taken out, and whether one was there. */
export interface ArchiveTarget {
  url: string;
  /** The URL as shown to the user: never with a password. */
  display: string;
  hadPassword: boolean;
}

/** Parses a postgres:// URL; throws with a one-line message when it is not one. */
export function parseArchiveUrl(raw: string): ArchiveTarget {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ArchiveError('bad-url', `"${raw}" is not a PostgreSQL URL (like postgres://host/db)`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ArchiveError('bad-url', `"${url.protocol}//…" is not a PostgreSQL URL (like postgres://host/db)`);
  }
  const hadPassword = url.password !== '';
  url.password = '';
  const display = url.toString();
  return { url: display, display, hadPassword };
}

/** Why the archive could not be used, for the status item and the CLI's one line. */
export type ArchiveFailure = 'bad-url' | 'down' | 'slow' | 'login' | 'not-an-archive' | 'error';

export class ArchiveError extends Error {
  constructor(readonly failure: ArchiveFailure, message: string) {
    super(message);
  }
}

/** One line saying what went wrong, from a pg or network error. */
export function describeArchiveError(error: unknown, target: Pick<ArchiveTarget, 'display'>, timeoutMs: number): ArchiveError {
  if (error instanceof ArchiveError) return error;
  const e = error as { code?: string; message?: string };
  const where = `the archive ${target.display}`;
  const message = String(e.message ?? error).replace(/\s*\n\s*/g, ' ');
  switch (e.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ECONNRESET':
    case '57P01':
    case '57P03':
      return new ArchiveError('down', `${where} is not reachable (${e.code === 'ENOTFOUND' ? 'unknown host' : 'the server is down or refused the connection'})`);
    case '28P01':
    case '28000':
      return new ArchiveError('login', `${where} refused the login (${message}); set PGPASSWORD or ~/.pgpass`);
    case '3D000':
      return new ArchiveError('login', `${where} does not exist (${message})`);
    case '57014':
      return new ArchiveError('slow', `${where} did not answer within ${timeoutMs} ms`);
    case '42P01':
    case '42501':
      return new ArchiveError('not-an-archive', `${where} holds no Verbatim archive readable by this role (run "verbatim archive import" first)`);
    default:
      if (/timeout|timed out/i.test(message)) return new ArchiveError('slow', `${where} did not answer within ${timeoutMs} ms`);
      return new ArchiveError('error', `${where} failed: ${message}`);
  }
}

/** Settings shared by the import's client and a writer's pool. */
function connectionConfig(target: ArchiveTarget, timeoutMs: number): ClientConfig {
  return {
    connectionString: target.url,
    connectionTimeoutMillis: timeoutMs,
    // Both the server and the client stop waiting: a server that hangs mid-query is caught too.
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs,
    application_name: 'verbatim',
  };
}

/** A pool for writers' checks: a few connections, each query under the time limit. */
export function openPool(target: ArchiveTarget, timeoutMs = DEFAULT_ARCHIVE_TIMEOUT_MS, max = 4): Pool {
  const config: PoolConfig = {
    ...connectionConfig(target, timeoutMs), max, idleTimeoutMillis: 30_000, allowExitOnIdle: true,
    // A draft's lookup is estimated costly enough for PostgreSQL to compile it (JIT), which took
    // 0.3 s of a 1.7 s lookup on the 1 GB bench archive and saves nothing on queries this short.
    options: '-c jit=off',
  };
  const pool = new (pgClient().Pool)(config);
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** One client for the import, without a statement limit (an import writes for minutes). */
export async function connectForImport(target: ArchiveTarget, timeoutMs = DEFAULT_ARCHIVE_TIMEOUT_MS): Promise<Client> {
  const client = new (pgClient().Client)({ ...connectionConfig(target, timeoutMs), statement_timeout: undefined, query_timeout: undefined });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw describeArchiveError(error, target, timeoutMs);
  }
  return client;
}
