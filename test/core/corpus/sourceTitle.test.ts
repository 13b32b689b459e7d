import * as assert from 'assert';
import { chooseTitle, headlineOf } from '../../../src/core/corpus/sourceTitle';

const STORY = 'The harbour authority said on Friday that the damaged sea wall would be rebuilt before winter, '
  + 'and that fishing boats would not have to move while the wall is repaired.\n\n'
  + 'The rebuilt wall will be higher than the old one, the authority said.\n';

/** A page saved as text: the lines above the story, then the story. */
const page = (...head: string[]): string => `${head.join('\n\n')}\n\n${STORY}`;

describe('corpus: source titles', () => {
  const cases: [string, string, string][] = [
    ['a headline on the first line', page('Harbour wall to be rebuilt before winter'), 'Harbour wall to be rebuilt before winter'],
    ['a menu run together above the headline', page('HomeNewsSportWeather Sign in', 'Harbour wall to be rebuilt before winter'), 'Harbour wall to be rebuilt before winter'],
    ['a donation banner and a section name above the headline',
      page('Support local journalism - donate today!', 'Coastal Affairs', 'Sea wall rebuilt before winter, harbour authority says'),
      'Sea wall rebuilt before winter, harbour authority says'],
    ['a headline repeated under an edition switch', page('Change Edition', 'Fishing boats stay as harbour wall is rebuilt', 'Fishing boats stay as harbour wall is rebuilt'),
      'Fishing boats stay as harbour wall is rebuilt'],
    ['furniture with no headline below it', page('Change Edition', 'By Ana Lind, 3 May'), 'Change Edition'],
    ['a caption below furniture (it ends with a full stop)', page('Change Edition', 'Boats moored by the damaged harbour wall on Friday.'), 'Change Edition'],
    ['a headline with its site after a bar', page('Harbour wall to be rebuilt before winter | Local News'), 'Harbour wall to be rebuilt before winter'],
    ['a bar inside the headline itself', page('Wall | Harbour | Winter rebuild of the harbour wall confirmed'), 'Wall | Harbour | Winter rebuild of the harbour wall confirmed'],
    ['a transcript heading above a list of who was present',
      'Town Council: record of the meeting of 6 May\n\nPresent: Mayor Helen Dunmore, Councillor Ruth Ahmed.\n\nMAYOR DUNMORE: Welcome. Councillor Ahmed will report on the meeting.\n',
      'Town Council: record of the meeting of 6 May'],
    ['furniture above wrapped prose (a wrapped line is no headline)',
      'Change Edition\n\nHarbour wall rebuilt before winter says the harbour\nauthority: the harbour wall will be rebuilt before winter.\n',
      'Change Edition'],
    ['a one-line note', 'Call the harbour master back.', 'Call the harbour master back.'],
    ['a Markdown heading', '# Harbour wall\n\nThe harbour wall will be rebuilt.\n', 'Harbour wall'],
  ];
  for (const [name, text, expected] of cases) {
    it(`titles ${name}`, () => assert.strictEqual(headlineOf(text), expected));
  }

  it('prefers a declared title, and falls back to the file name for a blank text', () => {
    assert.strictEqual(chooseTitle('  Declared\n title ', page('Change Edition', 'Harbour wall to be rebuilt before winter'), '/x/page.txt'), 'Declared title');
    assert.strictEqual(chooseTitle(null, page('Change Edition', 'Harbour wall to be rebuilt before winter'), '/x/page.txt'), 'Harbour wall to be rebuilt before winter');
    assert.strictEqual(chooseTitle(null, ' \n\n ', '/x/page.txt'), 'page.txt');
  });
});
