import * as assert from 'assert';
import { COMMANDS } from '../../src/shared/commands';
import { SOURCE_TEXT_SCHEME, sourceTextPath, sourceTextUri } from '../../src/shared/sourceText';
import { hasSourceLinks, parseOpenSourceTextArgs, rewriteSourceLinks } from '../../src/client/sourceLinks';

describe('extracted source text URIs', () => {
  const paths = ['/corpus/wires/report.pdf', '/corpus/my notes/memo (final).docx', '/corpus/Zürich #3.pdf'];
  for (const file of paths) {
    it(`round-trips ${file}`, () => {
      const uri = sourceTextUri(file);
      assert.ok(uri.startsWith(`${SOURCE_TEXT_SCHEME}:/`), uri);
      assert.ok(!/[\s#?]/.test(uri.slice(SOURCE_TEXT_SCHEME.length + 1)), `no raw space, # or ? in ${uri}`);
      assert.strictEqual(sourceTextPath(uri), file);
    });
  }

  it('names the tab after the file, marked as extracted text', () => {
    const uri = sourceTextUri('/corpus/report.pdf');
    assert.strictEqual(decodeURIComponent(uri.split('/').pop() ?? ''), 'report.pdf (extracted text)');
  });

  const foreign: [string, string | null][] = [
    ['file:///corpus/report.pdf', null],
    [`${SOURCE_TEXT_SCHEME}:/corpus/report.pdf`, null],
    [`${SOURCE_TEXT_SCHEME}:relative.pdf%20(extracted%20text)`, null],
    [`${SOURCE_TEXT_SCHEME}:/corpus/report.pdf%20%28extracted%20text%29#L4`, '/corpus/report.pdf'],
    [`${SOURCE_TEXT_SCHEME}:/corpus/report.pdf%20(extracted%20text)?x=1`, '/corpus/report.pdf'],
    [`${SOURCE_TEXT_SCHEME}:///corpus/report.pdf%20(extracted%20text)`, '/corpus/report.pdf'],
  ];
  for (const [uri, expected] of foreign) {
    it(`reads ${uri} as ${expected}`, () => assert.strictEqual(sourceTextPath(uri), expected));
  }
});

describe('hover links to extracted source text', () => {
  const uri = `${SOURCE_TEXT_SCHEME}:/corpus/report.pdf%20%28extracted%20text%29`;

  it('turns a link to extracted text into the open command with the URI and line', () => {
    const markdown = `Source: [Annual report](${uri}#L12) — Reuters, p. 2`;
    const rewritten = rewriteSourceLinks(markdown);
    const target = /\]\(([^)]*)\)/.exec(rewritten)?.[1] ?? '';
    assert.ok(target.startsWith(`command:${COMMANDS.openSourceText}?`), target);
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(target.slice(target.indexOf('?') + 1))), [uri, 12]);
    assert.ok(rewritten.startsWith('Source: [Annual report](') && rewritten.endsWith(') — Reuters, p. 2'), rewritten);
  });

  it('leaves file and web links alone, and says when there is nothing to rewrite', () => {
    const markdown = 'Source: [Wire](file:///corpus/wire.txt#L3) · [https\\://x.example](https://x.example)';
    assert.strictEqual(rewriteSourceLinks(markdown), markdown);
    assert.strictEqual(hasSourceLinks(markdown), false);
    assert.strictEqual(hasSourceLinks(`[a](${uri})`), true);
  });

  it('rewrites every link to extracted text, without a line when none is given', () => {
    const rewritten = rewriteSourceLinks(`[a](${uri}) and [b](${uri}#L2)`);
    const targets = [...rewritten.matchAll(/\]\(command:[^?]*\?([^)]*)\)/g)].map((m) => JSON.parse(decodeURIComponent(m[1])));
    assert.deepStrictEqual(targets, [[uri, null], [uri, 2]]);
  });

  const argCases: { name: string; uri: unknown; line: unknown; expected: unknown }[] = [
    { name: 'a URI and a line', uri, line: 3, expected: [uri, 3] },
    { name: 'no line', uri, line: null, expected: [uri, null] },
    { name: 'a bad line', uri, line: -2, expected: [uri, null] },
    { name: 'a file URI', uri: 'file:///etc/passwd', line: 1, expected: null },
    { name: 'no URI', uri: 42, line: 1, expected: null },
  ];
  for (const c of argCases) {
    it(`validates the command arguments: ${c.name}`, () => assert.deepStrictEqual(parseOpenSourceTextArgs(c.uri, c.line), c.expected));
  }
});
