import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseHtmlSource } from '../../../src/core/corpus/htmlSource';
import { isCorpusWarning, loadCorpus, loadSourceFile } from '../../../src/core/corpus/loadCorpus';
import { FORMAT_FIXTURES, makeTree, removeTree } from './fixtureTree';

/** The file characters that a span of extracted text maps back to. */
function fileSlice(html: string, parsed: ReturnType<typeof parseHtmlSource>, start: number, end: number): string {
  return html.slice(parsed.fileOffset(start), parsed.fileOffset(end));
}

describe('corpus: HTML sources', () => {
  const articleFile = path.join(FORMAT_FIXTURES, 'article.html');
  const html = fs.readFileSync(articleFile, 'utf8');
  const page = parseHtmlSource(html);

  it('keeps the article text, including its own header, with entities decoded', () => {
    for (const wanted of [
      'Harbour council delays vote',
      'would “not rush a decision that binds the town for forty years” and asked',
      'Residents’ groups welcomed the delay.',
      '"We asked for time & we got it," said Tomas Brandt.',
      'He added that 1,200 letters had been sent.',
      'The old pier at dawn.',
    ]) {
      assert.ok(page.text.includes(wanted), `missing ${JSON.stringify(wanted)} in ${JSON.stringify(page.text)}`);
    }
  });

  it('skips navigation, site header, aside, footer, scripts, styles, forms and noscript', () => {
    for (const unwanted of ['Home', 'since 1887', 'Most read', 'Subscribe', 'color', 'Share', 'Enable scripts', '©']) {
      assert.ok(!page.text.includes(unwanted), `${JSON.stringify(unwanted)} leaked into the text`);
    }
  });

  it('separates blocks with a blank line and trims each block', () => {
    const blockTexts = page.blocks.map((b) => page.text.slice(b.start, b.end));
    assert.deepStrictEqual(blockTexts[0], 'Harbour council delays vote');
    assert.ok(blockTexts.includes('He added that 1,200 letters had been sent.'), 'a <br> ends a block');
    for (const block of blockTexts) {
      assert.strictEqual(block, block.trim());
      assert.ok(!block.includes('\n'), `block ${JSON.stringify(block)} holds a line break`);
    }
    for (let i = 1; i < page.blocks.length; i++) {
      assert.strictEqual(page.text.slice(page.blocks[i - 1].end, page.blocks[i].start), '\n\n');
    }
  });

  it('maps every copied character back to the same character in the file', () => {
    let checked = 0;
    for (let i = 0; i < page.text.length; i++) {
      if (!/[A-Za-z0-9]/.test(page.text[i])) continue;
      assert.strictEqual(html[page.fileOffset(i)], page.text[i], `text offset ${i}`);
      checked++;
    }
    assert.ok(checked > 200);
  });

  const spans: [string, string][] = [
    ['forty', 'forty'],
    ['Tomas Brandt', 'Tomas Brandt'],
    ['“not rush', '&ldquo;not rush'],
    ['years”', 'years&rdquo;'],
    ['Residents’', 'Residents&rsquo;'],
    ['time & we', 'time &amp; we'],
    ['"We asked', '&quot;We asked'],
    ['decision that binds', 'decision\n       that binds'],
    ['1,200 letters had been sent.', '1,200 letters had been sent.'],
  ];
  for (const [text, file] of spans) {
    it(`maps the span ${JSON.stringify(text)} to ${JSON.stringify(file)} in the file`, () => {
      const start = page.text.indexOf(text);
      assert.ok(start >= 0);
      assert.strictEqual(fileSlice(html, page, start, start + text.length), file);
    });
  }

  it('reads the page title and provenance', () => {
    assert.strictEqual(page.title, 'Harbour council delays vote');
    assert.deepStrictEqual(page.meta, {
      source: 'The Coastal Ledger',
      date: '2024-03-14T09:30:00Z',
      url: 'https://ledger.example/harbour-vote',
      author: 'Mara Quill',
      lang: 'en',
    });
  });

  describe('choosing the article', () => {
    const cases: { name: string; body: string; kept: string; dropped: string[] }[] = [
      { name: 'article over main', body: '<main><p>Main intro.</p><article><p>Story text.</p></article></main>', kept: 'Story text.', dropped: ['Main intro.'] },
      { name: 'main when there is no article', body: '<div>Cookie banner.</div><main><p>Main story.</p></main>', kept: 'Main story.', dropped: ['Cookie banner.'] },
      { name: 'body when there is neither', body: '<div><p>Body story.</p></div>', kept: 'Body story.', dropped: [] },
      {
        name: 'the longest of several articles',
        body: '<article><p>Teaser one.</p></article><article><p>The full story runs much longer than any teaser.</p></article><article><p>Teaser two.</p></article>',
        kept: 'The full story runs much longer than any teaser.',
        dropped: ['Teaser one.', 'Teaser two.'],
      },
      { name: 'without hidden elements', body: '<p>Shown text.</p><p hidden>Hidden text.</p><span aria-hidden="true">Icon label.</span>', kept: 'Shown text.', dropped: ['Hidden text.', 'Icon label.'] },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const parsed = parseHtmlSource(`<!doctype html><html><head><title>T</title></head><body>${c.body}</body></html>`);
        assert.ok(parsed.text.includes(c.kept), JSON.stringify(parsed.text));
        for (const dropped of c.dropped) assert.ok(!parsed.text.includes(dropped), `${dropped} leaked`);
      });
    }
  });

  describe('titles and metadata', () => {
    const cases: { name: string; head: string; body: string; title: string | null; meta: object }[] = [
      { name: 'og:title without <title>', head: '<meta property="og:title" content="Open Graph title">', body: '<h1>Heading</h1>', title: 'Open Graph title', meta: {} },
      { name: 'first <h1> without declared titles', head: '', body: '<p>x</p><h1>  First\n heading </h1><h1>Second</h1>', title: 'First heading', meta: {} },
      { name: 'no title at all', head: '', body: '<p>Just text.</p>', title: null, meta: {} },
      {
        name: '<time datetime> and og:url',
        head: '<meta property="og:url" content="https://e.example/og">',
        body: '<article><time datetime="2022-01-27">Jan 27</time><p>Text.</p></article>',
        title: null,
        meta: { date: '2022-01-27', url: 'https://e.example/og' },
      },
      { name: 'date meta', head: '<meta name="date" content="2021-05-06">', body: '<p>Text.</p>', title: null, meta: { date: '2021-05-06' } },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const parsed = parseHtmlSource(`<html><head>${c.head}</head><body>${c.body}</body></html>`);
        assert.strictEqual(parsed.title, c.title);
        assert.deepStrictEqual(parsed.meta, c.meta);
      });
    }
  });

  it('keeps offsets right in a file with CRLF line ends and numeric references', () => {
    const crlf = '<html>\r\n<body>\r\n<p>First &#8220;line\r\nsecond&#x201D; line &#128512; done</p>\r\n</body></html>';
    const parsed = parseHtmlSource(crlf);
    assert.strictEqual(parsed.text, 'First “line second” line 😀 done');
    for (const [text, file] of [['line second', 'line\r\nsecond'], ['“line', '&#8220;line'], ['second”', 'second&#x201D;'], ['done', 'done']]) {
      const start = parsed.text.indexOf(text);
      assert.strictEqual(fileSlice(crlf, parsed, start, start + text.length), file);
    }
  });

  it('keeps the line breaks of preformatted text', () => {
    const parsed = parseHtmlSource('<body><pre>line one\n  line two</pre><p>after   it</p></body>');
    assert.strictEqual(parsed.text, 'line one\n  line two\n\nafter it');
  });

  it('reads broken markup without failing', () => {
    const parsed = parseHtmlSource('<body><p>Unclosed <b>bold <i>both</p><div>tail &bogus; AT&T &amp</div>');
    assert.strictEqual(parsed.text, 'Unclosed bold both\n\ntail &bogus; AT&T &');
    const start = parsed.text.indexOf('AT&T');
    assert.strictEqual(fileSlice('<body><p>Unclosed <b>bold <i>both</p><div>tail &bogus; AT&T &amp</div>', parsed, start, start + 4), 'AT&T');
  });

  it('falls back to the first line of the article for the document title', async () => {
    const root = makeTree({ 'page.htm': '<html><body><nav>Menu</nav><p>\n  The opening paragraph.</p><p>More.</p></body></html>' });
    try {
      const doc = await loadSourceFile(path.join(root, 'page.htm'), 0);
      if (isCorpusWarning(doc)) assert.fail(doc.message);
      assert.strictEqual(doc.title, 'The opening paragraph.');
      assert.strictEqual(doc.text, 'The opening paragraph.\n\nMore.');
    } finally {
      removeTree(root);
    }
  });

  describe('page furniture', () => {
    const STORY = 'The minister said talks would continue for several more months at least.';
    const cases: { name: string; furniture: string }[] = [
      { name: 'a share bar by class', furniture: '<div class="article-share-bar"><span>Share on Facebook</span></div>' },
      { name: 'a newsletter box by id', furniture: '<section id="newsletter_signup"><p>Get the morning briefing in your inbox every day.</p></section>' },
      { name: 'a camelCase cookie banner', furniture: '<div class="cookieBanner">We use cookies to improve your experience here.</div>' },
      { name: 'a navigation landmark', furniture: '<div role="navigation">World Politics Business Sport</div>' },
      { name: 'a block labelled as related stories', furniture: '<div aria-label="Related stories">Kremlin denies invasion plans again today</div>' },
      { name: 'an advertisement slot', furniture: '<div class="ad-slot">Buy the best shoes in town this winter</div>' },
      { name: 'a list of links', furniture: '<ul><li><a href="/a">Kremlin denies plans</a></li><li><a href="/b">Markets fall again</a></li></ul>' },
      { name: '"Back to top"', furniture: '<p><a href="#top">Back to top</a></p>' },
      { name: '"Related Articles"', furniture: '<h2>Related Articles</h2>' },
      { name: '"Read more »"', furniture: '<p>Read more »</p>' },
      { name: '"Advertisement"', furniture: '<div><span>Advertisement</span></div>' },
      { name: '"Share this article"', furniture: '<p>Share this article</p>' },
    ];
    for (const { name, furniture } of cases) {
      it(`drops ${name} and keeps the story`, () => {
        const parsed = parseHtmlSource(`<html><body><article><p>${STORY}</p>${furniture}<p>Second paragraph of the story.</p></article></body></html>`);
        assert.strictEqual(parsed.text, `${STORY}\n\nSecond paragraph of the story.`);
      });
    }

    const kept: { name: string; html: string; text: string }[] = [
      { name: 'a paragraph with a short link', html: '<p>The minister said <a href="/t">on television</a> that talks would go on.</p>', text: 'The minister said on television that talks would go on.' },
      { name: 'a linked headline', html: '<h1><a href="/story">Talks to go on</a></h1>', text: 'Talks to go on' },
      { name: 'a body whose class mentions a sidebar', html: '<div class="shadow-box leaderboard"><p>Text in a box.</p></div>', text: 'Text in a box.' },
      { name: 'a sentence that starts like chrome', html: '<p>Read more carefully, the statement says something else.</p>', text: 'Read more carefully, the statement says something else.' },
    ];
    for (const { name, html, text } of kept) {
      it(`keeps ${name}`, () => {
        const parsed = parseHtmlSource(`<html><body class="has-sidebar"><article>${html}</article></body></html>`);
        assert.strictEqual(parsed.text, text);
      });
    }

    it('keeps a long story whose wrapper has a furniture-like class', () => {
      const paragraphs = Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i} of a long report on the border talks and what officials said.</p>`).join('');
      const parsed = parseHtmlSource(`<html><body><div class="ad-free-layout">${paragraphs}</div><div class="ad-slot">Buy shoes now</div></body></html>`);
      assert.strictEqual(parsed.blocks.length, 60);
      assert.ok(!parsed.text.includes('Buy shoes'));
    });

    it('finds the story by its prose when the page has no <article> or <main>', () => {
      const parsed = parseHtmlSource(`<html><body>
        <div class="top">The Daily Example <span>Home</span> <span>World</span></div>
        <div id="wrap"><div class="col"><div class="story-text">
          <p>${STORY}</p><p>Officials in both capitals said the next round would be held in Geneva.</p>
        </div><div class="byline-box">By A. Writer</div></div></div>
        <div class="bottom">Copyright 2022 The Daily Example, all rights reserved</div>
      </body></html>`);
      assert.strictEqual(parsed.text, `${STORY}\n\nOfficials in both capitals said the next round would be held in Geneva.`);
    });
  });

  describe('page titles without the site name', () => {
    const cases: { name: string; head: string; title: string; source?: string }[] = [
      { name: 'og:title over <title>', head: '<title>Talks go on | Example News</title><meta property="og:title" content="Talks go on, says Kremlin">', title: 'Talks go on, says Kremlin', source: 'Example News' },
      { name: 'a site name after a bar', head: '<title>Talks go on | Example News</title>', title: 'Talks go on', source: 'Example News' },
      { name: 'the declared site name after a dash', head: '<title>Talks go on - Example News</title><meta property="og:site_name" content="Example News">', title: 'Talks go on', source: 'Example News' },
      { name: 'the declared site name before the headline', head: '<title>Example News — Talks go on</title><meta property="og:site_name" content="Example News">', title: 'Talks go on', source: 'Example News' },
      { name: 'a dash inside a headline', head: '<title>Ukraine - live updates</title>', title: 'Ukraine - live updates' },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const parsed = parseHtmlSource(`<html><head>${c.head}</head><body><p>Text.</p></body></html>`);
        assert.strictEqual(parsed.title, c.title);
        assert.strictEqual(parsed.meta.source, c.source);
      });
    }

    it('reads the author from a rel="author" byline', () => {
      const parsed = parseHtmlSource('<html><body><article><a rel="author" href="/p/ann">By Ann Writer</a><p>Text of the story.</p></article></body></html>');
      assert.strictEqual(parsed.meta.author, 'Ann Writer');
    });
  });

  it('warns about a page with no article text and still loads the rest', async () => {
    const root = makeTree({
      'empty.html': '<html><head><title>Login</title><script>var x = 1;</script></head><body><nav><a href="/">Home</a></nav><div class="cookie-consent">Accept cookies</div></body></html>',
      'story.html': '<html><body><p>A real story.</p></body></html>',
    });
    try {
      const corpus = await loadCorpus([root]);
      assert.deepStrictEqual(corpus.documents.map((d) => path.basename(d.path)), ['story.html']);
      assert.deepStrictEqual(corpus.warnings.map((w) => [path.basename(w.path), w.message]), [
        ['empty.html', 'is a web page with no article text (only scripts, menus or page furniture); skipped'],
      ]);
    } finally {
      removeTree(root);
    }
  });
});
