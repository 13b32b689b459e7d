import * as assert from 'assert';
import { pathToFileURL } from 'url';
import { watchBase } from '../../src/server/corpusWatcher';
import { isInside, WorkspaceFolders } from '../../src/server/workspaceFolders';

const uri = (p: string) => pathToFileURL(p).href;

describe('workspace folders', function () {
  const folders = new WorkspaceFolders();
  folders.set([{ uri: uri('/work/book'), name: 'book' }, { uri: uri('/work/book/appendix'), name: 'appendix' }, { uri: uri('/work/articles') }]);

  const cases: [string, string | null, boolean][] = [
    ['/work/book/ch1.md', '/work/book', false],
    ['/work/book/appendix/a.md', '/work/book/appendix', false],
    ['/work/articles/deep/x.txt', '/work/articles', false],
    ['/elsewhere/solo.md', '/elsewhere', true],
  ];
  for (const [file, folder, implicit] of cases) {
    it(`puts ${file} in ${folder}`, function () {
      const found = folders.folderFor(uri(file));
      assert.deepStrictEqual(found && { path: found.path, implicit: found.implicit }, folder && { path: folder, implicit });
    });
  }

  it('ignores URIs that are not files', function () {
    assert.strictEqual(folders.folderFor('untitled:Untitled-1'), null);
  });

  it('lists only the client folders as explicit, and keeps implicit ones across updates', function () {
    folders.set([{ uri: uri('/work/book') }]);
    assert.deepStrictEqual(folders.explicit().map((f) => f.path), ['/work/book']);
    assert.ok(folders.all().some((f) => f.implicit && f.path === '/elsewhere'));
  });

  const inside: [string, string, boolean][] = [
    ['/a/b/c', '/a/b', true], ['/a/b', '/a/b', true], ['/a/bc', '/a/b', false], ['/a', '/a/b', false],
  ];
  for (const [child, parent, expected] of inside) {
    it(`isInside(${child}, ${parent}) is ${expected}`, function () {
      assert.strictEqual(isInside(child, parent), expected);
    });
  }

  const bases: [string, string][] = [['/w/sources', '/w/sources'], ['/w/sources/**/*.md', '/w/sources'], ['/w/{a,b}/x', '/w'], ['/*.txt', '/']];
  for (const [entry, base] of bases) {
    it(`watches ${base} for ${entry}`, function () {
      assert.strictEqual(watchBase(entry), base);
    });
  }
});
