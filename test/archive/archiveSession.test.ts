// A writer's archive session against a real PostgreSQL: closing it (as the server does when
// verbatim.json changes) lets a check already running finish with the archive's verdicts, and
// checks after that return the local verdicts without touching the closed pool. A draft is
// looked up over the connections already open, and a first check opens only one. Warming opens
// one connection (and reads the layout) ahead of the first check, which then runs on it.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { checkAgainstArchive } from '../../src/archive/archiveCheck';
import { openPool } from '../../src/archive/archiveConnection';
import { ArchiveSession } from '../../src/archive/archiveSession';
import { importArchive } from '../../src/archive/importArchive';
import { Checker, CorpusIndex } from '../../src/core/checker';
import { freePort, startCluster, SUPERUSER_PASSWORD, type PgCluster } from './pgCluster';

const QUOTE = 'the reservoir will be refilled before the first frost reaches the valley';
const DRAFT = `# Winter\n\nThe engineer said "${QUOTE}" at the hearing.\n`;

/** Thirty sources, each with a sentence no other holds, and a draft quoting all of them. */
const PLACES = Array.from({ length: 30 }, (_, k) => `Harbour${String.fromCharCode(97 + (k % 26))}${String.fromCharCode(97 + Math.floor(k / 26))}`);
const said = (place: string) => `the ferries to ${place} will sail twice a day once the new pier in ${place} opens`;
const LONG_DRAFT = `# Ferries\n\n${PLACES.map((place) => `The council said "${said(place)}" on Monday.`).join('\n\n')}\n`;

/** The draft's quotes with their verdicts from an empty local corpus (all unsupported). */
function localVerdicts() {
  const checker = new Checker(CorpusIndex.build({ documents: [], warnings: [] }));
  const quotes = checker.quotesOf(DRAFT, 'markdown');
  return { checker, quotes, local: quotes.map((quote) => checker.checkQuote(DRAFT, quote)) };
}

/** Lists the Verbatim connections the server has opened since it was called, oldest first. */
async function newBackends(admin: Client): Promise<() => Promise<{ pid: number; query: string }[]>> {
  const before = (await admin.query(`SELECT coalesce(array_agg(pid), '{}') AS pids FROM pg_stat_activity WHERE application_name = 'verbatim'`)).rows[0].pids;
  return async () => (await admin.query(`SELECT pid, query FROM pg_stat_activity WHERE application_name = 'verbatim' AND pid <> ALL($1::int[]) ORDER BY pid`, [before])).rows;
}

describe('archive session', function () {
  this.timeout(120_000);
  let cluster: PgCluster;
  let root: string;
  let savedPassword: string | undefined;

  before(async () => {
    cluster = await startCluster();
    savedPassword = process.env.PGPASSWORD;
    process.env.PGPASSWORD = SUPERUSER_PASSWORD;
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-archive-session-'));
    fs.writeFileSync(path.join(root, 'hearing.txt'), `At the hearing the engineer Marta Olsen answered that ${QUOTE}, and left.\n`);
    for (const place of PLACES) fs.writeFileSync(path.join(root, `${place}.txt`), `A council spokesman told reporters that ${said(place)}.\n`);
    const client = new Client({ connectionString: cluster.url() });
    await client.connect();
    try {
      await importArchive(client, [root]);
    } finally {
      await client.end();
    }
  });

  after(() => {
    cluster?.stop();
    fs.rmSync(root, { recursive: true, force: true });
    if (savedPassword === undefined) delete process.env.PGPASSWORD;
    else process.env.PGPASSWORD = savedPassword;
  });

  function session(): ArchiveSession {
    return new ArchiveSession({ target: { url: cluster.url(), display: 'the test archive', hadPassword: false }, timeoutMs: 5000, from: 'test' });
  }

  it('finishes a running check before closing, then answers from the local corpus only', async () => {
    const { checker, quotes, local } = localVerdicts();
    assert.deepStrictEqual(local.map((r) => r.status), ['unsupported']);
    const s = session();
    const running = s.check(DRAFT, quotes, local, checker.options);
    const closed = s.close();
    const merged = await running;
    await closed;
    assert.deepStrictEqual(merged.map((r) => r.status), ['verbatim'], 'the check begun before closing ends with the archive’s verdict');
    assert.strictEqual(s.state.kind, 'ok');
    const after = await s.check(DRAFT, quotes, local, checker.options);
    assert.strictEqual(after, local, 'a closed session returns the local verdicts as they are');
    assert.strictEqual(s.state.kind, 'ok', 'and does not report the archive as failed');
    await assert.rejects(s.documentText('1'), /closed/);
  });

  it('looks a draft up on one new connection, or over the connections already open', async () => {
    const checker = new Checker(CorpusIndex.build({ documents: [], warnings: [] }));
    const quotes = checker.quotesOf(LONG_DRAFT, 'markdown');
    assert.strictEqual(quotes.length, PLACES.length);
    const admin = new Client({ connectionString: cluster.url() });
    await admin.connect();
    const pool = openPool({ url: cluster.url(), display: 'the test archive', hadPassword: false }, 5000, 4);
    try {
      const { rows } = await admin.query('SELECT pair_buckets, frequent_pairs FROM verbatim_archive');
      const layout = { buckets: rows[0].pair_buckets, frequent: new Set<number>(rows[0].frequent_pairs) };
      const check = () => checkAgainstArchive(pool, 'test', layout, LONG_DRAFT, quotes, checker.options);
      const first = await check();
      assert.deepStrictEqual(first.map((r) => r.status), quotes.map(() => 'verbatim'));
      assert.strictEqual(pool.totalCount, 1, 'a first check opens one connection, not one per part of the draft');
      // Four connections open and idle: the draft's lookups go over them.
      const held = await Promise.all([0, 1, 2, 3].map(() => pool.connect()));
      const pids = held.map((c) => (c as unknown as { processID: number }).processID);
      for (const c of held) c.release();
      const split = await check();
      assert.deepStrictEqual(split.map((r) => r.status), first.map((r) => r.status), 'the same verdicts');
      assert.deepStrictEqual(split.map((r) => r.match?.document.path), first.map((r) => r.match?.document.path), 'from the same sources');
      assert.strictEqual(pool.totalCount, 4, 'and no connection more');
      const looked = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY($1::int[]) AND query LIKE '%verbatim_chunks%'`, [pids]);
      assert.ok(looked.rows[0].n >= 2, `the draft was looked up over several connections (${looked.rows[0].n})`);
    } finally {
      await pool.end();
      await admin.end();
    }
  });

  /** Runs `test` with a new session and a list of the connections opened since it began. */
  async function withSession(test: (s: ArchiveSession, backends: () => Promise<{ pid: number; query: string }[]>) => Promise<void>): Promise<void> {
    const admin = new Client({ connectionString: cluster.url() });
    await admin.connect();
    const s = session();
    try {
      await test(s, await newBackends(admin));
    } finally {
      await s.close();
      await admin.end();
    }
  }

  it('opens one connection ahead of the first check, which then runs on it', async () => {
    const { checker, quotes, local } = localVerdicts();
    await withSession(async (s, backends) => {
      await s.warm();
      const warmed = await backends();
      assert.strictEqual(warmed.length, 1, 'warming opens one connection');
      assert.match(warmed[0].query, /FROM verbatim_archive/, 'and reads the archive’s layout on it');
      const merged = await s.check(DRAFT, quotes, local, checker.options);
      assert.deepStrictEqual(merged.map((r) => r.status), ['verbatim']);
      const after = await backends();
      assert.deepStrictEqual(after.map((b) => b.pid), [warmed[0].pid], 'the check ran on that connection and opened no other');
      assert.match(after[0].query, /verbatim_documents/);
      await s.warm();
      assert.deepStrictEqual((await backends()).map((b) => b.pid), [warmed[0].pid], 'warming again with a connection open does nothing');
    });
  });

  it('lets a check that comes while the connection is being opened wait for it, and open no other', async () => {
    const { checker, quotes, local } = localVerdicts();
    await withSession(async (s, backends) => {
      const warming = s.warm();
      const merged = await s.check(DRAFT, quotes, local, checker.options);
      await warming;
      assert.deepStrictEqual(merged.map((r) => r.status), ['verbatim']);
      assert.strictEqual((await backends()).length, 1, 'the check ran on the connection being opened');
    });
  });

  it('counts a warming that cannot connect as a failure, so the next check answers from the local corpus at once', async () => {
    const { checker, quotes, local } = localVerdicts();
    const port = await freePort();
    const s = new ArchiveSession({ target: { url: `postgres://nobody@127.0.0.1:${port}/none`, display: 'the closed archive', hadPassword: false }, timeoutMs: 5000, from: 'test' });
    try {
      await s.warm();
      assert.strictEqual(s.state.kind, 'failed');
      assert.strictEqual(s.failure?.failure, 'down');
      const failedState = s.state;
      const result = await s.check(DRAFT, quotes, local, checker.options);
      assert.strictEqual(result, local, 'the local verdicts come back');
      // A check that tried the archive again would have failed again and recorded a new state
      // with a later retry time.
      assert.strictEqual(s.state, failedState, 'the check is not tried again while the archive is left alone');
    } finally {
      await s.close();
    }
  });
});
