import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readCacheInBackground } from '../../../src/core/cache/readIndexFile';
import { openCorpus, type OpenedCorpus } from '../../../src/core/cache/openCorpus';
import { mapThroughRuns } from '../../../src/core/corpus/offsetMap';
import { Checker } from '../../../src/core/checker';
import { indexSections } from './indexSections';

/** A fresh sources folder and cache folder for one test. */
function workspace(files: Record<string, string>): { sources: string; cache: string } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cache-')));
  const sources = path.join(root, 'sources');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(sources, name)), { recursive: true });
    fs.writeFileSync(path.join(sources, name), text);
  }
  return { sources, cache: path.join(root, 'cache') };
}

const FILES = {
  'wire.txt': 'The minister said there was “little ground for optimism” after the talks ended on Monday.',
  'daily.md': '---\ntitle: Daily report\nsource: The Daily\n---\n\nShe saw “little room for optimism” in the reply.\n',
  'page.html': '<html><head><title>Saved page</title></head><body><nav>Home | World</nav><article><p>The talks would &ldquo;resume in two weeks&rdquo;, officials said.</p></article></body></html>',
};

/** The statuses and source titles a draft gets against an opened corpus. */
function verdicts(opened: OpenedCorpus, draft: string): string[] {
  return new Checker(opened.index).checkText(draft, 'plaintext').map((r) => `${r.status}:${r.match ? path.basename(r.match.document.path) : '-'}`);
}

/** Applies `damage` to the bytes of one section of the index file, found through its header. */
function damageSection(file: string, section: string, damage: (bytes: Buffer) => void): void {
  const data = fs.readFileSync(file);
  const sections = indexSections(data);
  const [offset, length] = sections[section];
  damage(data.subarray(offset, offset + length));
  fs.writeFileSync(file, data);
}

/** The corpus's token stream as words, which does not depend on the order words got their ids in. */
function words(opened: OpenedCorpus): string[] {
  const { index } = opened;
  return [...index.tokens.slice(0, index.tokenCount)].map((id) => index.word(id)).concat(String([...index.docStarts]));
}

const DRAFT = 'He saw “little ground for optimism”, and “little hope for optimism”; talks would “resume in two weeks”.';

describe('openCorpus and its cache', () => {
  it('reads every file the first time and writes the cache', async () => {
    const { sources, cache } = workspace(FILES);
    const opened = await openCorpus([sources], { cacheDir: cache });
    assert.deepEqual([opened.stats.filesRead, opened.stats.filesReused, opened.stats.fromCache, await opened.cacheSaved], [3, 0, false, true]);
    assert.ok(await readCacheInBackground(cache, JSON.stringify({ folderMeta: {}, maxFileBytes: null })));
    assert.deepEqual(verdicts(opened, DRAFT), ['verbatim:wire.txt', 'drift:daily.md', 'verbatim:page.html']);
  });

  it('opens unchanged files from the cache with the same answers and texts', async () => {
    const { sources, cache } = workspace(FILES);
    const first = await openCorpus([sources], { cacheDir: cache });
    const expected = first.corpus.documents.map((d) => [d.path, d.title, d.text, d.meta.source ?? null]);
    const second = await openCorpus([sources], { cacheDir: cache });
    assert.deepEqual([second.stats.filesRead, second.stats.fromCache], [0, true]);
    assert.deepEqual(second.corpus.documents.map((d) => [d.path, d.title, d.text, d.meta.source ?? null]), expected);
    assert.deepEqual(verdicts(second, DRAFT), verdicts(first, DRAFT));
  });

  it('maps passages of a restored web page back to the file', async () => {
    const { sources, cache } = workspace(FILES);
    await openCorpus([sources], { cacheDir: cache });
    const opened = await openCorpus([sources], { cacheDir: cache });
    const result = new Checker(opened.index).checkText('“resume in two weeks”', 'plaintext')[0];
    const doc = result.match!.document;
    const file = fs.readFileSync(doc.path, 'utf8');
    assert.equal(file.slice(doc.fileOffset(result.match!.span.start), doc.fileOffset(result.match!.span.end)), 'resume in two weeks');
  });

  it('re-uses a touched file whose content is unchanged', async () => {
    const { sources, cache } = workspace(FILES);
    await openCorpus([sources], { cacheDir: cache });
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(sources, 'wire.txt'), later, later);
    const opened = await openCorpus([sources], { cacheDir: cache });
    assert.deepEqual([opened.stats.filesRead, opened.stats.fromCache], [0, true]);
  });

  it('writes the new times of touched files to the cache when they are much of the corpus, so later starts need not hash them', async () => {
    const { sources, cache } = workspace(FILES);
    await (await openCorpus([sources], { cacheDir: cache })).cacheSaved;
    const later = new Date(Date.now() + 60_000);
    for (const name of Object.keys(FILES)) fs.utimesSync(path.join(sources, name), later, later);
    const opened = await openCorpus([sources], { cacheDir: cache });
    assert.deepEqual([opened.stats.filesRead, opened.stats.fromCache], [0, true]);
    assert.equal(await opened.cacheSaved, true);
    const cached = await readCacheInBackground(cache, JSON.stringify({ folderMeta: {}, maxFileBytes: null }));
    assert.ok(cached);
    for (let k = 0; k < cached.documents.count; k++) {
      assert.equal(cached.documents.mtimeMs(k), fs.statSync(cached.documents.path(k)).mtimeMs, `${cached.documents.path(k)}: the cache holds its new time`);
    }
    assert.deepEqual(verdicts(await openCorpus([sources], { cacheDir: cache }), DRAFT), ['verbatim:wire.txt', 'drift:daily.md', 'verbatim:page.html']);
  });

  it('hashes a few touched files at each start rather than writing the whole index again', async () => {
    const many: Record<string, string> = { ...FILES };
    for (let k = 0; k < 40; k++) many[`more/${k}.txt`] = `Report ${k}: the council met on Tuesday and agreed the budget for the coming year.`;
    const { sources, cache } = workspace(many);
    await (await openCorpus([sources], { cacheDir: cache })).cacheSaved;
    const indexBefore = fs.statSync(path.join(cache, 'index.bin')).mtimeMs;
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(sources, 'more/7.txt'), later, later);
    const opened = await openCorpus([sources], { cacheDir: cache });
    assert.equal(await opened.cacheSaved, true);
    assert.equal(fs.statSync(path.join(cache, 'index.bin')).mtimeMs, indexBefore, 'the index file was not written again');
  });

  it('does not write the index again at each start of a corpus with no files', async () => {
    const { sources, cache } = workspace({});
    fs.mkdirSync(sources, { recursive: true });
    const key = JSON.stringify({ folderMeta: {}, maxFileBytes: null });
    await (await openCorpus([sources], { cacheDir: cache })).cacheSaved;
    const written = await readCacheInBackground(cache, key);
    assert.ok(written, 'the empty corpus is cached');
    await (await openCorpus([sources], { cacheDir: cache })).cacheSaved;
    assert.equal((await readCacheInBackground(cache, key))?.generation, written.generation, 'nothing was touched, so the index stays as written');
  });

  it('re-reads only the changed file and sees its new words', async () => {
    const { sources, cache } = workspace(FILES);
    await openCorpus([sources], { cacheDir: cache });
    fs.writeFileSync(path.join(sources, 'wire.txt'), 'The minister said there was “little hope for optimism” after the talks.');
    const opened = await openCorpus([sources], { cacheDir: cache });
    assert.deepEqual([opened.stats.filesRead, opened.stats.filesReused, opened.stats.fromCache], [1, 2, false]);
    assert.deepEqual(verdicts(opened, '“little hope for optimism”'), ['verbatim:wire.txt']);
    assert.equal(await opened.cacheSaved, true);
    // The next start finds the refreshed cache complete again.
    const again = await openCorpus([sources], { cacheDir: cache });
    assert.deepEqual([again.stats.filesRead, again.stats.fromCache], [0, true]);
    assert.deepEqual(verdicts(again, '“little hope for optimism”'), ['verbatim:wire.txt']);
  });

  it('drops deleted files and indexes added ones', async () => {
    const { sources, cache } = workspace(FILES);
    await openCorpus([sources], { cacheDir: cache });
    fs.unlinkSync(path.join(sources, 'wire.txt'));
    fs.writeFileSync(path.join(sources, 'new.txt'), 'A new source says the bridge “will reopen in October”.');
    const opened = await openCorpus([sources], { cacheDir: cache });
    assert.deepEqual(opened.corpus.documents.map((d) => path.basename(d.path)).sort(), ['daily.md', 'new.txt', 'page.html']);
    assert.deepEqual(verdicts(opened, '“will reopen in October” and “little ground for optimism”'), ['verbatim:new.txt', 'drift:daily.md']);
  });

  it('refreshes to the same index a fresh build gives, through edits, additions and removals', async () => {
    const { sources, cache } = workspace(FILES);
    await openCorpus([sources], { cacheDir: cache });
    const steps: (() => void)[] = [
      () => fs.writeFileSync(path.join(sources, 'wire.txt'), 'The minister said there was “little hope for optimism” after the talks.'),
      () => fs.writeFileSync(path.join(sources, 'a-first.txt'), 'An early source: the bridge “will reopen in October”, the mayor said.'),
      () => fs.unlinkSync(path.join(sources, 'daily.md')),
      () => fs.writeFileSync(path.join(sources, 'zz-last.txt'), 'The last word: “talks would resume” in spring.'),
    ];
    for (const step of steps) {
      step();
      const refreshed = await openCorpus([sources], { cacheDir: cache });
      assert.equal(refreshed.stats.fromCache, false);
      assert.equal(await refreshed.cacheSaved, true);
      const fresh = await openCorpus([sources], { cacheDir: null });
      assert.deepEqual(words(refreshed), words(fresh));
      assert.deepEqual(refreshed.corpus.documents.map((d) => [d.id, d.path, d.text]), fresh.corpus.documents.map((d) => [d.id, d.path, d.text]));
      const draft = '“little hope for optimism”, “will reopen in October”, “talks would resume” and “little room for optimism”';
      assert.deepEqual(verdicts(refreshed, draft), verdicts(fresh, draft));
      const reopened = await openCorpus([sources], { cacheDir: cache });
      assert.equal(reopened.stats.fromCache, true);
      assert.deepEqual(words(reopened), words(fresh));
    }
  });

  it('restores an index as views of the cache file, and a refreshed or rebuilt one owns its arrays', async () => {
    // A refreshed index that kept a view of the old cache file would keep the whole file in
    // memory. A view's buffer is the whole file; an array of its own is exactly its length.
    const owns = (opened: OpenedCorpus) => {
      const { table, hashes } = opened.index.vocabulary.pack();
      return [table, opened.index.docStarts].every((a) => a.buffer.byteLength === a.byteLength) && hashes.buffer.byteLength < 4 * hashes.byteLength + 8192;
    };
    const { sources, cache } = workspace(FILES);
    await openCorpus([sources], { cacheDir: cache });
    assert.equal(owns(await openCorpus([sources], { cacheDir: cache })), false);
    fs.writeFileSync(path.join(sources, 'wire.txt'), 'The minister said there was “little hope for optimism”.');
    const refreshed = await openCorpus([sources], { cacheDir: cache });
    assert.equal(refreshed.stats.fromCache, false);
    assert.equal(owns(refreshed), true);
    await refreshed.cacheSaved;
    // Every file changed: a whole rebuild, which still starts from the cached vocabulary.
    for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(sources, name), `${text} Updated.`);
    const rebuilt = await openCorpus([sources], { cacheDir: cache });
    assert.equal(rebuilt.stats.filesRead, 3);
    assert.equal(owns(rebuilt), true);
  });

  it('keeps at most a few texts files however often it is refreshed', async () => {
    const { sources, cache } = workspace(FILES);
    await openCorpus([sources], { cacheDir: cache });
    const texts = () => fs.readdirSync(cache).filter((name) => name.startsWith('texts-'));
    for (let n = 0; n < 12; n++) {
      fs.writeFileSync(path.join(sources, 'wire.txt'), `Edition ${n}: the minister said there was “little ground for optimism”.`);
      const opened = await openCorpus([sources], { cacheDir: cache });
      assert.equal(await opened.cacheSaved, true);
      // The index names at most eight texts files at any time.
      const header = fs.readFileSync(path.join(cache, 'index.bin'));
      const segments = (JSON.parse(header.toString('utf8', 12, 12 + header.readUInt32LE(8))) as { segments: string[] }).segments;
      assert.ok(segments.length <= 8, `${segments.length} texts files named`);
      // Unnamed files are removed once they are a minute old (another process may be about to
      // name a new one): make them so.
      const longAgo = new Date(Date.now() - 120_000);
      for (const name of texts()) fs.utimesSync(path.join(cache, name), longAgo, longAgo);
    }
    assert.ok(texts().length >= 2 && texts().length <= 8, `${texts().length} texts files`);
    const opened = await openCorpus([sources], { cacheDir: cache });
    assert.equal(opened.stats.fromCache, true);
    assert.match(opened.corpus.documents.find((d) => d.path.endsWith('wire.txt'))!.text, /^Edition 11:/);
    assert.deepEqual(verdicts(opened, DRAFT), ['verbatim:wire.txt', 'drift:daily.md', 'verbatim:page.html']);
  });

  it('rebuilds from the sources when the cache file is damaged', async () => {
    const { sources, cache } = workspace(FILES);
    await openCorpus([sources], { cacheDir: cache });
    const indexFile = path.join(cache, 'index.bin');
    fs.writeFileSync(indexFile, fs.readFileSync(indexFile).subarray(0, 40));
    const opened = await openCorpus([sources], { cacheDir: cache });
    assert.deepEqual([opened.stats.filesRead, await opened.cacheSaved], [3, true]);
    assert.deepEqual(verdicts(opened, DRAFT), ['verbatim:wire.txt', 'drift:daily.md', 'verbatim:page.html']);
  });

  // A cache that parses but whose parts disagree (a write cut short, a bad disk) is no cache.
  for (const [section, damage] of [
    ['vocabulary', (bytes: Buffer) => bytes.fill(0, bytes.length - 6)],
    ['tokenIds', (bytes: Buffer) => bytes.writeUInt16LE(60000, 0)],
    ['postingOffsets', (bytes: Buffer) => bytes.writeInt32LE(1 << 30, 4)],
    ['docStarts', (bytes: Buffer) => bytes.writeInt32LE(-5, 4)],
    ['facts', (bytes: Buffer) => bytes.writeDoubleLE(1e12, 16)],
  ] as [string, (bytes: Buffer) => void][]) {
    it(`reads the sources again when the cache's ${section} do not fit the rest`, async () => {
      const { sources, cache } = workspace(FILES);
      await openCorpus([sources], { cacheDir: cache });
      damageSection(path.join(cache, 'index.bin'), section, damage);
      assert.equal(await readCacheInBackground(cache, JSON.stringify({ folderMeta: {}, maxFileBytes: null })), null);
      const opened = await openCorpus([sources], { cacheDir: cache });
      assert.deepEqual([opened.stats.filesRead, await opened.cacheSaved], [3, true]);
      assert.deepEqual(verdicts(opened, DRAFT), ['verbatim:wire.txt', 'drift:daily.md', 'verbatim:page.html']);
    });
  }

  it('reads an empty source and the one after it back from the cache as they were', async () => {
    const { sources, cache } = workspace({ 'a-empty.txt': '', 'b-wire.txt': 'The minister said there was “little ground for optimism”.' });
    await openCorpus([sources], { cacheDir: cache });
    const opened = await openCorpus([sources], { cacheDir: cache });
    assert.equal(opened.stats.fromCache, true);
    assert.deepEqual(opened.corpus.documents.map((d) => d.text), ['', 'The minister said there was “little ground for optimism”.']);
  });

  it('writes every text into one file again when a texts file it keeps was removed meanwhile', async () => {
    const { sources, cache } = workspace(FILES);
    await openCorpus([sources], { cacheDir: cache });
    const [first] = fs.readdirSync(cache).filter((name) => name.startsWith('texts-'));
    fs.writeFileSync(path.join(sources, 'wire.txt'), 'The minister said there was “little hope for optimism”.');
    const refreshed = await openCorpus([sources], { cacheDir: cache });
    // Another process's clean-up removes the texts file before this refresh writes its cache.
    fs.unlinkSync(path.join(cache, first));
    assert.equal(await refreshed.cacheSaved, true);
    const reopened = await openCorpus([sources], { cacheDir: cache });
    assert.equal(reopened.stats.fromCache, true);
    assert.deepEqual(reopened.corpus.documents.map((d) => d.text), refreshed.corpus.documents.map((d) => d.text));
    assert.deepEqual(verdicts(reopened, '“little hope for optimism” and “resume in two weeks”'), ['verbatim:wire.txt', 'verbatim:page.html']);
  });

  it('removes old texts files no index names, but not a new one another process may be about to use', async () => {
    const { sources, cache } = workspace(FILES);
    await openCorpus([sources], { cacheDir: cache });
    const old = path.join(cache, 'texts-old-one.bin');
    const fresh = path.join(cache, 'texts-just-written.bin');
    fs.writeFileSync(old, 'old');
    fs.writeFileSync(fresh, 'new');
    const longAgo = new Date(Date.now() - 3600_000);
    fs.utimesSync(old, longAgo, longAgo);
    fs.writeFileSync(path.join(sources, 'wire.txt'), 'The minister said there was “little hope for optimism”.');
    const opened = await openCorpus([sources], { cacheDir: cache });
    assert.equal(await opened.cacheSaved, true);
    assert.deepEqual([fs.existsSync(old), fs.existsSync(fresh)], [false, true]);
  });

  it('still opens the corpus, with a warning, when the cache cannot be written', async () => {
    const { sources, cache } = workspace(FILES);
    fs.writeFileSync(cache, 'a file where the cache folder should be');
    const opened = await openCorpus([sources], { cacheDir: cache });
    assert.equal(await opened.cacheSaved, false);
    assert.ok(opened.corpus.warnings.some((w) => w.path === cache && /could not be written/.test(w.message)));
    assert.deepEqual(verdicts(opened, DRAFT), ['verbatim:wire.txt', 'drift:daily.md', 'verbatim:page.html']);
  });

  it('rebuilds when the folder metadata changed, since it is stored with the documents', async () => {
    const { sources, cache } = workspace(FILES);
    await openCorpus([sources], { cacheDir: cache });
    const opened = await openCorpus([sources], { cacheDir: cache, folderMeta: { [sources]: { source: 'Wire Service' } } });
    assert.deepEqual([opened.stats.filesRead, opened.stats.fromCache], [3, false]);
    assert.equal(opened.corpus.documents.find((d) => d.path.endsWith('wire.txt'))!.meta.source, 'Wire Service');
  });

  it('leaves out files past the corpus size limit with a warning', async () => {
    const { sources } = workspace(FILES);
    const opened = await openCorpus([sources], { cacheDir: null, maxCorpusBytes: 200 });
    assert.ok(opened.corpus.documents.length < 3);
    assert.ok(opened.corpus.warnings.some((w) => /larger than the limit of/.test(w.message)));
  });

  it('reports progress in files and bytes', async () => {
    const { sources } = workspace(FILES);
    const seen: string[] = [];
    await openCorpus([sources], { cacheDir: null, onProgress: (p) => seen.push(`${p.files}/${p.totalFiles}`) });
    assert.deepEqual(seen, ['1/3', '2/3', '3/3']);
  });
});

describe('mapThroughRuns', () => {
  // "a &amp; b": text "a & b" — runs: "a " copied, "&" from "&amp;", " b" copied.
  const runs = [0, 2, 0, 2, 2, 1, 2, 5, 3, 2, 7, 2];
  const rows: [number, number][] = [[0, 0], [1, 1], [2, 2], [3, 7], [4, 8], [5, 9]];
  for (const [text, file] of rows) it(`maps text offset ${text} to file offset ${file}`, () => assert.equal(mapThroughRuns(runs, text), file));
});
