import * as assert from 'assert';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { codeActionsFor, ignoreEdit, type ActionDocument } from '../../src/server/codeActions';
import type { QuoteDiagnosticData } from '../../src/server/diagnostics';
import { TextPositions } from '../../src/server/positions';

function doc(text: string, format: ActionDocument['format'] = 'markdown'): ActionDocument {
  return { uri: 'file:///d.md', text, format, positions: new TextPositions(text) };
}

function driftDiagnostic(d: ActionDocument, quote: string, status: QuoteDiagnosticData['status'] = 'drift'): Diagnostic {
  const start = d.text.indexOf(quote);
  const inner = d.positions.range({ start, end: start + quote.length });
  const data: QuoteDiagnosticData = { status, quote, inner, renderings: [{ title: 'Gazette', label: 'Gazette', text: 'little ground' }], folderUri: 'file:///w' };
  return { range: inner, message: 'Drift', source: 'verbatim', data };
}

/** The document's text after a code action's edits. */
function applied(d: ActionDocument, action: CodeAction): string {
  const edits = [...(action.edit?.changes?.[d.uri] ?? [])].sort((a, b) => d.positions.offset(b.range.start) - d.positions.offset(a.range.start));
  let text = d.text;
  for (const edit of edits) text = text.slice(0, d.positions.offset(edit.range.start)) + edit.newText + text.slice(d.positions.offset(edit.range.end));
  return text;
}

describe('code actions', function () {
  it('offers the source wording, accepting and ignoring for a drifted quote', function () {
    const d = doc('Intro.\n\nShe said: "little room" today.\n');
    const actions = codeActionsFor(d, [driftDiagnostic(d, 'little room')]);
    assert.deepStrictEqual(actions.map((a) => a.title), ['Replace with “little ground” (Gazette)', 'Accept this rendering', 'Ignore this quote', 'Ignore quotes in this paragraph']);
    assert.deepStrictEqual(actions[0].edit?.changes?.['file:///d.md']?.[0].newText, 'little ground');
    assert.deepStrictEqual(actions[1].command?.arguments, [{ folderUri: 'file:///w', quote: 'little room' }]);
    assert.strictEqual(applied(d, actions[2]), 'Intro.\n\nShe said: <!-- verbatim-disable -->"little room"<!-- verbatim-enable --> today.\n');
    assert.deepStrictEqual(actions[3].edit?.changes?.['file:///d.md']?.[0], { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '<!-- verbatim-ignore-next -->\n' });
  });

  it('offers only ignoring for an unsupported quote, in Markdown and in plain text', function () {
    const md = doc('She said: "little room".');
    assert.deepStrictEqual(codeActionsFor(md, [driftDiagnostic(md, 'little room', 'unsupported')]).map((a) => a.title), ['Ignore this quote', 'Ignore quotes in this paragraph']);
    const txt = doc('Intro.\n\nShe said: "little room".\nMore.\n', 'plaintext');
    const actions = codeActionsFor(txt, [driftDiagnostic(txt, 'little room', 'unsupported')]);
    assert.deepStrictEqual(actions.map((a) => a.title), ['Ignore this quote', 'Ignore quotes in this paragraph']);
    assert.strictEqual(applied(txt, actions[0]), 'Intro.\n\nverbatim-disable\nShe said: "little room".\nverbatim-enable\nMore.\n');
    assert.strictEqual(applied(txt, actions[1]), 'Intro.\n\nverbatim-ignore-next\nShe said: "little room".\nMore.\n');
  });

  it('shows the words each rendering writes, so two renderings never look alike', function () {
    const d = doc('She said: "We have little room for optimism about the old wall."');
    const diagnostic = driftDiagnostic(d, 'We have little room for optimism about the old wall.');
    (diagnostic.data as QuoteDiagnosticData).renderings = [
      { title: 'Coastal Courier: Sea wall vote passes', label: 'Coastal Courier + 1', text: 'We have little ground for optimism about the old wall.' },
      { title: 'Tidewater Post', label: 'Tidewater Post', text: 'We have little cause for optimism about the old wall.' },
      { title: 'Gazette', label: 'Gazette', text: 'We have little cause for optimism about the old sea wall.' },
    ];
    const titles = codeActionsFor(d, [diagnostic]).map((a) => a.title).slice(0, 3);
    assert.deepStrictEqual(titles, ['Replace with “little ground” (Coastal Courier + 1)', 'Replace with “little cause” (Tidewater Post)', 'Replace with “cause for optimism about the old sea” (Gazette)']);
  });

  it('offers the file-wide fix beside the fixes of a drifted quote, once', function () {
    const d = doc('A "little room" and "large room".');
    const fixAll = { title: 'Use the source wording for every drift in this file', kind: 'quickfix', edit: { changes: {} } };
    const actions = codeActionsFor(d, [driftDiagnostic(d, 'little room'), driftDiagnostic(d, 'large room')], fixAll);
    assert.deepStrictEqual(actions.filter((a) => a.title === fixAll.title).length, 1);
    assert.strictEqual(actions[1].title, fixAll.title);
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
    assert.strictEqual(actions.length, 4);
    assert.strictEqual(actions[0].diagnostics?.length, 2);
  });

  // Each case: the document, the line of the quote, and the document after the edit (null: no edit).
  const ignoreCases: { name: string; text: string; line: number; expected: string | null }[] = [
    { name: 'paragraph start', text: 'A\n\nfirst line\nsecond "q" line', line: 3, expected: 'A\n\n<!-- verbatim-ignore-next -->\nfirst line\nsecond "q" line' },
    { name: 'indented list item keeps its indent', text: '- item\n\n  para "q"', line: 2, expected: '- item\n\n  <!-- verbatim-ignore-next -->\n  para "q"' },
    { name: 'CRLF documents get CRLF', text: 'x\r\n\r\n"q"', line: 2, expected: 'x\r\n\r\n<!-- verbatim-ignore-next -->\r\n"q"' },
    { name: 'first line of the file', text: '"q" here', line: 0, expected: '<!-- verbatim-ignore-next -->\n"q" here' },
    { name: 'second paragraph of a block quote stays inside it', text: '> first\n>\n> second "q" here', line: 2, expected: '> first\n>\n> <!-- verbatim-ignore-next -->\n> second "q" here' },
    { name: 'a line outside any paragraph', text: '```\n"q"\n```', line: 1, expected: null },
  ];
  for (const c of ignoreCases) {
    it(`places the ignore comment: ${c.name}`, function () {
      const d = doc(c.text);
      const edit = ignoreEdit(d, { start: { line: c.line, character: 0 }, end: { line: c.line, character: 1 } });
      const offset = edit && d.positions.offset(edit.range.start);
      assert.strictEqual(edit && offset !== null ? c.text.slice(0, offset) + edit.newText + c.text.slice(offset) : null, c.expected);
    });
  }
});
