import { strict as assert } from 'assert';
import { Checker, CorpusIndex } from '../../../src/core/checker';
import { corpusOf, quoteIn } from './fixtures';

// Three outlets reporting one press briefing, each translating the minister a little differently.
const corpus = corpusOf({
  'wire.txt': 'Harbour Minister Elena Varga said on Monday that there was "little ground for optimism" about the talks.\n\n' +
    '"We will not accept a deal that leaves 40 ships idle in the port. The workers deserve better, and they know it," Varga told reporters.\n\n' +
    'Officials said the strike, now in its third week, had cost the city’s port about €12 million.',
  'daily.txt': 'Varga said there was “little room for optimism” after the meeting.\n\n' +
    '“We will not accept a deal that leaves forty ships idle in the port,” she said, adding that the workers deserved better.\n\n' +
    'The long-term plan, she said, was “to keep the harbour open — whatever it takes”.',
  'radio.txt': 'Asked about the offer, Varga saw little ground for optimism but promised to keep talking.',
  'gazette.txt': 'Minister Varga: “There is little cause for optimism.” Her deputy, Tomas Berg, said the union had “never once asked for more money”.',
});
const index = CorpusIndex.build(corpus);
const checker = new Checker(index, { minWords: 3, driftThreshold: 0.6 });

interface Row {
  name: string;
  draft: string;
  status: 'verbatim' | 'drift' | 'unsupported';
  source?: string;
  /** Expected non-same diff entries as [draft, source]. */
  edits?: [string, string][];
  flags?: string[];
  short?: boolean;
}

const rows: Row[] = [
  { name: 'exact words', draft: 'She said there was “little ground for optimism” on Monday.', status: 'verbatim', source: 'wire.txt' },
  { name: 'first-letter case and edge punctuation are free', draft: 'Varga: “Little room for optimism.”', status: 'verbatim', source: 'daily.txt' },
  { name: 'one word changed: the wording most sources share is reported', draft: 'The minister saw “little hope for optimism” today.', status: 'drift', edits: [['hope', 'ground']] },
  { name: 'quote from the middle of a paragraph', draft: '“a deal that leaves 40 ships idle”', status: 'verbatim', source: 'wire.txt' },
  { name: 'changed number is flagged', draft: '“We will not accept a deal that leaves 50 ships idle in the port”', status: 'drift', edits: [['50', '40']], flags: ['number'] },
  { name: 'dropped negation is flagged', draft: '“We will accept a deal that leaves 40 ships idle in the port”', status: 'drift', edits: [['', 'not']], flags: ['negation'] },
  { name: 'ellipsis stands for omitted words', draft: '“We will not accept a deal … The workers deserve better”', status: 'verbatim', source: 'wire.txt' },
  { name: 'bracketed insertion matches a replaced word', draft: '“[Varga] told reporters”', status: 'verbatim', source: 'wire.txt' },
  { name: 'quote across a sentence break', draft: '“idle in the port. The workers deserve better”', status: 'verbatim', source: 'wire.txt' },
  { name: 'dash styles and hyphens do not matter', draft: '“to keep the harbour open - whatever it takes”', status: 'verbatim', source: 'daily.txt' },
  { name: 'apostrophe styles do not matter', draft: '“had cost the city\'s port about €12 million”', status: 'verbatim', source: 'wire.txt' },
  { name: 'changed name is flagged', draft: 'Her deputy, “Tomas Kerg, said the union had never once asked”', status: 'drift', edits: [['Kerg', 'Berg']], flags: ['name'] },
  { name: 'invented quote is unsupported', draft: '“The harbour will be privatised by the spring”', status: 'unsupported' },
  { name: 'too many changes is unsupported', draft: '“We might perhaps consider a plan that keeps several boats busy”', status: 'unsupported' },
  { name: 'short scare quote found', draft: 'keep the “harbour open”', status: 'verbatim', short: true },
  { name: 'short scare quote absent is not drift', draft: 'a “surging” strike', status: 'unsupported', short: true },
];

describe('Checker.checkQuote', () => {
  for (const row of rows) {
    it(row.name, () => {
      const result = checker.checkQuote(row.draft, quoteIn(row.draft));
      assert.equal(result.status, row.status, JSON.stringify(result.match?.diff.filter((d) => d.op !== 'same')));
      if (row.source) assert.equal(result.match?.document.title, row.source);
      if (row.edits) {
        const edits = result.match!.diff.filter((d) => d.op !== 'same').map((d) => [d.draft, d.source]);
        assert.deepEqual(edits, row.edits);
      }
      if (row.flags) assert.deepEqual(result.flags, row.flags);
      if (row.short !== undefined) assert.equal(result.short, row.short);
      if (row.status === 'unsupported') assert.equal(result.match, null);
    });
  }

  it('points diff spans at the draft words and the source words', () => {
    const draft = 'Varga said there was “little hope for optimism” after all.';
    const result = checker.checkQuote(draft, quoteIn(draft));
    const edit = result.match!.diff.find((d) => d.op === 'changed')!;
    assert.equal(draft.slice(edit.draftSpan.start, edit.draftSpan.end), 'hope');
    assert.equal(result.match!.document.text.slice(edit.sourceSpan.start, edit.sourceSpan.end), edit.source);
  });

  it('lists every rendering of a statement across sources as variants', () => {
    const draft = '“little room for optimism”';
    const result = checker.checkQuote(draft, quoteIn(draft));
    assert.equal(result.status, 'verbatim');
    assert.equal(result.match!.document.title, 'daily.txt');
    const variants = result.variants.map((v) => v.text.toLowerCase()).sort();
    assert.deepEqual(variants, ['little cause for optimism', 'little ground for optimism']);
  });

  it('reuses the plan for the same words at new offsets', () => {
    const first = checker.checkQuote('“little hope for optimism”', quoteIn('“little hope for optimism”'));
    const shifted = 'Some new words before. “little hope for optimism”';
    const second = checker.checkQuote(shifted, quoteIn(shifted));
    const delta = shifted.indexOf('“');
    const firstEdit = first.match!.diff.find((d) => d.op === 'changed')!;
    const secondEdit = second.match!.diff.find((d) => d.op === 'changed')!;
    assert.equal(secondEdit.draftSpan.start, firstEdit.draftSpan.start + delta);
  });

  it('marks accepted wordings', () => {
    const accepting = new Checker(index, {}, ['little hope for optimism']);
    assert.equal(accepting.isAccepted(quoteIn('“Little hope for optimism”')), true);
    assert.equal(accepting.isAccepted(quoteIn('“little room for optimism”')), false);
  });
});

describe('CorpusIndex.search', () => {
  it('finds passages by typed words, widened to the sentence, with an excerpt around the match', () => {
    const hits = index.search('ships idle', 5);
    assert.ok(hits.length >= 2);
    const wire = hits.find((h) => h.document.title === 'wire.txt')!;
    assert.ok(wire.text.startsWith('"We will not accept a deal that leaves 40 ships idle in the port.'), wire.text);
    assert.ok(wire.excerpt.includes('ships idle') && wire.excerpt.length < wire.text.length + 2, wire.excerpt);
  });

  it('treats the last word as unfinished', () => {
    const hits = index.search('little gro', 5);
    assert.ok(hits.some((h) => /little ground for optimism/.test(h.text)), JSON.stringify(hits.map((h) => h.text)));
  });

  it('finds nothing for words the corpus lacks', () => {
    assert.deepEqual(index.search('zebra quokka', 5), []);
  });
});
