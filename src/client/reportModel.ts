// The quotes report's data and page shell, built without the `vscode` module. Its rows and
// counts are the fact-check sheet's (src/shared/sheetRows.ts) and the server's summary's. The page is a
// fixed shell with no draft or corpus text in it; every quote reaches the webview as JSON and
// is put into the page with `textContent` by media/report.js, so no quote can inject markup.
import { countsInWords } from '../core/verdicts';
import type { QuotesReport, VerdictCountsInfo } from '../shared/protocol';
import { escapeHtml } from '../shared/factSheet';
import { sheetRows, type SheetRow } from '../shared/sheetRows';

export { diffSegments, type DiffSegment } from '../shared/quoteText';
export { escapeHtml } from '../shared/factSheet';

/** One table row of the report: the fact-check sheet's row, so the two never differ. */
export type ReportRow = SheetRow;

/** The message the extension posts to the page. */
export interface ReportUpdate {
  type: 'update';
  title: string;
  /** The draft's counts from the server's summary: the status bar's counts. */
  totals: VerdictCountsInfo;
  /** The same counts in words: "2 verbatim, 1 drifted, 1 unsupported". */
  totalsText: string;
  rows: ReportRow[];
}

/** A plain message shown instead of the table (no draft, or the server failed). */
export interface ReportNotice {
  type: 'notice';
  text: string;
}

/** Messages the page posts back. */
export type ReportPageMessage = { type: 'ready' } | { type: 'reveal'; index: number } | { type: 'export' };

/** Builds the report rows, in draft order. */
export function reportRows(report: QuotesReport): ReportRow[] {
  return sheetRows(report.quotes);
}

/** Builds the whole update message for a draft's report. */
export function reportUpdate(title: string, report: QuotesReport): ReportUpdate {
  return { type: 'update', title, totals: report.counts, totalsText: countsInWords(report.counts), rows: reportRows(report) };
}

/** Validates a message from the page, which is untrusted input. */
export function parsePageMessage(raw: unknown): ReportPageMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const message = raw as { type?: unknown; index?: unknown };
  if (message.type === 'ready') return { type: 'ready' };
  if (message.type === 'export') return { type: 'export' };
  if (message.type === 'reveal' && Number.isInteger(message.index) && (message.index as number) >= 0) {
    return { type: 'reveal', index: message.index as number };
  }
  return null;
}

export interface ShellOptions {
  /** The webview's `cspSource`. */
  cspSource: string;
  /** A fresh random nonce for this page. */
  nonce: string;
  styleUri: string;
  scriptUri: string;
  title: string;
}

/** Builds the report page's static HTML under a strict Content-Security-Policy. */
export function reportShell(options: ShellOptions): string {
  const csp = [
    "default-src 'none'",
    `style-src ${options.cspSource}`,
    `script-src 'nonce-${options.nonce}'`,
    `img-src ${options.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(options.title)}</title>
</head>
<body>
<header>
<h1 id="title">${escapeHtml(options.title)}</h1>
<p id="totals" class="totals"></p>
<p class="legend">Struck-through words are the draft's own; underlined words are the source's.</p>
<div class="toolbar" role="toolbar" aria-label="Report view">
<label>Show <select id="filter"><option value="all">All quotes</option><option value="problems">Problems only</option></select></label>
<label>Sort by <select id="sort"><option value="line">Line</option><option value="verdict">Verdict</option></select></label>
<button id="export" type="button" title="Save a fact-check sheet of every quote as one HTML file">Export…</button>
</div>
</header>
<p id="empty" class="empty" hidden>No quotations in this draft.</p>
<p id="filtered" class="empty" hidden>No problems: every quote is verbatim or not flagged.</p>
<table id="quotes" hidden>
<thead><tr><th scope="col">Line</th><th scope="col">Verdict</th><th scope="col">Quote</th><th scope="col">Source</th><th scope="col">Difference</th></tr></thead>
<tbody></tbody>
</table>
<script nonce="${escapeHtml(options.nonce)}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>`;
}
