import * as assert from 'assert';
import { IndexingWatch, NOTICE_DELAY_MS } from '../../src/client/indexingWatch';

/** A host whose timers fire only when the test says so, recording what is shown and closed. */
function fakeHost() {
  const timers: { ms: number; callback: () => void; cancelled: boolean }[] = [];
  const log: string[] = [];
  return {
    timers,
    log,
    host: {
      after: (ms: number, callback: () => void) => {
        const timer = { ms, callback, cancelled: false };
        timers.push(timer);
        return () => { timer.cancelled = true; };
      },
      show: (folder: string | null) => {
        log.push(`show ${folder}`);
        return { close: () => log.push(`close ${folder}`) };
      },
    },
    fire: () => { for (const t of timers) if (!t.cancelled) t.callback(); },
  };
}

describe('IndexingWatch', function () {
  it('shows a notification when indexing outlasts the delay, and closes it when done', function () {
    const fake = fakeHost();
    const watch = new IndexingWatch(fake.host);
    watch.update({ state: 'indexing', folder: 'file:///a', documents: 0 });
    assert.deepStrictEqual(fake.timers.map((t) => t.ms), [NOTICE_DELAY_MS]);
    fake.fire();
    watch.update({ state: 'ready', folder: 'file:///a', documents: 12000 });
    assert.deepStrictEqual(fake.log, ['show file:///a', 'close file:///a']);
  });

  it('shows nothing for a quick build', function () {
    const fake = fakeHost();
    const watch = new IndexingWatch(fake.host);
    watch.update({ state: 'indexing', folder: 'file:///a', documents: 0 });
    watch.update({ state: 'ready', folder: 'file:///a', documents: 5 });
    fake.fire();
    assert.deepStrictEqual(fake.log, []);
  });

  it('keeps folders apart and closes on every way a build can end', function () {
    const fake = fakeHost();
    const watch = new IndexingWatch(fake.host);
    watch.update({ state: 'indexing', folder: 'file:///a', documents: 0 });
    watch.update({ state: 'indexing', folder: 'file:///b', documents: 0 });
    watch.update({ state: 'indexing', folder: 'file:///a', documents: 0 });
    fake.fire();
    watch.update({ state: 'error', folder: 'file:///b', documents: 0, message: 'broken' });
    watch.update({ state: 'noCorpus', folder: 'file:///a', documents: 0 });
    assert.deepStrictEqual(fake.log, ['show file:///a', 'show file:///b', 'close file:///b', 'close file:///a']);
  });

  it('closes what is open when disposed', function () {
    const fake = fakeHost();
    const watch = new IndexingWatch(fake.host);
    watch.update({ state: 'indexing', folder: null, documents: 0 });
    fake.fire();
    watch.dispose();
    assert.deepStrictEqual(fake.log, ['show null', 'close null']);
  });
});
