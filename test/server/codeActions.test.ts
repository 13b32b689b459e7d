import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver';
import { codeActionsFor, ignoreEdit, type ActionDocument } from '../../src/server/codeActions';
import type { QuoteDiagnosticData } from '../../src/server/diagnostics';
import { TextPositions } from '../../src/server/positions';

function doc(text: string, format: ActionDocument['format'] = 'markdown'): ActionDocument {
  return { uri: 'file:///d.md', text, format, positions: new TextPositions(text) };
}

function driftDiagnostic(d: ActionDocument, quote: string, status: QuoteDiagnosticData['status'] = 'drift'): Diagnostic {
  const start = d.text.indexOf(quote);
  const inner = d.positions.range({ start, end: start + quote.length });
  const data: QuoteDiagnosticData = { status, quote, inner, renderings: [{ title: 'Gazette', text: 'little ground' }], folderUri: 'file:///w' };
  return { range: inner, message: 'Drift', source: 'verbatim', data };
}

describe('code actions', function () {
  it('offers the source wording, accepting and ignoring for a drifted quote', function () {
    const d = doc('Intro.\n\nShe said: "little room" today.\n');
    const actions = codeActionsFor(d, [driftDiagnostic(d, 'little room')]);
    assert.deepStrictEqual(actions.map((a) => a.title), ['Use the source wording (Gazette)', 'Accept this rendering', 'Ignore this quote']);
    assert.deepStrictEqual(actions[0].edit?.changes?.['file:///d.md']?.[0].newText, 'little ground');
    assert.deepStrictEqual(actions[1].command?.arguments, [{ folderUri: 'file:///w', quote: 'little room' }]);
    assert.deepStrictEqual(actions[2].edit?.changes?.['file:///d.md']?.[0], { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '<!-- verbatim-ignore-next -->\n' });
  });

  it('offers only ignoring for an unsupported quote, and nothing to ignore in plain text', function () {
    const md = doc('She said: "little room".');
    assert.deepStrictEqual(codeActionsFor(md, [driftDiagnostic(md, 'little room', 'unsupported')]).map((a) => a.title), ['Ignore this quote']);
    const txt = doc('She said: "little room".', 'plaintext');
    assert.deepStrictEqual(codeActionsFor(txt, [driftDiagnostic(txt, 'little room', 'unsupported')]), []);
  });

  it('offers nothing once the quote was edited, or for other sources\' diagnostics', function () {
    const d = doc('She said: "little room".');
    const stale = driftDiagnostic(d, 'little room');
    const edited = doc('She said: "large room".');
    assert.deepStrictEqual(codeActionsFor(edited, [stale]), []);
    assert.deepStrictEqual(codeActionsFor(d, [{ ...stale, source: 'spell' }]), []);
    assert.deepStrictEqual(codeActionsFor(d, [{ ...stale, data: { nonsense: true } }]), []);
  });

  it('groups the diagnostics of one quote into one set of actions', function () {
    const d = doc('She said: "little room".');
    const one = driftDiagnostic(d, 'little room');
    const actions = codeActionsFor(d, [one, { ...one, message: 'second' }]);
    assert.strictEqual(actions.length, 3);
    assert.strictEqual(actions[0].diagnostics?.length, 2);
  });

  const ignoreCases: { name: string; text: string; line: number; expected: { line: number; character: number; newText: string } | null }[] = [
    { name: 'paragraph start', text: 'A\n\nfirst line\nsecond "q" line', line: 3, expected: { line: 2, character: 0, newText: '<!-- verbatim-ignore-next -->\n' } },
    { name: 'indented list item keeps its indent', text: '- item\n\n  para "q"', line: 2, expected: { line: 2, character: 2, newText: '<!-- verbatim-ignore-next -->\n  ' } },
    { name: 'CRLF documents get CRLF', text: 'x\r\n\r\n"q"', line: 2, expected: { line: 2, character: 0, newText: '<!-- verbatim-ignore-next -->\r\n' } },
    { name: 'already ignored', text: '<!-- verbatim-ignore-next -->\n"q"', line: 1, expected: null },
    { name: 'first line of the file', text: '"q" here', line: 0, expected: { line: 0, character: 0, newText: '<!-- verbatim-ignore-next -->\n' } },
  ];
  for (const c of ignoreCases) {
    it(`places the ignore comment: ${c.name}`, function () {
      const edit = ignoreEdit(doc(c.text), { start: { line: c.line, character: 0 }, end: { line: c.line, character: 1 } });
      assert.deepStrictEqual(edit && { line: edit.range.start.line, character: edit.range.start.character, newText: edit.newText }, c.expected);
    });
  }
});
