// Files the cache read and could not use (binary, too large) are remembered with their size and
// time, so a corpus that holds some still opens warm: they are skipped again unread, with the
// same warning, and the cache is not rewritten on every start.

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openCorpus } from '../../../src/core/cache/openCorpus';

function workspace(): { sources: string; cache: string } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-skipped-')));
  const sources = path.join(root, 'sources');
  fs.mkdirSync(sources);
  fs.writeFileSync(path.join(sources, 'wire.txt'), 'The minister said there was little ground for optimism.');
  fs.writeFileSync(path.join(sources, 'scan.txt'), 'binary\0bytes');
  fs.writeFileSync(path.join(sources, 'huge.txt'), 'x'.repeat(2000));
  return { sources, cache: path.join(root, 'cache') };
}

const messages = (warnings: { path: string; message: string }[]) => warnings.map((w) => `${path.basename(w.path)}: ${w.message}`).sort();

describe('files skipped for their content, in the cache', () => {
  it('opens warm without reading them again, with the same warnings', async () => {
    const { sources, cache } = workspace();
    const options = { cacheDir: cache, maxFileBytes: 1000 };
    const cold = await openCorpus([sources], options);
    assert.equal(await cold.cacheSaved, true);
    assert.equal(cold.corpus.documents.length, 1);
    assert.equal(cold.corpus.warnings.length, 2);
    const written = fs.statSync(path.join(cache, 'index.bin')).mtimeMs;
    const warm = await openCorpus([sources], options);
    assert.deepEqual([warm.stats.fromCache, warm.stats.filesRead], [true, 0]);
    assert.deepEqual(messages(warm.corpus.warnings), messages(cold.corpus.warnings));
    assert.equal(fs.statSync(path.join(cache, 'index.bin')).mtimeMs, written);
  });

  it('reads a skipped file again once it changes, and indexes it when it became readable', async () => {
    const { sources, cache } = workspace();
    await (await openCorpus([sources], { cacheDir: cache })).cacheSaved;
    fs.writeFileSync(path.join(sources, 'scan.txt'), 'The scan was converted to text after all.');
    const opened = await openCorpus([sources], { cacheDir: cache });
    assert.deepEqual(opened.corpus.documents.map((d) => path.basename(d.path)).sort(), ['huge.txt', 'scan.txt', 'wire.txt']);
    assert.deepEqual(opened.corpus.warnings, []);
    assert.equal(opened.stats.filesRead, 1);
  });

  it('keeps remembering the skipped files through a refresh of other files', async () => {
    const { sources, cache } = workspace();
    const options = { cacheDir: cache, maxFileBytes: 1000 };
    const cold = await openCorpus([sources], options);
    await cold.cacheSaved;
    fs.writeFileSync(path.join(sources, 'wire.txt'), 'The minister said there was no ground for optimism.');
    const refreshed = await openCorpus([sources], options);
    assert.equal(refreshed.stats.filesRead, 1);
    assert.equal(await refreshed.cacheSaved, true);
    const warm = await openCorpus([sources], options);
    assert.deepEqual([warm.stats.fromCache, warm.stats.filesRead], [true, 0]);
    assert.deepEqual(messages(warm.corpus.warnings), messages(cold.corpus.warnings));
    assert.deepEqual(messages(warm.corpus.warnings).map((m) => m.split(':')[0]), ['huge.txt', 'scan.txt']);
  });
});
