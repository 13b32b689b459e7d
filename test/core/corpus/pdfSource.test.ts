import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isCorpusWarning, loadCorpus, loadSourceFile } from '../../../src/core/corpus/loadCorpus';
import { joinLines, layoutPdfText, pageLines, type PdfTextItem } from '../../../src/core/corpus/pdfLayout';
import { pdfDate } from '../../../src/core/corpus/pdfSource';
import type { SourceDocument } from '../../../src/core/types';
import { FORMAT_FIXTURES, makeTree, removeTree } from './fixtureTree';
import { buildPdf } from './pdfFixture';

const REPORT_PAGES = [
  [
    'Briefing on the talks',
    '',
    'The spokesman said the talks had been',
    'useful but that no agreement was reached.',
    '',
    '1',
  ],
  [
    'Asked about troops, he said: \u201cWe will not with-',
    'draw our forces from the border this week.\u201d',
    '',
    'The self-',
    'defence forces stay on alert.',
    '',
    '2',
  ],
];

async function loadPdf(bytes: Uint8Array, name = 'report.pdf'): Promise<{ doc: SourceDocument; root: string }> {
  const root = makeTree({ [name]: bytes });
  const result = await loadSourceFile(path.join(root, name), 0);
  if (isCorpusWarning(result)) {
    removeTree(root);
    assert.fail(`expected a document, got warning: ${result.message}`);
  }
  return { doc: result, root };
}

describe('corpus: PDF sources', () => {
  let root = '';
  afterEach(() => { if (root) removeTree(root); root = ''; });

  it('extracts paragraphs, drops page numbers and separates pages by a blank line', async () => {
    const loaded = await loadPdf(buildPdf(REPORT_PAGES, { Title: 'Briefing transcript', Author: 'Press Office', CreationDate: "D:20220127093000+02'00'" }));
    root = loaded.root;
    const { doc } = loaded;
    assert.deepStrictEqual(doc.blocks.map((b) => doc.text.slice(b.start, b.end)), [
      'Briefing on the talks',
      'The spokesman said the talks had been\nuseful but that no agreement was reached.',
      'Asked about troops, he said: \u201cWe will not withdraw our forces from the border this week.\u201d',
      'The self-defence forces stay on alert.',
    ]);
    assert.strictEqual(doc.display, 'extracted');
    assert.strictEqual(doc.title, 'Briefing transcript');
    assert.deepStrictEqual(doc.meta, { author: 'Press Office', date: '2022-01-27' });
    assert.strictEqual(doc.fileOffset(42), 42);
  });

  it('locates offsets on their 1-based page', async () => {
    const loaded = await loadPdf(buildPdf(REPORT_PAGES));
    root = loaded.root;
    const { doc } = loaded;
    const cases: [string, number][] = [['Briefing on', 1], ['no agreement', 1], ['withdraw our forces', 2], ['stay on alert', 2]];
    for (const [phrase, page] of cases) {
      const offset = doc.text.indexOf(phrase);
      assert.ok(offset >= 0, phrase);
      assert.deepStrictEqual(doc.locate?.(offset), { page }, phrase);
    }
  });

  it('titles an untitled PDF by its first line', async () => {
    const loaded = await loadPdf(buildPdf(REPORT_PAGES, { Title: 'Microsoft Word - briefing.docx' }));
    root = loaded.root;
    assert.strictEqual(loaded.doc.title, 'Briefing on the talks');
  });

  const broken: { name: string; bytes: () => Uint8Array; message: RegExp }[] = [
    { name: 'a truncated file', bytes: () => buildPdf(REPORT_PAGES).slice(0, 60), message: /^is not a readable PDF: / },
    { name: 'a text file named .pdf', bytes: () => Buffer.from('this is not a PDF at all'), message: /^is not a readable PDF: / },
    { name: 'a PDF without a text layer', bytes: () => buildPdf([[], []]), message: /^has no text layer/ },
    { name: 'a password-protected PDF', bytes: () => fs.readFileSync(path.join(FORMAT_FIXTURES, 'encrypted.pdf')), message: /^is encrypted/ },
  ];
  for (const { name, bytes, message } of broken) {
    it(`warns about ${name} and still loads the rest`, async () => {
      root = makeTree({ 'bad.pdf': bytes(), 'good.pdf': buildPdf(REPORT_PAGES), 'notes.txt': 'Plain notes.' });
      const corpus = await loadCorpus([root]);
      assert.deepStrictEqual(corpus.documents.map((d) => path.basename(d.path)), ['good.pdf', 'notes.txt']);
      assert.strictEqual(corpus.warnings.length, 1);
      assert.strictEqual(corpus.warnings[0].path, path.join(root, 'bad.pdf'));
      assert.match(corpus.warnings[0].message, message);
    });
  }

  it('skips a PDF over the size limit before reading it', async () => {
    root = makeTree({ 'big.pdf': buildPdf(REPORT_PAGES) });
    const result = await loadSourceFile(path.join(root, 'big.pdf'), 0, { maxFileBytes: 100 });
    assert.ok(isCorpusWarning(result));
    assert.match(result.message, /over the 100 bytes limit for source files/);
  });

  describe('layout', () => {
    const item = (str: string, x: number, y: number, hasEOL = false): PdfTextItem => ({ str, x, y, width: str.length * 6, height: 12, hasEOL });

    it('puts a space between runs drawn apart on one line, and none between touching runs', () => {
      // "Our" ends at 90 and "for" starts at 93; "for" ends at 111 where "ces" starts.
      const lines = pageLines([item('Our', 72, 700), item('for', 93, 700), item('ces', 111, 700, true), item('Next', 72, 686)]);
      assert.deepStrictEqual(lines.map((l) => l.text), ['Our forces', 'Next']);
    });

    const joins: [string, string[], string[], string][] = [
      ['joins a word split at a line end', ['with-', 'draw'], [], 'withdraw'],
      ['keeps the hyphen of a compound written whole elsewhere', ['long-', 'term plans'], ['long-term'], 'long-term plans'],
      ['keeps the hyphen before a capital', ['pro-', 'Russian forces'], [], 'pro-Russian forces'],
      ['joins a word split in capitals', ['OP-', 'TIONAL value'], [], 'OPTIONAL value'],
      ['removes a soft hyphen', ['nego\u00ad', 'tiations'], [], 'negotiations'],
      ['keeps ordinary line breaks', ['we will', 'not go'], [], 'we will\nnot go'],
      ['keeps a dash that ends a clause', ['said \u2014', 'then'], [], 'said \u2014\nthen'],
    ];
    for (const [name, lines, compounds, expected] of joins) {
      it(name, () => assert.strictEqual(joinLines(lines, new Set(compounds)), expected));
    }

    it('drops a running head and foot repeated on most pages, but not the first page’s title', () => {
      const page = (n: number, body: string): PdfTextItem[] => [
        item('Annual Report 2022', 72, 760, true), item(body, 72, 700, true), item(`Annual Report, page ${n}`, 72, 40, true),
      ];
      const layout = layoutPdfText([1, 2, 3, 4].map((n) => page(n, `Body of page ${n}.`)));
      assert.strictEqual(layout.text, 'Annual Report 2022\n\nBody of page 1.\n\nBody of page 2.\n\nBody of page 3.\n\nBody of page 4.');
    });

    it('marks page starts even when a page is empty', () => {
      const layout = layoutPdfText([[item('One.', 72, 700, true)], [], [item('Three.', 72, 700, true)]]);
      assert.strictEqual(layout.text, 'One.\n\nThree.');
      assert.deepStrictEqual(layout.marks.map((m) => [m.start, m.location.page]), [[0, 1], [6, 2], [6, 3]]);
    });
  });

  const dates: [unknown, string | null][] = [
    ["D:20220127093000+02'00'", '2022-01-27'], ['D:2022', '2022'], ['20220127', '2022-01-27'], ['yesterday', null], [undefined, null],
  ];
  for (const [value, expected] of dates) {
    it(`reads the PDF date ${JSON.stringify(value)} as ${expected}`, () => assert.strictEqual(pdfDate(value), expected));
  }
});
