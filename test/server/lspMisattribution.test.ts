// The language server on misattributed quotes: the words are in the sources, but the sources
// credit them to someone other than the draft's speaker. The error sits on the draft's name,
// the quick fix puts the source's speaker there, and the hover says who said it per source.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, Diagnostic, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspTestClient, openDraft, rangeOf } from './lspTestClient';

const WIRE = [
  'Ferry talks collapse', '',
  'Transport minister Helga Strand said the timetable was settled. “The northern ferry will keep running every hour through the winter,” Strand said.', '',
  'Opposition leader Piet Mahler called the plan reckless. “Nobody has paid for the extra crews on those boats,” Mahler said.', '',
].join('\n');

const DAILY = [
  'Ferry plan questioned', '',
  'Minister Helga Strand defended the plan on Monday. “The northern ferry will keep running every hour through the winter,” said Helga Strand.', '',
].join('\n');

const DRAFT = [
  '# Ferries',
  '',
  '“The northern ferry will keep running every hour through the winter,” Mahler said.',
  '',
  '“Nobody has paid for the extra crews on those boats,” said Piet Mahler.',
  '',
  '“The northern ferry will keep sailing every hour through the winter,” Mahler added.',
  '',
].join('\n');

const CONFIG = {
  corpus: ['sources'],
  folders: { 'sources/wire': { source: 'Coast Wire' }, 'sources/daily': { source: 'Larkmouth Daily' } },
};

const MISATTRIBUTED = /^Misattributed: in "(Ferry talks collapse|Ferry plan questioned)" these words are Strand's, not Mahler's$/;
const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

function writeWorkspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-lsp-misattributed-'));
  fs.mkdirSync(path.join(root, 'sources/wire'), { recursive: true });
  fs.mkdirSync(path.join(root, 'sources/daily'), { recursive: true });
  fs.writeFileSync(path.join(root, 'sources/wire/ferry-talks.txt'), WIRE);
  fs.writeFileSync(path.join(root, 'sources/daily/ferry-plan.txt'), DAILY);
  fs.writeFileSync(path.join(root, 'verbatim.json'), JSON.stringify(CONFIG));
  return root;
}

describe('language server on misattributed quotes', function () {
  this.timeout(30000);
  let root: string;
  let client: LspTestClient;
  let draftUri: string;
  let first: PublishDiagnosticsParams;

  before(async function () {
    root = writeWorkspace();
    ({ client, draftUri, first } = await openDraft(root, DRAFT));
  });

  after(async function () {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('puts an error on the wrong speaker’s name, and none on the right speaker in another form', function () {
    const onNames = first.diagnostics.filter((d) => d.code === 'misattributed');
    assert.deepStrictEqual(onNames.map((d) => [d.range, d.severity]), [
      [rangeOf(DRAFT, 'Mahler'), 1],
      [rangeOf(DRAFT, 'Mahler', 2), 1],
    ]);
    for (const d of onNames) assert.match(messageOf(d), MISATTRIBUTED);
    const pietLine = rangeOf(DRAFT, 'Piet Mahler').start.line;
    assert.ok(!first.diagnostics.some((d) => d.range.start.line === pietLine), `no diagnostic on line ${pietLine + 1}: ${JSON.stringify(first.diagnostics)}`);
  });

  it('flags drifted words of a misattributed quote beside the name', function () {
    const drift = first.diagnostics.filter((d) => d.code === 'drift');
    assert.deepStrictEqual(drift.map((d) => [messageOf(d), d.range]), [
      ['Drift: sources say "running", not "sailing" (2 of 2 sources)', rangeOf(DRAFT, 'sailing')],
    ]);
  });

  it('points related information at the passages the sources credit to Strand', function () {
    const [error] = first.diagnostics.filter((d) => d.code === 'misattributed');
    const related = (error.relatedInformation ?? []).map((info) => [path.basename(new URL(info.location.uri).pathname), info.message]).sort();
    assert.deepStrictEqual(related.map(([file]) => file), ['ferry-plan.txt', 'ferry-talks.txt']);
    assert.match(related[0][1], /^Ferry plan questioned \(Larkmouth Daily\): said by Helga Strand: "The northern ferry will keep running/);
    assert.match(related[1][1], /^Ferry talks collapse \(Coast Wire\): said by Strand: "The northern ferry will keep running/);
    const wireInfo = error.relatedInformation!.find((info) => info.location.uri.endsWith('ferry-talks.txt'))!;
    assert.deepStrictEqual(wireInfo.location.range.start, rangeOf(WIRE, 'The northern ferry').start);
  });

  it('offers to change the speaker, replacing exactly the name', async function () {
    const [error] = first.diagnostics.filter((d) => d.code === 'misattributed');
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: draftUri }, range: error.range, context: { diagnostics: [error] },
    }) as CodeAction[];
    assert.deepStrictEqual(actions.map((a) => a.title), ['Change the speaker to Strand', 'Ignore this quote', 'Ignore quotes in this paragraph']);
    assert.deepStrictEqual(actions[0].edit?.changes?.[draftUri], [{ range: rangeOf(DRAFT, 'Mahler'), newText: 'Strand' }]);
    assert.strictEqual(actions[0].isPreferred, true);
  });

  it('offers both the speaker and the source wording when the words drifted too', async function () {
    const third = first.diagnostics.filter((d) => d.range.start.line === rangeOf(DRAFT, 'sailing').start.line);
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: draftUri }, range: third[0].range, context: { diagnostics: third },
    }) as CodeAction[];
    assert.strictEqual(actions[0].title, 'Change the speaker to Strand');
    assert.match(actions[1].title, /^Replace with “keep running” \((Coast Wire|Larkmouth Daily) \+ 1\)$/);
    assert.strictEqual(actions[1].edit?.changes?.[draftUri]?.[0].newText, 'The northern ferry will keep running every hour through the winter,');
    assert.ok(!actions.some((a) => a.title === 'Accept this rendering'), 'accepting a wording does not settle whose words they are');
  });

  it('says who said the words according to each source in the hover', async function () {
    const position = rangeOf(DRAFT, 'northern ferry').start;
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: draftUri }, position }) as Hover;
    const text = (hover.contents as MarkupContent).value;
    assert.match(text, /\*\*Misattributed: in "Ferry (talks collapse|plan questioned)" these words are Strand's, not Mahler's\.\*\*/);
    const saidBy = /^Said by: (.*)$/m.exec(text)?.[1].split('; ').sort();
    // The fullest form of the name each source gives.
    assert.deepStrictEqual(saidBy, ['Helga Strand — Coast Wire', 'Helga Strand — Larkmouth Daily']);
  });

  it('counts misattributed quotes in the summary and lists them in verbatim/quotes', async function () {
    const summary = await client.waitFor((m) => m.method === 'verbatim/summary' && (m.params as { version: number }).version === 1, 'summary');
    assert.deepStrictEqual(summary.params, { uri: draftUri, version: 1, verbatim: 1, drift: 0, unsupported: 0, misattributed: 2, short: 0, accepted: 0 });
    const report = await client.connection.sendRequest('verbatim/quotes', { uri: draftUri }) as {
      quotes: { status: string; misattribution: { draftSpeaker: string; sourceSpeaker: string; replacement: string; range: unknown; message: string } | null; sourceSpeakers: { name: string; outlet: string }[] }[];
    };
    assert.deepStrictEqual(report.quotes.map((q) => q.status), ['misattributed', 'verbatim', 'misattributed']);
    const { misattribution } = report.quotes[0];
    assert.ok(misattribution);
    assert.deepStrictEqual([misattribution.draftSpeaker, misattribution.replacement, misattribution.range], ['Mahler', 'Strand', rangeOf(DRAFT, 'Mahler')]);
    assert.match(`Misattributed: ${misattribution.message}`, MISATTRIBUTED);
    assert.deepStrictEqual(report.quotes[0].sourceSpeakers.map((s) => `${s.name} (${s.outlet})`).sort(), ['Helga Strand (Larkmouth Daily)', 'Strand (Coast Wire)']);
    assert.strictEqual(report.quotes[1].misattribution, null);
  });

  it('clears the error once the quick fix is applied', async function () {
    const fixed = DRAFT.replace('” Mahler said.', '” Strand said.');
    const next = client.diagnostics(draftUri, (p) => p.version === 2, 'diagnostics of version 2', true);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: draftUri, version: 2 }, contentChanges: [{ text: fixed }] });
    const params = await next;
    const lines = params.diagnostics.filter((d) => d.code === 'misattributed').map((d) => d.range.start.line);
    assert.deepStrictEqual(lines, [rangeOf(DRAFT, 'sailing').start.line]);
  });
});
