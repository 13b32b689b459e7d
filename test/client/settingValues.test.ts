import * as assert from 'assert';
import * as path from 'path';
import { corpusSettingValue, draftSelector, isDraft, languagesSetting } from '../../src/client/settingValues';

describe('setting values', () => {
  describe('draft languages', () => {
    const languageCases: [unknown, string[]][] = [
      [['markdown'], ['markdown']],
      [[], []],
      ['markdown', ['markdown', 'plaintext']],
      [['markdown', 3], ['markdown', 'plaintext']],
      [undefined, ['markdown', 'plaintext']],
    ];
    for (const [value, expected] of languageCases) {
      it(`reads ${JSON.stringify(value)} as ${JSON.stringify(expected)}`, () => assert.deepStrictEqual(languagesSetting(value), expected));
    }

    it('builds one filter per scheme and language, without duplicates or blanks', () => {
      assert.deepStrictEqual(draftSelector(['markdown', 'plaintext', 'markdown', ' ']), [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'file', language: 'plaintext' },
        { scheme: 'untitled', language: 'markdown' },
        { scheme: 'untitled', language: 'plaintext' },
      ]);
    });

    it('selects nothing when no language is configured', () => {
      assert.deepStrictEqual(draftSelector([]), []);
    });

    const draftCases: { scheme: string; language: string; expected: boolean }[] = [
      { scheme: 'file', language: 'markdown', expected: true },
      { scheme: 'untitled', language: 'plaintext', expected: true },
      { scheme: 'file', language: 'typescript', expected: false },
      { scheme: 'git', language: 'markdown', expected: false },
      { scheme: 'output', language: 'plaintext', expected: false },
    ];
    for (const c of draftCases) {
      it(`${c.expected ? 'accepts' : 'rejects'} ${c.scheme}:${c.language}`, () => {
        assert.strictEqual(isDraft(c.scheme, c.language, ['markdown', 'plaintext']), c.expected);
      });
    }
  });

  describe('corpus folder', () => {
    const cases: { name: string; api: path.PlatformPath; folder: string | undefined; chosen: string; expected: string }[] = [
      { name: 'a subfolder', api: path.posix, folder: '/work/book', chosen: '/work/book/research/sources', expected: 'research/sources' },
      { name: 'the folder itself', api: path.posix, folder: '/work/book', chosen: '/work/book', expected: '.' },
      { name: 'a sibling folder', api: path.posix, folder: '/work/book', chosen: '/work/archive', expected: '../archive' },
      { name: 'no workspace folder', api: path.posix, folder: undefined, chosen: '/tmp/sources', expected: '/tmp/sources' },
      { name: 'a Windows subfolder', api: path.win32, folder: 'C:\\book', chosen: 'C:\\book\\sources\\wires', expected: 'sources/wires' },
      { name: 'another Windows drive', api: path.win32, folder: 'C:\\book', chosen: 'D:\\sources', expected: 'D:\\sources' },
    ];
    for (const c of cases) {
      it(`stores ${c.name} as ${JSON.stringify(c.expected)}`, () => {
        assert.strictEqual(corpusSettingValue(c.folder, c.chosen, c.api), c.expected);
      });
    }
  });
});
