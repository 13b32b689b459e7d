// Quick fixes for Verbatim diagnostics: give a misattributed quote to the speaker its source
// names, restore a source's wording (the title shows the words it writes and whose they are),
// accept the draft's rendering for the whole team (verbatim.json), or switch the quote, or its
// paragraph, off in the draft. Everything comes from the diagnostic's data; a diagnostic whose
// quote (or name) has since been edited gets no fix.

import * as fs from 'fs';
import * as path from 'path';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import { wordingKey } from '../core/checker';
import { CONFIG_FILE_NAME, ConfigError } from '../core/config';
import { ignoreCommentAt, ignoreQuoteInsertions } from '../core/extract/ignoreComment';
import type { TextFormat } from '../core/types';
import { ACCEPT_RENDERING_COMMAND, type AcceptRenderingArgs } from '../shared/protocol';
import { DIAGNOSTIC_SOURCE, type QuoteDiagnosticData, type Rendering } from './diagnostics';
import type { TextPositions } from './positions';
import { replacementTitle } from './sourceWording';

/** The document the actions edit. */
export interface ActionDocument {
  uri: string;
  text: string;
  format: TextFormat;
  positions: TextPositions;
}

/**
 * The quick fixes for the Verbatim diagnostics in `diagnostics`. `fixAll`, when given, is the
 * file-wide fix, offered beside the fixes of each drifted quote.
 */
export function codeActionsFor(document: ActionDocument, diagnostics: Diagnostic[], fixAll: CodeAction | null = null): CodeAction[] {
  const byQuote = new Map<string, { data: QuoteDiagnosticData; diagnostics: Diagnostic[] }>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isQuoteData(diagnostic.data)) continue;
    const data = diagnostic.data;
    if (!stillQuoted(document, data)) continue;
    const key = `${data.inner.start.line}:${data.inner.start.character}`;
    const group = byQuote.get(key) ?? { data, diagnostics: [] };
    group.diagnostics.push(diagnostic);
    byQuote.set(key, group);
  }
  const actions: CodeAction[] = [];
  let offeredFixAll = false;
  for (const { data, diagnostics: group } of byQuote.values()) {
    const speaker = data.status === 'misattributed' ? data.speaker : undefined;
    if (speaker && stillNamed(document, speaker.range, speaker.text)) {
      const edit: TextEdit = { range: speaker.range, newText: speaker.replacement };
      actions.push({
        title: `Change the speaker to ${speaker.replacement}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: group,
        isPreferred: true,
        edit: { changes: { [document.uri]: [edit] } },
      });
    }
    const wordings = data.status === 'drift' || data.status === 'misattributed' ? data.renderings : [];
    const current = sliceOf(document, data.inner);
    const titles = wordingTitles(current, wordings);
    wordings.forEach((rendering, i) => {
      const edit: TextEdit = { range: data.inner, newText: rendering.text };
      actions.push({
        title: titles[i],
        kind: CodeActionKind.QuickFix,
        diagnostics: group,
        isPreferred: i === 0 && !speaker,
        edit: { changes: { [document.uri]: [edit] } },
      });
    });
    if (wordings.length && fixAll && !offeredFixAll) {
      actions.push({ ...fixAll, diagnostics: group });
      offeredFixAll = true;
    }
    if (data.status === 'drift') {
      const args: AcceptRenderingArgs = { folderUri: data.folderUri, quote: data.quote };
      actions.push({
        title: 'Accept this rendering',
        kind: CodeActionKind.QuickFix,
        diagnostics: group,
        command: { title: 'Accept this rendering', command: ACCEPT_RENDERING_COMMAND, arguments: [args] },
      });
    }
    if (data.status !== 'verbatim') actions.push(...ignoreActions(document, data.inner, group));
  }
  return actions;
}

/** One title per rendering, each showing the words it writes; titles that would repeat show the whole wording. */
export function wordingTitles(current: string, renderings: Rendering[]): string[] {
  const titles = renderings.map((r) => replacementTitle(current, r.text, r.label ?? r.title));
  return titles.map((title, i) => (titles.indexOf(title) !== titles.lastIndexOf(title) ? replacementTitle(current, renderings[i].text, renderings[i].label ?? renderings[i].title, true) : title));
}

/** "Ignore this quote" (a disable and an enable switch around it) and "Ignore quotes in this paragraph". */
function ignoreActions(document: ActionDocument, inner: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const quote = ignoreQuoteEdits(document, inner);
  if (quote) actions.push({ title: 'Ignore this quote', kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [document.uri]: quote } } });
  const paragraph = ignoreEdit(document, inner);
  if (paragraph) actions.push({ title: 'Ignore quotes in this paragraph', kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [document.uri]: [paragraph] } } });
  return actions;
}

/** The edits that switch off the one quote whose words span `inner` (its marks stand just outside). */
export function ignoreQuoteEdits(document: ActionDocument, inner: Range): TextEdit[] | null {
  const span = document.positions.span(inner);
  const open = span.start - 1;
  const close = document.text.length > span.end && /\S/.test(document.text.charAt(span.end)) ? span.end + 1 : span.end;
  if (open < 0) return null;
  const insertions = ignoreQuoteInsertions(document.text, document.format, { start: open, end: close });
  return insertions && insertions.map(({ offset, insert }) => {
    const at = document.positions.position(offset);
    return { range: { start: at, end: at }, newText: insert };
  });
}

function sliceOf(document: ActionDocument, range: Range): string {
  const span = document.positions.span(range);
  return document.text.slice(span.start, span.end);
}

/** True when `range` still holds the speaker's name as the diagnostic saw it. */
function stillNamed(document: ActionDocument, range: Range, text: string): boolean {
  const span = document.positions.span(range);
  return document.text.slice(span.start, span.end) === text;
}

/** True when the words at `data.inner` are still the quote the diagnostic was made for. */
function stillQuoted(document: ActionDocument, data: QuoteDiagnosticData): boolean {
  const span = document.positions.span(data.inner);
  return wordingKey(document.text.slice(span.start, span.end)) === wordingKey(data.quote);
}

/**
 * Inserts the ignore switch on its own line before the paragraph that holds `range`, where the
 * engine's extractor will read it (inside the same block quote or list item). Null when the
 * range lies in no paragraph.
 */
export function ignoreEdit(document: ActionDocument, range: Range): TextEdit | null {
  const insertion = ignoreCommentAt(document.text, document.format, document.positions.offset(range.start));
  if (!insertion) return null;
  const at = document.positions.position(insertion.offset);
  return { range: { start: at, end: at }, newText: insertion.insert };
}

function isQuoteData(value: unknown): value is QuoteDiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<QuoteDiagnosticData>;
  const speakerOk = data.speaker === undefined || (typeof data.speaker === 'object' && data.speaker !== null &&
    typeof data.speaker.text === 'string' && typeof data.speaker.replacement === 'string' && typeof data.speaker.range === 'object' && data.speaker.range !== null);
  return typeof data.quote === 'string' && typeof data.status === 'string' && typeof data.folderUri === 'string' &&
    Array.isArray(data.renderings) && typeof data.inner === 'object' && data.inner !== null && speakerOk;
}

// Accepting records the rendering in the folder's verbatim.json, the file the whole team (and the
// CLI) reads. The file is created when missing; every other key and entry is kept as it was.

/** What happened to verbatim.json. */
export interface AcceptOutcome {
  file: string;
  /** False when an equal rendering was already accepted. */
  added: boolean;
}

/** Appends `{ "quote": quote }` to `accepted` in `folder`'s verbatim.json; throws ConfigError on a broken file. */
export function appendAccepted(folder: string, quote: string): AcceptOutcome {
  const file = path.join(folder, CONFIG_FILE_NAME);
  let config: Record<string, unknown> = {};
  if (fs.existsSync(file)) {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError(`${file}: ${(error as Error).message}`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${file}: expected a JSON object`);
    config = raw as Record<string, unknown>;
  }
  const accepted = config.accepted === undefined ? [] : config.accepted;
  if (!Array.isArray(accepted)) throw new ConfigError(`${file}: "accepted" must be a list`);
  const key = wordingKey(quote);
  const known = accepted.some((entry) => typeof entry === 'object' && entry !== null && typeof entry.quote === 'string' && wordingKey(entry.quote) === key);
  if (known) return { file, added: false };
  config.accepted = [...accepted, { quote }];
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return { file, added: true };
}
