import * as assert from 'assert';
import * as path from 'path';
import { ConfigError, folderMetaPaths, parseConfig } from '../../../src/core/config';
import { withFolderMeta } from '../../../src/core/corpus/folderMeta';
import { loadCorpus } from '../../../src/core/corpus/loadCorpus';
import type { SourceMeta } from '../../../src/core/types';
import { makeTree, removeTree } from './fixtureTree';

const ROOT = path.resolve('/project');

describe('corpus: per-folder source details', () => {
  describe('withFolderMeta', () => {
    const folders: Record<string, SourceMeta> = {
      [path.join(ROOT, 'wires')]: { source: 'Wire pool', date: '2022-01-01' },
      [path.join(ROOT, 'wires/reuters')]: { source: 'Reuters' },
      [path.join(ROOT, 'transcripts')]: { source: 'Ministry press office', url: 'https://ministry.example' },
    };
    const cases: { name: string; file: string; own: SourceMeta; expected: SourceMeta }[] = [
      { name: 'the deepest folder wins, shallower ones fill the rest', file: 'wires/reuters/a.txt', own: {}, expected: { source: 'Reuters', date: '2022-01-01' } },
      { name: 'what the file declares wins', file: 'wires/reuters/b.md', own: { source: 'AP', author: 'J. Doe' }, expected: { source: 'AP', author: 'J. Doe', date: '2022-01-01' } },
      { name: 'a sibling folder with a shared prefix does not apply', file: 'transcripts-old/c.txt', own: {}, expected: {} },
      { name: 'nested files inherit', file: 'transcripts/2022/jan/d.srt', own: {}, expected: { source: 'Ministry press office', url: 'https://ministry.example' } },
    ];
    for (const { name, file, own, expected } of cases) {
      it(name, () => assert.deepStrictEqual(withFolderMeta(path.join(ROOT, file), own, folders), expected));
    }

    it('leaves the file’s own details untouched', () => {
      const own: SourceMeta = { author: 'X' };
      withFolderMeta(path.join(ROOT, 'wires/a.txt'), own, folders);
      assert.deepStrictEqual(own, { author: 'X' });
    });
  });

  describe('verbatim.json "folders"', () => {
    it('reads folders relative to the config file and resolves them', () => {
      const config = parseConfig({ folders: { 'wires/reuters': { source: 'Reuters' }, transcripts: { source: 'Ministry press office', date: '2022-01-27' } } }, ROOT, null);
      assert.deepStrictEqual(config.folders, { 'wires/reuters': { source: 'Reuters' }, transcripts: { source: 'Ministry press office', date: '2022-01-27' } });
      assert.deepStrictEqual(folderMetaPaths(config), {
        [path.join(ROOT, 'wires/reuters')]: { source: 'Reuters' },
        [path.join(ROOT, 'transcripts')]: { source: 'Ministry press office', date: '2022-01-27' },
      });
    });

    it('defaults to no folders', () => assert.deepStrictEqual(parseConfig({}, ROOT, null).folders, {}));

    const bad: [unknown, RegExp][] = [
      [['wires'], /"folders" must be an object mapping folders to source details/],
      [{ wires: 'Reuters' }, /"folders" → "wires" must be an object like \{"source": "Reuters"\}/],
      [{ wires: { outlet: 'Reuters' } }, /"folders" → "wires" has an unknown field "outlet" \(allowed: source, date, url, author, lang, kind\)/],
      [{ wires: { source: 7 } }, /"folders" → "wires" → "source" must be a string/],
      [{ ' ': { source: 'X' } }, /"folders" has an empty folder name/],
    ];
    for (const [folders, message] of bad) {
      it(`rejects ${JSON.stringify(folders)} with a clear message`, () => {
        assert.throws(() => parseConfig({ folders }, ROOT, '/project/verbatim.json'), (error: unknown) => error instanceof ConfigError && message.test(error.message) && error.message.startsWith('/project/verbatim.json: '));
      });
    }
  });

  it('labels loaded documents with their folder’s details', async () => {
    const root = makeTree({
      'wires/reuters/story.txt': 'A wire story.',
      'wires/reuters/own.md': '---\nsource: Reuters Breakingviews\n---\nA column.',
      'notes/mine.txt': 'My notes.',
    });
    try {
      const corpus = await loadCorpus([root], { folderMeta: { [path.join(root, 'wires/reuters')]: { source: 'Reuters', date: '2022-01-27' } } });
      const byName = Object.fromEntries(corpus.documents.map((d) => [path.basename(d.path), d.meta]));
      assert.deepStrictEqual(byName, {
        'story.txt': { source: 'Reuters', date: '2022-01-27' },
        'own.md': { source: 'Reuters Breakingviews', date: '2022-01-27' },
        'mine.txt': {},
      });
    } finally {
      removeTree(root);
    }
  });
});
