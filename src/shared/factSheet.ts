// The fact-check sheet for the desk: every quote of one or more drafts with its verdict, word
// diff, source, citation and who said it, as one standalone HTML file styled for print, or as a
// Markdown table for a ticket or a pull request. The extension's "Export…" and
// `verbatim check --format html|markdown` both write it from the same rows (src/shared/sheetRows.ts),
// so the sheet says what the report and the CLI say. No vscode import.

import { countsInWords } from '../core/verdicts';
import { escapeMarkdown } from './markdownText';
import type { VerdictCountsInfo } from './protocol';
import { markdownSegments } from './quoteText';
import type { SheetRow } from './sheetRows';

/** One draft's part of the sheet. */
export interface FactSheetDraft {
  /** The draft as the reader knows it: a workspace-relative path. */
  name: string;
  counts: VerdictCountsInfo;
  /** The draft's rows in draft order. */
  rows: SheetRow[];
}

export interface FactSheet {
  /** When the sheet was made, as shown in its header ("2026-12-07 05:40 UTC"). */
  generated: string;
  drafts: FactSheetDraft[];
}

/** Escapes text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A date and time as the sheet's header shows it, in UTC so that every desk reads the same. */
export function sheetTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The whole sheet as one HTML file: no script, no remote content, a print style of its own. */
export function factSheetHtml(sheet: FactSheet): string {
  const title = sheet.drafts.length === 1 ? `Fact-check sheet: ${sheet.drafts[0].name}` : `Fact-check sheet: ${sheet.drafts.length} drafts`;
  const sections = sheet.drafts.map((draft) => draftSection(draft, sheet.drafts.length > 1)).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="Verbatim">
<title>${escapeHtml(title)}</title>
<style>
${SHEET_CSS}
</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Made by Verbatim on ${escapeHtml(sheet.generated)}. Struck-through words are the draft's own; underlined words are the source's.</p>
</header>
${sections}
</body>
</html>
`;
}

function draftSection(draft: FactSheetDraft, named: boolean): string {
  const heading = named ? `<h2>${escapeHtml(draft.name)}</h2>\n` : '';
  const totals = `<p class="totals">${escapeHtml(countsInWords(draft.counts))}</p>`;
  if (draft.rows.length === 0) return `<section>\n${heading}${totals}\n<p class="empty">No quotations in this draft.</p>\n</section>`;
  const rows = draft.rows.map(rowHtml).join('\n');
  return `<section>
${heading}${totals}
<table>
<thead><tr><th scope="col">Line</th><th scope="col">Verdict</th><th scope="col">Quote</th><th scope="col">Difference</th><th scope="col">Source</th><th scope="col" class="desk">Checked</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

function rowHtml(row: SheetRow): string {
  const mark = row.severity ? ` ${row.severity}` : '';
  const verdict = `<span class="pill ${row.verdict}${mark}">${escapeHtml(row.verdictLabel)}</span>${row.severity ? `<div class="severity">${escapeHtml(row.severity)}</div>` : ''}`;
  // dir="auto": an Arabic or Hebrew quote reads right to left inside a left-to-right sheet.
  const speaker = row.speaker ? `<div class="speaker" dir="auto">— ${escapeHtml(row.speaker)}</div>` : '';
  const quote = `<q dir="auto">${escapeHtml(row.quote)}</q>${speaker}`;
  const diff = row.diff.map((s, i) => (i > 0 && !s.tight ? ' ' : '') + (s.kind === 'del' ? `<del>${escapeHtml(s.text)}</del>` : s.kind === 'ins' ? `<ins>${escapeHtml(s.text)}</ins>` : escapeHtml(s.text))).join('');
  const difference = [
    row.attribution ? `<div class="attribution">${escapeHtml(row.attribution)}</div>` : '',
    diff ? `<div class="diff" dir="auto">${diff}</div>` : '',
    row.notes.length ? `<div class="notes">${escapeHtml(row.notes.join(' · '))}</div>` : '',
    row.saidBy ? `<div class="notes">${escapeHtml(row.saidBy)}</div>` : '',
  ].join('');
  return `<tr class="${row.severity ? 'problem' : 'fine'}"><td class="line">${row.line}</td><td>${verdict}</td><td>${quote}</td><td>${difference}</td><td>${sourceHtml(row)}</td><td class="desk"><span class="box"></span></td></tr>`;
}

function sourceHtml(row: SheetRow): string {
  const source = row.source;
  if (!source) return '<span class="none">No source comes close</span>';
  const url = safeUrl(source.url);
  const title = url ? `<a href="${escapeHtml(url)}">${escapeHtml(source.title)}</a>` : escapeHtml(source.title);
  return [
    `<div class="source-title">${title}</div>`,
    source.citation ? `<div class="citation">${escapeHtml(source.citation)}</div>` : '',
    source.kind ? `<div class="citation">${escapeHtml(source.kind)}</div>` : '',
    url ? `<div class="url">${escapeHtml(url)}</div>` : '',
    `<blockquote dir="auto">${escapeHtml(source.text.replace(/\s+/g, ' ').trim())}</blockquote>`,
  ].join('');
}

/** Only web addresses become links on the sheet. */
function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** The sheet as Markdown: per draft, the totals and one table row per quote. */
export function factSheetMarkdown(sheet: FactSheet): string {
  const out: string[] = [];
  for (const draft of sheet.drafts) {
    out.push(`### Fact-check sheet: ${escapeMarkdown(draft.name)}`, '', `${countsInWords(draft.counts)} (made ${sheet.generated}).`, '');
    if (draft.rows.length === 0) {
      out.push('No quotations in this draft.', '');
      continue;
    }
    out.push('| Line | Verdict | Quote | Difference | Source |', '| ---: | --- | --- | --- | --- |');
    for (const row of draft.rows) out.push(markdownRow(row));
    out.push('');
  }
  return out.join('\n');
}

function markdownRow(row: SheetRow): string {
  const verdict = `**${row.verdictLabel}**${row.severity ? ` (${row.severity})` : ''}`;
  const quote = `“${escapeMarkdown(row.quote)}”${row.speaker ? ` — ${escapeMarkdown(row.speaker)}` : ''}`;
  const difference = [
    row.attribution ? escapeMarkdown(row.attribution) : '',
    markdownSegments(row.diff),
    row.notes.length ? `_${escapeMarkdown(row.notes.join(' · '))}_` : '',
    // The label is ours; the names and outlets come from the sources.
    row.saidBy ? `Said by: ${escapeMarkdown(row.saidBy.replace(/^Said by: /, ''))}` : '',
  ].filter((part) => part !== '').join('<br>');
  return `| ${row.line} | ${verdict} | ${quote} | ${difference} | ${sourceMarkdown(row)} |`;
}

function sourceMarkdown(row: SheetRow): string {
  if (!row.source) return 'no source comes close';
  const url = safeUrl(row.source.url);
  const title = url ? `[${escapeMarkdown(row.source.title)}](<${url.replace(/[<>\s|]/g, encodeURIComponent)}>)` : `_${escapeMarkdown(row.source.title)}_`;
  return row.source.citation ? `${title} (${escapeMarkdown(row.source.citation)})` : title;
}

const SHEET_CSS = `
:root { color-scheme: light; }
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #1b1b1b; background: #fff; margin: 24px auto; max-width: 1200px; padding: 0 16px; }
h1 { font: 600 18pt/1.2 "Helvetica Neue", Arial, sans-serif; margin: 0 0 4px; }
h2 { font: 600 13pt/1.2 "Helvetica Neue", Arial, sans-serif; margin: 24px 0 4px; }
.meta, .totals { font-family: "Helvetica Neue", Arial, sans-serif; color: #555; margin: 2px 0; font-size: 9.5pt; }
.totals { color: #1b1b1b; font-weight: 600; }
table { width: 100%; border-collapse: collapse; margin-top: 10px; }
th { font: 600 9pt "Helvetica Neue", Arial, sans-serif; text-transform: uppercase; letter-spacing: .04em; text-align: left; border-bottom: 2px solid #1b1b1b; padding: 4px 6px; }
td { vertical-align: top; padding: 6px; border-bottom: 1px solid #d0d0d0; }
tr { page-break-inside: avoid; break-inside: avoid; }
thead { display: table-header-group; }
td.line { font-variant-numeric: tabular-nums; color: #555; }
q { quotes: "\\201C" "\\201D" "\\2018" "\\2019"; }
.speaker, .citation, .notes, .url, .none, .severity { font: 9pt "Helvetica Neue", Arial, sans-serif; color: #555; }
.source-title { font-style: italic; }
.url { word-break: break-all; }
blockquote { margin: 4px 0 0; padding-left: 8px; border-left: 3px solid #d0d0d0; color: #333; }
.pill { display: inline-block; font: 600 8.5pt "Helvetica Neue", Arial, sans-serif; padding: 1px 7px; border-radius: 9px; border: 1px solid currentColor; white-space: nowrap; }
.pill.verbatim { color: #1a7f37; }
.pill.short { color: #6e6e6e; }
.pill.error { color: #b3261e; }
.pill.warning { color: #9a6700; }
.pill.information { color: #0b5cad; }
.pill.hint { color: #6e6e6e; }
.attribution { color: #b3261e; margin-bottom: 4px; }
del { color: #b3261e; background: #fde7e7; text-decoration: line-through; }
ins { color: #1a7f37; background: #e3f5e6; text-decoration: underline; }
a { color: inherit; }
th.desk, td.desk { width: 56px; text-align: center; }
.box { display: inline-block; width: 14px; height: 14px; border: 1.5px solid #1b1b1b; }
@page { size: A4 landscape; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  a { text-decoration: none; }
  del, ins { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`.trim();
