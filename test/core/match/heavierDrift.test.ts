// Heavier drift is still drift: a short quote with two of its words swapped for others is its
// source misquoted, however little the swapped words look alike, while a sentence that lines up
// with a passage only here and there stays unsupported.

import { strict as assert } from 'assert';
import { Checker, CorpusIndex } from '../../../src/core/checker';
import { corpusOf, quoteIn } from './fixtures';

const corpus = corpusOf({
  'talk.txt': 'He paused and said: and if you will, that at this point we stop. Nobody laughed.',
  'diary.txt': 'The rain came late. But I have not been christened for years, she wrote, and the bells rang on.',
  'briefing.txt': 'Peskov added that "there always are prospects for continuing a dialogue, it\'s in the interests of both us and the Americans".',
  'harbour.txt': 'The harbour master loudly bought two ships from the council. The mayor said nothing at all.',
  // Decoys that share a word or a pair with the quotes below and nothing more.
  'decoys.txt': 'And if i go to work. But i now perceive that it will be so. At this point the talks ended. The bells rang at noon.',
});
const checker = new Checker(CorpusIndex.build(corpus), { minWords: 3, driftThreshold: 0.6 });

function edits(draft: string): { status: string; edits: [string, string][] } {
  const result = checker.checkQuote(draft, quoteIn(draft));
  return { status: result.status, edits: (result.match?.diff ?? []).filter((d) => d.op !== 'same').map((d) => [d.draft, d.source]) };
}

describe('matching: heavier drift', () => {
  it('reports a short quote with two long words swapped as drift with both swaps', () => {
    assert.deepEqual(edits('He said “and if assure will, projects at this” then.'), { status: 'drift', edits: [['assure', 'you'], ['projects', 'that']] });
    assert.deepEqual(edits('“But I have tomahawk been throughout for years”'), { status: 'drift', edits: [['tomahawk', 'not'], ['throughout', 'christened']] });
  });

  it('reports a reworded translation whose letters mostly agree as drift', () => {
    const result = checker.checkQuote('“there are always prospects for continuing a dialogue, it is in our interest and in that of the Americans”',
      quoteIn('“there are always prospects for continuing a dialogue, it is in our interest and in that of the Americans”'));
    assert.equal(result.status, 'drift');
    assert.equal(result.match?.document.title, 'briefing.txt');
  });

  it('keeps a sentence that matches only at its ends unsupported', () => {
    // Same first and last words, but most words between are another sentence's.
    assert.equal(edits('“The mayor quietly sold every boat to the council”').status, 'unsupported');
    assert.equal(edits('“The harbour master quietly sold every boat to the council”').status, 'unsupported');
  });
});
