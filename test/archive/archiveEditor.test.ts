// The archive in the editor, over stdio against dist/server.js and a throwaway PostgreSQL:
// Go to Definition on a quote found only in the archive opens the archived document as a
// read-only `verbatim-archive:` document whose range holds the passage; the archive's state
// reaches the client with the kind of failure the status item names; trust granted after the
// start lets the archive be contacted without a restart.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { pathToFileURL } from 'url';
import { importArchive } from '../../src/archive/importArchive';
import { archiveStatusView } from '../../src/client/archiveStatus';
import { parseOpenSourceTextArgs, rewriteSourceLinks } from '../../src/client/sourceLinks';
import { LineIndex } from '../../src/core/lineIndex';
import { archiveDocumentUri, parseArchiveDocumentUri } from '../../src/shared/archiveUri';
import { LspTestClient } from '../server/lspTestClient';
import { startCluster, SUPERUSER_PASSWORD, type PgCluster } from './pgCluster';

const QUOTE = 'the reservoir will be refilled before the first frost reaches the valley';

/** A long transcript: the quoted sentence sits several chunks in, in the middle of a line. */
function longSource(): string {
  const lines: string[] = [];
  for (let k = 0; k < 60; k++) {
    lines.push(`Paragraph ${k} of the hearing record notes witness ${k * 7} describing ledger entry ${k * 13}, canal gate ${k + 2} and pump station ${k * 3 + 1} in turn.`);
    if (k === 41) lines.push(`Asked about the winter, the engineer Marta Olsen answered that ${QUOTE}, and then left the room.`);
  }
  return `${lines.join('\n')}\n`;
}

describe('archive in the editor', function () {
  this.timeout(120_000);
  let cluster: PgCluster;
  let root: string;
  let url: string;
  const sourceText = longSource();

  before(async () => {
    cluster = await startCluster();
    url = cluster.url('postgres');
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-archive-editor-'));
    const archived = path.join(root, 'archived');
    fs.mkdirSync(archived);
    fs.writeFileSync(path.join(archived, 'hearing (day 2).txt'), sourceText);
    const client = new Client({ connectionString: url.replace('@', `:${SUPERUSER_PASSWORD}@`) });
    await client.connect();
    try {
      await importArchive(client, [archived]);
    } finally {
      await client.end();
    }
    fs.mkdirSync(path.join(root, 'project', 'sources'), { recursive: true });
    fs.writeFileSync(path.join(root, 'project', 'sources', 'unrelated.txt'), 'Nothing here is quoted by the draft at all.\n');
    fs.writeFileSync(path.join(root, 'project', 'verbatim.json'), JSON.stringify({ corpus: ['sources'], archive: url }));
  });

  after(() => {
    cluster?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  const draftText = `Olsen told the committee: "${QUOTE.replace(/^the/, 'The')}."\n`;

  async function open(initializationOptions: unknown, password = SUPERUSER_PASSWORD): Promise<{ client: LspTestClient; uri: string; codes: unknown[] }> {
    const cwd = path.join(root, 'project');
    const client = await LspTestClient.start({ rootUri: pathToFileURL(cwd).href, capabilities: { workspace: { configuration: false } }, initializationOptions, env: { PGPASSWORD: password } });
    const uri = pathToFileURL(path.join(cwd, 'draft.md')).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: draftText } });
    const published = await client.diagnostics(uri, (p) => p.version === 1, 'diagnostics of draft.md');
    return { client, uri, codes: published.diagnostics.map((d) => d.code) };
  }

  it('opens an archived source as a read-only document at the passage', async () => {
    const { client, uri, codes } = await open({});
    try {
      assert.deepStrictEqual(codes, []);
      const at = { line: 0, character: draftText.indexOf('reservoir') };
      const locations = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: at }) as { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
      assert.strictEqual(locations.length, 1);
      const location = locations[0];
      assert.match(location.uri, /^verbatim-archive:\/\d+\/.*hearing%20%28day%202%29\.txt%20%28archived%29\?db=/);
      const shown = await client.connection.sendRequest('verbatim/sourceText', { uri: location.uri }) as { text: string };
      // The whole document, put back together from its chunks (the final line break is no prose).
      assert.strictEqual(shown.text, sourceText.trimEnd());
      const lines = new LineIndex(shown.text);
      const passage = shown.text.slice(lines.offset(location.range.start.line, location.range.start.character), lines.offset(location.range.end.line, location.range.end.character));
      assert.strictEqual(passage.toLowerCase(), QUOTE);
      assert.strictEqual(location.range.start.line, 42);
      // The hover links to the same document at the passage's line.
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at }) as { contents: { value: string } };
      assert.ok(hover.contents.value.includes(`](${location.uri}#L43)`), hover.contents.value);
      // VS Code follows no such link from a hover: the client turns it into its open-source command.
      const args = encodeURIComponent(JSON.stringify([location.uri, 43]));
      assert.ok(rewriteSourceLinks(hover.contents.value).includes(`](command:verbatim.openSourceText?${args})`));
      assert.deepStrictEqual(parseOpenSourceTextArgs(location.uri, 43), [location.uri, 43]);
    } finally {
      await client.stop();
    }
  });

  it('says why it cannot show an archived document the archive no longer holds', async () => {
    const { client } = await open({});
    try {
      const gone = archiveDocumentUri(url, '999999', '/srv/archive/gone.txt');
      await assert.rejects(client.connection.sendRequest('verbatim/sourceText', { uri: gone }), /no longer holds this document/);
    } finally {
      await client.stop();
    }
  });

  it('contacts the archive once the workspace is trusted, without a restart', async () => {
    const { client, uri, codes } = await open({ trusted: false });
    try {
      assert.deepStrictEqual(codes, ['unsupported']);
      assert.ok(!client.received.some((m) => m.method === 'verbatim/archiveState'));
      await client.connection.sendNotification('verbatim/workspaceTrust', { trusted: true });
      await client.diagnostics(uri, (p) => p.diagnostics.length === 0, 'diagnostics after trust was granted', true);
      const state = await client.waitFor((m) => m.method === 'verbatim/archiveState', 'the archive state');
      assert.deepStrictEqual(state.params, { archive: url, ok: true });
    } finally {
      await client.stop();
    }
  });

  it('names a refused login in the state the status item shows', async () => {
    const { client, codes } = await open({}, 'wrong-password');
    try {
      assert.deepStrictEqual(codes, ['unsupported']);
      const state = await client.waitFor((m) => m.method === 'verbatim/archiveState', 'the archive state');
      const params = state.params as { ok: boolean; failure: string; message: string; archive: string };
      assert.strictEqual(params.failure, 'login');
      assert.doesNotMatch(params.message, /\n/);
      const view = archiveStatusView(params);
      assert.strictEqual(view.text, 'Archive login refused');
      assert.strictEqual(view.severity, 1);
      assert.match(view.detail, /refused the login .*PGPASSWORD or ~\/\.pgpass; showing verdicts from the local corpus only$/);
      assert.deepStrictEqual(archiveStatusView({ archive: url, ok: true }).text, 'Archive connected');
    } finally {
      await client.stop();
    }
  });

  it('names an archive of another schema version in one line, and keeps the local verdicts', async () => {
    const admin = new Client({ connectionString: url.replace('@', `:${SUPERUSER_PASSWORD}@`) });
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE older');
      const older = new Client({ connectionString: cluster.url('older').replace('@', `:${SUPERUSER_PASSWORD}@`) });
      await older.connect();
      await older.query('CREATE TABLE verbatim_archive (version integer NOT NULL); INSERT INTO verbatim_archive VALUES (1)');
      await older.end();
    } finally {
      await admin.end();
    }
    const config = path.join(root, 'project', 'verbatim.json');
    fs.writeFileSync(config, JSON.stringify({ corpus: ['sources'], archive: cluster.url('older') }));
    try {
      const { client, codes } = await open({});
      try {
        assert.deepStrictEqual(codes, ['unsupported']);
        const state = await client.waitFor((m) => m.method === 'verbatim/archiveState', 'the archive state');
        const params = state.params as { failure: string; message: string };
        assert.strictEqual(params.failure, 'not-an-archive');
        assert.match(params.message, /^the archive \S+\/older has schema version 1, and this Verbatim reads version 4 \(import the sources again into a new database\); showing verdicts from the local corpus only$/);
      } finally {
        await client.stop();
      }
    } finally {
      fs.writeFileSync(config, JSON.stringify({ corpus: ['sources'], archive: url }));
    }
  });

  it('reads back the archive and document a verbatim-archive URI names, re-encoded or not', () => {
    const uri = archiveDocumentUri('postgres://writer@db.example:5432/news', '42', 'C:\\Archive\\Ström (draft)\\a b.txt');
    assert.doesNotMatch(uri, /[ ()]/);
    assert.deepStrictEqual(parseArchiveDocumentUri(uri), { archive: 'postgres://writer@db.example:5432/news', id: '42' });
    const reencoded = uri.replace('?db=', '?db%3D').replace(/^verbatim-archive:\//, 'verbatim-archive:///');
    assert.deepStrictEqual(parseArchiveDocumentUri(reencoded), { archive: 'postgres://writer@db.example:5432/news', id: '42' });
    assert.strictEqual(parseArchiveDocumentUri('verbatim-source:/a.pdf'), null);
  });
});
