// Reading Markdown chunk by chunk must give exactly what one parse of the whole text gives:
// the same masked text, blocks, front matter and ignore comments, over every fixture and over
// the constructs that could tie chunks together. And after an edit only the chunk that holds
// it may be parsed again.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ChunkCache, chunkedProseSteps, type ChunkStats } from '../../../src/core/extract/chunkedProse';
import { chunkStarts } from '../../../src/core/extract/markdownChunks';
import { wholeMarkdownProse } from '../../../src/core/extract/markdownProse';
import type { DraftProse } from '../../../src/core/extract/prose';

const REPO = path.resolve(__dirname, '../../../..');
const REAL_CORPUS = path.resolve(REPO, '../shared/corpus/ukraine-2022-01-27');

function chunked(text: string, cache: ChunkCache | null = null, stats?: ChunkStats): DraftProse {
  const steps = chunkedProseSteps(text, cache, { minChunkChars: 0, stats });
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function assertSameProse(text: string, name: string): void {
  assert.deepStrictEqual(chunked(text), wholeMarkdownProse(text), `chunked and whole reading differ for ${name}`);
}

/** Every Markdown and text file under a folder, recursively. */
function textFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return textFiles(full);
    return /\.(md|markdown|txt)$/.test(entry.name) ? [full] : [];
  });
}

// Each case ties two or more paragraphs together across blank lines in some way.
const trickyCases: [name: string, text: string][] = [
  ['a fence with blank lines', 'Before “one two three.”\n\n```\n“not a quote”\n\nstill code\n\n```\n\nAfter “four five six.”\n'],
  ['a tilde fence closed by a longer fence', '~~~~\ncode\n\n~~~\n\nstill code\n~~~~~\n\n“Prose again,” she said.\n'],
  ['an unclosed fence runs to the end', 'Text “a b c”\n\n```\ncode\n\nmore “code”\n'],
  ['a fence indented too far to close', '```\ncode\n    ```\n\nstill code\n```\n\n“Out,” he said.\n'],
  ['a list with multi-paragraph items', '- first “item words here”\n\n  continued “paragraph of the item”\n\n- second\n\n  third “more”\n\nAfter the list.\n'],
  ['an ordered list broken by blank lines', '1. one “a b”\n\n2. two “c d”\n\n3. three\n'],
  ['indented code after a paragraph', 'A paragraph “with a quote”.\n\n    indented “code”\n\n    more code\n\nBack to prose.\n'],
  ['an HTML comment over blank lines', 'Start.\n\n<!--\n“hidden quote”\n\nstill hidden\n-->\n\n“Visible quote,” she said.\n'],
  ['a script block over blank lines', '<script>\nvar a = "x";\n\nvar b = "y";\n</script>\n\nText “here”.\n'],
  ['an HTML block that a blank line ends', '<div>\n```\n\npara\n\n```\ncode\n\nmore\n```\n\nEnd “quote words”.\n'],
  ['a processing instruction and CDATA', '<?php\n\necho 1;\n?>\n\n<![CDATA[\n\n]]>\n\nText.\n'],
  ['front matter with blank lines', '---\ntitle: "T"\n\nauthor: A\n---\n\n# Heading\n\nBody “words here”.\n'],
  ['a thematic break that looks like front matter later on', 'Intro.\n\n---\ntitle: x\n---\n\nBody.\n'],
  ['an unclosed front matter fence', '---\ntitle: x\n\nBody “words”.\n'],
  ['a reference defined in a later chunk', 'He said “we [agreed] on terms” today.\n\nSee [the report][r] and [agreed].\n\n[agreed]: https://example.com\n[r]: <https://x.y> "Title"\n'],
  ['a reference defined in an earlier chunk', '[Label One]: /a\n\n“He [label one] said [nothing]”\n'],
  ['a block quote over several paragraphs', '> “First part\n\n> of the quote continues”\n\n>\n> Lazy\ncontinuation\n\nEnd.\n'],
  ['ignore comments', '<!-- verbatim-ignore-next -->\n\n“Skip me,” he said.\n\nText <!-- verbatim-ignore --> inline.\n'],
  ['Windows line endings', 'One “a b c”\r\n\r\n```\r\ncode\r\n\r\n```\r\n\r\nTwo “d e f”\r\n'],
  ['whitespace-only separator lines', 'One.\n  \t\nTwo “x y”.\n \n- item\n   \n  more\n'],
  ['a setext heading after a blank line', 'Para.\n\nHeading\n=======\n\n===\n'],
  ['no trailing newline', 'A.\n\nB “c d”'],
  ['a lone CR before a fence', 'x\r```\n\nPara “one two”.\n\nPara “three four”.\n'],
  ['old Mac line endings throughout', 'One “a b c”\r\r```\rcode\r\r“in code”\r```\r\rTwo “d e f”\r'],
  ['front matter with lone CRs', '---\rtitle: "T"\r---\r\rBody “words here”.\r'],
  ['an empty text', ''],
];

describe('chunked Markdown prose', () => {
  for (const [name, text] of trickyCases) {
    it(`equals the whole parse: ${name}`, () => assertSameProse(text, name));
  }

  it('splits the tricky cases into several chunks, so chunking is exercised', () => {
    const split = trickyCases.filter(([, text]) => chunkStarts(text, 0).length > 1).length;
    assert.ok(split >= trickyCases.length - 3, `only ${split} of ${trickyCases.length} cases were split`);
  });

  it('equals the whole parse for every fixture and example text', () => {
    const files = [...textFiles(path.join(REPO, 'test/fixtures')), ...textFiles(path.join(REPO, 'example'))];
    assert.ok(files.length >= 10, `found only ${files.length} fixture files`);
    for (const file of files) assertSameProse(fs.readFileSync(file, 'utf8'), path.relative(REPO, file));
  });

  it('equals the whole parse for the real corpus read as Markdown', function () {
    if (!fs.existsSync(REAL_CORPUS)) this.skip();
    for (const file of textFiles(REAL_CORPUS)) assertSameProse(fs.readFileSync(file, 'utf8'), path.basename(file));
  });

  it('equals the whole parse for shuffled mixtures of the tricky cases', () => {
    // A fixed linear congruential sequence keeps the mixtures the same on every run.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = trickyCases.map(([, text]) => text).filter((t) => t.length > 0);
    for (let round = 0; round < 60; round++) {
      const picked = Array.from({ length: 2 + Math.floor(next() * 5) }, () => pieces[Math.floor(next() * pieces.length)]);
      const text = picked.join(next() < 0.5 ? '\n' : '\n\n');
      assertSameProse(text, `mixture ${round}: ${JSON.stringify(text)}`);
    }
  });

  it('parses again only the chunk an edit touched', () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} says “quote number ${i} here”, she said.`);
    const text = paragraphs.join('\n\n') + '\n';
    const cache = new ChunkCache();
    const first: ChunkStats = { chunks: 0, parsed: 0 };
    chunked(text, cache, first);
    assert.strictEqual(first.parsed, first.chunks);
    assert.ok(first.chunks >= 40);
    const edited = text.replace('quote number 17 here', 'quote number 17 there');
    const second: ChunkStats = { chunks: 0, parsed: 0 };
    const prose = chunked(edited, cache, second);
    assert.strictEqual(second.parsed, 1);
    assert.deepStrictEqual(prose, wholeMarkdownProse(edited));
  });

  it('reads a lone-CR fence before 200 KB of paragraphs in parses of linear total size', () => {
    const paragraphs = Array.from({ length: 3500 }, (_, i) => `Paragraph ${i} says “quote number ${i} here”, she said today.`);
    const text = `x\r\`\`\`\n\n${paragraphs.join('\n\n')}\n`;
    assert.ok(text.length > 200_000);
    // The fence opens on the line after the CR and runs to the end: every paragraph is code.
    const stats: ChunkStats = { chunks: 0, parsed: 0 };
    const steps = chunkedProseSteps(text, null, { stats });
    let step = steps.next();
    while (!step.done) step = steps.next();
    assert.deepStrictEqual(step.value, wholeMarkdownProse(text));
    assert.ok((stats.parsedChars ?? 0) <= 2 * text.length, `parsed ${stats.parsedChars} characters of a ${text.length}-character text`);
  });

  it('forgets the least recently used chunks beyond its size limit', () => {
    const cache = new ChunkCache(100);
    const text = Array.from({ length: 10 }, (_, i) => `Chunk ${i} with some words in it.`).join('\n\n');
    chunked(text, cache);
    assert.ok(cache.size < 10 && cache.size > 0, `kept ${cache.size} chunks`);
    assert.deepStrictEqual(chunked(text, cache), wholeMarkdownProse(text));
  });
});
