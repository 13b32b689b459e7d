// Checks that sources in every new format flow through the same index and matching as text:
// a drifted quote against a PDF, a Word file, a subtitle file and a transcript is found, and
// its best match knows the page, time or speaker to cite.

import * as assert from 'assert';
import { Checker, CorpusIndex } from '../../../src/core/checker';
import { sourceLocationOf } from '../../../src/core/citation';
import { loadCorpus } from '../../../src/core/corpus/loadCorpus';
import { buildDocx } from './docxFixture';
import { makeTree, removeTree } from './fixtureTree';
import { buildPdf } from './pdfFixture';

describe('corpus: matching quotes in PDF, Word, subtitle and transcript sources', () => {
  let root = '';
  let checker: Checker;

  before(async () => {
    root = makeTree({
      'briefing.pdf': buildPdf([
        ['Kremlin briefing', '', 'Opening remarks on the weather.'],
        ['The spokesman told reporters that Moscow would', 'not take any decision on the border without', 'consulting its allies first.'],
      ], { Title: 'Kremlin briefing notes' }),
      'statement.docx': await buildDocx(['Ministry statement', 'The ministry said the exercises would end on 20 February as planned.']),
      'press.srt': '1\n00:12:31,000 --> 00:12:33,000\nZAKHAROVA: Our patience\n\n2\n00:12:33,500 --> 00:12:36,000\nis not unlimited, and everyone should know it.\n',
      'interview.txt': 'Interview\n\nHOST: What comes next?\n\nLIND: We will keep the embassy open for as long as it is safe.\n\nHOST: Thank you.\n',
    });
    const corpus = await loadCorpus([root]);
    assert.deepStrictEqual(corpus.warnings, []);
    checker = new Checker(CorpusIndex.build(corpus));
  });
  after(() => removeTree(root));

  const rows: { name: string; draft: string; status: string; file: string; location: object; changed?: [string, string] }[] = [
    {
      name: 'a drifted quote in a PDF, cited by page',
      draft: 'Moscow would "not take a decision on the border without consulting its allies first," he said.',
      status: 'drift', file: 'briefing.pdf', location: { page: 2 }, changed: ['a', 'any'],
    },
    {
      name: 'a drifted number in a Word file',
      draft: 'The ministry said the exercises "would end on 10 February as planned."',
      status: 'drift', file: 'statement.docx', location: {}, changed: ['10', '20'],
    },
    {
      name: 'a verbatim quote spanning two subtitle cues, cited by time and speaker',
      draft: 'Zakharova said: "Our patience is not unlimited, and everyone should know it."',
      status: 'verbatim', file: 'press.srt', location: { timestamp: '00:12:31', speaker: 'ZAKHAROVA' },
    },
    {
      name: 'a drifted quote in a transcript, cited by speaker',
      draft: 'Lind said: "We will keep the embassy open as long as it is safe."',
      status: 'drift', file: 'interview.txt', location: { speaker: 'LIND' },
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const [result] = checker.checkText(row.draft, 'plaintext');
      assert.ok(result.match, 'has a match');
      assert.strictEqual(result.status, row.status);
      assert.ok(result.match.document.path.endsWith(row.file), result.match.document.path);
      assert.deepStrictEqual(sourceLocationOf(result.match.document, result.match.span), row.location);
      if (row.changed) {
        const change = result.match.diff.find((d) => d.op === 'changed');
        assert.deepStrictEqual(change && [change.draft, change.source], row.changed);
      }
    });
  }
});
