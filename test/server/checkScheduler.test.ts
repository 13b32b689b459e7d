import * as assert from 'assert';
import { CheckScheduler, type CheckToken } from '../../src/server/checkScheduler';

/** A scheduler whose runs are recorded and held open until the test releases them. */
function harness() {
  const runs: { uri: string; token: CheckToken; release: () => void }[] = [];
  const started: (() => void)[] = [];
  const scheduler = new CheckScheduler((uri, token) => new Promise<void>((release) => {
    runs.push({ uri, token, release });
    started.shift()?.();
  }), () => undefined);
  const nextStart = () => new Promise<void>((resolve) => started.push(resolve));
  return { runs, scheduler, nextStart };
}

describe('CheckScheduler', function () {
  it('runs only the latest of quick successive schedules', async function () {
    const { runs, scheduler, nextStart } = harness();
    const started = nextStart();
    // The earlier schedules are due first: only cancelling them keeps them from running.
    scheduler.schedule('a', 0);
    scheduler.schedule('a', 0);
    scheduler.schedule('a', 5);
    await started;
    runs[0].release();
    await scheduler.idle('a');
    assert.strictEqual(runs.length, 1);
    assert.strictEqual(runs[0].token.cancelled, false);
  });

  it('cancels a running check when a newer change arrives', async function () {
    const { runs, scheduler, nextStart } = harness();
    let started = nextStart();
    scheduler.schedule('a', 0);
    await started;
    started = nextStart();
    scheduler.schedule('a', 0);
    assert.strictEqual(runs[0].token.cancelled, true);
    await started;
    assert.strictEqual(runs[1].token.cancelled, false);
    runs.forEach((run) => run.release());
  });

  it('keeps documents independent', async function () {
    const { runs, scheduler, nextStart } = harness();
    const both = Promise.all([nextStart(), nextStart()]);
    scheduler.schedule('a', 0);
    scheduler.schedule('b', Promise.resolve(0));
    await both;
    assert.deepStrictEqual(runs.map((r) => r.uri).sort(), ['a', 'b']);
    assert.ok(runs.every((r) => !r.token.cancelled));
    runs.forEach((run) => run.release());
  });

  it('never runs a cancelled check', async function () {
    const { runs, scheduler, nextStart } = harness();
    scheduler.schedule('a', 0);
    scheduler.cancel('a');
    const started = nextStart();
    scheduler.schedule('b', 0);
    await started;
    assert.deepStrictEqual(runs.map((r) => r.uri), ['b']);
    runs.forEach((run) => run.release());
  });
});
