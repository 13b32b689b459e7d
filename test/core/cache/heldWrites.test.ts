// A cache write that follows the opening (a refresh's, or the files' new times) waits for
// `cacheWriteAfter`: the CLI holds it until its report is out, so that the synchronous write of
// an archive-sized index never runs while the shared archive is asked.

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { indexHeaderOnDisk } from '../../../src/core/cache/cacheFile';
import { openCorpus, type OpenedCorpus } from '../../../src/core/cache/openCorpus';
import { sourcesFolder } from './sourcesFolder';

const FILES: Record<string, string> = {
  'wire.txt': 'The minister said there was “little ground for optimism” after the talks ended on Monday.',
  'daily.md': '---\ntitle: Daily report\n---\n\nShe saw “little room for optimism” in the reply.\n',
};

/** Resolves after `n` turns of the event loop: long enough for a write queued without a hold to run. */
async function turns(n: number): Promise<void> {
  for (let k = 0; k < n; k++) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe('cache writes held until the caller is done', () => {
  let root: string;
  let sources: string;
  let cache: string;

  beforeEach(async () => {
    ({ root, sources, cache } = sourcesFolder('verbatim-held-', FILES));
    assert.equal(await (await openCorpus([sources], { cacheDir: cache })).cacheSaved, true);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** Opens with a hold, checks nothing is written while it holds, then releases it. */
  async function openHeld(expectRead: number): Promise<void> {
    const before = indexHeaderOnDisk(cache)?.generation;
    let release!: () => void;
    const hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const opened: OpenedCorpus = await openCorpus([sources], { cacheDir: cache, cacheWriteAfter: hold });
    assert.equal(opened.stats.filesRead, expectRead);
    // Without the hold the write runs at the next turn; settling first would mean it did.
    const settled = await Promise.race([opened.cacheSaved.then(() => 'written'), turns(5).then(() => 'held')]);
    assert.equal(settled, 'held');
    assert.equal(indexHeaderOnDisk(cache)?.generation, before);
    release();
    assert.equal(await opened.cacheSaved, true);
    assert.notEqual(indexHeaderOnDisk(cache)?.generation, before);
    // The written cache serves the next start as it is.
    const next = await openCorpus([sources], { cacheDir: cache });
    assert.deepEqual([next.stats.fromCache, next.stats.filesRead], [true, 0]);
  }

  it('holds a refresh after a file changed', async () => {
    fs.writeFileSync(path.join(sources, 'wire.txt'), `${FILES['wire.txt']} It rained.`);
    await openHeld(1);
  });

  it('holds the new times of touched files', async () => {
    const later = new Date(Date.now() + 60_000);
    for (const name of Object.keys(FILES)) fs.utimesSync(path.join(sources, name), later, later);
    await openHeld(0);
  });
});
