// The `ignore` list of verbatim.json: which quotations it matches, how a bad entry is reported,
// and that the checker leaves the matched quotations out while keeping the others' speakers.

import * as assert from 'assert';
import { Checker, CorpusIndex } from '../../src/core/checker';
import { ConfigError, parseConfig } from '../../src/core/config';
import { IgnoreList } from '../../src/core/ignoreList';
import type { SourceDocument } from '../../src/core/types';

function source(text: string): SourceDocument {
  return { id: 0, path: '/corpus/wire.txt', title: 'Wire', meta: {}, text, fileOffset: (o) => o, blocks: [{ start: 0, end: text.length }], size: text.length, mtimeMs: 0 };
}

describe('the ignore list', function () {
  it('matches a quotation by its words, whatever the case, punctuation and line wraps', function () {
    const list = new IgnoreList(['Slava Ukraini!', 'we will rebuild']);
    assert.ok(list.matches('slava ukraini'));
    assert.ok(list.matches('We will\nrebuild.'));
    assert.ok(!list.matches('Slava Ukraini, he said'), 'more words are another quotation');
    assert.ok(!list.matches('we will not rebuild'));
  });

  it('matches /regular expressions/ against the quotation as written, with flags', function () {
    const list = new IgnoreList(['/^Section \\d+/', '/motto/i']);
    assert.ok(list.matches('Section 12 applies'));
    assert.ok(!list.matches('section 12 applies'), 'no i flag: case counts');
    assert.ok(list.matches('Our MOTTO says so'));
    assert.ok(!list.matches('Our slogan says so'));
  });

  it('reads "ignore" from verbatim.json and says what is wrong with a bad entry', function () {
    assert.deepStrictEqual(parseConfig({ ignore: ['One two three', '/x+/u'] }, '/p', '/p/verbatim.json').ignore, ['One two three', '/x+/u']);
    assert.deepStrictEqual(parseConfig({}, '/p', null).ignore, []);
    const bad: [unknown, RegExp][] = [
      ['Slava Ukraini', /"ignore" must be a list of quotations or \/regular expressions\//],
      [['ok words', 3], /"ignore" → item 2 must be a string, not 3/],
      [['/(unclosed/'], /"ignore" entry 1 \("\/\(unclosed\/"\) is not a valid regular expression/],
      [['/x/g'], /flags other than i, m, s and u/],
      [['  '], /entry 1 .* must be a non-empty string/],
      [['…!'], /holds no words/],
    ];
    for (const [ignore, message] of bad) {
      assert.throws(() => parseConfig({ ignore }, '/p', '/p/verbatim.json'), (error: Error) => error instanceof ConfigError && message.test(error.message) && error.message.startsWith('/p/verbatim.json: '));
    }
  });

  it('leaves ignored quotations out of a check, and the next quotation keeps the speaker named before', function () {
    const index = CorpusIndex.build({ documents: [source('Mayor Ines Calder said the old wall will not survive another winter storm, and that the repairs are long overdue.')], warnings: [] });
    const draft = 'Mayor Ines Calder said: “Slava Ukraini to every one of you.” She added: “the repairs are long overdue.”\n\n“Section 4 of the plan is gone,” the notice read.\n';
    const all = new Checker(index).checkText(draft, 'plaintext');
    assert.deepStrictEqual(all.map((r) => r.quote.text), ['Slava Ukraini to every one of you.', 'the repairs are long overdue.', 'Section 4 of the plan is gone,']);
    const checker = new Checker(index, { ignore: ['slava ukraini to every one of you', '/^Section \\d/'] });
    const results = checker.checkText(draft, 'plaintext');
    assert.deepStrictEqual(results.map((r) => [r.quote.text, r.status]), [['the repairs are long overdue.', 'verbatim']]);
    assert.strictEqual(results[0].quote.speaker?.name, all[1].quote.speaker?.name);
    assert.ok(results[0].quote.speaker, 'the pronoun still leads to the mayor');
  });
});
