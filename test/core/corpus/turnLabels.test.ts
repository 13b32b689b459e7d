// A transcript turn's label ("MAYOR: ") is who spoke, not what was said: it is never matched,
// never shown as source words in a diff, a variant or a search result, and never written into a
// quote by a fix, whatever the source's format. It stays available as the turn's speaker.

import * as assert from 'assert';
import { Checker, CorpusIndex } from '../../../src/core/checker';
import { loadCorpus } from '../../../src/core/corpus/loadCorpus';
import { blocksWithout } from '../../../src/core/corpus/textSource';
import type { Corpus, QuoteResult, SourceDocument } from '../../../src/core/types';
import { quoteIn } from '../match/fixtures';
import { buildPdf } from './pdfFixture';
import { makeTree, removeTree } from './fixtureTree';

const BUDGET = 'For the first time in a decade, this budget is balanced.';

/** Every piece of source wording a result shows or a fix could write. */
function shownWords(result: QuoteResult): string[] {
  const matches = [...result.sources, ...result.variants.flatMap((v) => v.matches)];
  return [
    ...matches.map((m) => m.text),
    ...matches.flatMap((m) => m.diff.map((entry) => entry.source)),
    ...result.variants.map((v) => v.text),
  ];
}

async function corpusFrom(files: Record<string, string | Uint8Array>): Promise<{ corpus: Corpus; root: string }> {
  const root = makeTree(files);
  const corpus = await loadCorpus([root]);
  assert.deepStrictEqual(corpus.warnings, []);
  return { corpus, root };
}

function check(corpus: Corpus, draft: string): QuoteResult {
  return new Checker(CorpusIndex.build(corpus)).checkQuote(draft, quoteIn(draft));
}

function docNamed(corpus: Corpus, name: string): SourceDocument {
  const doc = corpus.documents.find((d) => d.path.endsWith(name));
  assert.ok(doc, name);
  return doc;
}

describe('corpus: transcript turn labels are metadata', () => {
  const roots: string[] = [];
  after(() => roots.forEach(removeTree));

  it('never reads a one-turn clipping’s label as a changed name (the issue’s case)', async () => {
    const { corpus, root } = await corpusFrom({ 'council.txt': `MAYOR: ${BUDGET}\n` });
    roots.push(root);
    const result = check(corpus, 'She said it was “balanced for the first time in a decade” this year.');
    assert.strictEqual(result.status, 'drift');
    assert.ok(!result.flags.includes('name'), `flags: ${result.flags.join(', ')}`);
    for (const words of shownWords(result)) assert.doesNotMatch(words, /MAYOR/, words);
    // The only edit is the writer's moved word; the label is no source word to restore.
    assert.deepStrictEqual(result.match!.diff.filter((e) => e.op !== 'same').map((e) => [e.op, e.draft, e.source]), [['added', 'balanced', '']]);
    const doc = docNamed(corpus, 'council.txt');
    assert.deepStrictEqual(doc.locate?.(doc.text.indexOf('For the first')), { speaker: 'MAYOR' });
  });

  const transcript = [
    'Budget hearing, 3 March', '',
    `[00:41:07] MAYOR: ${BUDGET}`, '',
    'COUNCILLOR REID: We asked for a review twice.', 'Nobody answered us.', '',
    'MAYOR: The review is on the agenda.', '',
  ].join('\n');

  it('leaves labels and times out of the index, and keeps the prose', async () => {
    const { corpus, root } = await corpusFrom({ 'hearing.txt': transcript });
    roots.push(root);
    const index = CorpusIndex.build(corpus);
    for (const label of ['mayor', 'councillor', 'reid', '00', '41', '07']) assert.strictEqual(index.wordId(label), -1, label);
    for (const word of ['budget', 'hearing', 'review', 'nobody', 'agenda']) assert.ok(index.wordId(word) >= 0, word);
    const doc = docNamed(corpus, 'hearing.txt');
    assert.deepStrictEqual(doc.locate?.(doc.text.indexOf('Nobody')), { speaker: 'COUNCILLOR REID' });
    assert.deepStrictEqual(doc.locate?.(doc.text.indexOf('this budget')), { speaker: 'MAYOR', timestamp: '00:41:07' });
  });

  it('shows a passage running over a turn change without the label between', async () => {
    const { corpus, root } = await corpusFrom({ 'hearing.txt': transcript });
    roots.push(root);
    const verbatim = check(corpus, '“Nobody answered us. The review is on the agenda”');
    assert.strictEqual(verbatim.status, 'verbatim');
    assert.strictEqual(verbatim.match!.text.replace(/\s+/g, ' '), 'Nobody answered us. The review is on the agenda');
    const drift = check(corpus, '“Nobody answered us. The review is on the table”');
    assert.strictEqual(drift.status, 'drift');
    for (const words of shownWords(drift)) assert.doesNotMatch(words, /MAYOR/, words);
  });

  it('keeps labels out of search results and their excerpts', async () => {
    const { corpus, root } = await corpusFrom({ 'hearing.txt': transcript });
    roots.push(root);
    const hits = CorpusIndex.build(corpus).search('first time in a decade');
    assert.ok(hits.length > 0);
    assert.strictEqual(hits[0].text, BUDGET);
    assert.doesNotMatch(hits[0].excerpt, /MAYOR|41/);
  });

  const formats: [string, string | Uint8Array][] = [
    ['hearing.md', `# Budget hearing\n\n**MAYOR:** ${BUDGET}\n\n**COUNCILLOR REID:** We asked for a review twice.\n`],
    ['hearing.html', `<html><head><title>Budget hearing</title></head><body><p>MAYOR: ${BUDGET}</p><p>COUNCILLOR REID: We asked for a review twice.</p></body></html>`],
    ['hearing.pdf', buildPdf([[`MAYOR: ${BUDGET}`, '', 'COUNCILLOR REID: We asked for a review twice.']])],
    ['hearing.srt', `1\n00:00:01,000 --> 00:00:04,000\n>> MAYOR: ${BUDGET}\n\n2\n00:00:05,000 --> 00:00:07,000\n- <v Reid>- We asked for a review twice.\n`],
    ['hearing.vtt', `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Mayor Oduya>${BUDGET}\n\n00:00:05.000 --> 00:00:07.000\n- REID: We asked for a review twice.\n`],
  ];
  for (const [name, contents] of formats) {
    it(`keeps the labels of a ${name.split('.')[1]} transcript out of matching and keeps its speakers`, async () => {
      const { corpus, root } = await corpusFrom({ [name]: contents });
      roots.push(root);
      const doc = docNamed(corpus, name);
      const result = check(corpus, '“balanced for the first time in a decade”');
      assert.strictEqual(result.status, 'drift');
      for (const words of shownWords(result)) assert.doesNotMatch(words, /MAYOR|Mayor|>>/, words);
      assert.strictEqual(CorpusIndex.build(corpus).wordId('reid'), -1);
      assert.strictEqual(check(corpus, '“We asked for a review twice”').status, 'verbatim');
      assert.match(doc.locate?.(doc.text.indexOf('For the first'))?.speaker ?? '', /^(MAYOR|Mayor Oduya)$/);
      assert.match(doc.locate?.(doc.text.indexOf('We asked'))?.speaker ?? '', /^(COUNCILLOR REID|Reid|REID)$/);
    });
  }

  it('cuts spans out of blocks, trimming the pieces around them', () => {
    const text = 'A: one two\nB: three\n\nC: four';
    const blocks = [{ start: 0, end: 19 }, { start: 21, end: 28 }];
    const cuts = [{ start: 0, end: 3 }, { start: 11, end: 14 }, { start: 21, end: 24 }];
    assert.deepStrictEqual(blocksWithout(text, blocks, cuts).map((b) => text.slice(b.start, b.end)), ['one two', 'three', 'four']);
    assert.deepStrictEqual(blocksWithout(text, blocks, []), blocks);
    assert.deepStrictEqual(blocksWithout(text, blocks, [{ start: 0, end: 19 }]).map((b) => text.slice(b.start, b.end)), ['C: four']);
  });
});
