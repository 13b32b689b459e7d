import * as assert from 'assert';
import { escapeMarkdown, markdownLinkTarget } from '../../src/server/hover';

describe('escapeMarkdown', function () {
  const cases: [string, string][] = [
    ['plain words stay', 'plain words stay'],
    ['[click](command:foo)', '\\[click\\]\\(command\\:foo\\)'],
    ['<img src=x onerror=alert(1)>', '\\<img src\\=x onerror\\=alert\\(1\\)\\>'],
    ['**bold** _em_ `code` ~~gone~~', '\\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\~\\~gone\\~\\~'],
    ['# heading', '\\# heading'],
    ['1. not a list', '1\\. not a list'],
    ['see https://evil.example', 'see https\\://evil\\.example'],
    ['mail me@evil.example', 'mail me\\@evil\\.example'],
    ['&lt;b&gt;', '\\&lt;b\\&gt;'],
    ['a \\ backslash', 'a \\\\ backslash'],
    ['line\nbreaks\r\n  collapse', 'line breaks collapse'],
    ['| table | row |', '\\| table \\| row \\|'],
    ['log in at www.example.com/login.', 'log in at www\\.example\\.com/login.'],
    ['see example.org or EXAMPLE.CO.UK', 'see example\\.org or EXAMPLE\\.CO\\.UK'],
    ['3.5 per cent. Then', '3\\.5 per cent. Then'],
  ];
  for (const [input, expected] of cases) {
    it(`escapes ${JSON.stringify(input)}`, function () {
      assert.strictEqual(escapeMarkdown(input), expected);
    });
  }

  it('encodes characters that would end a link target', function () {
    assert.strictEqual(markdownLinkTarget('file:///a/b%20(c).txt', 12), 'file:///a/b%20%28c%29.txt#L12');
    assert.strictEqual(markdownLinkTarget('file:///x[1]'), 'file:///x%5B1%5D');
  });
});
