import * as assert from 'assert';
import * as path from 'path';
import JSZip from 'jszip';
import { isCorpusWarning, loadCorpus, loadSourceFile } from '../../../src/core/corpus/loadCorpus';
import type { SourceDocument } from '../../../src/core/types';
import { buildDocx } from './docxFixture';
import { makeTree, removeTree } from './fixtureTree';

const PARAGRAPHS = [
  'Press statement',
  ['The ministry said it would ', '\u201cnot negotiate', ' under threat\u201d & would keep talking.'],
  '',
  'A second paragraph with 1,200 troops.',
];

describe('corpus: Word sources', () => {
  let root = '';
  afterEach(() => { if (root) removeTree(root); root = ''; });

  async function load(bytes: Uint8Array): Promise<SourceDocument> {
    root = makeTree({ 'statement.docx': bytes });
    const result = await loadSourceFile(path.join(root, 'statement.docx'), 0);
    if (isCorpusWarning(result)) assert.fail(`expected a document, got warning: ${result.message}`);
    return result;
  }

  it('reads each paragraph as one block, runs joined and blank paragraphs dropped', async () => {
    const doc = await load(await buildDocx(PARAGRAPHS));
    assert.deepStrictEqual(doc.blocks.map((b) => doc.text.slice(b.start, b.end)), [
      'Press statement',
      'The ministry said it would \u201cnot negotiate under threat\u201d & would keep talking.',
      'A second paragraph with 1,200 troops.',
    ]);
    assert.strictEqual(doc.text, doc.blocks.map((b) => doc.text.slice(b.start, b.end)).join('\n\n'));
    assert.strictEqual(doc.display, 'extracted');
    assert.strictEqual(doc.fileOffset(17), 17);
  });

  const titles: { name: string; properties?: Parameters<typeof buildDocx>[1]; title: string; meta: object }[] = [
    { name: 'from the core properties', properties: { title: 'Statement on the talks', creator: 'Press Office', created: '2022-01-27T08:00:00Z' }, title: 'Statement on the talks', meta: { author: 'Press Office', date: '2022-01-27' } },
    { name: 'from the first line when the properties have no title', properties: { creator: 'Smith & Jones' }, title: 'Press statement', meta: { author: 'Smith & Jones' } },
    { name: 'from the first line without core properties', title: 'Press statement', meta: {} },
  ];
  for (const { name, properties, title, meta } of titles) {
    it(`takes the title ${name}`, async () => {
      const doc = await load(await buildDocx(PARAGRAPHS, properties));
      assert.strictEqual(doc.title, title);
      assert.deepStrictEqual(doc.meta, meta);
    });
  }

  const broken: { name: string; bytes: () => Promise<Uint8Array>; message: RegExp }[] = [
    { name: 'a file that is not a zip', bytes: async () => Buffer.from('plain text pretending to be Word'), message: /^is not a readable Word document: / },
    { name: 'a zip without a document part', bytes: async () => new JSZip().file('hello.txt', 'hi').generateAsync({ type: 'uint8array' }), message: /^is not a readable Word document: / },
    { name: 'a truncated document', bytes: async () => (await buildDocx(PARAGRAPHS)).slice(0, 200), message: /^is not a readable Word document: / },
    { name: 'a document without text', bytes: () => buildDocx(['', '  ']), message: /^is a Word document with no text/ },
  ];
  for (const { name, bytes, message } of broken) {
    it(`warns about ${name} and still loads the rest`, async () => {
      root = makeTree({ 'bad.docx': await bytes(), 'good.docx': await buildDocx(PARAGRAPHS) });
      const corpus = await loadCorpus([root]);
      assert.deepStrictEqual(corpus.documents.map((d) => path.basename(d.path)), ['good.docx']);
      assert.deepStrictEqual(corpus.warnings.map((w) => w.path), [path.join(root, 'bad.docx')]);
      assert.match(corpus.warnings[0].message, message);
    });
  }
});
