// Tokenises sample lines with the real TextMate engine (vscode-textmate + oniguruma, the same
// pair VS Code uses) to prove the injection grammar scopes quotations and nothing else.
// Two tiny host grammars stand in for VS Code's Markdown and plain-text grammars: the plain
// one has no rules, the Markdown one has just the code constructs the injection must skip.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const REPO = path.resolve(__dirname, '../../..');
const INJECTION_FILE = path.join(REPO, 'syntaxes/verbatim.injection.json');
const QUOTE_SCOPE = 'string.quoted.double.verbatim';

const PLAIN_HOST = { scopeName: 'text.plain', patterns: [] };
const MARKDOWN_HOST = {
  scopeName: 'text.html.markdown',
  patterns: [
    { name: 'markup.fenced_code.block.markdown', begin: '^```.*$', end: '^```\\s*$' },
    { name: 'meta.embedded.block.frontmatter', begin: '\\A---\\s*$', end: '^---\\s*$' },
    { name: 'markup.inline.raw.string.markdown', match: '`[^`]*`' },
  ],
};

let registry: textmate.Registry;

before(async () => {
  const wasm = fs.readFileSync(path.join(REPO, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const injection = JSON.parse(fs.readFileSync(INJECTION_FILE, 'utf8')) as { scopeName: string };
  const grammars: Record<string, object> = {
    'text.plain': PLAIN_HOST,
    'text.html.markdown': MARKDOWN_HOST,
    [injection.scopeName]: injection,
  };
  registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      const raw = grammars[scopeName];
      return raw ? textmate.parseRawGrammar(JSON.stringify(raw), `${scopeName}.json`) : null;
    },
    getInjections: (scopeName) => (scopeName === 'text.plain' || scopeName === 'text.html.markdown' ? [injection.scopeName] : []),
  });
});

interface Run {
  text: string;
  /** Scopes of the first and last character of the run, to check the punctuation scopes. */
  first: string[];
  last: string[];
}

/** Tokenises `source` and returns each maximal stretch (per line) carrying the quote scope. */
async function quoteRuns(hostScope: string, source: string): Promise<Run[]> {
  const grammar = await registry.loadGrammar(hostScope);
  assert.ok(grammar, `host grammar ${hostScope} did not load`);
  const runs: Run[] = [];
  let state = textmate.INITIAL;
  for (const line of source.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    let current: Run | null = null;
    for (const token of result.tokens) {
      const text = line.slice(token.startIndex, token.endIndex);
      if (!token.scopes.includes(QUOTE_SCOPE)) {
        current = null;
        continue;
      }
      if (!current) {
        current = { text: '', first: token.scopes, last: token.scopes };
        runs.push(current);
      }
      current.text += text;
      current.last = token.scopes;
    }
    state = result.ruleStack;
  }
  return runs;
}

const SCOPED_CASES: { name: string; host: string; source: string; runs: string[] }[] = [
  { name: 'English curly quotes', host: 'text.plain', source: 'He said “we will not retreat” today.', runs: ['“we will not retreat”'] },
  { name: 'German low-high quotes', host: 'text.plain', source: 'Sie sagte „Wir schaffen das“ gestern.', runs: ['„Wir schaffen das“'] },
  { name: 'Polish low-high quotes', host: 'text.plain', source: 'Powiedział „nie ma zgody” wczoraj.', runs: ['„nie ma zgody”'] },
  { name: 'guillemets with inner spaces', host: 'text.plain', source: 'Il a dit « nous vaincrons » hier.', runs: ['« nous vaincrons »'] },
  { name: 'straight double quotes', host: 'text.plain', source: 'She wrote "the talks were useful" on Monday.', runs: ['"the talks were useful"'] },
  { name: 'apostrophes inside a quote', host: 'text.plain', source: '“It’s not what we don\'t say”', runs: ['“It’s not what we don\'t say”'] },
  { name: 'a nested quote as part of the outer one', host: 'text.plain', source: '“He said „yes“ twice”', runs: ['“He said „yes“ twice”'] },
  { name: 'two quotes on one line', host: 'text.plain', source: '“One.” and “Two.”', runs: ['“One.”', '“Two.”'] },
  { name: 'a quote wrapped over two lines', host: 'text.plain', source: 'Ran “across the\nline break” here.', runs: ['“across the', 'line break”'] },
  { name: 'an unclosed quote stops at the blank line', host: 'text.plain', source: '“Never closed\n\nNext paragraph.', runs: ['“Never closed'] },
  { name: 'Japanese corner brackets', host: 'text.plain', source: '外相は「対話は続く」と述べた。', runs: ['「対話は続く」'] },
  { name: 'Japanese white corner brackets', host: 'text.plain', source: '書名は『静かな水』である。', runs: ['『静かな水』'] },
  { name: 'German reversed guillemets', host: 'text.plain', source: 'Er sagte »wir sind bereit« heute.', runs: ['»wir sind bereit«'] },
  { name: 'German single low quotes', host: 'text.plain', source: 'Er nannte es ‚einen Erfolg‘ und ging.', runs: ['‚einen Erfolg‘'] },
  { name: 'Swiss single guillemets', host: 'text.plain', source: 'Er nannte es ‹einen Erfolg› und ging.', runs: ['‹einen Erfolg›'] },
  { name: 'East Asian double primes', host: 'text.plain', source: '他说〝我们准备好了〟。', runs: ['〝我们准备好了〟'] },
  { name: 'a Markdown paragraph', host: 'text.html.markdown', source: 'The minister said “no decision was taken”.', runs: ['“no decision was taken”'] },
  { name: 'Markdown prose around a code fence', host: 'text.html.markdown', source: '```\nprint("inside code")\n```\nAfter “the fence”.', runs: ['“the fence”'] },
];

const UNSCOPED_CASES: { name: string; host: string; source: string }[] = [
  { name: 'curly apostrophes', host: 'text.plain', source: 'It’s the writer’s own words.' },
  { name: 'straight apostrophes', host: 'text.plain', source: "It's the writer's own words." },
  { name: 'single-quoted words', host: 'text.plain', source: "He called it 'a success' twice." },
  { name: 'curly single quotes', host: 'text.plain', source: 'He called it ‘a success’ twice.' },
  { name: 'an inch mark after a number', host: 'text.plain', source: 'A 12" pipe and a 3" bolt.' },
  { name: 'a straight quote followed by a space', host: 'text.plain', source: 'Odd " spacing here.' },
  { name: 'a French closing guillemet alone', host: 'text.plain', source: 'Fin de citation » ici.' },
  { name: 'quotes inside a Markdown code fence', host: 'text.html.markdown', source: '```\nsay("hello world") and “this”\n```' },
  { name: 'quotes inside Markdown inline code', host: 'text.html.markdown', source: 'Call `f("x y z")` now.' },
  { name: 'quotes inside Markdown front matter', host: 'text.html.markdown', source: '---\ntitle: "A title"\n---' },
];

describe('quotation injection grammar', () => {
  it('declares the injection targets and selector the manifest relies on', () => {
    const grammar = JSON.parse(fs.readFileSync(INJECTION_FILE, 'utf8')) as { injectionSelector: string };
    assert.strictEqual(
      grammar.injectionSelector,
      'L:text.html.markdown -markup.fenced_code -markup.inline.raw -meta.embedded -string.quoted.double.verbatim, ' +
        'L:text.plain -string.quoted.double.verbatim',
    );
  });

  for (const c of SCOPED_CASES) {
    it(`scopes ${c.name}`, async () => {
      const runs = await quoteRuns(c.host, c.source);
      assert.deepStrictEqual(runs.map((r) => r.text), c.runs);
    });
  }

  for (const c of UNSCOPED_CASES) {
    it(`leaves ${c.name} alone`, async () => {
      assert.deepStrictEqual(await quoteRuns(c.host, c.source), []);
    });
  }

  it('marks the opening and closing quotation marks as string punctuation', async () => {
    const [run] = await quoteRuns('text.plain', 'Said «yes» once.');
    assert.ok(run.first.includes('punctuation.definition.string.begin.verbatim'));
    assert.ok(run.last.includes('punctuation.definition.string.end.verbatim'));
  });
});
