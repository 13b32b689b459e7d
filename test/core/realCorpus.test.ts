// Checks the engine against five real reports of one day, in which outlets translated the same
// Kremlin and Kyiv statements differently. Runs where the shared corpus folder exists.

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Checker, CorpusIndex } from '../../src/core/checker';
import { loadCorpus } from '../../src/core/corpus/loadCorpus';
import { extractQuotes } from '../../src/core/extract/extractQuotes';
import type { QuoteResult } from '../../src/core/types';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus/ukraine-2022-01-27');
const file = (prefix: string) => fs.readdirSync(CORPUS).find((name) => name.startsWith(prefix))!;

interface Row {
  name: string;
  draft: string;
  status: 'verbatim' | 'drift' | 'unsupported';
  /** File name prefixes of the sources sharing the best wording. */
  sources?: string[];
  edits?: [string, string][];
  flags?: string[];
  /** Wordings expected among the variants (lower case). */
  variants?: string[];
}

const rows: Row[] = [
  {
    name: 'one outlet’s wording is verbatim; the others are variants',
    draft: 'Peskov said the response left “little room for optimism”.',
    status: 'verbatim', sources: ['001'], variants: ['little ground for optimism', 'little cause for optimism'],
  },
  {
    name: 'a wording no outlet used drifts toward the one most outlets share',
    draft: 'Peskov said there was “little hope for optimism”.',
    status: 'drift', edits: [['hope', 'ground']], sources: ['000', '000', '003'],
  },
  {
    name: 'a mixed translation is drift against the closest rendering',
    draft: 'Lavrov saw “the start of a serious discussion on secondary issues”.',
    status: 'drift', edits: [['discussion', 'talk']],
  },
  {
    name: 'a dropped negation is flagged',
    draft: 'Lavrov said “the document contains a positive response on the main issue”.',
    status: 'drift', flags: ['negation'],
  },
  {
    name: 'a changed number is flagged',
    draft: 'The envoy said “more than 200,000 Russian troops are deployed on the Ukrainian border”.',
    status: 'drift', edits: [['200,000', '100,000']], flags: ['number'],
  },
  {
    name: 'a changed name is flagged',
    draft: 'Andrii Levus wrote: “No one will force Ukrainians to accept the Moscow ultimatum.”',
    status: 'drift', edits: [['Moscow', 'Kremlin']], flags: ['name'],
  },
  {
    name: 'an omission inside a long quote is verbatim',
    draft: '“This is not a moment to wait and see … we look forward to direct and purposeful discussion on Monday.”',
    status: 'verbatim', sources: ['000'],
  },
  {
    name: 'straight quotes, a curly apostrophe and a line wrap do not matter',
    draft: 'He said "there always are prospects for continuing\na dialogue, it’s in the interests of both us and the Americans."',
    status: 'verbatim',
  },
  {
    name: 'an invented statement is unsupported',
    draft: 'Peskov added: “Moscow will withdraw every battalion from the border by Friday.”',
    status: 'unsupported',
  },
];

describe('real corpus: five reports of 27 January 2022', function () {
  let checker: Checker;
  before(async function () {
    if (!fs.existsSync(CORPUS)) this.skip();
    const corpus = await loadCorpus([CORPUS]);
    assert.equal(corpus.documents.length, 5);
    checker = new Checker(CorpusIndex.build(corpus));
  });

  const check = (draft: string): QuoteResult => {
    const results = checker.checkText(draft, 'plaintext');
    assert.equal(results.length, 1, `one quote in ${draft}`);
    return results[0];
  };

  for (const row of rows) {
    it(row.name, () => {
      const result = check(row.draft);
      const edits = result.match?.diff.filter((d) => d.op !== 'same').map((d) => [d.draft, d.source]);
      assert.equal(result.status, row.status, JSON.stringify(edits));
      if (row.sources) assert.deepEqual(result.sources.map((s) => path.basename(s.document.path).slice(0, 3)).sort(), row.sources);
      if (row.edits) assert.deepEqual(edits, row.edits);
      if (row.flags) for (const flag of row.flags) assert.ok(result.flags.includes(flag as never), `${flag} in ${result.flags}`);
      if (row.variants) {
        const found = result.variants.map((v) => v.text.toLowerCase());
        for (const wording of row.variants) assert.ok(found.includes(wording), `${wording} in ${JSON.stringify(found)}`);
      }
    });
  }

  it('every quote of every report is found verbatim in the corpus', () => {
    for (const name of fs.readdirSync(CORPUS)) {
      const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
      const quotes = extractQuotes(text, 'plaintext');
      assert.ok(quotes.length > 0, `quotes in ${name}`);
      for (const quote of quotes) {
        const result = checker.checkQuote(text, quote);
        if (result.short) continue;
        assert.equal(result.status, 'verbatim', `${name}: “${quote.text}”`);
        assert.ok(result.sources.some((s) => s.document.path.endsWith(name)), `${name} lists itself for “${quote.text}”`);
      }
    }
  });

  it('reports the source passage at the right place in the file', () => {
    const result = check('“little room for optimism”');
    const doc = result.match!.document;
    const fileText = fs.readFileSync(doc.path, 'utf8');
    assert.equal(fileText.slice(doc.fileOffset(result.match!.span.start), doc.fileOffset(result.match!.span.end)), 'little room for optimism');
    assert.equal(file('001'), path.basename(doc.path));
  });
});
