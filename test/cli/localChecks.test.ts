import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { BroadcastChannel } from 'worker_threads';
import { openCorpus } from '../../src/core/cache/openCorpus';
import { openEarly } from '../../src/core/cache/openEarly';
import { Checker, QuoteFinder } from '../../src/core/checker';
import { checkBeforeConfirmed } from '../../src/cli/localChecks';
import { sourcesFolder } from '../core/cache/sourcesFolder';

const SOURCE = 'The minister said there was “little ground for optimism” after the talks ended on Monday.';
const DRAFT = 'He saw “little ground for optimism” in the talks.';

describe('checking drafts before the corpus is confirmed', () => {
  let root: string;
  let sources: string;
  let cache: string;
  let failingSurvey: string;

  beforeEach(async () => {
    ({ root, sources, cache } = sourcesFolder('verbatim-local-', { 'wire.txt': SOURCE }));
    await (await openCorpus([sources], { cacheDir: cache })).cacheSaved;
    // A survey thread whose walk fails at once (as a walk that overflows its stack does).
    failingSurvey = path.join(root, 'failing-survey.js');
    fs.writeFileSync(failingSurvey, 'require("worker_threads").parentPort.postMessage({ error: "the walk failed", code: "EIO" });\n');
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('checks nothing against an early corpus the survey has already dropped', async () => {
    const opening = await openEarly([sources], { cacheDir: cache, postingsOnDemand: true, surveyScript: failingSurvey, surveyThreadFromBytes: 0 });
    assert.ok(opening.early);
    // The survey failed before the check began: the cache read took longer than the walk.
    assert.equal(await opening.confirmed, false);
    const drafts = [{ text: DRAFT, quotes: new QuoteFinder({}).quotesOf(DRAFT, 'plaintext') }];
    assert.equal(drafts[0].quotes.length, 1);
    assert.equal(await checkBeforeConfirmed(new Checker(opening.early.index), drafts, opening.confirmed), null);
    await assert.rejects(opening.finish(), /the walk failed/);
  });

  it('hears a survey that fails while the cache is still being read as the corpus\'s error, not an unhandled rejection', async () => {
    // The survey thread signals once it has answered, so the cache read can be let go after it.
    const signalled = path.join(root, 'signalling-survey.js');
    fs.writeFileSync(signalled, [
      'const { parentPort, BroadcastChannel } = require("worker_threads");',
      'parentPort.postMessage({ error: "the walk failed", code: "EIO" });',
      'const channel = new BroadcastChannel("verbatim-test-survey-answered");',
      'channel.postMessage("answered");',
      'channel.close();',
    ].join('\n'));
    // Opens of named pipes with no writer hold all four of libuv's threads, so the cache's
    // index file, read on them, is read only once the survey has answered.
    const pipes = [0, 1, 2, 3].map((k) => path.join(root, `hold-${k}`));
    execFileSync('mkfifo', pipes);
    const holds = pipes.map((pipe) => fs.promises.open(pipe, 'r'));
    const answered = new Promise<void>((resolve) => {
      const channel = new BroadcastChannel('verbatim-test-survey-answered');
      channel.onmessage = () => {
        channel.close();
        resolve();
      };
    });
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const opening = openEarly([sources], { cacheDir: cache, postingsOnDemand: true, surveyScript: signalled, surveyThreadFromBytes: 0 });
      await answered;
      for (const pipe of pipes) fs.closeSync(fs.openSync(pipe, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
      for (const hold of await Promise.all(holds)) await hold.close();
      const opened = await opening;
      assert.equal(await opened.confirmed, false);
      assert.deepEqual(unhandled, []);
      await assert.rejects(opened.finish(), (error: NodeJS.ErrnoException) => error.message === 'the walk failed' && error.code === 'EIO');
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
