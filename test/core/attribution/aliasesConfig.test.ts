// The "aliases" table of verbatim.json: other names for speakers, validated with one-line
// messages that say what is wrong and what a good entry looks like.

import * as assert from 'assert';
import { ConfigError, parseConfig } from '../../../src/core/config';

describe('verbatim.json aliases', () => {
  it('defaults to no aliases', () => {
    assert.deepStrictEqual(parseConfig({}, '/project', null).aliases, {});
  });

  it('reads names and descriptions mapped to speakers, trimming the names', () => {
    const config = parseConfig({ aliases: { POTUS: 'Joe Biden', 'the top Kremlin diplomat': ' Sergey Lavrov ' } }, '/project', '/project/verbatim.json');
    assert.deepStrictEqual(config.aliases, { POTUS: 'Joe Biden', 'the top Kremlin diplomat': 'Sergey Lavrov' });
  });

  const bad: [name: string, aliases: unknown, message: RegExp][] = [
    ['a list instead of an object', ['POTUS'], /"aliases" must be an object mapping other names to speakers, like \{"POTUS": "Joe Biden"\}/],
    ['a string instead of an object', 'POTUS', /"aliases" must be an object/],
    ['null', null, /"aliases" must be an object/],
    ['a number as a name', { POTUS: 46 }, /"aliases" → "POTUS" must be the speaker's name as a non-empty string/],
    ['an empty name', { POTUS: '  ' }, /"aliases" → "POTUS" must be the speaker's name/],
    ['an empty alias', { ' ': 'Joe Biden' }, /"aliases" has an empty name/],
  ];
  for (const [name, aliases, message] of bad) {
    it(`rejects ${name} with a clear message`, () => {
      assert.throws(() => parseConfig({ aliases }, '/project', '/project/verbatim.json'), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /^\/project\/verbatim\.json: /);
        assert.match(error.message, message);
        assert.ok(!error.message.includes('\n'), 'the message is one line');
        return true;
      });
    });
  }
});
