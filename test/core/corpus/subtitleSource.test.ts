import * as assert from 'assert';
import * as path from 'path';
import { isCorpusWarning, loadSourceFile } from '../../../src/core/corpus/loadCorpus';
import { fileSpanOf } from '../../../src/core/corpus/offsetMap';
import { parseSubtitleSource } from '../../../src/core/corpus/subtitleSource';
import type { SourceLocation } from '../../../src/core/types';
import { makeTree, removeTree } from './fixtureTree';

const SRT = [
  '1',
  '00:12:31,500 --> 00:12:34,000',
  'PESKOV: We are not planning',
  'to attack <i>anyone</i>.',
  '',
  '2',
  '00:12:34,200 --> 00:12:37,000',
  'But we will defend our interests.',
  '',
  '3',
  '00:12:40,000 --> 00:12:43,000',
  'REPORTER: And the border?',
  '',
  '4',
  '01:02:03,000 --> 01:02:05,000',
  'PESKOV: No comment &amp; no date.',
  '',
].join('\r\n');

const VTT = `WEBVTT - briefing

NOTE recorded at the ministry

intro
00:05.000 --> 00:08.000 align:start position:10%
<v Maria Zakharova>The statement is clear.</v>

00:08.100 --> 00:10.000
<v.loud Maria Zakharova>We expect <b>an answer</b> soon.

00:10.500 --> 00:12.000
<v Journalist>When?
`;

/** The locations of the first characters of `phrases` in the parsed text. */
function locations(parsed: ReturnType<typeof parseSubtitleSource>, phrases: string[]): SourceLocation[] {
  return phrases.map((phrase) => {
    const offset = parsed.text.indexOf(phrase);
    assert.ok(offset >= 0, `missing ${JSON.stringify(phrase)} in ${JSON.stringify(parsed.text)}`);
    return parsed.locate?.(offset) ?? {};
  });
}

describe('corpus: subtitle sources', () => {
  describe('SRT', () => {
    const parsed = parseSubtitleSource(SRT);

    it('puts a cue per line, one speaker’s consecutive cues in one block, without labels and tags', () => {
      assert.deepStrictEqual(parsed.blocks.map((b) => parsed.text.slice(b.start, b.end)), [
        'We are not planning to attack anyone.\nBut we will defend our interests.',
        'And the border?',
        'No comment & no date.',
      ]);
    });

    it('locates every offset at its cue start time and speaker', () => {
      assert.deepStrictEqual(locations(parsed, ['We are not', 'anyone', 'defend our', 'the border', 'No comment']), [
        { timestamp: '00:12:31', speaker: 'PESKOV' },
        { timestamp: '00:12:31', speaker: 'PESKOV' },
        { timestamp: '00:12:34', speaker: 'PESKOV' },
        { timestamp: '00:12:40', speaker: 'REPORTER' },
        { timestamp: '01:02:03', speaker: 'PESKOV' },
      ]);
    });

    const spans: [string, string][] = [
      ['We are not planning', 'We are not planning'],
      ['anyone', 'anyone'],
      ['defend our interests.', 'defend our interests.'],
      ['planning to attack', 'planning\r\nto attack'],
    ];
    for (const [text, file] of spans) {
      it(`maps ${JSON.stringify(text)} back to the cue text in the file`, () => {
        const start = parsed.text.indexOf(text);
        const end = start + text.length;
        assert.strictEqual(SRT.slice(parsed.fileOffset(start), parsed.fileOffset(end - 1) + 1), file);
      });
    }
  });

  describe('WebVTT', () => {
    const parsed = parseSubtitleSource(VTT);

    it('skips the header, notes, cue ids and settings, and reads voice tags as speakers', () => {
      assert.strictEqual(parsed.text, 'The statement is clear.\nWe expect an answer soon.\n\nWhen?');
      assert.deepStrictEqual(locations(parsed, ['The statement', 'an answer', 'When?']), [
        { timestamp: '00:00:05', speaker: 'Maria Zakharova' },
        { timestamp: '00:00:08', speaker: 'Maria Zakharova' },
        { timestamp: '00:00:10', speaker: 'Journalist' },
      ]);
    });

    it('maps offsets into the cue lines of the file', () => {
      const start = parsed.text.indexOf('an answer');
      assert.strictEqual(VTT.slice(parsed.fileOffset(start), parsed.fileOffset(start) + 9), 'an answer');
    });
  });

  it('starts a new block after a long pause even when the speaker goes on', () => {
    const parsed = parseSubtitleSource('1\n00:00:01,000 --> 00:00:02,000\nFirst words.\n\n2\n00:00:30,000 --> 00:00:31,000\nLater words.\n');
    assert.deepStrictEqual(parsed.blocks.map((b) => parsed.text.slice(b.start, b.end)), ['First words.', 'Later words.']);
  });

  it('warns about a subtitle file without cues', async () => {
    const root = makeTree({ 'empty.vtt': 'WEBVTT\n\nNOTE nothing here\n' });
    try {
      const result = await loadSourceFile(path.join(root, 'empty.vtt'), 0);
      assert.ok(isCorpusWarning(result));
      assert.match(result.message, /^has no subtitle cues/);
    } finally {
      removeTree(root);
    }
  });

  it('reads an empty or cue-less file as empty text rather than failing', () => {
    for (const text of ['', 'WEBVTT\n\nNOTE nothing here\n', 'just some words\nwithout timings']) {
      const parsed = parseSubtitleSource(text);
      assert.strictEqual(parsed.text, '');
      assert.deepStrictEqual(parsed.blocks, []);
    }
  });

  it('loads .srt and .vtt files through the corpus loader with locations', async () => {
    const root = makeTree({ 'briefing.srt': SRT, 'briefing.vtt': VTT });
    try {
      // A WebVTT header may carry a title; otherwise the file name is a better label than the first cue.
      for (const [name, title] of [['briefing.srt', 'briefing.srt'], ['briefing.vtt', 'briefing']]) {
        const doc = await loadSourceFile(path.join(root, name), 0);
        if (isCorpusWarning(doc)) assert.fail(doc.message);
        assert.strictEqual(doc.title, title);
        assert.strictEqual(doc.display, undefined, 'subtitles are shown in the file itself');
        assert.ok(doc.locate?.(0).timestamp, name);
      }
    } finally {
      removeTree(root);
    }
  });
});

describe('corpus: subtitle entities in file positions', () => {
  it('maps a passage ending in a decoded entity to the whole entity in the file', () => {
    const file = '1\n00:00:01,000 --> 00:00:03,000\nSalt for everyone, bread &amp;\n';
    const parsed = parseSubtitleSource(file);
    assert.strictEqual(parsed.text, 'Salt for everyone, bread &');
    const span = fileSpanOf(parsed, { start: parsed.text.indexOf('bread'), end: parsed.text.length });
    assert.strictEqual(file.slice(span.start, span.end), 'bread &amp;');
  });
});
