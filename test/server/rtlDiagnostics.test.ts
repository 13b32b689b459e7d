// Right-to-left drafts through the real checker and the diagnostics the server publishes: the
// range of each diagnostic, converted to line and character and back, covers exactly the changed
// Arabic or Hebrew word, on a later line of a draft that mixes scripts. Offsets are logical (the
// order the words are typed in); the editor lays them out right to left.

import * as assert from 'assert';
import * as path from 'path';
import { Checker, CorpusIndex } from '../../src/core/checker';
import { loadCorpus } from '../../src/core/corpus/loadCorpus';
import { DEFAULT_CHECK_OPTIONS } from '../../src/core/types';
import { quoteDiagnostics } from '../../src/server/diagnostics';
import { TextPositions } from '../../src/server/positions';
import { diagnosticContext } from './quoteResults';

// The bundled test runs from out/test/server, three levels below the repository root.
const CORPUS = path.resolve(__dirname, '../../../test/fixtures/multilingual/corpus');

const ROWS: { language: string; draft: string; underlined: string[]; line: number }[] = [
  {
    language: 'ar',
    draft: '# Briefing, 27 January\n\nThe ministry (وزارة الخارجية) spoke late.\nوأضاف أن "٥٠ دبلوماسيا ما زالوا في العاصمة".',
    underlined: ['٥٠'],
    line: 3,
  },
  {
    language: 'he',
    draft: 'Notes — הערות\n\nהדובר אמר: "אין סיבה לאופטימיות, אך הדלת לשיחות נשארת פתוחה".',
    underlined: ['לשיחות'],
    line: 2,
  },
];

describe('diagnostics on right-to-left drafts', function () {
  let checker: Checker;

  before(async function () {
    checker = new Checker(CorpusIndex.build(await loadCorpus([CORPUS])), DEFAULT_CHECK_OPTIONS);
  });

  for (const row of ROWS) {
    it(`${row.language}: the squiggle sits on the changed word`, function () {
      const results = checker.checkText(row.draft, 'markdown');
      assert.deepStrictEqual(results.map((r) => r.status), ['drift']);
      const diagnostics = quoteDiagnostics(results, diagnosticContext(row.draft));
      const positions = new TextPositions(row.draft);
      const underlined = diagnostics.map((d) => {
        const span = positions.span(d.range);
        return row.draft.slice(span.start, span.end);
      });
      assert.deepStrictEqual(underlined, row.underlined);
      assert.ok(diagnostics.every((d) => d.range.start.line === row.line && d.range.end.line === row.line));
    });
  }
});
