import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadCorpus } from '../../../src/core/corpus/loadCorpus';
import { REAL_CORPUS, makeTree, relativePaths, removeTree } from './fixtureTree';

const SOURCES = {
  'b.txt': 'Bravo report.',
  'a.md': '# Alpha notes\n\nText.',
  'sub/c.html': '<html><head><title>Charlie page</title></head><body><p>Text.</p></body></html>',
  'sub/deeper/d.text': 'Delta transcript.',
  'sub/skip.odt': 'PK not a source',
  'images/pier.png': 'not a source either',
  'README': 'not a source',
  '.hidden/e.txt': 'hidden folder',
  '.f.txt': 'hidden file',
  'node_modules/pkg/g.md': 'installed package',
};

describe('corpus: loading folders, globs and links', () => {
  let root: string;
  beforeEach(() => { root = makeTree(SOURCES); });
  afterEach(() => removeTree(root));

  it('loads a folder recursively, skipping hidden files, node_modules and other types', async () => {
    const corpus = await loadCorpus([root]);
    assert.deepStrictEqual(relativePaths(root, corpus.documents), ['a.md', 'b.txt', 'sub/c.html', 'sub/deeper/d.text']);
    assert.deepStrictEqual(corpus.documents.map((d) => d.id), [0, 1, 2, 3]);
    assert.deepStrictEqual(corpus.documents.map((d) => d.title), ['Alpha notes', 'Bravo report.', 'Charlie page', 'Delta transcript.']);
    assert.deepStrictEqual(corpus.warnings, []);
  });

  it('numbers documents by sorted path whatever order the entries come in', async () => {
    const forward = await loadCorpus([path.join(root, 'sub'), path.join(root, 'b.txt'), path.join(root, 'a.md')]);
    const backward = await loadCorpus([path.join(root, 'a.md'), path.join(root, 'b.txt'), path.join(root, 'sub')]);
    const expected = ['a.md', 'b.txt', 'sub/c.html', 'sub/deeper/d.text'];
    assert.deepStrictEqual(relativePaths(root, forward.documents), expected);
    assert.deepStrictEqual(relativePaths(root, backward.documents), expected);
    assert.deepStrictEqual(forward.documents.map((d) => d.id), [0, 1, 2, 3]);
  });

  it('numbers only the documents that loaded, so documents[id] is the document', async () => {
    fs.writeFileSync(path.join(root, 'aa-binary.txt'), Buffer.from([0, 1, 2]));
    const corpus = await loadCorpus([root]);
    assert.strictEqual(corpus.documents.length, 4);
    corpus.documents.forEach((doc, index) => assert.strictEqual(doc.id, index));
    assert.deepStrictEqual(relativePaths(root, corpus.warnings), ['aa-binary.txt']);
  });

  it('reports progress from zero to the number of files, once per file', async () => {
    const calls: [number, number][] = [];
    await loadCorpus([root], { onProgress: (done, total) => calls.push([done, total]) });
    assert.deepStrictEqual(calls, [[0, 4], [1, 4], [2, 4], [3, 4], [4, 4]]);
  });

  const warnings: { name: string; entry: (root: string) => string; message: RegExp }[] = [
    { name: 'a missing file', entry: (r) => path.join(r, 'gone.txt'), message: /^was not found$/ },
    { name: 'a missing folder', entry: (r) => path.join(r, 'gone'), message: /^was not found$/ },
    { name: 'a named file of another type', entry: (r) => path.join(r, 'sub/skip.odt'), message: /unsupported file type \(\.odt\)/ },
    { name: 'a glob matching nothing', entry: (r) => path.join(r, '**/*.rst'), message: /^matches no files$/ },
    { name: 'a glob matching only other types', entry: (r) => path.join(r, 'sub/*.odt'), message: /matches 1 file, but none has a supported type/ },
    { name: 'a glob with an unclosed brace', entry: (r) => path.join(r, '{a,b.txt'), message: /not a usable pattern: a "\{" has no matching "\}"/ },
    { name: 'a folder without sources', entry: (r) => path.join(r, 'images'), message: /contains no source files/ },
  ];
  for (const c of warnings) {
    it(`warns about ${c.name} and still loads the rest`, async () => {
      const entry = c.entry(root);
      const corpus = await loadCorpus([entry, path.join(root, 'b.txt')]);
      assert.deepStrictEqual(relativePaths(root, corpus.documents), ['b.txt']);
      assert.strictEqual(corpus.warnings.length, 1, JSON.stringify(corpus.warnings));
      assert.strictEqual(corpus.warnings[0].path, entry);
      assert.match(corpus.warnings[0].message, c.message);
    });
  }

  const globs: [string, string[]][] = [
    ['*.md', ['a.md']],
    ['**/*.{txt,text}', ['b.txt', 'sub/deeper/d.text']],
    ['sub/**', ['sub/c.html', 'sub/deeper/d.text']],
    ['?.txt', ['b.txt']],
    ['{a.md,sub/deeper}', ['a.md', 'sub/deeper/d.text']],
  ];
  for (const [glob, expected] of globs) {
    it(`loads the glob ${glob}`, async () => {
      const corpus = await loadCorpus([path.join(root, glob)]);
      assert.deepStrictEqual(relativePaths(root, corpus.documents), expected);
      assert.deepStrictEqual(corpus.warnings, []);
    });
  }

  it('loads hidden and node_modules files when an entry names their folder itself', async () => {
    const corpus = await loadCorpus([path.join(root, 'node_modules/pkg'), path.join(root, '.hidden')]);
    assert.deepStrictEqual(relativePaths(root, corpus.documents), ['.hidden/e.txt', 'node_modules/pkg/g.md']);
  });

  it('loads a file named by two entries once', async () => {
    const corpus = await loadCorpus([root, path.join(root, 'b.txt'), path.join(root, '*.txt')]);
    assert.deepStrictEqual(relativePaths(root, corpus.documents), ['a.md', 'b.txt', 'sub/c.html', 'sub/deeper/d.text']);
  });

  it('finishes on a link back to a parent folder and loads each file once, under its real path', async () => {
    fs.symlinkSync(root, path.join(root, 'sub/deeper/loop'));
    fs.symlinkSync(path.join(root, 'sub'), path.join(root, 'also-sub'));
    const corpus = await loadCorpus([root]);
    assert.deepStrictEqual(relativePaths(root, corpus.documents), ['a.md', 'b.txt', 'sub/c.html', 'sub/deeper/d.text']);
    assert.deepStrictEqual(corpus.warnings, []);
  });

  it('follows links to folders and files outside the corpus folder', async () => {
    const outside = makeTree({ 'x/linked.txt': 'Linked folder source.', 'single.md': 'Linked file source.' });
    try {
      fs.symlinkSync(path.join(outside, 'x'), path.join(root, 'external'));
      fs.symlinkSync(path.join(outside, 'single.md'), path.join(root, 'sub/single-link.md'));
      const corpus = await loadCorpus([root]);
      assert.deepStrictEqual(relativePaths(root, corpus.documents), [
        'a.md', 'b.txt', 'external/linked.txt', 'sub/c.html', 'sub/deeper/d.text', 'sub/single-link.md',
      ]);
      assert.strictEqual(corpus.documents[2].title, 'Linked folder source.');
    } finally {
      removeTree(outside);
    }
  });

  it('warns about a dangling link inside a folder and about one named directly', async () => {
    const link = path.join(root, 'sub/broken.txt');
    fs.symlinkSync(path.join(root, 'nowhere.txt'), link);
    const inFolder = await loadCorpus([root]);
    assert.strictEqual(inFolder.documents.length, 4);
    assert.deepStrictEqual(inFolder.warnings.map((w) => w.path), [link]);
    assert.match(inFolder.warnings[0].message, /broken symbolic link \(its target .*nowhere\.txt does not exist\)/);
    const overlapping = await loadCorpus([root, path.join(root, 'sub')]);
    assert.strictEqual(overlapping.warnings.length, 1, 'reported once when two entries reach it');
    const named = await loadCorpus([link]);
    assert.deepStrictEqual(named.documents, []);
    assert.deepStrictEqual(named.warnings.map((w) => w.path), [link]);
    assert.match(named.warnings[0].message, /broken symbolic link/);
  });

  it('warns about a link that points at itself', async () => {
    const link = path.join(root, 'self.txt');
    fs.symlinkSync(link, link);
    const corpus = await loadCorpus([root]);
    assert.strictEqual(corpus.documents.length, 4);
    assert.deepStrictEqual(corpus.warnings, [{ path: link, message: 'is a symbolic link that loops back on itself; skipped' }]);
  });

  it('loads the shared real-world corpus, titled by headlines', async function () {
    if (!fs.existsSync(REAL_CORPUS)) this.skip();
    const corpus = await loadCorpus([REAL_CORPUS]);
    assert.strictEqual(corpus.documents.length, 5);
    assert.deepStrictEqual(corpus.warnings, []);
    corpus.documents.forEach((doc, index) => {
      assert.strictEqual(doc.id, index);
      const text = fs.readFileSync(doc.path, 'utf8');
      assert.strictEqual(doc.text, text);
      assert.ok(doc.blocks.length > 10, `${doc.path} has ${doc.blocks.length} blocks`);
      assert.strictEqual(doc.size, fs.statSync(doc.path).size);
    });
    // Three of the pages open with site furniture above the headline; one adds its section after a bar.
    assert.deepStrictEqual(corpus.documents.map((d) => d.title), [
      'Russia open but not optimistic over US talks on Ukraine crisis',
      'Russia sees little optimism in US response to Ukraine crisis',
      'US holds firm on Russian demands amid Ukraine tensions',
      'Russia: \'Little Optimism\' on Easing Tensions After US Rejects Kremlin Demands',
      'Russia sees few ’causes for optimism’ that US will meet demands',
    ]);
    const paths = corpus.documents.map((d) => d.path);
    assert.deepStrictEqual(paths, [...paths].sort());
    assert.ok(corpus.documents.some((d) => d.text.includes('little ground for optimism')));
  });
});
