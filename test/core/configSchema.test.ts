// media/verbatim.schema.json is what VS Code validates verbatim.json with and what the CLI and the
// server check it against; these tests keep it in step with the config reader's defaults.
import * as assert from 'assert';
import { defaultConfig, parseConfig } from '../../src/core/config';
import { CONFIG_SCHEMA, checkSchema, expected } from '../../src/core/configSchema';

describe('verbatim.json schema', () => {
  const properties = CONFIG_SCHEMA.properties ?? {};

  it('states the defaults the reader uses', () => {
    const defaults = defaultConfig('/project');
    const declared = (key: string) => (properties[key] as { default?: unknown }).default;
    assert.deepStrictEqual(declared('corpus'), defaults.corpus);
    assert.strictEqual(declared('minWords'), defaults.minWords);
    assert.strictEqual(declared('driftThreshold'), defaults.driftThreshold);
    assert.strictEqual(declared('maxFileBytes'), defaults.maxFileBytes);
  });

  it('rejects keys it does not declare, so a typo never passes silently', () => {
    assert.strictEqual(CONFIG_SCHEMA.additionalProperties, false);
    assert.match(checkSchema({ minwords: 2 })?.message ?? '', /unknown key "minwords" \(did you mean "minWords"\?/);
    assert.match(checkSchema({ zzz: 1 })?.message ?? '', /^unknown key "zzz" \(allowed: /);
  });

  it('accepts a file that uses every key', () => {
    const full = {
      $schema: './verbatim.schema.json', corpus: 'sources', minWords: 2, driftThreshold: 0.7, maxFileBytes: 1000,
      accepted: [{ quote: 'a b c', note: 'checked' }], folders: { wires: { source: 'Reuters', date: '2022-01-27' } },
      aliases: { POTUS: 'Joe Biden' }, ignore: ['off the record'],
    };
    assert.strictEqual(checkSchema(full), null);
    assert.strictEqual(parseConfig(full, '/project', null).minWords, 2);
  });

  it('describes the whole file when it is not an object', () => {
    assert.strictEqual(checkSchema([1])?.message, 'the file must be a JSON object, not a list');
  });

  it('words what a node expects from its type and range', () => {
    assert.strictEqual(expected({ type: 'integer', minimum: 1, maximum: 9 }), 'a whole number from 1 to 9');
    assert.strictEqual(expected({ type: 'integer', minimum: 1 }), 'a whole number of at least 1');
    assert.strictEqual(expected({ type: 'string', 'x-expected': 'a path' }), 'a path');
  });

  it('keeps the reader’s own checks for what a schema cannot say', () => {
    assert.throws(() => parseConfig({ aliases: { POTUS: '  ' } }, '/project', '/p/verbatim.json'), /"aliases" → "POTUS" must be the speaker's name as a non-empty string/);
  });
});
