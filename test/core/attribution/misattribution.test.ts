// Misattribution end to end: drafts are checked against small sources written for these tests,
// in which each quotation is credited to someone (or to no one), and the checker must say when
// the draft gives the words to the wrong person, and only then.

import * as assert from 'assert';
import * as path from 'path';
import { describeMisattribution } from '../../../src/core/attribution';
import { Checker, CorpusIndex } from '../../../src/core/checker';
import { loadCorpus } from '../../../src/core/corpus/loadCorpus';
import type { QuoteResult, QuoteStatus, SourceDocument } from '../../../src/core/types';

// The bundled test runs from out/test/core/attribution, four levels below the repository root.
const REPO = path.resolve(__dirname, '../../../..');
const SOURCES = path.join(REPO, 'test/fixtures/attribution/sources');
const STRIKE = 'Harbour strike enters second week as talks stall';

interface Row {
  name: string;
  draft: string;
  /** Status of each quote, in order. */
  statuses: QuoteStatus[];
  /** For the first misattributed quote: the text its fix replaces, the replacement, the message. */
  fix?: [replaced: string, replacement: string, message: string];
}

const OFFER = '“We have put forward the best offer this port can afford,”';

const rows: Row[] = [
  {
    name: 'verbatim words given to the wrong person',
    draft: `${OFFER} Kai Brandt said.`,
    statuses: ['misattributed'],
    fix: ['Kai Brandt', 'Tomas Berg', `in "${STRIKE}" these words are Tomas Berg's, not Kai Brandt's`],
  },
  {
    name: 'a surname in the draft is replaced by a surname',
    draft: `${OFFER} Brandt said.`,
    statuses: ['misattributed'],
    fix: ['Brandt', 'Berg', `in "${STRIKE}" these words are Berg's, not Brandt's`],
  },
  { name: 'the right person by surname', draft: `${OFFER} Berg said.`, statuses: ['verbatim'] },
  { name: 'the right person with a title', draft: `${OFFER} said port spokesman Tomas Berg.`, statuses: ['verbatim'] },
  { name: 'the right person in an according-to', draft: `According to Berg, “we have put forward the best offer this port can afford”.`, statuses: ['verbatim'] },
  { name: 'no speaker in the draft', draft: 'It was, in the end, “the best offer this port can afford”.', statuses: ['verbatim'] },
  { name: 'no speaker in the source', draft: '“No deal without the dockers and their families,” Kai Brandt said.', statuses: ['verbatim'] },
  { name: 'one of several sources agrees with the draft', draft: '“Every empty berth is a lost wage somewhere in Larkmouth,” Agnes Moreau said.', statuses: ['verbatim'] },
  { name: 'the other source agrees too', draft: '“Every empty berth is a lost wage somewhere in Larkmouth,” Mayor Solheim said.', statuses: ['verbatim'] },
  {
    name: 'no source agrees with the draft',
    draft: '“Every empty berth is a lost wage somewhere in Larkmouth,” Brandt said.',
    statuses: ['misattributed'],
  },
  {
    name: 'a split quote shares the wrong speaker',
    draft: '“Nobody walks off a job for fun,” Berg said. “We are asking for what was promised three years ago.”',
    statuses: ['misattributed', 'misattributed'],
    fix: ['Berg', 'Brandt', `in "${STRIKE}" these words are Brandt's, not Berg's`],
  },
  {
    name: 'a pronoun in the same paragraph',
    draft: `Union leader Kai Brandt addressed the crowd. ${OFFER} he said.`,
    statuses: ['misattributed'],
    fix: ['he', 'Berg', `in "${STRIKE}" these words are Berg's, not Kai Brandt's`],
  },
  {
    name: 'a pronoun in the preceding paragraph',
    draft: `Union leader Kai Brandt addressed the crowd.\n\n${OFFER} he said.`,
    statuses: ['misattributed'],
    fix: ['he', 'Berg', `in "${STRIKE}" these words are Berg's, not Kai Brandt's`],
  },
  { name: 'a pronoun further back makes no claim', draft: `Union leader Kai Brandt addressed the crowd.\n\nThe crowd cheered.\n\n${OFFER} he said.`, statuses: ['verbatim'] },
  {
    name: 'drifted words given to the wrong person',
    draft: '“We have put forward the best deal this port can afford,” Kai Brandt said.',
    statuses: ['misattributed'],
  },
  {
    // A body speaks through people: the Harbour Board's words may well be Brandt's, so no claim.
    name: 'words of a body given to a person make no claim',
    draft: '“Services at the harbour office are suspended until further notice,” Brandt said.',
    statuses: ['verbatim'],
  },
  { name: 'words of a body given to that body', draft: '“Services at the harbour office are suspended until further notice,” the Harbour Board said.', statuses: ['verbatim'] },
  { name: 'unsupported words make no claim', draft: '“The cranes will be sold to the highest bidder,” Kai Brandt said.', statuses: ['unsupported'] },
  { name: 'short quotes make no claim', draft: 'Berg said it was “for fun”.', statuses: ['verbatim'] },
];

describe('misattribution through the checker', function () {
  let checker: Checker;

  before(async function () {
    const corpus = await loadCorpus([SOURCES]);
    assert.deepStrictEqual(corpus.warnings, []);
    checker = new Checker(CorpusIndex.build(corpus));
  });

  for (const row of rows) {
    it(row.name, function () {
      const results = checker.checkText(row.draft, 'plaintext');
      assert.deepStrictEqual(results.map((r) => r.status), row.statuses);
      const wrong = results.find((r) => r.status === 'misattributed');
      if (!wrong || !row.fix) return;
      const m = wrong.misattribution!;
      assert.deepStrictEqual([row.draft.slice(m.span.start, m.span.end), m.replacement, describeMisattribution(m)], row.fix);
    });
  }

  it('keeps the drift of drifted words that are misattributed', function () {
    const [result] = checker.checkText('“We have put forward the best deal this port can afford,” Kai Brandt said.', 'plaintext');
    assert.strictEqual(result.misattribution?.wording, 'drift');
    assert.deepStrictEqual(result.match?.diff.filter((d) => d.op !== 'same').map((d) => [d.draft, d.source]), [['deal', 'offer']]);
  });

  it('lists the speaker each source gives, with its title and path', function () {
    const [result] = checker.checkText('“Every empty berth is a lost wage somewhere in Larkmouth,” Brandt said.', 'plaintext');
    const speakers = (result.sourceSpeakers ?? []).map((s) => [s.name, s.fullName, s.documentTitle, path.basename(s.path)]).sort();
    assert.deepStrictEqual(speakers, [
      ['Agnes Moreau', 'Agnes Moreau', 'Council weighs emergency fund for strike-hit traders', 'council-report.txt'],
      ['Ingrid Solheim', 'Ingrid Solheim', STRIKE, 'harbour-strike.txt'],
    ]);
    assert.deepStrictEqual(result.sources.map((s) => s.speaker).sort(), ['Agnes Moreau', 'Ingrid Solheim']);
  });

  it('gives the fullest name a source uses for a speaker it credits by surname', function () {
    const [result] = checker.checkText('“Nobody walks off a job for fun,” Berg said.', 'plaintext');
    assert.deepStrictEqual(result.sourceSpeakers?.map((s) => [s.name, s.fullName]), [['Brandt', 'Kai Brandt']]);
  });

  it('applies aliases to the draft’s speaker', async function () {
    const corpus = await loadCorpus([SOURCES]);
    const withAliases = new Checker(CorpusIndex.build(corpus), { aliases: { 'the port’s man': 'Tomas Berg', Dockmaster: 'Tomas Berg' } });
    const draft = `${OFFER} Dockmaster said.`;
    assert.deepStrictEqual(withAliases.checkText(draft, 'plaintext').map((r) => r.status), ['verbatim']);
    assert.deepStrictEqual(checker.checkText(draft, 'plaintext').map((r) => r.status), ['misattributed']);
  });

  it('reads a transcript turn’s speaker from the source itself', function () {
    const text = 'The committee will now hear evidence on the ferry contract from the operator.';
    const transcript: SourceDocument = {
      id: 0, path: '/sources/hearing.vtt', title: 'Hearing', meta: {}, text,
      fileOffset: (offset) => offset, blocks: [{ start: 0, end: text.length }], size: text.length, mtimeMs: 0,
      locate: () => ({ speaker: 'Chair Ada Marlow' }),
    };
    const hearing = new Checker(CorpusIndex.build({ documents: [transcript], warnings: [] }));
    const check = (draft: string): QuoteResult => hearing.checkText(draft, 'plaintext')[0];
    assert.strictEqual(check('“The committee will now hear evidence on the ferry contract,” Tomas Reyes said.').status, 'misattributed');
    assert.strictEqual(check('“The committee will now hear evidence on the ferry contract,” Marlow said.').status, 'verbatim');
  });
});
