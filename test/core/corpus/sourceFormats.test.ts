import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isCorpusWarning, isSourceFile, loadSourceFile } from '../../../src/core/corpus/loadCorpus';
import { textBlocks } from '../../../src/core/corpus/textSource';
import type { SourceDocument } from '../../../src/core/types';
import { FORMAT_FIXTURES, makeTree, removeTree } from './fixtureTree';

async function load(file: string): Promise<SourceDocument> {
  const result = await loadSourceFile(file, 7);
  if (isCorpusWarning(result)) assert.fail(`expected a document, got warning: ${result.message}`);
  return result;
}

describe('corpus: source formats', () => {
  describe('isSourceFile', () => {
    const cases: [string, boolean][] = [
      ['/a/report.txt', true], ['/a/report.TEXT', true], ['/a/notes.md', true], ['/a/notes.Markdown', true],
      ['/a/page.html', true], ['/a/page.HTM', true], ['/a/scan.pdf', true], ['/a/memo.docx', true], ['/a/talk.srt', true], ['/a/talk.VTT', true], ['/a/memo.doc', false], ['/a/sheet.odt', false], ['/a/README', false],
      ['/a/archive.md.gz', false], ['/a/.txt', false],
      // The extension is read from the text after the last point, as path.extname reads it.
      ['/a.txt/README', false], ['/a.d/notes', false], ['report.txt', true], ['.txt', false], ['/a/..txt', true], ['/a/b..md', true],
      ['/a/txt', false], ['/a/report.', false], ['/a/..', false], ['/a/report.txt.', false],
    ];
    for (const [file, expected] of cases) {
      it(`${file} → ${expected}`, () => assert.strictEqual(isSourceFile(file), expected));
    }
    it('agrees with path.extname on every case', () => {
      for (const [file] of cases) assert.strictEqual(isSourceFile(file), ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx', '.srt', '.vtt'].includes(path.extname(file).toLowerCase()), file);
    });
  });

  describe('textBlocks', () => {
    const cases: [string, string[]][] = [
      ['one\ntwo\n\nthree', ['one\ntwo', 'three']],
      ['  indented start  \n\n\n   \n last ', ['indented start', 'last']],
      ['crlf one\r\n\r\ncrlf two\r\n', ['crlf one', 'crlf two']],
      ['\n\n', []],
      ['', []],
    ];
    for (const [text, expected] of cases) {
      it(`splits ${JSON.stringify(text)}`, () => {
        assert.deepStrictEqual(textBlocks(text).map((b) => text.slice(b.start, b.end)), expected);
      });
    }
  });

  it('reads a plain-text file as itself, with identity offsets and stat facts', async () => {
    const file = path.join(FORMAT_FIXTURES, 'transcript.txt');
    const raw = fs.readFileSync(file, 'utf8');
    const doc = await load(file);
    assert.strictEqual(doc.id, 7);
    assert.strictEqual(doc.path, file);
    assert.strictEqual(doc.text, raw);
    assert.strictEqual(doc.title, 'Council meeting transcript');
    // Speaker turns make it a primary source.
    assert.deepStrictEqual(doc.meta, { kind: 'primary' });
    // The turn labels are who spoke, not words of the text: the blocks of prose leave them out.
    assert.deepStrictEqual(doc.blocks.map((b) => raw.slice(b.start, b.end)), [
      'Council meeting transcript',
      'We will not rush a decision.\nIt binds the town for forty years.',
      'We asked for time.',
    ]);
    assert.strictEqual(doc.fileOffset(25), 25);
    const stat = fs.statSync(file);
    assert.strictEqual(doc.size, stat.size);
    assert.strictEqual(doc.mtimeMs, stat.mtimeMs);
  });

  it('reads Markdown as masked prose with the file\'s offsets and front-matter metadata', async () => {
    const file = path.join(FORMAT_FIXTURES, 'notes.md');
    const raw = fs.readFileSync(file, 'utf8');
    const doc = await load(file);
    assert.strictEqual(doc.text.length, raw.length);
    assert.strictEqual(doc.title, 'Interview notes, harbour council');
    assert.deepStrictEqual(doc.meta, { source: 'Coastal Ledger archive', date: '2024-03-14', author: 'Mara Quill, Tomas Brandt' });
    const quote = raw.indexOf('not rush a decision');
    assert.strictEqual(doc.text.slice(quote, quote + 19), 'not rush a decision');
    assert.strictEqual(doc.fileOffset(quote), quote);
    // Front matter, code and link targets are not prose.
    assert.ok(!doc.text.includes('Coastal Ledger archive'));
    assert.ok(!doc.text.includes('that is not prose'));
    assert.ok(!doc.text.includes('example.org'));
    assert.ok(doc.blocks.some((b) => doc.text.slice(b.start, b.end).includes('not rush a decision')));
  });

  describe('Markdown titles', () => {
    let root: string;
    beforeEach(() => { root = makeTree(); });
    afterEach(() => removeTree(root));
    const cases: { name: string; text: string; title: string; meta: object }[] = [
      { name: 'front-matter title', text: '---\ntitle: "Declared"\nurl: https://e.example/a\n---\n\n# Heading\n', title: 'Declared', meta: { url: 'https://e.example/a' } },
      { name: 'first heading without front matter', text: '\n\n# Budget   hearing\n\nBody text.\n', title: 'Budget hearing', meta: {} },
      { name: 'first line when front matter has no title', text: '---\ndate: 2023-01-02\n---\nOpening line here.\n', title: 'Opening line here.', meta: { date: '2023-01-02' } },
      { name: 'file name when there is no prose', text: '---\nauthor: Someone\n---\n', title: 'empty.md', meta: { author: 'Someone' } },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const file = path.join(root, 'empty.md');
        fs.writeFileSync(file, c.text);
        const doc = await load(file);
        assert.strictEqual(doc.title, c.title);
        assert.deepStrictEqual(doc.meta, c.meta);
      });
    }
  });

  it('cuts a long first line to a title of at most 120 characters at a word boundary', async () => {
    const root = makeTree({ 'long.txt': `${'word '.repeat(60)}\n\nbody` });
    try {
      const doc = await load(path.join(root, 'long.txt'));
      assert.ok(doc.title.length <= 120, `title has ${doc.title.length} characters`);
      assert.match(doc.title, /^word( word)+…$/);
    } finally {
      removeTree(root);
    }
  });

  it('names an empty text file by its file name', async () => {
    const root = makeTree({ 'blank.txt': '  \n\n \n' });
    try {
      const doc = await load(path.join(root, 'blank.txt'));
      assert.strictEqual(doc.title, 'blank.txt');
      assert.deepStrictEqual(doc.blocks, []);
    } finally {
      removeTree(root);
    }
  });

  it('refuses an unsupported extension when asked for one file', async () => {
    const result = await loadSourceFile('/somewhere/scan.odt', 0);
    assert.ok(isCorpusWarning(result));
    assert.strictEqual(result.path, '/somewhere/scan.odt');
    assert.match(result.message, /unsupported file type/);
  });
});
