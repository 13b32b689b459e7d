import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isCorpusWarning, loadSourceFile } from '../../../src/core/corpus/loadCorpus';
import { readTurnLabel } from '../../../src/core/corpus/speakerTurns';
import { transcriptLocator } from '../../../src/core/corpus/transcriptSource';
import type { SourceLocation } from '../../../src/core/types';
import { FORMAT_FIXTURES, REAL_CORPUS } from './fixtureTree';

const INTERVIEW = `Interview with the foreign minister

[00:00:04] Anna Berg: Thank you for joining us.

[00:00:09] Minister Tomas Lind: It is a pleasure.
We will not send troops, and that will not change.

[00:12:31] Anna Berg: Not even next year?

[00:12:35] And what about sanctions?

[00:12:40] Minister Tomas Lind: Sanctions remain on the table.
`;

const CAPITALS = `PESKOV: Nobody is going to attack anyone.

REPORTER: Are you sure?

PESKOV: We have said so many times.
`;

function at(text: string, locate: (offset: number) => SourceLocation, phrase: string): SourceLocation {
  const offset = text.indexOf(phrase);
  assert.ok(offset >= 0, phrase);
  return locate(offset);
}

describe('corpus: plain-text transcripts', () => {
  it('reads speakers and times of timed turns, and times of unnamed ones', () => {
    const locate = transcriptLocator(INTERVIEW);
    assert.ok(locate, 'detected as a transcript');
    const cases: [string, SourceLocation][] = [
      ['Interview with', {}],
      ['Thank you', { speaker: 'Anna Berg', timestamp: '00:00:04' }],
      ['will not change', { speaker: 'Minister Tomas Lind', timestamp: '00:00:09' }],
      ['Not even', { speaker: 'Anna Berg', timestamp: '00:12:31' }],
      ['what about sanctions', { speaker: 'Anna Berg', timestamp: '00:12:35' }],
      ['remain on the table', { speaker: 'Minister Tomas Lind', timestamp: '00:12:40' }],
    ];
    for (const [phrase, expected] of cases) assert.deepStrictEqual(at(INTERVIEW, locate, phrase), expected, phrase);
  });

  it('reads capitalised speaker labels without times', () => {
    const locate = transcriptLocator(CAPITALS);
    assert.ok(locate);
    assert.deepStrictEqual(at(CAPITALS, locate, 'Are you sure'), { speaker: 'REPORTER' });
    assert.deepStrictEqual(at(CAPITALS, locate, 'so many times'), { speaker: 'PESKOV' });
  });

  it('reads turns written one per line without blank lines between them', () => {
    const text = 'Q: Will you resign?\nA: No.\nQ: Why not?\nA: Because the work is not done.\n';
    const locate = transcriptLocator(text);
    assert.ok(locate);
    assert.deepStrictEqual(at(text, locate, 'work is not done'), { speaker: 'A' });
  });

  it('reads a briefing whose long answers run over unlabelled paragraphs', () => {
    const text = [
      'Briefing transcript', 'Ministry press service, 27 January',
      'MODERATOR: Good afternoon.', 'MINISTER LIND: Thank you.', 'We will not send troops.', 'Our position has not changed.',
      'QUESTION (Northern Wire): Is that a red line?', 'MINISTER LIND: It is.', 'We said so in May.', 'And we say so again.',
      'MODERATOR: Thank you.', '[END]',
    ].join('\n\n');
    const locate = transcriptLocator(text);
    assert.ok(locate, 'detected as a transcript');
    assert.deepStrictEqual(at(text, locate, 'position has not changed'), { speaker: 'MINISTER LIND' });
    assert.deepStrictEqual(at(text, locate, 'red line'), { speaker: 'QUESTION' });
    assert.deepStrictEqual(at(text, locate, 'again'), { speaker: 'MINISTER LIND' });
    assert.deepStrictEqual(at(text, locate, 'Ministry press'), {});
  });

  const articles: [string, string][] = [
    ['a news story with a dateline and one labelled aside', 'KYIV, Jan 27 (Reuters) - Ukraine said on Thursday talks would go on.\n\nNote: this story was updated.\n\nThe minister said "we will not give up".\n\nOfficials declined to comment.\n'],
    ['headings followed by colons', 'Background: the talks began in 2021.\n\nWhat happens next: nobody knows.\n\nThe ministry said it would respond.\n'],
    ['a minority of labelled paragraphs', 'The ministry said talks would go on.\n\nPESKOV: We are ready.\n\nOfficials said more.\n\nAnalysts disagreed.\n\nMarkets fell.\n'],
    ['a single paragraph opening with a name in ordinary case', 'Dmitry Peskov: We are ready to talk.\n'],
    ['a single paragraph opening with a capitalised dateline', 'WASHINGTON: The talks will go on.\n'],
    ['an article quoting four different people by label once each', 'Reactions:\n\nLIND: Good.\n\nBERG: Bad.\n\nOKAFOR: Unclear.\n\nSMITH: Later.\n\nThe talks resume.\n\nMore news.\n\nEven more.\n\nThe end.\n'],
  ];
  for (const [name, text] of articles) {
    it(`does not take ${name} for a transcript`, () => assert.strictEqual(transcriptLocator(text), null));
  }

  const labels: [string, { speaker: string; timestamp?: string } | null][] = [
    ['PESKOV: We are ready.', { speaker: 'PESKOV' }],
    ['Dmitry Peskov: We are ready.', { speaker: 'Dmitry Peskov' }],
    ['Ursula von der Leyen: We are ready.', { speaker: 'Ursula von der Leyen' }],
    ['[1:02:03] Lind: Yes.', { speaker: 'Lind', timestamp: '01:02:03' }],
    ['(12:31) LIND: Yes.', { speaker: 'LIND', timestamp: '00:12:31' }],
    ['00:12:31 - Lind: Yes.', { speaker: 'Lind', timestamp: '00:12:31' }],
    ['MAYOR DUNMORE (chair): Welcome.', { speaker: 'MAYOR DUNMORE' }],
    ['Update: talks resume.', null],
    ['The minister said: we are ready.', null],
    ['Present: the mayor and the clerk.', null],
    ['B: list item', null],
    ['http://example.com: a link', null],
  ];
  for (const [line, expected] of labels) {
    it(`reads the turn label of ${JSON.stringify(line)}`, () => {
      const label = readTurnLabel(line);
      assert.deepStrictEqual(label && { speaker: label.speaker, ...(label.timestamp ? { timestamp: label.timestamp } : {}) }, expected);
    });
  }

  it('adds turn locations to a .txt transcript loaded from the corpus', async () => {
    const file = path.join(FORMAT_FIXTURES, 'transcript.txt');
    const doc = await loadSourceFile(file, 0);
    if (isCorpusWarning(doc)) assert.fail(doc.message);
    assert.deepStrictEqual(at(doc.text, (o) => doc.locate?.(o) ?? {}, 'forty years'), { speaker: 'CHAIR' });
  });

  it('takes none of the real news reports for a transcript', function () {
    if (!fs.existsSync(REAL_CORPUS)) this.skip();
    const files = fs.readdirSync(REAL_CORPUS).filter((name) => name.endsWith('.txt'));
    assert.ok(files.length >= 5);
    for (const name of files) {
      assert.strictEqual(transcriptLocator(fs.readFileSync(path.join(REAL_CORPUS, name), 'utf8')), null, name);
    }
  });
});
