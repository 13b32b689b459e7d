// A cache write killed halfway leaves its temporary file behind; the next run removes it, and
// never a temporary file that a live process is still writing.

import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { removeOrphanedTemporaries, temporaryPath } from '../../../src/core/cache/temporaryFiles';

// The bundled test runs from out/test/core/cache, four levels below the repository root.
const REPO = path.resolve(__dirname, '../../../..');
const CLI = path.join(REPO, 'dist/cli.js');

function temporaries(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

describe('temporary cache files', function () {
  this.timeout(120_000);
  const made: string[] = [];
  after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  function folder(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-tmpfiles-'));
    made.push(dir);
    return dir;
  }

  it('are removed by the next run after a run was killed while writing the cache', async () => {
    const project = folder();
    const sources = path.join(project, 'sources');
    const paragraph = 'The harbour master said the new quay would open in the spring, weather permitting, and that the fleet would return. ';
    for (let i = 0; i < 800; i++) {
      const dir = path.join(sources, `part-${Math.floor(i / 200)}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `article-${i}.txt`), `Article ${i}. ${paragraph.repeat(40)}`);
    }
    fs.writeFileSync(path.join(project, 'draft.md'), 'She said “the new quay would open in the spring”.\n');
    const cache = path.join(project, 'index-cache');
    fs.mkdirSync(cache);

    // Killed once its texts file has taken a first batch of text: a write really cut halfway.
    const child = spawn(process.execPath, [CLI, 'check', '--cache', cache, 'draft.md'], { cwd: project, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const watcher = fs.watch(cache, (_event, name) => {
      const file = name ? path.join(cache, name.toString()) : '';
      if (!file.endsWith('.tmp')) return;
      try {
        if (fs.statSync(file).size > 0) child.kill('SIGKILL');
      } catch {
        // Renamed meanwhile: the write finished, which the assertions below report.
      }
    });
    const signal = await exited;
    watcher.close();
    assert.equal(signal, 'SIGKILL', 'the run finished before it could be killed mid-write');
    const left = temporaries(cache);
    assert.ok(left.length > 0, 'the killed run left no temporary file');
    assert.ok(left.every((name) => name.includes(`.${child.pid}.tmp`)), left.join(', '));

    const run = spawnSync(process.execPath, [CLI, 'check', '--cache', cache, 'draft.md'], { cwd: project, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /1 quote: 1 verbatim/);
    assert.deepEqual(temporaries(cache), []);
    assert.ok(fs.readdirSync(cache).includes('index.bin'));
  });

  it('of live processes stay, of dead ones go, and of unknown writers go once a day old', async () => {
    const dir = folder();
    const own = temporaryPath(path.join(dir, 'index.bin'));
    fs.writeFileSync(own, 'being written by this process');
    const parentName = path.basename(own).replace(`.${process.pid}.tmp`, `.${process.ppid}.tmp`);
    fs.writeFileSync(path.join(dir, parentName), 'being written by a live process');
    // A process that has ended: its id names no live process (until the system reuses it).
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadName = path.basename(own).replace(`.${process.pid}.tmp`, `.${ended.stdout}.tmp`);
    fs.writeFileSync(path.join(dir, deadName), 'left by a killed write');
    fs.writeFileSync(path.join(dir, 'texts-old.bin.4242.tmp'), 'an older naming, fresh');
    fs.writeFileSync(path.join(dir, 'texts-older.bin.4243.tmp'), 'an older naming, two days old');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    fs.utimesSync(path.join(dir, 'texts-older.bin.4243.tmp'), twoDaysAgo, twoDaysAgo);
    fs.writeFileSync(path.join(dir, 'index.bin'), 'not temporary');

    const removed = removeOrphanedTemporaries(dir);
    assert.deepEqual(removed.sort(), [deadName, 'texts-older.bin.4243.tmp'].sort());
    assert.deepEqual(fs.readdirSync(dir).sort(), [path.basename(own), parentName, 'index.bin', 'texts-old.bin.4242.tmp'].sort());
  });
});
