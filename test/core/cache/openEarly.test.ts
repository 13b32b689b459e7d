import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openCorpus, type OpenedCorpus } from '../../../src/core/cache/openCorpus';
import { openEarly } from '../../../src/core/cache/openEarly';
import { Checker } from '../../../src/core/checker';

const REPO = path.resolve(__dirname, '../../../..');
const SURVEY_SCRIPT = path.join(REPO, 'dist/surveyWorker.js');

/** Folders made by the tests, removed after each. */
const made: string[] = [];

function workspace(files: Record<string, string>): { root: string; sources: string; cache: string } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-early-')));
  made.push(root);
  const sources = path.join(root, 'sources');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(sources, name)), { recursive: true });
    fs.writeFileSync(path.join(sources, name), text);
  }
  return { root, sources, cache: path.join(root, 'cache') };
}

const FILES = {
  'wire.txt': 'The minister said there was “little ground for optimism” after the talks ended on Monday.',
  'notes/daily.md': '---\ntitle: Daily report\n---\n\nOfficials said the talks would “resume in two weeks” in Geneva.\n',
};
const DRAFT = 'He saw “little ground for optimism”; the talks would “resume in two weeks”.';

function verdicts(opened: OpenedCorpus): string[] {
  return new Checker(opened.index).checkText(DRAFT, 'plaintext').map((r) => `${r.status}:${r.match ? path.basename(r.match.document.path) : '-'}`);
}

/** Sets a file's time a minute later without changing its bytes (a checkout, a copy). */
function touch(file: string): void {
  const later = new Date(fs.statSync(file).mtimeMs + 60_000);
  fs.utimesSync(file, later, later);
}

describe('openEarly: the cache before the files are confirmed', () => {
  before(() => assert.ok(fs.existsSync(SURVEY_SCRIPT), 'dist/surveyWorker.js is built (node esbuild.js)'));
  afterEach(() => {
    for (const root of made.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  });

  for (const surveyScript of [SURVEY_SCRIPT, undefined]) {
    const where = surveyScript ? 'on a thread' : 'on this thread';
    it(`confirms an unchanged corpus, and the early corpus is the corpus (survey ${where})`, async () => {
      const { sources, cache } = workspace(FILES);
      const cold = await openCorpus([sources], { cacheDir: cache });
      await cold.cacheSaved;
      const opening = await openEarly([sources], { cacheDir: cache, postingsOnDemand: true, surveyScript, surveyThreadFromBytes: 0 });
      assert.ok(opening.early);
      assert.deepEqual(verdicts(opening.early), ['verbatim:wire.txt', 'verbatim:daily.md']);
      assert.equal(await opening.confirmed, true);
      const final = await opening.finish();
      assert.equal(final, opening.early);
      assert.equal(final.stats.fromCache, true);
      assert.deepEqual(final.corpus.documents.map((d) => [path.relative(sources, d.path), d.mtimeMs]), cold.corpus.documents.map((d) => [path.relative(sources, d.path), d.mtimeMs]));
    });
  }

  it('drops the early corpus when a file changed, and the final one has the new words', async () => {
    const { sources, cache } = workspace(FILES);
    await (await openCorpus([sources], { cacheDir: cache })).cacheSaved;
    fs.writeFileSync(path.join(sources, 'wire.txt'), 'The minister said there was “little room for optimism” after the talks ended on Monday.');
    const opening = await openEarly([sources], { cacheDir: cache, postingsOnDemand: true, surveyScript: SURVEY_SCRIPT, surveyThreadFromBytes: 0 });
    assert.ok(opening.early);
    // The early corpus is the cache's: it still has the old words.
    assert.deepEqual(verdicts(opening.early), ['verbatim:wire.txt', 'verbatim:daily.md']);
    assert.equal(await opening.confirmed, false);
    const final = await opening.finish();
    assert.notEqual(final, opening.early);
    assert.deepEqual(verdicts(final), ['drift:wire.txt', 'verbatim:daily.md']);
    assert.equal(final.stats.filesRead, 1);
  });

  it('drops the early corpus when a file was only touched, and the final one has its new time', async () => {
    const { sources, cache } = workspace(FILES);
    await (await openCorpus([sources], { cacheDir: cache })).cacheSaved;
    const wire = path.join(sources, 'wire.txt');
    touch(wire);
    const opening = await openEarly([sources], { cacheDir: cache, postingsOnDemand: true, surveyScript: SURVEY_SCRIPT, surveyThreadFromBytes: 0 });
    assert.equal(await opening.confirmed, false);
    const final = await opening.finish();
    assert.notEqual(final, opening.early);
    assert.equal(final.corpus.documents.find((d) => d.path === wire)?.mtimeMs, fs.statSync(wire).mtimeMs);
    assert.deepEqual(verdicts(final), ['verbatim:wire.txt', 'verbatim:daily.md']);
  });

  it('has no early corpus without a cache, and opens from the sources', async () => {
    const { sources, cache } = workspace(FILES);
    const opening = await openEarly([sources], { cacheDir: cache, postingsOnDemand: true, surveyScript: SURVEY_SCRIPT, surveyThreadFromBytes: 0 });
    assert.equal(opening.early, null);
    assert.equal(await opening.confirmed, false);
    const final = await opening.finish();
    assert.deepEqual([final.stats.filesRead, final.stats.fromCache], [2, false]);
    assert.deepEqual(verdicts(final), ['verbatim:wire.txt', 'verbatim:daily.md']);
  });

  it('gives the confirmed corpus the survey\'s warnings', async () => {
    const { root, sources, cache } = workspace({ ...FILES, 'scan.tiff': 'not a source' });
    const entries = [sources, path.join(sources, 'scan.tiff'), path.join(root, 'missing')];
    await (await openCorpus(entries, { cacheDir: cache })).cacheSaved;
    const opening = await openEarly(entries, { cacheDir: cache, postingsOnDemand: true, surveyScript: SURVEY_SCRIPT, surveyThreadFromBytes: 0 });
    assert.deepEqual(opening.early?.corpus.warnings, []);
    const final = await opening.finish();
    assert.equal(final, opening.early);
    assert.deepEqual(final.corpus.warnings.map((w) => path.basename(w.path)).sort(), ['missing', 'scan.tiff']);
  });
});
