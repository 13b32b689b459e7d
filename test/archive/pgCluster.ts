// A throwaway PostgreSQL cluster for the archive tests: initdb on a temporary folder, started on
// a free port, stopped and removed afterwards. The server refuses to run as root, so as root the
// cluster belongs to the unprivileged `nobody`. Where PostgreSQL is not installed the tests fail
// with a message saying how to install it, never skip.

import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';

export const SUPERUSER = 'verbatim_admin';
export const SUPERUSER_PASSWORD = 'admin-secret';

export interface PgCluster {
  port: number;
  /** A URL without password for database `db` (the password is in PGPASSWORD for the tests). */
  url(db?: string, user?: string): string;
  stop(): void;
  dir: string;
}

/** The folder holding initdb, pg_ctl and postgres: PATH first, then Debian's versioned folders. */
export function findPgBin(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    // Debian puts a wrapper for initdb on PATH only with postgresql-common; the real binaries sit together.
    if (dir && fs.existsSync(path.join(dir, 'pg_ctl')) && fs.existsSync(path.join(dir, 'postgres'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const dir = path.join(root, version, 'bin');
    if (fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'postgres'))) return dir;
  }
  throw new Error('PostgreSQL is not installed (no initdb, pg_ctl and postgres found on PATH or in /usr/lib/postgresql/*/bin): the archive tests need it. Install it with `sudo apt-get install postgresql` (Debian/Ubuntu) or `brew install postgresql` (macOS).');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL tool, as `nobody` when this process is root. */
function runPg(bin: string, tool: string, args: string[], asNobody: boolean): void {
  const command = asNobody ? 'runuser' : path.join(bin, tool);
  const argv = asNobody ? ['-u', 'nobody', '--', path.join(bin, tool), ...args] : args;
  const result = spawnSync(command, argv, { encoding: 'utf8', cwd: os.tmpdir() });
  if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout || result.error?.message}`);
}

/** Creates and starts a cluster with password login for TCP, as the archive is reached in a newsroom. */
export async function startCluster(): Promise<PgCluster> {
  const bin = findPgBin();
  const asNobody = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-pg-'));
  const data = path.join(dir, 'data');
  const pwfile = path.join(dir, 'pw');
  fs.writeFileSync(pwfile, SUPERUSER_PASSWORD + '\n');
  if (asNobody) execFileSync('chown', ['-R', 'nobody', dir]);
  runPg(bin, 'initdb', ['-D', data, '-U', SUPERUSER, '--pwfile', pwfile, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-sync'], asNobody);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB`;
  runPg(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start'], asNobody);
  let stopped = false;
  return {
    port,
    dir,
    url: (db = 'postgres', user = SUPERUSER) => `postgres://${user}@127.0.0.1:${port}/${db}`,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        runPg(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'], asNobody);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A suite's cluster: started before its tests (PGPASSWORD set meanwhile), stopped after. */
export interface SuiteCluster {
  cluster: PgCluster;
  /** The superuser, connected to `postgres`. */
  admin: Client;
  /** Drops and creates database `name`; its URL. */
  freshDatabase(name: string): Promise<string>;
}

/** Registers the hooks of a suite that runs against its own throwaway cluster. */
export function suiteCluster(): SuiteCluster {
  let savedPassword: string | undefined;
  const suite: SuiteCluster = {
    cluster: undefined as unknown as PgCluster,
    admin: undefined as unknown as Client,
    async freshDatabase(name: string): Promise<string> {
      await suite.admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await suite.admin.query(`CREATE DATABASE ${name}`);
      return suite.cluster.url(name);
    },
  };
  before(async () => {
    suite.cluster = await startCluster();
    savedPassword = process.env.PGPASSWORD;
    process.env.PGPASSWORD = SUPERUSER_PASSWORD;
    suite.admin = new Client({ connectionString: suite.cluster.url() });
    await suite.admin.connect();
  });
  after(async () => {
    await suite.admin?.end().catch(() => undefined);
    suite.cluster?.stop();
    if (savedPassword === undefined) delete process.env.PGPASSWORD;
    else process.env.PGPASSWORD = savedPassword;
  });
  return suite;
}
