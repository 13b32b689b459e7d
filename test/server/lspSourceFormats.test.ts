// The language server with sources that are not plain text: a two-page PDF (shown as its
// extracted text in a `verbatim-source:` document), subtitles and a transcript (cited by time
// and speaker), and per-folder outlet defaults from verbatim.json. The PDF is written by the
// test with a real text layer, so the server reads it exactly as it reads a typeset report.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, Diagnostic, Hover, Location, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SOURCE_TEXT_SCHEME, sourceTextPath, sourceTextUri } from '../../src/shared/sourceText';
import { buildPdf } from '../core/corpus/pdfFixture';
import { LspTestClient, openDraft, rangeOf } from './lspTestClient';

const PDF_PAGES = [
  ['Harbour board annual report', '', 'The board met twelve times this year and approved the new budget.'],
  ['Cranes and storms', '', 'The dock master said the cranes would be repaired before the winter storms arrive.'],
];

const SUBTITLES = [
  '1', '00:12:31,000 --> 00:12:35,000', 'HALE: Nobody will lose their job because of the new cranes.', '',
  '2', '00:12:36,000 --> 00:12:39,000', 'REPORTER: And the night shifts?', '',
].join('\n');

const TRANSCRIPT = [
  'Council meeting transcript', '',
  '[00:41:07] MAYOR ODUYA: The ferry timetable will stay exactly as it is until the spring.', '',
  '[00:42:15] COUNCILLOR REID: We asked for a review twice.', '',
].join('\n');

const DRAFT = [
  '# Cranes',
  '',
  'The dock master said "the cranes would be fixed before the winter storms arrive".',
  '',
  'The press office added that "nobody will lose their job because of the new cranes".',
  '',
  'The mayor was firm: "the ferry timetable will stay exactly as it is until the spring".',
  '',
].join('\n');

const CONFIG = {
  corpus: ['sources'],
  folders: {
    'sources/wires': { source: 'Harbour Wire', date: '2022-01-27' },
    'sources/briefings': { source: 'Port press office', url: 'https://port.example/briefings?id=7' },
  },
};

const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const hoverText = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';

/** Writes the workspace: a PDF and subtitles in folders with outlet defaults, a transcript, the draft. */
function writeWorkspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-lsp-formats-'));
  fs.mkdirSync(path.join(root, 'sources/wires'), { recursive: true });
  fs.mkdirSync(path.join(root, 'sources/briefings'), { recursive: true });
  fs.writeFileSync(path.join(root, 'sources/wires/harbour-report.pdf'), buildPdf(PDF_PAGES, { Title: 'Harbour board annual report' }));
  fs.writeFileSync(path.join(root, 'sources/briefings/press-briefing.srt'), SUBTITLES);
  fs.writeFileSync(path.join(root, 'sources/council-meeting.txt'), TRANSCRIPT);
  fs.writeFileSync(path.join(root, 'verbatim.json'), JSON.stringify(CONFIG));
  fs.writeFileSync(path.join(root, 'draft.md'), DRAFT);
  return root;
}

describe('language server with PDF, subtitle and transcript sources', function () {
  this.timeout(30000);
  let root: string;
  let client: LspTestClient;
  let draftUri: string;
  let first: PublishDiagnosticsParams;

  const hoverAt = async (needle: string): Promise<string> => {
    const position = rangeOf(DRAFT, needle).start;
    return hoverText(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: draftUri }, position }) as Hover);
  };

  before(async function () {
    root = writeWorkspace();
    ({ client, draftUri, first } = await openDraft(root, DRAFT));
  });

  after(async function () {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('underlines the drifted word of a quote from page 2 of the PDF', function () {
    assert.deepStrictEqual(first.diagnostics.map((d) => ({ message: messageOf(d), range: d.range })), [
      { message: 'Drift: sources say "repaired", not "fixed"', range: rangeOf(DRAFT, 'fixed') },
    ]);
  });

  it('points the related information at the extracted text, with the citation', function () {
    const [info] = first.diagnostics[0].relatedInformation ?? [];
    assert.ok(info, 'the drift has related information');
    assert.strictEqual(sourceTextPath(info.location.uri), path.join(root, 'sources/wires/harbour-report.pdf'));
    assert.match(info.message, /^Harbour board annual report \(Harbour Wire, 27 Jan 2022, p\. 2\): "the cranes would be repaired/);
  });

  it('cites the page, the outlet and the date in the hover, and links the extracted text', async function () {
    const text = await hoverAt('cranes would be fixed');
    assert.match(text, /Drift: the source words this differently/);
    assert.match(text, / — Harbour Wire, 27 Jan 2022, p\. 2/);
    const link = /\]\((verbatim-source:[^)\s]*)[\s)]/.exec(text)?.[1];
    assert.ok(link, `a link to the extracted text in ${text}`);
    assert.strictEqual(sourceTextPath(link.replace(/#.*$/, '')), path.join(root, 'sources/wires/harbour-report.pdf'));
    // The line is the passage's line in the extracted text, not in the PDF file's bytes.
    const extracted = await client.connection.sendRequest('verbatim/sourceText', { uri: link.replace(/#.*$/, '') }) as { text: string };
    const line = extracted.text.split('\n').findIndex((l) => l.includes('the cranes would be repaired')) + 1;
    assert.ok(line > 1 && link.endsWith(`#L${line}`), `${link} should end with #L${line}`);
  });

  it('goes to the passage in the extracted text, which verbatim/sourceText serves', async function () {
    const position = rangeOf(DRAFT, 'winter storms').start;
    const locations = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: draftUri }, position }) as Location[];
    assert.strictEqual(locations.length, 1);
    const [location] = locations;
    assert.strictEqual(location.uri, sourceTextUri(path.join(root, 'sources/wires/harbour-report.pdf')));
    assert.ok(location.uri.startsWith(`${SOURCE_TEXT_SCHEME}:`) && location.uri.endsWith('harbour-report.pdf%20(extracted%20text)'), location.uri);
    const { text } = await client.connection.sendRequest('verbatim/sourceText', { uri: location.uri }) as { text: string };
    assert.ok(text.includes('Cranes and storms'), text);
    const lines = text.split('\n');
    const { start, end } = location.range;
    const passage = start.line === end.line
      ? lines[start.line].slice(start.character, end.character)
      : [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
    assert.strictEqual(passage.replace(/\s+/g, ' '), 'the cranes would be repaired before the winter storms arrive');
  });

  it('answers verbatim/sourceText for a URI the editor re-encoded', async function () {
    const encoded = sourceTextUri(path.join(root, 'sources/wires/harbour-report.pdf')).replace('(', '%28').replace(')', '%29');
    const { text } = await client.connection.sendRequest('verbatim/sourceText', { uri: encoded }) as { text: string };
    assert.ok(text.includes('Harbour board annual report'), text);
  });

  it('refuses verbatim/sourceText for a file outside the corpus, with a readable message', async function () {
    const outside = sourceTextUri(path.join(root, 'draft.md'));
    await assert.rejects(client.connection.sendRequest('verbatim/sourceText', { uri: outside }), /draft\.md is not in the Verbatim corpus/);
    await assert.rejects(client.connection.sendRequest('verbatim/sourceText', { uri: 'file:///etc/passwd' }), /Not a Verbatim source URI/);
  });

  it('cites the subtitle cue time and speaker, the outlet, and links its web address', async function () {
    const text = await hoverAt('nobody will lose');
    assert.match(text, /Verbatim: the quote matches the source word for word/);
    assert.match(text, / — Port press office, HALE at 00\\:12\\:31/);
    assert.ok(text.includes('[port\\.example/briefings?id\\=7](https://port.example/briefings?id=7)'), text);
    // Subtitles are text: the link opens the file itself at the cue's line.
    assert.match(text, /\(file:\/\/\/[^)]*press-briefing\.srt#L3\)/);
  });

  it('cites the transcript turn’s time and speaker', async function () {
    const text = await hoverAt('ferry timetable');
    assert.match(text, /MAYOR ODUYA at 00\\:41\\:07/);
  });

  it('gives citations and links in verbatim/quotes', async function () {
    const report = await client.connection.sendRequest('verbatim/quotes', { uri: draftUri }) as {
      quotes: { status: string; source: { uri: string; citation: string; url?: string } | null }[];
    };
    assert.deepStrictEqual(report.quotes.map((q) => [q.status, q.source?.citation, q.source?.url]), [
      ['drift', 'Harbour Wire, 27 Jan 2022, p. 2', undefined],
      ['verbatim', 'Port press office, HALE at 00:12:31', 'https://port.example/briefings?id=7'],
      ['verbatim', 'MAYOR ODUYA at 00:41:07', undefined],
    ]);
    assert.ok(report.quotes[0].source?.uri.startsWith(`${SOURCE_TEXT_SCHEME}:`));
    assert.ok(report.quotes[1].source?.uri.startsWith('file:'));
  });

  it('offers the page’s wording as the quick fix', async function () {
    const drift = first.diagnostics[0];
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: draftUri }, range: drift.range, context: { diagnostics: [drift] },
    }) as CodeAction[];
    assert.strictEqual(actions[0].title, 'Replace with “be repaired” (Harbour Wire)');
    assert.strictEqual(actions[0].edit?.changes?.[draftUri]?.[0].newText, 'the cranes would be repaired before the winter storms arrive');
  });

  it('rebuilds with new outlet defaults when verbatim.json changes', async function () {
    const config = { ...CONFIG, folders: { ...CONFIG.folders, 'sources/wires': { source: 'Coast Wire', date: '2022-01-28' } } };
    fs.writeFileSync(path.join(root, 'verbatim.json'), JSON.stringify(config));
    const next = client.diagnostics(draftUri, (p) => (p.diagnostics[0]?.relatedInformation ?? []).some((i) => i.message.includes('Coast Wire')), 'diagnostics citing the new outlet', true);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(root, 'verbatim.json')).href, type: 2 }] });
    const params = await next;
    assert.match(params.diagnostics[0].relatedInformation![0].message, /\(Coast Wire, 28 Jan 2022, p\. 2\)/);
  });
});
