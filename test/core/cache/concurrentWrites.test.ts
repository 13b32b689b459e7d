// Two processes that opened one cache may both write it again: a run that refreshes after a few
// files changed, or writes new file times, must not put back an index derived from the cache it
// read when another process has written a newer one since.

import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { openCorpus, type OpenOptions } from '../../../src/core/cache/openCorpus';
import { DEFAULT_MAX_FILE_BYTES } from '../../../src/core/config';
import { sourcesFolder } from './sourcesFolder';

// The bundled test runs from out/test/core/cache, four levels below the repository root.
const REPO = path.resolve(__dirname, '../../../..');
const CLI = path.join(REPO, 'dist/cli.js');

const FILES = {
  'wire.txt': 'The minister said there was “little ground for optimism” after the talks ended on Monday.',
  'daily.md': '---\ntitle: Daily report\nsource: The Daily\n---\n\nShe saw “little room for optimism” in the reply.\n',
  'page.html': '<html><head><title>Saved page</title></head><body><article><p>The talks would &ldquo;resume in two weeks&rdquo;, officials said.</p></article></body></html>',
};

/** The generation and texts files the index file in `cache` names, read from its header. */
function indexHeader(cache: string): { generation: string; segments: string[] } {
  const data = fs.readFileSync(path.join(cache, 'index.bin'));
  return JSON.parse(data.toString('utf8', 12, 12 + data.readUInt32LE(8))) as { generation: string; segments: string[] };
}

describe('a cache written by two processes', function () {
  this.timeout(120_000);
  let root: string;
  let sources: string;
  let cache: string;
  // The options the CLI opens a corpus with when no verbatim.json says otherwise: the same
  // cache key, so the CLI run and this process share the cache.
  let options: OpenOptions;

  beforeEach(async () => {
    ({ root, sources, cache } = sourcesFolder('verbatim-concurrent-', FILES));
    fs.writeFileSync(path.join(root, 'draft.md'), 'Officials said the talks would “resume in two weeks”.\n');
    options = { cacheDir: cache, maxFileBytes: DEFAULT_MAX_FILE_BYTES };
    assert.equal(await (await openCorpus([sources], options)).cacheSaved, true);
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /**
   * Another process opens the corpus and writes its cache, start to end, while this one waits:
   * a write this process has pending (run from the event loop) cannot happen meanwhile.
   */
  function anotherRun(): void {
    const run = spawnSync(process.execPath, [CLI, 'check', '--corpus', sources, '--cache', cache, 'draft.md'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /1 quote: 1 verbatim/);
  }

  /** The other run's index stands, with every texts file it names and no other, and the next opening reads nothing. */
  async function assertNewerCacheStands(newer: { generation: string; segments: string[] }): Promise<void> {
    assert.equal(indexHeader(cache).generation, newer.generation, 'the newer index was replaced');
    const texts = fs.readdirSync(cache).filter((name) => name.startsWith('texts-')).sort();
    assert.deepEqual(texts, newer.segments.map((segment) => `texts-${segment}.bin`).sort());
    assert.deepEqual(fs.readdirSync(cache).filter((name) => name.endsWith('.tmp')), []);
    const next = await openCorpus([sources], options);
    assert.deepEqual([next.stats.fromCache, next.stats.filesRead], [true, 0]);
    assert.match(next.corpus.documents.find((d) => d.path.endsWith('daily.md'))!.text, /no room for optimism/);
  }

  it('drops a refresh derived from an older index than the one now on disk', async () => {
    const first = indexHeader(cache);
    fs.writeFileSync(path.join(sources, 'wire.txt'), 'The minister said there was “little hope for optimism”.');
    const opened = await openCorpus([sources], options);
    assert.equal(opened.stats.filesRead, 1);
    // The refresh's write is pending; another run sees one more file changed and writes first.
    fs.writeFileSync(path.join(sources, 'daily.md'), 'She saw “no room for optimism” in the reply.\n');
    anotherRun();
    const newer = indexHeader(cache);
    assert.notEqual(newer.generation, first.generation);
    const saved = await opened.cacheSaved;
    await assertNewerCacheStands(newer);
    // Not saved, and without a warning: the other run's cache stands.
    assert.deepEqual([saved, opened.corpus.warnings], [false, []]);
    // The run whose write was dropped still answers from the corpus it opened.
    assert.deepEqual(opened.corpus.documents.map((d) => d.text.match(/“[^”]*”/)?.[0]), ['“little room for optimism”', '“resume in two weeks”', '“little hope for optimism”']);
  });

  it('drops new file times derived from an older index than the one now on disk', async () => {
    // Every file touched but unchanged: the index is written again with their times.
    const touched = new Date(Date.now() - 3600_000);
    for (const name of Object.keys(FILES)) fs.utimesSync(path.join(sources, name), touched, touched);
    const opened = await openCorpus([sources], options);
    assert.deepEqual([opened.stats.fromCache, opened.stats.filesRead], [true, 0]);
    fs.writeFileSync(path.join(sources, 'daily.md'), 'She saw “no room for optimism” in the reply.\n');
    anotherRun();
    const newer = indexHeader(cache);
    const saved = await opened.cacheSaved;
    await assertNewerCacheStands(newer);
    // Not saved, and without a warning: the other run's cache stands.
    assert.deepEqual([saved, opened.corpus.warnings], [false, []]);
  });
});
