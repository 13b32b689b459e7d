// End-to-end: Neovim 0.7 (headless) as the LSP client of the bundled server, to prove the
// server works with an editor other than VS Code, with settings passed as initializationOptions.

import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { copyFixture, findOnPath, repoRoot, requireTools } from './e2eTools';

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
}

interface NvimObservations {
  version: { major: number; minor: number; patch: number };
  diagnostics_received: boolean;
  diagnostics: NvimDiagnostic[];
  hover: string | null;
  actions: { title: string; kind: string | null; newTexts: string[] }[];
  errors: string[];
}

/** vim.diagnostic.severity.INFO: the drift severity the test asks for through initializationOptions. */
const SEVERITY_INFO = 3;
const RUN_TIMEOUT_MS = 90_000;

/** The 0-based line and UTF-16 column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is in the fixture`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Runs the Lua client on `draft` in its own process group and returns what it observed. */
function runNeovim(nvim: string, draft: string, env: NodeJS.ProcessEnv, out: string): Promise<NvimObservations> {
  const script = path.join(repoRoot(), 'test', 'e2e', 'nvim-client.lua');
  const child = spawn(nvim, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`, draft], {
    cwd: path.dirname(draft), env, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const killGroup = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group (Neovim and the server it started) has already exited.
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { killGroup(); reject(new Error(`nvim did not finish in ${RUN_TIMEOUT_MS} ms:\n${output}`)); }, RUN_TIMEOUT_MS);
    child.once('error', (error) => { clearTimeout(timer); reject(error); });
    child.once('exit', (code) => {
      clearTimeout(timer);
      // The language server may outlive Neovim's exit by a moment; it must not outlive the test.
      killGroup();
      if (!fs.existsSync(out)) return reject(new Error(`nvim exited with ${code} without writing ${out}:\n${output}`));
      resolve(JSON.parse(fs.readFileSync(out, 'utf8')) as NvimObservations);
    });
  });
}

describe('Neovim end to end', function () {
  this.timeout(RUN_TIMEOUT_MS + 10_000);
  let seen: NvimObservations;
  let draftText = '';
  let temp = '';

  before(async function () {
    const nvim = findOnPath('nvim');
    const server = path.join(repoRoot(), 'dist', 'server.js');
    requireTools(this, 'Neovim end-to-end tests', [{ name: 'nvim (apt-get install neovim)', present: nvim !== null }]);
    assert.ok(fs.existsSync(server), `${server} is built (node esbuild.js)`);
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-e2e-nvim-'));
    const workspace = copyFixture(path.join(repoRoot(), 'test', 'fixtures', 'e2e-workspace'), temp);
    const draft = path.join(workspace, 'draft.md');
    draftText = fs.readFileSync(draft, 'utf8');
    const hover = positionOf(draftText, 'room');
    const state = path.join(temp, 'nvim-state');
    const out = path.join(temp, 'observations.json');
    seen = await runNeovim(nvim as string, draft, {
      ...process.env,
      XDG_CONFIG_HOME: path.join(state, 'config'),
      XDG_DATA_HOME: path.join(state, 'data'),
      XDG_STATE_HOME: path.join(state, 'state'),
      XDG_CACHE_HOME: path.join(state, 'cache'),
      SERVER: server,
      OUT: out,
      WAIT_FOR: 'Drift',
      INIT_OPTIONS: JSON.stringify({ settings: { verbatim: { severity: { drift: 'information' } } } }),
      HOVER_LINE: String(hover.line),
      HOVER_CHARACTER: String(hover.character + 1),
    }, out);
  });

  after(() => {
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  });

  it('receives the drift diagnostic on exactly the drifted word', () => {
    assert.deepStrictEqual(seen.errors, []);
    assert.ok(seen.diagnostics_received, `a drift diagnostic arrived; got ${JSON.stringify(seen.diagnostics)}`);
    const drift = seen.diagnostics.find((d) => d.message.includes('Drift'));
    assert.ok(drift);
    assert.match(drift.message, /Drift: sources say "ground", not "room"/);
    const room = positionOf(draftText, 'room');
    assert.deepStrictEqual([drift.lnum, drift.col, drift.end_lnum, drift.end_col], [room.line, room.character, room.line, room.character + 'room'.length]);
  });

  it('applies settings passed as initializationOptions', () => {
    const drift = seen.diagnostics.find((d) => d.message.includes('Drift'));
    assert.strictEqual(drift?.severity, SEVERITY_INFO, 'severity.drift "information" from init_options');
  });

  it('reports the unsupported quote and leaves the verbatim one alone', () => {
    const lines = draftText.split('\n');
    const lineOf = (needle: string) => lines.findIndex((line) => line.includes(needle));
    assert.ok(seen.diagnostics.some((d) => d.lnum === lineOf('lasting settlement')), `unsupported quote flagged: ${JSON.stringify(seen.diagnostics)}`);
    assert.ok(!seen.diagnostics.some((d) => d.lnum === lineOf('unload a single ship')), 'verbatim quote not flagged');
  });

  it('answers a hover on the drift with the source title and wording', () => {
    assert.ok(seen.hover, 'a hover came back');
    assert.match(seen.hover, /Coastal Herald/);
    assert.match(seen.hover, /ground/);
  });

  it('offers a quick fix that restores the source wording', () => {
    const fix = seen.actions.find((action) => action.newTexts.some((text) => /\bground\b/.test(text)));
    assert.ok(fix, `a code action writes "ground": ${JSON.stringify(seen.actions)}`);
  });
});
