// The prose reader shared by drafts and Markdown sources: what survives masking, where the
// blocks are, and how front matter is read.

import * as assert from 'assert';
import { proseOf } from '../../../src/core/extract';
import type { TextFormat } from '../../../src/core/types';

// Each row: a text, its format, and the masked text with runs of spaces shown collapsed, so a
// row states which characters survive without counting blanks.
const maskCases: [name: string, text: string, format: TextFormat, visible: string][] = [
  ['paragraph text survives', 'Plain words here.\n', 'markdown', 'Plain words here.'],
  ['heading markers are masked', '## A heading ##\n', 'markdown', 'A heading'],
  ['block quote prefixes are masked', '> one\n> two\n', 'markdown', 'one two'],
  ['nested block quote prefixes are masked', '> > deep\n> > deeper\n', 'markdown', 'deep deeper'],
  ['list markers and indentation are masked', '- first\n  more\n- second\n', 'markdown', 'first more second'],
  ['emphasis markers are masked', 'a *b* __c__\n', 'markdown', 'a b c'],
  ['link syntax and target are masked', '[text](http://x.y "title")\n', 'markdown', 'text'],
  ['autolinks are masked', 'see <https://example.com> now\n', 'markdown', 'see now'],
  ['inline code is masked', 'run `ls -la` now\n', 'markdown', 'run now'],
  ['fenced code is masked', '```js\nlet x = "y";\n```\n', 'markdown', ''],
  ['indented code is masked', '    code "here"\n', 'markdown', ''],
  ['HTML is masked', '<div>\n"x"\n</div>\n\n<b>bold</b> word\n', 'markdown', 'bold word'],
  ['front matter is masked', '---\ntitle: "T"\n---\nBody\n', 'markdown', 'Body'],
  ['escapes lose their backslash', 'a \\*b\\* c\n', 'markdown', 'a *b * c'],
  ['character references are masked', 'AT&amp;T and &copy; 2022\n', 'markdown', 'AT T and 2022'],
  ['unknown references stay literal', 'a &bogus; b\n', 'markdown', 'a &bogus; b'],
  ['image alt text and target are masked', 'An ![alt text](p.png) image\n', 'markdown', 'An image'],
  ['plain text is kept whole', '# not a heading\n> not a quote `x`\n', 'plaintext', '# not a heading > not a quote `x`'],
];

describe('proseOf', () => {
  for (const [name, text, format, visible] of maskCases) {
    it(name, () => {
      const { masked } = proseOf(text, format);
      assert.strictEqual(masked.length, text.length, 'masked text keeps the length');
      assert.strictEqual(masked.replace(/\s+/g, ' ').trim(), visible);
      for (let i = 0; i < text.length; i++) {
        const c = masked.charAt(i);
        assert.ok(c === text.charAt(i) || c === ' ', `masked character ${i} is the original or a space`);
        if (text.charAt(i) === '\n') assert.strictEqual(c, '\n', 'line breaks are kept');
      }
    });
  }

  it('lists Markdown paragraphs and headings as blocks in document order', () => {
    const text = '# Title\n\nFirst para\nwraps.\n\n> Quoted para\n\n- item one\n- item two\n\n```\ncode\n```\n';
    const { blocks } = proseOf(text, 'markdown');
    assert.deepStrictEqual(
      blocks.map((b) => text.slice(b.start, b.end)),
      ['# Title', 'First para\nwraps.', 'Quoted para', 'item one', 'item two'],
    );
  });

  it('lists plain-text paragraphs separated by blank or whitespace-only lines', () => {
    const text = '\nFirst line\nsecond line\n\n  \t \nThird para\r\n\r\nLast';
    const { blocks, masked, frontMatter } = proseOf(text, 'plaintext');
    assert.strictEqual(masked, text);
    assert.strictEqual(frontMatter, null);
    assert.deepStrictEqual(blocks.map((b) => text.slice(b.start, b.end)), ['First line\nsecond line', 'Third para', 'Last']);
  });

  it('returns no blocks for an empty text', () => {
    assert.deepStrictEqual(proseOf('', 'markdown'), { masked: '', blocks: [], frontMatter: null });
    assert.deepStrictEqual(proseOf('', 'plaintext'), { masked: '', blocks: [], frontMatter: null });
  });

  const frontMatterCases: [name: string, text: string, expected: Record<string, unknown> | null][] = [
    ['a YAML mapping', '---\nsource: Reuters\ndate: 2022-01-27\ntags: [a, b]\n---\nBody\n', { source: 'Reuters', date: '2022-01-27', tags: ['a', 'b'] }],
    ['no front matter', 'Body only\n', null],
    ['invalid YAML', '---\ntitle: [unclosed\n---\nBody\n', null],
    ['YAML that is not a mapping', '---\n- a\n- b\n---\nBody\n', null],
    ['duplicate keys', '---\na: 1\na: 2\n---\nBody\n', null],
  ];
  for (const [name, text, expected] of frontMatterCases) {
    it(`reads front matter: ${name}`, () => {
      const prose = proseOf(text, 'markdown');
      assert.deepStrictEqual(prose.frontMatter, expected);
      assert.strictEqual(prose.masked.trim(), 'Body' + (name === 'no front matter' ? ' only' : ''));
    });
  }

  it('does not read front matter in plain text', () => {
    assert.strictEqual(proseOf('---\na: 1\n---\nBody\n', 'plaintext').frontMatter, null);
  });
});
