import * as assert from 'assert';
import { driftRuns, replacementTitle, rewordQuote, shortSourceName, sourceLabel } from '../../src/server/sourceWording';
import { entry, quoteIn, spanOf } from './quoteResults';

describe('rewordQuote', function () {
  const source = 'We have little ground for optimism';
  const cases: { name: string; draft: string; diff: (d: string) => ReturnType<typeof entry>[]; expected: string }[] = [
    {
      name: 'replaces a changed word',
      draft: 'She said: "We have little room for optimism."',
      diff: (d) => [entry('same', d, source, 'We have little', 'We have little'), entry('changed', d, source, 'room', 'ground'), entry('same', d, source, 'for optimism', 'for optimism')],
      expected: 'We have little ground for optimism.',
    },
    {
      name: 'removes an added word and its space',
      draft: 'She said: "We have very little ground"',
      diff: (d) => [entry('same', d, source, 'We have', 'We have'), entry('added', d, source, 'very', ''), entry('same', d, source, 'little ground', 'little ground')],
      expected: 'We have little ground',
    },
    {
      name: 'removes an added last word and the space before it',
      draft: 'She said: "little ground indeed"',
      diff: (d) => [entry('same', d, source, 'little ground', 'little ground'), entry('added', d, source, 'indeed', '')],
      expected: 'little ground',
    },
    {
      name: 'inserts dropped words with spaces',
      draft: 'She said: "We have little for optimism"',
      diff: (d) => {
        const at = spanOf(d, 'for').start;
        return [entry('same', d, source, 'We have little', 'We have little'), entry('dropped', d, source, '', 'ground', { draftSpan: { start: at, end: at } }), entry('same', d, source, 'for optimism', 'for optimism')];
      },
      expected: 'We have little ground for optimism',
    },
    {
      name: 'keeps the writer\'s ellipsis and collapses the source\'s line break',
      draft: 'She said: "We have … little room"',
      diff: (d) => [entry('same', d, source, 'We have', 'We have'), entry('same', d, source, 'little', 'little'), entry('changed', d, 'x\nground', 'room', 'x\nground'.slice(0))],
      expected: 'We have … little x ground',
    },
  ];
  for (const c of cases) {
    it(c.name, function () {
      assert.strictEqual(rewordQuote(c.draft, quoteIn(c.draft).inner, c.diff(c.draft)), c.expected);
    });
  }

  it('groups consecutive changes into runs', function () {
    const d = 'x "a b c d"';
    const runs = driftRuns([entry('same', d, 'a', 'a', 'a'), entry('changed', d, 'z', 'b', 'z'), entry('added', d, '', 'c', ''), entry('same', d, 'd', 'd', 'd')]);
    assert.deepStrictEqual(runs.map((run) => run.map((e) => e.op)), [['changed', 'added']]);
  });
});

describe('fix titles', () => {
  const doc = (title: string, source?: string) => ({ title, meta: source ? { source } : {} });

  it('names a source by its outlet, else by its title up to a separator, else by its title cut short', () => {
    assert.strictEqual(shortSourceName(doc('Ukraine says diplomacy still possible', 'Reuters')), 'Reuters');
    assert.strictEqual(shortSourceName(doc('Coastal Courier: Sea wall vote passes')), 'Coastal Courier');
    assert.strictEqual(shortSourceName(doc('Harbour Gazette — Council approves the new sea wall')), 'Harbour Gazette');
    assert.strictEqual(shortSourceName(doc('Transcript of the press conference held by the foreign minister in Kyiv on Thursday')), 'Transcript of the … Kyiv on Thursday');
  });

  it('counts the other sources that word the passage the same way', () => {
    assert.strictEqual(sourceLabel([{ document: doc('A', 'Reuters') }]), 'Reuters');
    assert.strictEqual(sourceLabel([{ document: doc('A', 'Reuters') }, { document: doc('B') }, { document: doc('C') }]), 'Reuters + 2');
  });

  it('shows the words that change, with a word of context for a single replaced word', () => {
    const current = 'We have little room for optimism.';
    assert.strictEqual(replacementTitle(current, 'We have little ground for optimism.', 'Reuters + 1'), 'Replace with “little ground” (Reuters + 1)');
    assert.strictEqual(replacementTitle('room for optimism', 'ground for optimism', 'AP'), 'Replace with “ground for” (AP)');
    assert.strictEqual(replacementTitle(current, 'We have room for optimism.', 'AP'), 'Remove “little” (AP)');
    assert.strictEqual(replacementTitle(current, 'We have very little room for optimism.', 'AP'), 'Add “very” (AP)');
  });

  it('shortens a long replacement to its first and last words', () => {
    const title = replacementTitle('a b', 'the council will sell the Corn Exchange to a hotel chain next spring', 'AP');
    assert.strictEqual(title, 'Replace with “the council will … chain next spring” (AP)');
  });

  it('shows the whole wording when asked to tell two titles apart', () => {
    assert.strictEqual(replacementTitle('We have room.', 'We have little room.', 'AP', true), 'Replace with “We have little room.” (AP)');
  });
});
