// Reading a cache's index file on libuv's threads: a read that fails is no cache, and the file
// is closed only once no read of it is still running (Node leaves a descriptor closed under a
// running read undefined: the read may land on whatever file reuses the number).

import { strict as assert } from 'assert';
import * as os from 'os';
import * as path from 'path';
import { openCorpus } from '../../../src/core/cache/openCorpus';
import { readCacheInBackground } from '../../../src/core/cache/readIndexFile';
import { indexSections } from './indexSections';

// The module object itself, not a namespace copy, so that its functions can be wrapped.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require('fs') as typeof import('fs');

const KEY = JSON.stringify({ folderMeta: {}, maxFileBytes: null });
const roots: string[] = [];

function workspace(): { sources: string; cache: string } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-index-read-')));
  const sources = path.join(root, 'sources');
  fs.mkdirSync(sources);
  for (let n = 0; n < 12; n++) {
    fs.writeFileSync(path.join(sources, `note-${n}.txt`), `Note ${n}: the ferry to the island "will sail twice a day" from week ${n + 3} on.`);
  }
  roots.push(root);
  return { sources, cache: path.join(root, 'cache') };
}

describe('the index file read on libuv threads', () => {
  // The second test leaves a file of terabytes (sparse, but not to every tool that meets it).
  after(() => {
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });

  it('is no cache when one of its reads fails, and is closed only after the other read has ended', async () => {
    const { sources, cache } = workspace();
    await openCorpus([sources], { cacheDir: cache });
    const data = fs.readFileSync(path.join(cache, 'index.bin'));
    const sections = indexSections(data);
    const [postingsAt] = sections.postingBytes;
    assert.ok(postingsAt > 0);

    const events: string[] = [];
    let indexFd = -1;
    const realRead = fs.read;
    const realClose = fs.closeSync;
    // The sections before the posting bytes are read as usual but their end is told late; the
    // read of those after fails as a disk error would.
    (fs as { read: unknown }).read = (fd: number, buffer: Buffer, offset: number, length: number, position: number, done: (error: Error | null, n: number, b: Buffer) => void) => {
      indexFd = fd;
      if (position !== 0) {
        setImmediate(() => done(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }), 0, buffer));
        return;
      }
      realRead(fd, buffer, offset, length, position, (error, n, b) => {
        setImmediate(() => setImmediate(() => {
          events.push('read ended');
          done(error, n, b);
        }));
      });
    };
    (fs as { closeSync: unknown }).closeSync = (fd: number) => {
      if (fd === indexFd) events.push('closed');
      realClose(fd);
    };
    try {
      assert.equal(await readCacheInBackground(cache, KEY, { postingsOnDemand: true }), null);
      // Whether the close waits for the read or the read for the close, both are done by now.
      await new Promise((resolve) => setImmediate(() => setImmediate(() => setImmediate(resolve))));
    } finally {
      (fs as { read: unknown }).read = realRead;
      (fs as { closeSync: unknown }).closeSync = realClose;
    }
    assert.deepEqual(events, ['read ended', 'closed']);
  });

  it('is no cache when the file is larger than memory can hold, with the file closed', async () => {
    const { sources, cache } = workspace();
    await openCorpus([sources], { cacheDir: cache });
    // The header still fits: a file this large (sparse here) passes every check before the read.
    fs.truncateSync(path.join(cache, 'index.bin'), 9 * 2 ** 40);
    const opened: number[] = [];
    const closed: number[] = [];
    const realOpen = fs.openSync;
    const realClose = fs.closeSync;
    (fs as { openSync: unknown }).openSync = (...args: Parameters<typeof fs.openSync>) => {
      const fd = realOpen(...args);
      if (String(args[0]).endsWith('index.bin')) opened.push(fd);
      return fd;
    };
    (fs as { closeSync: unknown }).closeSync = (fd: number) => {
      closed.push(fd);
      realClose(fd);
    };
    try {
      for (const postingsOnDemand of [false, true]) {
        assert.equal(await readCacheInBackground(cache, KEY, { postingsOnDemand }), null, `postings on demand: ${postingsOnDemand}`);
      }
    } finally {
      (fs as { openSync: unknown }).openSync = realOpen;
      (fs as { closeSync: unknown }).closeSync = realClose;
    }
    assert.equal(opened.length, 2);
    assert.deepEqual(opened.filter((fd) => !closed.includes(fd)), [], 'every index file opened was closed');
  });
});
