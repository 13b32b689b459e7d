import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CacheContents } from '../../../src/core/cache/cacheFile';
import { readCacheInBackground } from '../../../src/core/cache/readIndexFile';
import { FilePostings } from '../../../src/core/cache/filePostings';
import { openCorpus, type OpenedCorpus } from '../../../src/core/cache/openCorpus';
import { Checker } from '../../../src/core/checker';
import { decodePositions } from '../../../src/core/match/postings';
import { indexSections } from './indexSections';

const KEY = JSON.stringify({ folderMeta: {}, maxFileBytes: null });

/** A sources folder of `count` reports on shared themes (so words recur across files), and a cache folder. */
function workspace(count = 40): { sources: string; cache: string } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-postings-')));
  const sources = path.join(root, 'sources');
  fs.mkdirSync(sources);
  for (let n = 0; n < count; n++) fs.writeFileSync(path.join(sources, `report-${String(n).padStart(3, '0')}.txt`), report(n));
  return { sources, cache: path.join(root, 'cache') };
}

const PLACES = ['the harbour', 'the northern bridge', 'the old mill', 'the river port', 'the station'];
const PEOPLE = ['the mayor', 'the minister', 'a spokeswoman', 'the council leader'];

function report(n: number): string {
  const place = PLACES[n % PLACES.length];
  const person = PEOPLE[n % PEOPLE.length];
  return `Report ${n}. ${person} said work at ${place} would "resume within ${n + 2} weeks" once the inspectors had finished. `
    + `Residents near ${place} said they saw "little ground for optimism" after meeting number ${n}. `
    + `The budget for ${place} rose by ${n * 7} thousand, and ${person} called it "a fair price for safety".`;
}

const DRAFT = [
  'The mayor said work would "resume within 2 weeks" once the inspectors had finished.',
  'Residents said they saw "little room for optimism" after the meeting.',
  'The minister called it "a fair price for safety".',
  'A spokeswoman called it "a reasonable price for safety".',
  'Nobody said "the bridge will never open again".',
].join('\n\n');

/** Each result's status, words and source, so any difference in a verdict shows. */
function verdicts(opened: OpenedCorpus): string[] {
  return new Checker(opened.index).checkText(DRAFT, 'plaintext')
    .map((r) => `${r.status}:${r.quote.text}:${r.match ? `${path.basename(r.match.document.path)}@${r.match.span.start}-${r.match.span.end}` : '-'}`);
}

/** Every word's positions, as the index decodes them. */
function allPositions(cache: CacheContents): number[][] {
  return Array.from(cache.postings.counts, (_, w) => [...decodePositions(cache.postings, w)]);
}

describe('postings read from the cache file on demand', () => {
  it('decode every word to the same positions as postings read whole', async () => {
    const { sources, cache } = workspace();
    await openCorpus([sources], { cacheDir: cache });
    const whole = (await readCacheInBackground(cache, KEY))!;
    const onDemand = (await readCacheInBackground(cache, KEY, { postingsOnDemand: true }))!;
    assert.ok(onDemand.postings instanceof FilePostings);
    assert.ok(!(whole.postings instanceof FilePostings));
    assert.deepEqual(allPositions(onDemand), allPositions(whole));
    // Read whole afterwards (as a refresh does), they are the same bytes.
    assert.deepEqual(Buffer.from(onDemand.postings.bytes), Buffer.from(whole.postings.bytes));
  });

  it('give the same verdicts as postings read whole', async () => {
    const { sources, cache } = workspace();
    const built = await openCorpus([sources], { cacheDir: cache });
    const whole = await openCorpus([sources], { cacheDir: cache });
    const onDemand = await openCorpus([sources], { cacheDir: cache, postingsOnDemand: true });
    assert.deepEqual([whole.stats.fromCache, onDemand.stats.fromCache], [true, true]);
    assert.ok(onDemand.index.postings instanceof FilePostings);
    const expected = verdicts(built);
    assert.deepEqual(expected.map((v) => v.split(':')[0]), ['verbatim', 'drift', 'verbatim', 'drift', 'unsupported']);
    assert.deepEqual(verdicts(whole), expected);
    assert.deepEqual(verdicts(onDemand), expected);
  });

  it('refresh after files are edited, added and removed to the verdicts of a fresh read', async () => {
    const { sources, cache } = workspace();
    await openCorpus([sources], { cacheDir: cache });
    const steps: (() => void)[] = [
      () => fs.writeFileSync(path.join(sources, 'report-003.txt'), 'Report 3. The minister said work would "resume within 9 weeks" after all.'),
      () => fs.writeFileSync(path.join(sources, 'report-000a.txt'), 'An early note: a spokeswoman called it "a reasonable price for safety".'),
      () => fs.unlinkSync(path.join(sources, 'report-002.txt')),
    ];
    for (const step of steps) {
      step();
      const refreshed = await openCorpus([sources], { cacheDir: cache, postingsOnDemand: true });
      assert.equal(refreshed.stats.fromCache, false);
      assert.equal(await refreshed.cacheSaved, true);
      const fresh = await openCorpus([sources], { cacheDir: null });
      assert.deepEqual(verdicts(refreshed), verdicts(fresh));
      const reopened = await openCorpus([sources], { cacheDir: cache, postingsOnDemand: true });
      assert.equal(reopened.stats.fromCache, true);
      assert.deepEqual(verdicts(reopened), verdicts(fresh));
    }
  });

  it('treat an index file cut short within the postings as no cache', async () => {
    const { sources, cache } = workspace();
    await openCorpus([sources], { cacheDir: cache });
    const file = path.join(cache, 'index.bin');
    const data = fs.readFileSync(file);
    const sections = indexSections(data);
    const [at, length] = sections.postingBytes;
    fs.writeFileSync(file, data.subarray(0, at + Math.floor(length / 2)));
    assert.equal(await readCacheInBackground(cache, KEY, { postingsOnDemand: true }), null);
    const opened = await openCorpus([sources], { cacheDir: cache, postingsOnDemand: true });
    assert.deepEqual([opened.stats.fromCache, opened.stats.filesRead], [false, 40]);
  });

  it('treat posting counts that do not fit their bytes as no cache, without reading the bytes', async () => {
    const { sources, cache } = workspace();
    await openCorpus([sources], { cacheDir: cache });
    const file = path.join(cache, 'index.bin');
    const data = fs.readFileSync(file);
    const sections = indexSections(data);
    // More positions than the word has bytes: each position takes one byte at least.
    data.writeInt32LE(1 << 20, sections.postingCounts[0]);
    fs.writeFileSync(file, data);
    assert.equal(await readCacheInBackground(cache, KEY, { postingsOnDemand: true }), null);
  });

  it('keep reading the file they were opened from when another process replaces the cache', async () => {
    const { sources, cache } = workspace();
    await openCorpus([sources], { cacheDir: cache });
    const before = await openCorpus([sources], { cacheDir: cache, postingsOnDemand: true });
    assert.equal(before.stats.fromCache, true);
    // Nothing has been asked of these postings yet: every list is still in the old file.
    const postings = before.index.postings as FilePostings;
    const expectedPositions = allPositions((await readCacheInBackground(cache, KEY))!);
    // Another process rebuilds the cache from different sources: every word's list moves.
    for (let n = 0; n < 40; n += 2) fs.writeFileSync(path.join(sources, `report-${String(n).padStart(3, '0')}.txt`), `Rewritten ${n}: ${report(n + 1)} ${report(n + 3)}`);
    const other = await openCorpus([sources], { cacheDir: cache });
    assert.equal(await other.cacheSaved, true);
    assert.notDeepEqual(allPositions((await readCacheInBackground(cache, KEY))!).slice(0, expectedPositions.length), expectedPositions);
    // The first index still answers from the file it opened.
    assert.deepEqual(Array.from(postings.counts, (_, w) => [...decodePositions(postings, w)]), expectedPositions);
    assert.deepEqual(verdicts(before).map((v) => v.split(':')[0]), ['verbatim', 'drift', 'verbatim', 'drift', 'unsupported']);
  });

  it('close the index file at once when the cache is passed over for a new build', async function () {
    if (!fs.existsSync('/proc/self/fd')) this.skip();
    const { sources, cache } = workspace();
    await openCorpus([sources], { cacheDir: cache });
    // Every file changed: too much to refresh, so the corpus is read again and a new cache written.
    for (const name of fs.readdirSync(sources)) fs.appendFileSync(path.join(sources, name), ' Updated.');
    // The old index file is renamed over by the new one: a descriptor left open reads "index.bin (deleted)".
    const indexOpen = () => fs.readdirSync('/proc/self/fd').some((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(path.join(cache, 'index.bin'));
      } catch {
        return false;
      }
    });
    const opened = await openCorpus([sources], { cacheDir: cache, postingsOnDemand: true });
    assert.equal(opened.stats.fromCache, false);
    assert.equal(indexOpen(), false);
  });
});
