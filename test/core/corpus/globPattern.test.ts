import * as assert from 'assert';
import { expandBraces, GlobError, globToRegExp, isGlob, planGlob } from '../../../src/core/corpus/globPattern';

describe('corpus: glob patterns', () => {
  const globs: [string, boolean][] = [['/a/*.md', true], ['/a/file?.txt', true], ['/a/{x,y}', true], ['/a/plain/path.txt', false]];
  for (const [entry, expected] of globs) {
    it(`isGlob(${entry}) is ${expected}`, () => assert.strictEqual(isGlob(entry), expected));
  }

  const expansions: [string, string[]][] = [
    ['a/{x,y}/b', ['a/x/b', 'a/y/b']],
    ['{one,two}.{md,txt}', ['one.md', 'one.txt', 'two.md', 'two.txt']],
    ['n/{a,{b,c}d}', ['n/a', 'n/bd', 'n/cd']],
    ['{,pre}fix', ['fix', 'prefix']],
    ['no-braces', ['no-braces']],
  ];
  for (const [pattern, expected] of expansions) {
    it(`expands ${pattern}`, () => assert.deepStrictEqual(expandBraces(pattern), expected));
  }

  it('rejects an unclosed brace and an explosive pattern with a reason', () => {
    assert.throws(() => expandBraces('a/{x,y'), (error: unknown) => error instanceof GlobError && /no matching/.test(error.message));
    const explosive = '{a,b,c,d}'.repeat(6);
    assert.throws(() => expandBraces(explosive), (error: unknown) => error instanceof GlobError && /more than 1000/.test(error.message));
  });

  const matches: { glob: string; yes: string[]; no: string[] }[] = [
    { glob: '*.md', yes: ['a.md', '.md'], no: ['a.txt', 'sub/a.md', 'a.md.bak'] },
    { glob: '**/*.md', yes: ['a.md', 'sub/a.md', 'x/y/z/a.md'], no: ['a.txt', 'sub/a.mdx'] },
    { glob: 'sub/**', yes: ['sub/a', 'sub/x/y.txt'], no: ['other/a', 'subway/a'] },
    { glob: 'a/**/b.txt', yes: ['a/b.txt', 'a/x/b.txt', 'a/x/y/b.txt'], no: ['ab.txt', 'a/xb.txt'] },
    { glob: 'report-??.txt', yes: ['report-01.txt'], no: ['report-1.txt', 'report-001.txt', 'report-0/.txt'] },
    { glob: 'a+b (1).txt', yes: ['a+b (1).txt'], no: ['aab (1).txt', 'a+b 1.txt'] },
    { glob: 'x**y.txt', yes: ['xy.txt', 'xaay.txt'], no: ['x/y.txt'] },
  ];
  for (const { glob, yes, no } of matches) {
    it(`matches ${glob}`, () => {
      const regex = globToRegExp(glob);
      for (const path of yes) assert.ok(regex.test(path), `${glob} should match ${path}`);
      for (const path of no) assert.ok(!regex.test(path), `${glob} should not match ${path}`);
    });
  }

  it('walks from the deepest folder without wildcards, one plan per alternative', () => {
    const plans = planGlob('/corpus/{2021,2022}/**/*.md');
    assert.deepStrictEqual(plans.map((p) => p.base), ['/corpus/2021', '/corpus/2022']);
    assert.ok(plans[0].matcher?.test('jan/notes.md'));
    const literal = planGlob('/corpus/{a,b}.txt');
    assert.deepStrictEqual(literal, [{ base: '/corpus/a.txt', matcher: null }, { base: '/corpus/b.txt', matcher: null }]);
    assert.deepStrictEqual(planGlob('/*.txt').map((p) => p.base), ['/']);
  });
});
