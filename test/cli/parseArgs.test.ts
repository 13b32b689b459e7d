// The command line parser: accepted spellings, defaults, and the usage errors that make the CLI
// exit 2 instead of running with a misread option.

import * as assert from 'assert';
import { parseArgs, USAGE, UsageError, type CheckArgs } from '../../src/cli/parseArgs';

const DEFAULTS: CheckArgs = { corpus: [], format: 'text', config: null, minWords: null, threshold: null, color: null, cache: null, allowOutside: false, preferPrimary: null, drafts: [] };

describe('parseArgs', function () {
  const valid: { argv: string[]; expected: Partial<CheckArgs> }[] = [
    { argv: ['check', 'draft.md'], expected: { drafts: ['draft.md'] } },
    { argv: ['check', 'a.md', 'b.txt'], expected: { drafts: ['a.md', 'b.txt'] } },
    { argv: ['check', '--corpus', 'src1', '--corpus=src2', 'd.md'], expected: { corpus: ['src1', 'src2'], drafts: ['d.md'] } },
    { argv: ['check', '--format', 'json', 'd.md'], expected: { format: 'json', drafts: ['d.md'] } },
    { argv: ['check', '--format=sarif', 'd.md'], expected: { format: 'sarif', drafts: ['d.md'] } },
    { argv: ['check', '--config', 'cfg/verbatim.json', 'd.md'], expected: { config: 'cfg/verbatim.json', drafts: ['d.md'] } },
    { argv: ['check', '--min-words', '5', '--threshold', '0.75', 'd.md'], expected: { minWords: 5, threshold: 0.75, drafts: ['d.md'] } },
    { argv: ['check', '--no-color', 'd.md'], expected: { color: false, drafts: ['d.md'] } },
    { argv: ['check', '--color', 'd.md'], expected: { color: true, drafts: ['d.md'] } },
    { argv: ['check', 'd.md', '--format', 'json'], expected: { format: 'json', drafts: ['d.md'] } },
    { argv: ['check', '--', '--odd-name.md'], expected: { drafts: ['--odd-name.md'] } },
    { argv: ['check', '--cache', '.index', 'd.md'], expected: { cache: '.index', drafts: ['d.md'] } },
    { argv: ['check', '--no-cache', 'd.md'], expected: { cache: false, drafts: ['d.md'] } },
    { argv: ['check', '--allow-outside', '--corpus', '../archive', 'd.md'], expected: { allowOutside: true, corpus: ['../archive'], drafts: ['d.md'] } },
  ];
  for (const row of valid) {
    it(`parses ${row.argv.join(' ')}`, function () {
      assert.deepStrictEqual(parseArgs(row.argv), { kind: 'check', args: { ...DEFAULTS, ...row.expected } });
    });
  }

  const special: { argv: string[]; kind: 'help' | 'version' }[] = [
    { argv: ['--help'], kind: 'help' },
    { argv: ['-h'], kind: 'help' },
    { argv: ['help'], kind: 'help' },
    { argv: ['check', '--help'], kind: 'help' },
    { argv: ['--version'], kind: 'version' },
    { argv: ['-v'], kind: 'version' },
  ];
  for (const row of special) {
    it(`reads ${row.argv.join(' ')} as ${row.kind}`, function () {
      assert.deepStrictEqual(parseArgs(row.argv), { kind: row.kind });
    });
  }

  for (const format of ['html', 'markdown'] as const) {
    it(`accepts --format ${format}`, function () {
      const command = parseArgs(['check', '--format', format, 'd.md']);
      assert.ok(command.kind === 'check' && command.args.format === format);
    });
  }

  it('shows examples in --help, the fact-check sheet among them', function () {
    assert.match(USAGE, /^Examples:$/m);
    assert.match(USAGE, /^ {2}verbatim check --format html draft\.md > fact-check\.html$/m);
    assert.match(USAGE, /^ {2}verbatim check --format markdown /m);
    assert.match(USAGE, /\[-words-\] are the draft's own and \{\+words\+\} the source's wording/);
  });

  const invalid: { argv: string[]; message: RegExp }[] = [
    { argv: [], message: /missing command/ },
    { argv: ['lint', 'd.md'], message: /unknown command "lint"/ },
    { argv: ['check'], message: /no draft given/ },
    { argv: ['check', '--frobnicate', 'd.md'], message: /unknown option --frobnicate/ },
    { argv: ['check', 'd.md', '--corpus'], message: /--corpus needs a value/ },
    { argv: ['check', '--corpus', '--format', 'json', 'd.md'], message: /--corpus needs a value/ },
    { argv: ['check', '--corpus=', 'd.md'], message: /--corpus needs a non-empty value/ },
    { argv: ['check', '--format', 'pdf', 'd.md'], message: /unknown format "pdf" \(expected text, json, sarif, html, markdown\)/ },
    { argv: ['check', '--min-words', '2.5', 'd.md'], message: /--min-words must be a whole number from 1 to 1000/ },
    { argv: ['check', '--min-words', '0', 'd.md'], message: /--min-words must be/ },
    { argv: ['check', '--threshold', '1.5', 'd.md'], message: /--threshold must be a number from 0 to 1/ },
    { argv: ['check', '--threshold', 'high', 'd.md'], message: /not "high"/ },
    { argv: ['check', '--no-color=yes', 'd.md'], message: /--no-color takes no value/ },
    { argv: ['check', '--no-cache=yes', 'd.md'], message: /--no-cache takes no value/ },
    { argv: ['check', '--cache', 'd.md'], message: /no draft given/ },
  ];
  for (const row of invalid) {
    it(`rejects ${row.argv.join(' ') || '(nothing)'}`, function () {
      assert.throws(() => parseArgs(row.argv), (error: unknown) => error instanceof UsageError && row.message.test(error.message));
    });
  }
});
