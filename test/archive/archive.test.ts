// The archive against a real PostgreSQL (a throwaway cluster): import, incremental re-import,
// a failed import changing nothing, the read-only role, and drafts checked through the built CLI
// against the archive and the local corpus together, including when the archive is down, slow
// or refuses the login.

import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { parseArchiveUrl } from '../../src/archive/archiveConnection';
import { archiveStatus } from '../../src/archive/archiveStatus';
import { importArchive } from '../../src/archive/importArchive';
import { parseArgs } from '../../src/cli/parseArgs';
import { runCheck } from '../../src/cli/runCheck';
import { indexHeaderOnDisk } from '../../src/core/cache/cacheFile';
import { pathToFileURL } from 'url';
import { LspTestClient } from '../server/lspTestClient';
import { freePort, suiteCluster } from './pgCluster';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist/cli.js');
const EXAMPLE = path.join(REPO, 'example');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd: string, env: Record<string, string | undefined>): Promise<Run> {
  const merged: NodeJS.ProcessEnv = { ...process.env, VERBATIM_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-archive-cache-')), NO_COLOR: '1', ...env };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: merged });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function statuses(run: Run): string[] {
  return JSON.parse(run.stdout).files[0].quotes.map((q: { status: string }) => q.status);
}

function tempFolder(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-archive-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('archive on PostgreSQL', function () {
  this.timeout(120_000);
  const suite = suiteCluster();

  before(() => assert.ok(fs.existsSync(CLI), 'dist/cli.js is built (node esbuild.js)'));

  it('imports only what changed, deletes what is gone, and reports it in status', async () => {
    const url = await suite.freshDatabase('incremental');
    const sources = tempFolder({
      'a.md': '---\nsource: Northern Wire\ndate: 2024-03-14\n---\n\nThe minister said the talks would resume in April after the survey.\n',
      'b.txt': 'A plain statement about the reservoir and the farms downstream of the border.\n',
      'c.html': '<html><head><title>Ledger page</title></head><body><article><p>The ledger reported a dispute over water rights.</p></article></body></html>',
    });
    try {
      const first = await cli(['archive', 'import', '--db', url, '--corpus', sources], REPO, {});
      assert.strictEqual(first.status, 0, first.stderr);
      assert.match(first.stdout, /3 added, 0 updated, 0 removed, 0 unchanged/);
      assert.match(first.stderr, /importing 3\/3 files/);
      const again = await cli(['archive', 'import', '--db', url, '--corpus', sources], REPO, {});
      assert.match(again.stdout, /0 added, 0 updated, 0 removed, 3 unchanged/);
      fs.writeFileSync(path.join(sources, 'b.txt'), 'A changed statement about the reservoir.\n');
      fs.rmSync(path.join(sources, 'c.html'));
      fs.writeFileSync(path.join(sources, 'd.txt'), 'A new transcript arrived today.\n');
      const third = await cli(['archive', 'import', '--db', url, '--corpus', sources], REPO, {});
      assert.match(third.stdout, /1 added, 1 updated, 1 removed, 1 unchanged/, third.stdout + third.stderr);
      const { rows } = await queryOn(url, 'SELECT path, title, meta, format FROM verbatim_documents ORDER BY path');
      assert.deepStrictEqual(rows.map((r) => path.basename(r.path)), ['a.md', 'b.txt', 'd.txt']);
      assert.deepStrictEqual(rows[0].meta, { source: 'Northern Wire', date: '2024-03-14' });
      assert.strictEqual(rows[0].format, 'markdown');
      const status = await cli(['archive', 'status', '--db', url], REPO, {});
      assert.strictEqual(status.status, 0, status.stderr);
      assert.match(status.stdout, /documents: +3\n/);
      assert.match(status.stdout, /on disk: +\d+\.\d MB/);
      assert.match(status.stdout, /last import: \d{4}-\d\d-\d\dT.* \(1 added, 1 updated, 1 removed, 1 unchanged\)/);
    } finally {
      fs.rmSync(sources, { recursive: true, force: true });
    }
  });

  it('leaves the archive as it was when an import fails half way', async () => {
    const url = await suite.freshDatabase('atomic');
    const sources = tempFolder({ 'a.txt': 'First source about the dam.\n', 'b.txt': 'Second source about the dam.\n' });
    const client = new Client({ connectionString: url });
    // The connection is cut on purpose below; its error event is expected.
    client.on('error', () => undefined);
    await client.connect();
    try {
      await importArchive(client, [sources]);
      fs.writeFileSync(path.join(sources, 'a.txt'), 'First source, rewritten.\n');
      fs.rmSync(path.join(sources, 'b.txt'));
      fs.writeFileSync(path.join(sources, 'c.txt'), 'Third source.\n');
      // The connection drops in the middle of the import, as when the process is killed.
      await assert.rejects(importArchive(client, [sources], {
        onProgress: ({ files }) => {
          if (files === 2) void suite.admin.query('SELECT pg_terminate_backend($1)', [(client as unknown as { processID: number }).processID]);
        },
      }));
      const check = new Client({ connectionString: url });
      await check.connect();
      const { rows } = await check.query('SELECT path FROM verbatim_documents ORDER BY path');
      const texts = await check.query("SELECT string_agg(text, '') AS text FROM verbatim_chunks");
      const status = await archiveStatus(check);
      await check.end();
      assert.deepStrictEqual(rows.map((r) => path.basename(r.path)), ['a.txt', 'b.txt']);
      assert.match(texts.rows[0].text, /First source about the dam/);
      assert.strictEqual(status.lastImport?.added, 2);
    } finally {
      await client.end().catch(() => undefined);
      fs.rmSync(sources, { recursive: true, force: true });
    }
  });

  it('creates a reader role that can read the archive and change nothing', async () => {
    const url = await suite.freshDatabase('readonly');
    const run = await cli(['archive', 'import', '--db', url, '--corpus', path.join(EXAMPLE, 'sources'), '--reader', 'newsroom_reader'], REPO, {});
    assert.strictEqual(run.status, 0, run.stderr);
    await suite.admin.query("ALTER ROLE newsroom_reader PASSWORD 'reader-secret'");
    const reader = new Client({ connectionString: `postgres://newsroom_reader:reader-secret@127.0.0.1:${suite.cluster.port}/readonly` });
    await reader.connect();
    try {
      const { rows } = await reader.query('SELECT count(*)::int AS n FROM verbatim_documents');
      assert.strictEqual(rows[0].n, fs.readdirSync(path.join(EXAMPLE, 'sources')).length);
      await assert.rejects(reader.query('DELETE FROM verbatim_chunks'), /read-only transaction|permission denied/);
      // Even with read-only transactions turned off, the role has no right to write.
      await reader.query('SET default_transaction_read_only = off');
      await assert.rejects(reader.query('DELETE FROM verbatim_chunks'), /permission denied/);
    } finally {
      await reader.end();
    }
  });

  describe('checking drafts against the archive', () => {
    let url: string;
    let empty: string;
    let localRun: Run;

    before(async () => {
      url = await suite.freshDatabase('example');
      const run = await cli(['archive', 'import', '--db', url, '--corpus', path.join(EXAMPLE, 'sources')], REPO, {});
      assert.strictEqual(run.status, 0, run.stderr);
      await suite.admin.query("DROP ROLE IF EXISTS writer; CREATE ROLE writer LOGIN PASSWORD 'writer-secret'");
      await queryOn(url, 'GRANT SELECT ON verbatim_archive, verbatim_documents, verbatim_chunks, verbatim_postings, verbatim_imports TO writer');
      empty = tempFolder({ 'sources/unrelated.txt': 'Nothing here is quoted by the draft at all.\n' });
      localRun = await cli(['check', '--format', 'json', '--config', path.join(EXAMPLE, 'verbatim.json'), path.join(EXAMPLE, 'draft.md')], REPO, {});
    });
    after(() => fs.rmSync(empty, { recursive: true, force: true }));

    /** The project folder, holding only `config` as its verbatim.json; runs name it with --config, since the example draft has its own verbatim.json beside it. */
    function project(config: Record<string, unknown>): string {
      fs.writeFileSync(path.join(empty, 'verbatim.json'), JSON.stringify({ corpus: ['sources'], ...config }));
      return empty;
    }

    it('gives the same verdicts from the archive as from the same sources on disk', async () => {
      const cwd = project({ archive: suite.cluster.url('example', 'writer') });
      const run = await cli(['check', '--format', 'json', '--config', path.join(cwd, 'verbatim.json'), path.join(EXAMPLE, 'draft.md')], cwd, { PGPASSWORD: 'writer-secret' });
      assert.strictEqual(run.stderr, '');
      assert.deepStrictEqual(statuses(run), statuses(localRun));
      const quotes = JSON.parse(run.stdout).files[0].quotes;
      const matched = quotes.find((q: { status: string }) => q.status === 'verbatim').match;
      assert.match(matched.source, /example\/sources\//);
      assert.ok(matched.title.length > 0);
    });

    it('without an archive the same project finds nothing', async () => {
      const cwd = project({});
      const run = await cli(['check', '--format', 'json', '--config', path.join(cwd, 'verbatim.json'), path.join(EXAMPLE, 'draft.md')], cwd, {});
      assert.ok(statuses(run).every((s) => s === 'unsupported'));
    });

    it('takes the archive from VERBATIM_ARCHIVE_URL as well', async () => {
      const cwd = project({});
      const run = await cli(['check', '--format', 'json', '--config', path.join(cwd, 'verbatim.json'), path.join(EXAMPLE, 'draft.md')], cwd, { VERBATIM_ARCHIVE_URL: suite.cluster.url('example', 'writer'), PGPASSWORD: 'writer-secret' });
      assert.deepStrictEqual(statuses(run), statuses(localRun));
    });

    it('ignores a password written in verbatim.json and says so; the refused login is one line', async () => {
      const withPassword = `postgres://writer:writer-secret@127.0.0.1:${suite.cluster.port}/example`;
      const cwd = project({ archive: withPassword });
      const run = await cli(['check', '--format', 'json', '--config', path.join(cwd, 'verbatim.json'), path.join(EXAMPLE, 'draft.md')], cwd, { PGPASSWORD: 'wrong' });
      const lines = run.stderr.trim().split('\n');
      assert.strictEqual(lines.length, 2, run.stderr);
      assert.match(lines[0], /holds a password, which is ignored; set PGPASSWORD or ~\/\.pgpass/);
      assert.match(lines[1], /refused the login .*checked against the local corpus only$/);
      assert.ok(!run.stderr.includes('writer-secret'));
      assert.ok(statuses(run).every((s) => s === 'unsupported'));
    });

    it('says in one line when the archive is down, and still gives the local verdicts', async () => {
      const port = await freePort();
      const cwd = project({ archive: `postgres://writer@127.0.0.1:${port}/example` });
      fs.writeFileSync(path.join(cwd, 'sources', 'halvik.txt'), fs.readFileSync(path.join(EXAMPLE, 'sources', '2024-03-14-halvik-press-conference.txt')));
      try {
        const run = await cli(['check', '--format', 'json', '--config', path.join(cwd, 'verbatim.json'), path.join(EXAMPLE, 'draft.md')], cwd, {});
        assert.match(run.stderr, /^verbatim: warning: the archive postgres:\/\/writer@127\.0\.0\.1:\d+\/example is not reachable \(.*\); checked against the local corpus only\n$/);
        assert.ok(statuses(run).includes('verbatim'));
        assert.strictEqual(run.status, 1);
      } finally {
        fs.rmSync(path.join(cwd, 'sources', 'halvik.txt'));
      }
    });

    it('stops waiting for a slow archive after the time limit', async () => {
      const cwd = project({ archive: suite.cluster.url('example', 'writer'), archiveTimeoutMs: 300 });
      // A transaction holding the chunks table makes every reader wait, as a busy server would.
      const blocker = new Client({ connectionString: url });
      await blocker.connect();
      await blocker.query('BEGIN; LOCK TABLE verbatim_chunks IN ACCESS EXCLUSIVE MODE');
      try {
        const began = Date.now();
        const run = await cli(['check', '--format', 'json', '--config', path.join(cwd, 'verbatim.json'), path.join(EXAMPLE, 'draft.md')], cwd, { PGPASSWORD: 'writer-secret' });
        assert.match(run.stderr, /did not answer within 300 ms; checked against the local corpus only\n$/);
        assert.strictEqual(run.stderr.trim().split('\n').length, 1);
        assert.ok(Date.now() - began < 15_000);
        assert.ok(statuses(run).every((s) => s === 'unsupported'));
      } finally {
        await blocker.query('ROLLBACK');
        await blocker.end();
      }
    });

    it('writes a refreshed local cache once the report is out, not while the archive is asked', async () => {
      const cwd = project({ archive: suite.cluster.url('example', 'writer') });
      const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-archive-held-'));
      const source = path.join(cwd, 'sources', 'unrelated.txt');
      const original = fs.readFileSync(source, 'utf8');
      // A second source, unchanged, so that the change below is refreshed rather than rebuilt.
      const kept = path.join(cwd, 'sources', 'kept.txt');
      fs.writeFileSync(kept, 'Another source the draft does not quote.\n');
      // In this process, so that the cache on disk can be read at the moment the report is written.
      const check = async (): Promise<{ status: number; atReport: unknown }> => {
        const command = parseArgs(['check', '--format', 'json', '--config', path.join(cwd, 'verbatim.json'), '--cache', cacheDir, path.join(EXAMPLE, 'draft.md')]);
        assert.ok(command.kind === 'check');
        let atReport: unknown = 'no report';
        const io = {
          cwd, env: { PGPASSWORD: 'writer-secret', NO_COLOR: '1' },
          stdout: { write: () => ((atReport = indexHeaderOnDisk(cacheDir)?.generation), true) },
          stderr: { write: () => true },
        };
        return { status: await runCheck(command.args, io, '0.0.0'), atReport };
      };
      try {
        await check();
        const before = indexHeaderOnDisk(cacheDir)?.generation;
        assert.ok(before);
        // One local source changed: the cache is refreshed, and its write waits for the report.
        fs.writeFileSync(source, `${original}A line added since.\n`);
        const run = await check();
        // 1: the example draft has quotes the sources do not support; 2 would be a failed run.
        assert.strictEqual(run.status, 1);
        assert.strictEqual(run.atReport, before);
        assert.notStrictEqual(indexHeaderOnDisk(cacheDir)?.generation, before);
      } finally {
        fs.writeFileSync(source, original);
        fs.rmSync(kept, { force: true });
        fs.rmSync(cacheDir, { recursive: true, force: true });
      }
    });

    describe('in the language server', () => {
      const draftText = 'Halvik said: "We came to these talks in good faith, and we leave them with a written timetable for the next round."\n';

      async function openIn(cwd: string, initializationOptions: unknown, env: Record<string, string> = {}): Promise<{ client: LspTestClient; diagnostics: { code?: unknown }[]; uri: string }> {
        const client = await LspTestClient.start({
          rootUri: pathToFileURL(cwd).href,
          capabilities: { workspace: { configuration: false } },
          initializationOptions,
          env: { PGPASSWORD: 'writer-secret', ...env },
        });
        const uri = pathToFileURL(path.join(cwd, 'draft.md')).href;
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: draftText } });
        const published = await client.diagnostics(uri, (p) => p.version === 1, 'diagnostics of draft.md');
        return { client, diagnostics: published.diagnostics, uri };
      }

      it('finds the quote in the archive and says the archive answered', async () => {
        const { client, diagnostics } = await openIn(project({ archive: suite.cluster.url('example', 'writer') }), {});
        try {
          assert.deepStrictEqual(diagnostics, []);
          const state = await client.waitFor((m) => m.method === 'verbatim/archiveState', 'the archive state');
          assert.deepStrictEqual(state.params, { archive: suite.cluster.url('example', 'writer'), ok: true });
        } finally {
          await client.stop();
        }
      });

      it('closes its archive connection when it shuts down', async () => {
        // Only this server's connections count: earlier tests' may still be ending.
        const before = (await suite.admin.query(`SELECT coalesce(array_agg(pid), '{}') AS pids FROM pg_stat_activity WHERE usename = 'writer'`)).rows[0].pids;
        const { client } = await openIn(project({ archive: suite.cluster.url('example', 'writer') }), {});
        const writers = async () => (await suite.admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = 'writer' AND pid <> ALL($1::int[])`, [before])).rows[0].n as number;
        try {
          await client.waitFor((m) => m.method === 'verbatim/archiveState', 'the archive state');
          assert.ok((await writers()) >= 1, 'the server holds a connection while it runs');
          await client.connection.sendRequest('shutdown');
          // The backend leaves pg_stat_activity as it exits, just after the connection ends:
          // asked again until it has, or until the server's process ends without ending it.
          const until = Date.now() + 5000;
          let open = await writers();
          while (open > 0 && Date.now() < until) open = await writers();
          assert.strictEqual(open, 0, 'the connection was ended before the server answered the shutdown');
        } finally {
          await client.stop();
        }
      });

      it('does not contact the archive of an untrusted workspace', async () => {
        // The archive named is a listener that counts who connects to it.
        const connections: net.Socket[] = [];
        const listener = net.createServer((socket) => connections.push(socket));
        await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
        const port = (listener.address() as net.AddressInfo).port;
        const { client, diagnostics, uri } = await openIn(project({ archive: `postgres://writer@127.0.0.1:${port}/example` }), { trusted: false });
        try {
          assert.deepStrictEqual(diagnostics.map((d) => d.code), ['unsupported']);
          // A hover asks the server once more, after the check that would have contacted it.
          await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
          assert.ok(!client.received.some((m) => m.method === 'verbatim/archiveState'));
          assert.strictEqual(connections.length, 0, 'nothing connected to the archive');
        } finally {
          await client.stop();
          for (const socket of connections) socket.destroy();
          await new Promise((resolve) => listener.close(resolve));
        }
      });

      it('says in one line when the archive is down and still publishes the local verdicts', async () => {
        const port = await freePort();
        const { client, diagnostics } = await openIn(project({ archive: `postgres://writer@127.0.0.1:${port}/example` }), {});
        try {
          assert.deepStrictEqual(diagnostics.map((d) => d.code), ['unsupported']);
          const state = await client.waitFor((m) => m.method === 'verbatim/archiveState', 'the archive state');
          const params = state.params as { ok: boolean; message: string };
          assert.strictEqual(params.ok, false);
          assert.match(params.message, /^the archive postgres:\/\/writer@127\.0\.0\.1:\d+\/example is not reachable .*; showing verdicts from the local corpus only$/);
        } finally {
          await client.stop();
        }
      });
    });

    it('passes quote words as parameters, never as SQL', async () => {
      const draft = path.join(empty, 'draft.md');
      fs.writeFileSync(draft, 'He said "the talks\'); DROP TABLE verbatim_chunks; -- would resume in April" yesterday.\n');
      const cwd = project({ archive: suite.cluster.url('example', 'writer') });
      const run = await cli(['check', '--format', 'json', draft], cwd, { PGPASSWORD: 'writer-secret' });
      assert.strictEqual(run.stderr, '');
      const { rows } = await queryOn(url, 'SELECT count(*)::int AS n FROM verbatim_chunks');
      assert.ok(rows[0].n > 0);
    });
  });

  it('rejects a URL that is not PostgreSQL, in one line', async () => {
    const run = await cli(['archive', 'status', '--db', 'mysql://host/db'], REPO, {});
    assert.strictEqual(run.status, 2);
    assert.strictEqual(run.stderr, 'verbatim: "mysql://…" is not a PostgreSQL URL (like postgres://host/db)\n');
    assert.strictEqual(parseArchiveUrl('postgres://u:secret@h/db').display, 'postgres://u@h/db');
  });

  async function queryOn(url: string, sql: string): Promise<{ rows: Record<string, any>[] }> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  }
});

