// A writer's archive session against a real PostgreSQL: closing it (as the server does when
// verbatim.json changes) lets a check already running finish with the archive's verdicts, and
// checks after that return the local verdicts without touching the closed pool.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { ArchiveSession } from '../../src/archive/archiveSession';
import { importArchive } from '../../src/archive/importArchive';
import { Checker, CorpusIndex } from '../../src/core/checker';
import { startCluster, SUPERUSER_PASSWORD, type PgCluster } from './pgCluster';

const QUOTE = 'the reservoir will be refilled before the first frost reaches the valley';
const DRAFT = `# Winter\n\nThe engineer said "${QUOTE}" at the hearing.\n`;

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
    const checker = new Checker(CorpusIndex.build({ documents: [], warnings: [] }));
    const quotes = checker.quotesOf(DRAFT, 'markdown');
    const local = quotes.map((quote) => checker.checkQuote(DRAFT, quote));
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
});
