// The containment rule: a corpus stays inside its project unless the person running Verbatim
// allows more, links out of the project count as outside, and every entry left out is named.

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { type CorpusPath, scopeCorpusPaths } from '../../../src/core/corpus/corpusScope';
import { walkCorpus } from '../../../src/core/corpus/walkCorpus';
import { makeTree, writeFile } from './fixtureTree';

describe('corpus scope', () => {
  const top = makeTree({ 'project/sources/a.txt': 'inside', 'outside/secret.txt': 'secret' });
  const root = path.join(top, 'project');
  fs.symlinkSync(path.join(top, 'outside'), path.join(root, 'linked'));
  const hint = 'HINT.';

  const rows: { name: string; paths: CorpusPath[]; allowOutside: boolean; kept: string[]; leftOut: string[] }[] = [
    { name: 'a folder inside', paths: [{ entry: 'sources', origin: 'project' }], allowOutside: false, kept: [path.join(root, 'sources')], leftOut: [] },
    { name: 'the root itself', paths: [{ entry: '.', origin: 'project' }], allowOutside: false, kept: [root], leftOut: [] },
    { name: 'a glob inside', paths: [{ entry: 'sources/**/*.txt', origin: 'project' }], allowOutside: false, kept: [path.join(root, 'sources/**/*.txt')], leftOut: [] },
    { name: 'a parent path from the project', paths: [{ entry: '../outside', origin: 'project' }], allowOutside: true, kept: [], leftOut: [path.join(top, 'outside')] },
    { name: 'an absolute path from the project', paths: [{ entry: '/etc', origin: 'project' }], allowOutside: true, kept: [], leftOut: ['/etc'] },
    { name: 'the whole disk from the project', paths: [{ entry: '/', origin: 'project' }], allowOutside: true, kept: [], leftOut: ['/'] },
    { name: 'a glob reaching out', paths: [{ entry: '../*/secret.txt', origin: 'project' }], allowOutside: true, kept: [], leftOut: [path.join(top, '*/secret.txt')] },
    { name: 'a link inside that points outside', paths: [{ entry: 'linked', origin: 'project' }], allowOutside: true, kept: [], leftOut: [path.join(root, 'linked')] },
    { name: 'a file under such a link', paths: [{ entry: 'linked/secret.txt', origin: 'project' }], allowOutside: false, kept: [], leftOut: [path.join(root, 'linked/secret.txt')] },
    { name: 'the person\'s outside path, allowed', paths: [{ entry: '../outside', origin: 'person' }], allowOutside: true, kept: [path.join(top, 'outside')], leftOut: [] },
    { name: 'the person\'s outside path, not allowed (untrusted, no --allow-outside)', paths: [{ entry: '/etc', origin: 'person' }], allowOutside: false, kept: [], leftOut: ['/etc'] },
    { name: 'a path not created yet', paths: [{ entry: 'later/notes', origin: 'project' }], allowOutside: false, kept: [path.join(root, 'later/notes')], leftOut: [] },
  ];
  for (const row of rows) {
    it(`${row.kept.length ? 'keeps' : 'leaves out'} ${row.name}`, () => {
      const scoped = scopeCorpusPaths(row.paths, { root, allowOutside: row.allowOutside, hint });
      assert.deepEqual(scoped.kept, row.kept);
      assert.deepEqual(scoped.warnings.map((w) => w.path), row.leftOut);
      for (const warning of scoped.warnings) {
        assert.match(warning.message, new RegExp(`^lies outside ${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} and was left out of the corpus \\(.*\\)\\. HINT\\.$`));
      }
    });
  }

  it('says why: the project cannot reach out, or the person did not allow it', () => {
    const project = scopeCorpusPaths([{ entry: '/etc', origin: 'project' }], { root, allowOutside: true, hint }).warnings[0].message;
    const person = scopeCorpusPaths([{ entry: '/etc', origin: 'person' }], { root, allowOutside: false, hint }).warnings[0].message;
    assert.match(project, /the project's own settings cannot reach outside it/);
    assert.match(person, /reaching outside it was not allowed/);
  });
});

describe('links inside a corpus that lead outside', () => {
  const top = makeTree({
    'project/sources/a.txt': 'inside',
    'project/shared/b.txt': 'shared inside',
    'outside/secret.txt': 'secret',
    'outside/more/deep.txt': 'deep secret',
  });
  const root = path.join(top, 'project');
  fs.symlinkSync(path.join(top, 'outside'), path.join(root, 'sources', 'away'));
  fs.symlinkSync(path.join(top, 'outside', 'secret.txt'), path.join(root, 'sources', 'secret.txt'));
  fs.symlinkSync(path.join(root, 'shared'), path.join(root, 'sources', 'shared'));
  const names = (files: { path: string }[]): string[] => files.map((f) => path.relative(root, f.path)).sort();

  it('are confined to the root when nobody allowed the corpus to reach out', () => {
    assert.equal(scopeCorpusPaths([{ entry: 'sources', origin: 'person' }], { root, allowOutside: false, hint: '' }).confineLinksTo, root);
    assert.equal(scopeCorpusPaths([{ entry: 'sources', origin: 'person' }], { root, allowOutside: true, hint: '' }).confineLinksTo, null);
  });

  it('are left out of a confined walk and named, while links that stay inside are followed', async () => {
    const walked = await walkCorpus([path.join(root, 'sources')], { confineLinksTo: root });
    assert.deepEqual(names(walked.files), [path.join('sources', 'a.txt'), path.join('sources', 'shared', 'b.txt')]);
    const leftOut = walked.warnings.map((w) => path.relative(root, w.path)).sort();
    assert.deepEqual(leftOut, [path.join('sources', 'away'), path.join('sources', 'secret.txt')]);
    for (const warning of walked.warnings) assert.match(warning.message, /^is a link to .*outside.*, and was left out of the corpus$/);
  });

  it('are left out of a confined glob walk too', async () => {
    const walked = await walkCorpus([path.join(root, 'sources', '**', '*.txt')], { confineLinksTo: root });
    assert.ok(walked.files.every((f) => !f.realPath.startsWith(path.join(top, 'outside'))), names(walked.files).join(', '));
    assert.ok(names(walked.files).includes(path.join('sources', 'a.txt')));
  });

  it('are followed when the walk is not confined', async () => {
    const walked = await walkCorpus([path.join(root, 'sources')]);
    const real = walked.files.map((f) => path.relative(top, f.realPath)).sort();
    assert.deepEqual(real, [path.join('outside', 'more', 'deep.txt'), path.join('outside', 'secret.txt'), path.join('project', 'shared', 'b.txt'), path.join('project', 'sources', 'a.txt')]);
    assert.deepEqual(walked.warnings, []);
  });
});

describe('corpus walk limits', () => {
  it('never enters the index\'s own cache folder', async () => {
    const root = makeTree({ 'a.txt': 'one', 'cache/leftover.txt': 'a text file in the cache folder', 'notes/b.md': 'two' });
    const walked = await walkCorpus([root], { exclude: [path.join(root, 'cache')] });
    assert.deepEqual(walked.files.map((f) => path.relative(root, f.path)), ['a.txt', path.join('notes', 'b.md')]);
  });

  it('stops at the file limit with a warning that names the limit', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`part-${i % 3}/f${String(i).padStart(2, '0')}.txt`] = `text ${i}`;
    const root = makeTree(files);
    const walked = await walkCorpus([root], { maxFiles: 12 });
    assert.equal(walked.files.length, 12);
    const limit = walked.warnings.filter((w) => w.limit);
    assert.equal(limit.length, 1);
    assert.match(limit[0].message, /has more than 12 source files, the corpus file limit; the walk stopped there/);
    // A glob entry stops the same way, and a second entry is not walked once the limit is reached.
    const other = makeTree({ 'x.txt': 'x' });
    const globbed = await walkCorpus([path.join(root, '**/*.txt'), other], { maxFiles: 5 });
    assert.equal(globbed.files.length, 5);
    assert.ok(globbed.files.every((f) => f.path.startsWith(root)));
    assert.equal(globbed.warnings.filter((w) => w.limit).length, 1);
  });

  it('walks everything below the limit without a warning', async () => {
    const root = makeTree({ 'a.txt': 'a', 'b/c.txt': 'c' });
    writeFile(root, 'b/d.md', 'd');
    const walked = await walkCorpus([root], { maxFiles: 3 });
    assert.equal(walked.files.length, 3);
    assert.deepEqual(walked.warnings, []);
  });
});
