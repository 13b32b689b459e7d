// Misattributed quotes in the server's pure parts: the diagnostic on the speaker's name, its
// fallback to the quote, its severity setting, the counts, and the "change the speaker" fix.
// Results are built by hand, so each case states exactly the misattribution under test.

import * as assert from 'assert';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Misattribution, QuoteResult, SourceDocument, SourceSpeaker } from '../../src/core/types';
import { codeActionsFor } from '../../src/server/codeActions';
import { quoteDiagnostics, type QuoteDiagnosticData } from '../../src/server/diagnostics';
import { TextPositions } from '../../src/server/positions';
import { countResults } from '../../src/server/publisher';
import { DEFAULT_SETTINGS, type VerbatimSettings } from '../../src/shared/settings';
import { diagnosticContext, entry, matchOf, quoteIn, resultOf, sourceDoc, spanOf } from './quoteResults';

const SOURCE = 'Talks stalled. "We will not retreat from the coast," Kuleba said on Monday.';
const WORDS = 'We will not retreat from the coast,';
const DRAFT = 'Later, "We will not retreat from the coast," Lavrov said.';

/** A source with an outlet and a page, so citations have something to say. */
function citedDoc(): SourceDocument {
  return { ...sourceDoc(SOURCE, 'Talks in Geneva', '/corpus/geneva.pdf'), meta: { source: 'Reuters', date: '2022-01-27' }, locate: () => ({ page: 4 }) };
}

function speaker(doc: SourceDocument): SourceSpeaker {
  return { name: 'Kuleba', fullName: 'Dmytro Kuleba', documentTitle: doc.title, path: doc.path, span: spanOf(SOURCE, WORDS), kind: 'person', confident: true };
}

function misattributed(draft: string, overrides: Partial<Misattribution> = {}, wordingDrift = false): QuoteResult {
  const doc = citedDoc();
  const quote = quoteIn(draft);
  const diff = wordingDrift
    ? [entry('same', draft, SOURCE, 'We will not', 'We will not'), entry('changed', draft, SOURCE, 'withdraw', 'retreat'), entry('same', draft, SOURCE, 'from the coast,', 'from the coast,')]
    : [entry('same', draft, SOURCE, WORDS, WORDS)];
  const match = { ...matchOf(doc, diff, wordingDrift ? 0.8 : 1), span: spanOf(SOURCE, WORDS), text: WORDS };
  const misattribution: Misattribution = {
    draftSpeaker: 'Lavrov', source: speaker(doc), replacement: 'Kuleba', span: spanOf(draft, 'Lavrov'), wording: wordingDrift ? 'drift' : 'verbatim', ...overrides,
  };
  return resultOf(quote, 'misattributed', match, { sourceSpeakers: [speaker(doc)], misattribution });
}

const context = diagnosticContext;

const covered = (draft: string, range: { start: { character: number }; end: { character: number } }) => draft.slice(range.start.character, range.end.character);

describe('misattributed quotes in the server', function () {
  it('puts an error on the draft’s speaker, with the source’s speaker and a citation', function () {
    const [diagnostic, ...rest] = quoteDiagnostics([misattributed(DRAFT)], context(DRAFT));
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(covered(DRAFT, diagnostic.range), 'Lavrov');
    assert.strictEqual(diagnostic.severity, DiagnosticSeverity.Error);
    assert.strictEqual(diagnostic.code, 'misattributed');
    assert.strictEqual(diagnostic.message, 'Misattributed: in "Talks in Geneva" these words are Kuleba\'s, not Lavrov\'s');
    assert.deepStrictEqual(diagnostic.relatedInformation?.map((i) => i.message), [
      'Talks in Geneva (Reuters, 27 Jan 2022, p. 4): said by Kuleba: "We will not retreat from the coast,"',
    ]);
    const data = diagnostic.data as QuoteDiagnosticData;
    assert.deepStrictEqual(data.speaker, { range: diagnostic.range, text: 'Lavrov', replacement: 'Kuleba' });
  });

  const severityCases: { setting: VerbatimSettings['severity']['misattributed']; expected: DiagnosticSeverity }[] = [
    { setting: 'warning', expected: DiagnosticSeverity.Warning },
    { setting: 'information', expected: DiagnosticSeverity.Information },
  ];
  for (const c of severityCases) {
    it(`follows the misattributed severity setting: ${c.setting}`, function () {
      const settings = { severity: { ...DEFAULT_SETTINGS.severity, misattributed: c.setting } };
      assert.strictEqual(quoteDiagnostics([misattributed(DRAFT)], context(DRAFT, settings))[0].severity, c.expected);
    });
  }

  it('marks the quote when the name cannot be placed in the draft, and offers no speaker fix', function () {
    const result = misattributed(DRAFT, { span: { start: 0, end: 0 } });
    const [diagnostic] = quoteDiagnostics([result], context(DRAFT));
    assert.strictEqual(covered(DRAFT, diagnostic.range), WORDS);
    assert.strictEqual((diagnostic.data as QuoteDiagnosticData).speaker, undefined);
  });

  it('underlines drifted words beside the name when the wording drifted too', function () {
    const draft = 'Later, "We will not withdraw from the coast," Lavrov said.';
    const diagnostics = quoteDiagnostics([misattributed(draft, { span: spanOf(draft, 'Lavrov') }, true)], context(draft));
    assert.deepStrictEqual(diagnostics.map((d) => [d.code, covered(draft, d.range)]), [['misattributed', 'Lavrov'], ['drift', 'withdraw']]);
    assert.ok(diagnostics.every((d) => (d.data as QuoteDiagnosticData).status === 'misattributed'), 'both carry the fixes of the quote');
  });

  it('keeps the misattribution of an accepted rendering, but not its drift', function () {
    const draft = 'Later, "We will not withdraw from the coast," Lavrov said.';
    const diagnostics = quoteDiagnostics([misattributed(draft, { span: spanOf(draft, 'Lavrov') }, true)], context(draft, {}, true));
    assert.deepStrictEqual(diagnostics.map((d) => d.code), ['misattributed']);
  });

  it('counts misattributed quotes even when their wording was accepted', function () {
    const verbatim = resultOf(quoteIn('"We will not retreat from the coast,"'), 'verbatim', null);
    const counts = countResults([misattributed(DRAFT), verbatim], () => true);
    assert.deepStrictEqual(counts, { verbatim: 1, drift: 0, unsupported: 0, misattributed: 1, short: 0, accepted: 0 });
  });

  describe('the change-the-speaker fix', function () {
    const actionsFor = (text: string, draftForDiagnostic = DRAFT) => {
      const [diagnostic] = quoteDiagnostics([misattributed(draftForDiagnostic)], context(draftForDiagnostic));
      return codeActionsFor({ uri: 'file:///d.md', text, format: 'markdown', positions: new TextPositions(text) }, [diagnostic]);
    };

    it('replaces exactly the name and is the preferred fix', function () {
      const [change] = actionsFor(DRAFT);
      assert.strictEqual(change.title, 'Change the speaker to Kuleba');
      assert.strictEqual(change.isPreferred, true);
      const [edit] = change.edit?.changes?.['file:///d.md'] ?? [];
      assert.strictEqual(covered(DRAFT, edit.range), 'Lavrov');
      assert.strictEqual(edit.newText, 'Kuleba');
    });

    it('is not offered once the name was edited', function () {
      const edited = DRAFT.replace('Lavrov', 'Lavrav');
      assert.deepStrictEqual(actionsFor(edited).map((a) => a.title), ['Ignore this quote', 'Ignore quotes in this paragraph']);
    });
  });
});
