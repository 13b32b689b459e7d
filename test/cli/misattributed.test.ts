// The `misattributed` status in the CLI's three outputs: the run fails, JSON names the draft's
// speaker and the sources' speakers, text explains whose words they are, and SARIF reports an
// error on the speaker's name. The CLI runs in-process against sources written for the tests.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { JsonReport } from '../../src/cli/formatJson';
import { parseArgs } from '../../src/cli/parseArgs';
import { EXIT_OK, EXIT_QUOTES_FAILED, runCheck } from '../../src/cli/runCheck';

// The bundled test runs from out/test/cli, three levels below the repository root.
const REPO = path.resolve(__dirname, '../../..');
const SOURCES = path.join(REPO, 'test/fixtures/attribution/sources');
const STRIKE = 'Harbour strike enters second week as talks stall';

const DRAFT = [
  '# Strike notes',
  '',
  '“We have put forward the best offer this port can afford,” union leader Kai Brandt said.',
  '',
  '“Nobody walks off a job for fun,” Brandt said.',
  '',
  '',
].join('\n');

interface Output {
  status: number;
  stdout: string;
}

async function check(dir: string, format: string, draft = DRAFT): Promise<Output> {
  fs.writeFileSync(path.join(dir, 'draft.md'), draft);
  const command = parseArgs(['check', '--format', format, '--allow-outside', '--corpus', SOURCES, 'draft.md']);
  assert.strictEqual(command.kind, 'check');
  let stdout = '';
  const io = { cwd: dir, env: { NO_COLOR: '1' }, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true } };
  const status = await runCheck(command.args, io, '0.0.0');
  return { status, stdout };
}

describe('verbatim CLI: misattributed quotes', function () {
  let dir: string;

  before(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-misattributed-'));
  });

  after(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails the run', async function () {
    assert.strictEqual((await check(dir, 'text')).status, EXIT_QUOTES_FAILED);
    const right = '“We have put forward the best offer this port can afford,” Tomas Berg said.\n';
    assert.strictEqual((await check(dir, 'text', right)).status, EXIT_OK);
  });

  it('says in text whose words they are', async function () {
    const all = (await check(dir, 'text')).stdout.trimEnd().split('\n');
    const lines = all.filter((line) => line.startsWith('draft.md:'));
    assert.match(lines[0], new RegExp(`^draft\\.md:3:2 error misattributed "We have put forward the best offer this port can afford," → ${STRIKE}: these words are Tomas Berg's, not Kai Brandt's`));
    assert.match(lines[1], /^draft\.md:5:2 verbatim "Nobody walks off a job for fun," → /);
    assert.strictEqual(all[all.length - 1], '2 quotes: 1 verbatim, 0 drifted, 0 unsupported, 1 misattributed');
  });

  it('gives the draft’s speaker, the sources’ speakers and the fix in JSON', async function () {
    const report: JsonReport = JSON.parse((await check(dir, 'json')).stdout);
    const [offer, walks] = report.files[0].quotes;
    assert.strictEqual(offer.status, 'misattributed');
    assert.strictEqual(offer.speaker, 'Kai Brandt');
    assert.deepStrictEqual(offer.sourceSpeakers, [{ name: 'Tomas Berg', fullName: 'Tomas Berg', title: STRIKE, source: path.relative(dir, path.join(SOURCES, 'harbour-strike.txt')) }]);
    assert.deepStrictEqual(offer.misattribution, {
      replacement: 'Tomas Berg',
      range: { start: { line: 2, character: DRAFT.split('\n')[2].indexOf('Kai') }, end: { line: 2, character: DRAFT.split('\n')[2].indexOf(' said') } },
      message: `in "${STRIKE}" these words are Tomas Berg's, not Kai Brandt's`,
    });
    assert.strictEqual(walks.status, 'verbatim');
    assert.strictEqual(walks.misattribution, null);
    assert.deepStrictEqual(walks.sourceSpeakers.map((s) => s.name), ['Brandt']);
    assert.strictEqual(report.summary.misattributed, 1);
    assert.strictEqual(report.summary.failing, 1);
  });

  it('reports an error on the speaker’s name in SARIF', async function () {
    const log = JSON.parse((await check(dir, 'sarif')).stdout);
    const rule = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'misattributed');
    assert.strictEqual(rule.defaultConfiguration.level, 'error');
    const [result] = log.runs[0].results;
    assert.strictEqual(log.runs[0].results.length, 1);
    assert.strictEqual(result.ruleId, 'misattributed');
    assert.strictEqual(result.level, 'error');
    const line = DRAFT.split('\n')[2];
    assert.deepStrictEqual(result.locations[0].physicalLocation.region, { startLine: 3, startColumn: line.indexOf('Kai') + 1, endLine: 3, endColumn: line.indexOf(' said') + 1 });
    assert.match(result.message.text, /^Misattributed: in \[Harbour strike enters second week as talks stall\]\(1\) these words are Tomas Berg's, not Kai Brandt's: "We have put forward/);
    assert.match(result.relatedLocations[0].physicalLocation.artifactLocation.uri, /harbour-strike\.txt$/);
  });
});
