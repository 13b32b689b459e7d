// Every reader of lines agrees with the one line rule (src/core/lineBreaks.ts): a text saved with
// CRLF or with lone CRs (old Mac files, a stray "\r" pasted from elsewhere) reads as the same
// text with LF does: the same headline, the same transcript turns, the same switches written by
// the ignore fixes, the same narrative around quotations and the same search excerpts.

import { strict as assert } from 'assert';
import { narrativeOf } from '../../src/core/attribution/sentences';
import { Checker, CorpusIndex } from '../../src/core/checker';
import { headlineOf } from '../../src/core/corpus/sourceTitle';
import { readTurnLabel } from '../../src/core/corpus/speakerTurns';
import { transcriptLocator } from '../../src/core/corpus/transcriptSource';
import { extractQuotes, ignoreCommentAt, ignoreQuoteInsertions } from '../../src/core/extract';
import { lineBreakBefore, lineEndAfter, lineEndingOf } from '../../src/core/lineBreaks';
import type { TextFormat } from '../../src/core/types';
import { corpusOf } from './match/fixtures';

/** The text as saved with each kind of line break. */
function endings(text: string): [name: string, text: string][] {
  return [['LF', text], ['CRLF', text.replace(/\n/g, '\r\n')], ['lone CR', text.replace(/\n/g, '\r')]];
}

/** `text` with the insertions made, last first so that offsets stay right. */
function applied(text: string, insertions: { offset: number; insert: string }[]): string {
  let edited = text;
  for (const { offset, insert } of [...insertions].sort((a, b) => b.offset - a.offset)) edited = edited.slice(0, offset) + insert + edited.slice(offset);
  return edited;
}

const quoteTexts = (text: string, format: TextFormat) => extractQuotes(text, format).map((q) => q.text);

describe('line endings: every reader of lines', () => {
  it('finds the end of a line, the break before a line and the break a text uses', () => {
    assert.equal(lineEndAfter('ab\rcd', 1), 2);
    assert.equal(lineEndAfter('ab\r\ncd', 0), 2);
    assert.equal(lineEndAfter('abcd', 1), 4);
    assert.equal(lineBreakBefore('a\r\nb', 3), 2);
    assert.equal(lineBreakBefore('a\r\rb', 3), 1);
    assert.equal(lineBreakBefore('a\nb', 2), 1);
    assert.equal(lineBreakBefore('ab', 1), 0);
    assert.equal(lineEndingOf('a\rb\r\nc'), '\r');
    assert.equal(lineEndingOf('a\r\nb\nc'), '\r\n');
    assert.equal(lineEndingOf('one line'), '\n');
  });

  it('takes the same headline from a source', () => {
    const pages = [
      'Change Edition\n\nHarbour wall to be rebuilt before winter\n\nThe harbour authority said on Friday that the wall would be rebuilt.\n',
      'Change Edition\n\nHarbour wall rebuilt before winter says the harbour\nauthority: the harbour wall will be rebuilt before winter.\n',
      '# Harbour wall\n\nThe harbour wall will be rebuilt.\n',
    ];
    for (const page of pages) {
      const expected = headlineOf(page);
      for (const [name, text] of endings(page)) assert.equal(headlineOf(text), expected, name);
    }
    assert.equal(headlineOf(pages[0]), 'Harbour wall to be rebuilt before winter');
    // The wrapped line is no headline with lone CRs either: the line after it is not blank.
    assert.equal(headlineOf(pages[1].replace(/\n/g, '\r')), 'Change Edition');
  });

  it('reads the same turns from a transcript', () => {
    const interview = 'Interview with the minister\n\n[00:00:04] Anna Berg: Thank you for joining us.\n\n'
      + '[00:00:09] Minister Tomas Lind: It is a pleasure.\nWe will not send troops.\n\n[00:12:31] Anna Berg (host): Not even next year?\n';
    for (const [name, text] of endings(interview)) {
      const locate = transcriptLocator(text);
      assert.ok(locate, `${name}: read as a transcript`);
      const at = (phrase: string) => locate(text.indexOf(phrase));
      assert.deepStrictEqual(at('Thank you'), { speaker: 'Anna Berg', timestamp: '00:00:04' }, name);
      assert.deepStrictEqual(at('not send troops'), { speaker: 'Minister Tomas Lind', timestamp: '00:00:09' }, name);
      assert.deepStrictEqual(at('Not even'), { speaker: 'Anna Berg', timestamp: '00:12:31' }, name);
    }
    // A role in brackets never runs over a line break.
    assert.equal(readTurnLabel('Anna Berg (host\r): Not even'), null);
  });

  it('writes switches that silence one quotation, with the line break the text uses', () => {
    const cases: [TextFormat, string, string][] = [
      ['plaintext', '“One.”\n“Two,” he said,\nlater.\n“Three.”\n', 'Two,'],
      ['plaintext', '“One.”\n“Two.”', 'Two.'],
      ['markdown', 'He said:\n“One” and “two”.\n', 'One'],
      ['markdown', '- “One.”\n- “Two.”\n- “Three.”\n', 'Two.'],
      ['markdown', '> “One.”\n> “Two.”\n', 'Two.'],
    ];
    for (const [format, draft, silence] of cases) {
      const quote = extractQuotes(draft, format).find((q) => q.text === silence)!;
      const expected = quoteTexts(applied(draft, ignoreQuoteInsertions(draft, format, quote.outer)!), format);
      assert.ok(!expected.includes(silence));
      for (const [name, text] of endings(draft)) {
        const found = extractQuotes(text, format).find((q) => q.text === silence)!;
        const insertions = ignoreQuoteInsertions(text, format, found.outer);
        assert.ok(insertions, `${name}: ${JSON.stringify(text)}`);
        const edited = applied(text, insertions);
        assert.deepStrictEqual(quoteTexts(edited, format), expected, `${name}: ${JSON.stringify(edited)}`);
        // No line of the edited text ends with a break of another kind than the text's own.
        if (name === 'lone CR') assert.ok(!edited.includes('\n'), JSON.stringify(edited));
      }
    }
  });

  it('writes the switch that silences a paragraph before that paragraph', () => {
    const draft = 'Intro “zero”.\n\n“One,” she said.\nAnd “two”.\n\n“Three.”\n';
    for (const [name, text] of endings(draft)) {
      for (const format of ['plaintext', 'markdown'] as TextFormat[]) {
        const insertion = ignoreCommentAt(text, format, text.indexOf('“One'));
        assert.ok(insertion, name);
        assert.deepStrictEqual(quoteTexts(applied(text, [insertion]), format), ['zero', 'Three.'], `${name} ${format}`);
      }
    }
  });

  it('keeps every line break of a quotation in the narrative around it', () => {
    for (const [name, text] of endings('He said “one\nmore\ntime” today.')) {
      const narrative = narrativeOf(text, extractQuotes(text, 'plaintext'));
      assert.equal(narrative.length, text.length, name);
      // The quoted words are blanked; the breaks between them stay where they were.
      assert.equal(narrative.replace(/[^\r\n]/g, ''), text.replace(/[^\r\n]/g, ''), name);
      assert.ok(!/one|more|time/.test(narrative), name);
    }
  });

  it('ends a search excerpt at a line break of any kind', () => {
    for (const [name, body] of endings('Harbour news\nThe port reopened today after the long strike ended\nMore below')) {
      const index = CorpusIndex.build(corpusOf({ 'port.txt': body }));
      const hit = new Checker(index).index.search('port reopened', 3)[0];
      assert.ok(hit, name);
      assert.equal(hit.text, 'The port reopened today after the long strike ended', name);
    }
  });
});
