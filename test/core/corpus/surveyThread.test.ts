import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { surveyCorpus } from '../../../src/core/corpus/surveyCorpus';
import { surveyOnThread } from '../../../src/core/corpus/surveyThread';

const REPO = path.resolve(__dirname, '../../../..');
const SURVEY_SCRIPT = path.join(REPO, 'dist/surveyWorker.js');

describe('surveying a corpus on a thread', () => {
  let root: string;
  let entries: string[];

  before(() => {
    assert.ok(fs.existsSync(SURVEY_SCRIPT), 'dist/surveyWorker.js is built (node esbuild.js)');
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-survey-')));
    for (let f = 0; f < 3; f++) {
      fs.mkdirSync(path.join(root, 'sources', `part-${f}`), { recursive: true });
      for (let k = 0; k < 40; k++) fs.writeFileSync(path.join(root, 'sources', `part-${f}`, `${k}.txt`), `Report ${f}-${k}: ${'words '.repeat(k)}\n`);
    }
    fs.writeFileSync(path.join(root, 'sources', 'photo.png'), 'not a source');
    entries = [path.join(root, 'sources'), path.join(root, 'sources', 'photo.png'), path.join(root, 'absent')];
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the same files, sizes, times and warnings as a survey on this thread', async () => {
    const here = await surveyCorpus(entries, { maxFiles: 100 });
    const there = await surveyOnThread(SURVEY_SCRIPT, entries, { maxFiles: 100 });
    assert.equal(here.files.length, 100);
    assert.deepEqual(there.files, here.files);
    assert.deepEqual([...there.sizes], [...here.sizes]);
    assert.deepEqual([...there.mtimes], [...here.mtimes]);
    assert.deepEqual(there.warnings, here.warnings);
    assert.ok(there.warnings.some((w) => w.limit), 'the file limit is told');
  });

  it('passes on an error the walk throws, with its code', async () => {
    // An excluded folder that is not a path makes the walk throw before it reads anything.
    const options = { exclude: [42 as unknown as string] };
    const outcome = (error: NodeJS.ErrnoException) => [error.message, error.code];
    const here = await surveyCorpus(entries, options).then(() => null, outcome);
    const there = await surveyOnThread(SURVEY_SCRIPT, entries, options).then(() => null, outcome);
    assert.ok(here && here[1] === 'ERR_INVALID_ARG_TYPE', 'the walk threw');
    assert.deepEqual(there, here);
  });

  it('surveys on this thread when the script is missing or breaks', async () => {
    const here = await surveyCorpus(entries, {});
    const missing = await surveyOnThread(path.join(root, 'no-such-worker.js'), entries, {});
    assert.deepEqual(missing.files, here.files);
    const broken = path.join(root, 'broken-worker.js');
    fs.writeFileSync(broken, 'throw new Error("the thread broke");\n');
    const fallen = await surveyOnThread(broken, entries, {});
    assert.deepEqual(fallen.files, here.files);
    assert.deepEqual([...fallen.mtimes], [...here.mtimes]);
  });
});
