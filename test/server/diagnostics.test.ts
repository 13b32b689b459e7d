import * as assert from 'assert';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { QuoteResult } from '../../src/core/types';
import { quoteDiagnostics, type QuoteDiagnosticData } from '../../src/server/diagnostics';
import { TextPositions } from '../../src/server/positions';
import { DEFAULT_SETTINGS, type VerbatimSettings } from '../../src/shared/settings';
import { diagnosticContext, entry, matchOf, quoteIn, resultOf, sourceDoc, spanOf } from './quoteResults';

const context = diagnosticContext;

/** The underlined text, severity, code and message of each diagnostic. */
function summary(draftText: string, diagnostics: Diagnostic[]): { text: string; severity?: number; code?: string | number; message: string }[] {
  const positions = new TextPositions(draftText);
  return diagnostics.map((d) => {
    const span = positions.span(d.range);
    return { text: draftText.slice(span.start, span.end), severity: d.severity, code: d.code, message: d.message as string };
  });
}

describe('diagnostics', function () {
  const source = 'We have little ground for optimism, and 40 ships will not sail.';
  const doc = sourceDoc(source, 'Harbour Gazette', '/corpus/gazette.txt');

  const cases: { name: string; draft: string; build: (draft: string) => QuoteResult; settings?: Partial<VerbatimSettings>; expected: ReturnType<typeof summary> }[] = [
    {
      name: 'a changed word underlines that word only',
      draft: 'She said: "We have little room for optimism."',
      build: (d) => resultOf(quoteIn(d), 'drift', matchOf(doc, [entry('same', d, source, 'We have little', 'We have little'), entry('changed', d, source, 'room', 'ground'), entry('same', d, source, 'for optimism', 'for optimism')])),
      expected: [{ text: 'room', severity: DiagnosticSeverity.Warning, code: 'drift', message: 'Drift: sources say "ground", not "room"' }],
    },
    {
      name: 'dropped words underline the word before the gap',
      draft: 'She said: "We have little for optimism."',
      build: (d) => {
        const dropped = entry('dropped', d, source, '', 'ground', { draftSpan: { start: spanOf(d, 'for').start, end: spanOf(d, 'for').start } });
        return resultOf(quoteIn(d), 'drift', matchOf(doc, [entry('same', d, source, 'We have little', 'We have little'), dropped, entry('same', d, source, 'for optimism', 'for optimism')]));
      },
      expected: [{ text: 'little', severity: DiagnosticSeverity.Warning, code: 'drift', message: 'Drift: sources have "ground" here' }],
    },
    {
      name: 'dropped words at the very start underline the first word',
      draft: 'She said: "have little ground"',
      build: (d) => {
        const at = spanOf(d, 'have').start;
        return resultOf(quoteIn(d), 'drift', matchOf(doc, [entry('dropped', d, source, '', 'We', { draftSpan: { start: at, end: at } }), entry('same', d, source, 'have little ground', 'have little ground')]));
      },
      expected: [{ text: 'have', severity: DiagnosticSeverity.Warning, code: 'drift', message: 'Drift: sources have "We" here' }],
    },
    {
      name: 'added words are named as not in the source',
      draft: 'She said: "We have very little ground"',
      build: (d) => resultOf(quoteIn(d), 'drift', matchOf(doc, [entry('same', d, source, 'We have', 'We have'), entry('added', d, source, 'very', ''), entry('same', d, source, 'little ground', 'little ground')])),
      expected: [{ text: 'very', severity: DiagnosticSeverity.Warning, code: 'drift', message: 'Drift: "very" is not in the source' }],
    },
    {
      name: 'a changed number is critical',
      draft: 'He said: "14 ships will not sail"',
      build: (d) => resultOf(quoteIn(d), 'drift', matchOf(doc, [entry('changed', d, source, '14', '40', { flags: ['number'] }), entry('same', d, source, 'ships will not sail', 'ships will not sail')])),
      expected: [{ text: '14', severity: DiagnosticSeverity.Error, code: 'number', message: 'Changed number: sources say "40", not "14"' }],
    },
    {
      name: 'a dropped negation is critical under the chosen severity',
      draft: 'He said: "40 ships will sail"',
      settings: { severity: { ...DEFAULT_SETTINGS.severity, critical: 'warning' } },
      build: (d) => {
        const at = spanOf(d, 'sail').start;
        return resultOf(quoteIn(d), 'drift', matchOf(doc, [entry('same', d, source, '40 ships will', '40 ships will'), entry('dropped', d, source, '', 'not', { flags: ['negation'], draftSpan: { start: at, end: at } }), entry('same', d, source, 'sail', 'sail')]));
      },
      expected: [{ text: 'will', severity: DiagnosticSeverity.Warning, code: 'negation', message: 'Changed negation: sources have "not" here' }],
    },
    {
      name: 'two separate changes give two diagnostics',
      draft: 'She said: "We had little room for optimism"',
      build: (d) => resultOf(quoteIn(d), 'drift', matchOf(doc, [entry('same', d, source, 'We', 'We'), entry('changed', d, source, 'had', 'have'), entry('same', d, source, 'little', 'little'), entry('changed', d, source, 'room', 'ground'), entry('same', d, source, 'for optimism', 'for optimism')])),
      expected: [
        { text: 'had', severity: DiagnosticSeverity.Warning, code: 'drift', message: 'Drift: sources say "have", not "had"' },
        { text: 'room', severity: DiagnosticSeverity.Warning, code: 'drift', message: 'Drift: sources say "ground", not "room"' },
      ],
    },
    {
      name: 'an unsupported quote is flagged over its words',
      draft: 'A man said: "the moon is made of cheese"',
      settings: { severity: { ...DEFAULT_SETTINGS.severity, unsupported: 'information' } },
      build: (d) => resultOf(quoteIn(d), 'unsupported', null),
      expected: [{ text: 'the moon is made of cheese', severity: DiagnosticSeverity.Information, code: 'unsupported', message: 'Unsupported: not found in the corpus' }],
    },
    {
      name: 'a short quote that is not found is a scare quote',
      draft: 'The so-called "plan" failed.',
      build: (d) => resultOf(quoteIn(d), 'unsupported', null, { short: true }),
      expected: [],
    },
    {
      name: 'a verbatim quote is silent by default',
      draft: 'She said: "We have little ground"',
      build: (d) => resultOf(quoteIn(d), 'verbatim', matchOf(doc, [entry('same', d, source, 'We have little ground', 'We have little ground')], 1)),
      expected: [],
    },
    {
      name: 'a verbatim quote is a hint when showVerbatim is on',
      draft: 'She said: "We have little ground"',
      settings: { showVerbatim: true },
      build: (d) => resultOf(quoteIn(d), 'verbatim', matchOf(doc, [entry('same', d, source, 'We have little ground', 'We have little ground')], 1)),
      expected: [{ text: 'We have little ground', severity: DiagnosticSeverity.Hint, code: 'verbatim', message: 'Verbatim: found in Harbour Gazette' }],
    },
  ];

  for (const c of cases) {
    it(c.name, function () {
      const diagnostics = quoteDiagnostics([c.build(c.draft)], context(c.draft, c.settings));
      assert.deepStrictEqual(summary(c.draft, diagnostics), c.expected);
      assert.ok(diagnostics.every((d) => d.source === 'verbatim' && d.range.end.character > d.range.start.character || d.range.end.line > d.range.start.line), 'no empty ranges');
    });
  }

  it('gives accepted renderings no diagnostic', function () {
    const draft = 'She said: "We have little room for optimism."';
    const result = resultOf(quoteIn(draft), 'unsupported', null);
    assert.deepStrictEqual(quoteDiagnostics([result], context(draft, {}, true)), []);
  });

  it('counts agreeing sources and carries every rendering for quick fixes', function () {
    const draft = 'She said: "We have little room for optimism."';
    const other = sourceDoc('We have little cause for optimism', 'Tidewater Post', '/corpus/post.txt');
    const second = sourceDoc(source, 'Coastal Courier', '/corpus/courier.txt');
    const diffFor = (s: string, word: string) => [entry('same', draft, s, 'We have little', 'We have little'), entry('changed', draft, s, 'room', word), entry('same', draft, s, 'for optimism', 'for optimism')];
    const match = matchOf(doc, diffFor(source, 'ground'));
    const result = resultOf(quoteIn(draft), 'drift', match, {
      sources: [match, matchOf(second, diffFor(source, 'ground'))],
      variants: [{ text: other.text, matches: [matchOf(other, diffFor(other.text, 'cause'))] }],
    });
    const [diagnostic] = quoteDiagnostics([result], context(draft));
    assert.strictEqual(diagnostic.message, 'Drift: sources say "ground", not "room" (2 of 3 sources)');
    assert.deepStrictEqual(diagnostic.relatedInformation?.map((r) => r.location.uri), ['file:///corpus/gazette.txt', 'file:///corpus/courier.txt']);
    const data = diagnostic.data as QuoteDiagnosticData;
    assert.deepStrictEqual(data.renderings, [
      { title: 'Harbour Gazette', label: 'Harbour Gazette + 1', text: 'We have little ground for optimism.' },
      { title: 'Tidewater Post', label: 'Tidewater Post', text: 'We have little cause for optimism.' },
    ]);
    assert.strictEqual(data.quote, 'We have little room for optimism.');
    assert.strictEqual(data.folderUri, 'file:///work');
  });
});
