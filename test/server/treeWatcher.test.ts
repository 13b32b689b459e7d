import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TreeWatcher, type TreeWatchOptions } from '../../src/server/treeWatcher';

/** A watcher on a fresh tree, and a way to wait for the change event of a given path. */
function watchedTree(folders: string[], prepare: (root: string) => void = () => undefined, options: (root: string) => TreeWatchOptions = () => ({}), logged: string[] = []) {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-tree-')));
  for (const folder of folders) fs.mkdirSync(path.join(root, folder), { recursive: true });
  prepare(root);
  const waiting: { file: string; resolve: () => void }[] = [];
  const watcher = new TreeWatcher(root, {
    onChange: (changed) => {
      for (const w of waiting.filter((x) => x.file === changed)) { waiting.splice(waiting.indexOf(w), 1); w.resolve(); }
    },
    log: (message) => logged.push(message),
  }, options(root), false);
  /** Resolves once a change of `file` (relative to the root) has been reported from now on. */
  const changeOf = (file: string): Promise<void> => new Promise((resolve) => waiting.push({ file: path.join(root, file), resolve }));
  return { root, watcher, changeOf };
}

describe('TreeWatcher', () => {
  const opened: TreeWatcher[] = [];
  afterEach(() => opened.splice(0).forEach((w) => w.close()));

  it('watches each folder once, not each file, and leaves out hidden folders and packages', () => {
    const { root, watcher } = watchedTree(['a/b', '.git/objects', 'node_modules/x', 'c']);
    opened.push(watcher);
    for (let n = 0; n < 50; n++) fs.writeFileSync(path.join(root, 'a', `file${n}.txt`), 'text');
    assert.equal(watcher.size, 4); // the root, a, a/b and c
  });

  it('never watches the folders it is told to ignore, nor reports changes in them', async () => {
    const { root, watcher, changeOf } = watchedTree(['a', 'cache/x/y'], undefined, (r) => ({ ignore: [path.join(r, 'cache')] }));
    opened.push(watcher);
    assert.equal(watcher.size, 2); // the root and a
    // The root's own watcher sees the cache folder change; the change is not passed on, the next one is.
    let reported = false;
    const inCache = changeOf('cache/index.bin').then(() => { reported = true; });
    const after = changeOf('a/report.txt');
    fs.writeFileSync(path.join(root, 'cache/index.bin'), 'x');
    fs.writeFileSync(path.join(root, 'a/report.txt'), 'The minister said so.');
    await after;
    void inCache;
    assert.equal(reported, false);
  });

  it('stops at its folder limit with one message instead of watching a whole disk', () => {
    const folders = Array.from({ length: 30 }, (_, i) => `f${i}/g`);
    const logged: string[] = [];
    const { watcher } = watchedTree(folders, undefined, () => ({ maxFolders: 10 }), logged);
    opened.push(watcher);
    assert.equal(watcher.size, 10);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /stopped at 10 folders/);
  });

  it('reports a change to a file two folders down', async () => {
    const { root, watcher, changeOf } = watchedTree(['a/b']);
    opened.push(watcher);
    const changed = changeOf('a/b/report.txt');
    fs.writeFileSync(path.join(root, 'a/b/report.txt'), 'The minister said so.');
    await changed;
  });

  it('watches a folder created later, and lets it go when it is removed', async () => {
    const { root, watcher, changeOf } = watchedTree([]);
    opened.push(watcher);
    const created = changeOf('wire');
    fs.mkdirSync(path.join(root, 'wire'));
    await created;
    assert.equal(watcher.size, 2);
    const written = changeOf('wire/story.txt');
    fs.writeFileSync(path.join(root, 'wire/story.txt'), 'New story.');
    await written;
    // The root's watcher sees the folder go, and lets its watcher go before reporting it.
    const removed = changeOf('wire');
    fs.rmSync(path.join(root, 'wire'), { recursive: true });
    await removed;
    assert.equal(watcher.size, 1);
  });
});

describe('TreeWatcher and links', () => {
  it('follows a linked folder, as the corpus walk does, and a link back up the tree only once', async () => {
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-outside-')));
    const { root, watcher, changeOf } = watchedTree(['a'], (made) => {
      fs.symlinkSync(outside, path.join(made, 'linked'));
      fs.symlinkSync(made, path.join(made, 'a', 'loop'));
    });
    try {
      assert.equal(watcher.size, 3); // the root, a and linked; a/loop is the root again
      const written = changeOf('linked/interview.txt');
      fs.writeFileSync(path.join(root, 'linked', 'interview.txt'), 'A new interview.');
      await written;
    } finally {
      watcher.close();
    }
  });
});
