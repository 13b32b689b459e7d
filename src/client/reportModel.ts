// The quotes report's data and page shell, built without the `vscode` module. The page is a
// fixed shell with no draft or corpus text in it; every quote reaches the webview as JSON and
// is put into the page with `textContent` by media/report.js, so no quote can inject markup.
import type { QuoteInfo, QuoteStatusName, QuotesReport } from '../shared/protocol';
import { STATUS_LABELS, saidByText } from './quoteGroups';
import { percent } from './displayText';

/** One stretch of the rendered diff: unchanged words, draft-only words, or source-only words. */
export interface DiffSegment {
  kind: 'same' | 'del' | 'ins';
  text: string;
}

/** One table row of the report. */
export interface ReportRow {
  /** Index into the report's quotes, sent back by the page when the row is clicked. */
  index: number;
  line: number;
  status: QuoteStatusName;
  statusLabel: string;
  quote: string;
  speaker: string | null;
  source: { title: string; text: string; citation: string } | null;
  /** For a misattributed quote: whose words they are, e.g. "In "Title" these words are Kuleba's, not Lavrov's". */
  attribution: string | null;
  /** Who each source credits with the words: "Said by: Kuleba — Al Jazeera; …", or null. */
  saidBy: string | null;
  score: string;
  flags: string[];
  diff: DiffSegment[];
}

/** The message the extension posts to the page. */
export interface ReportUpdate {
  type: 'update';
  title: string;
  totals: Record<QuoteStatusName, number>;
  rows: ReportRow[];
}

/** A plain message shown instead of the table (no draft, or the server failed). */
export interface ReportNotice {
  type: 'notice';
  text: string;
}

/** Messages the page posts back. */
export type ReportPageMessage = { type: 'ready' } | { type: 'reveal'; index: number };

/**
 * Turns the diff into segments: `del` marks the draft's words the source does not have, `ins`
 * the source's words the draft lacks, so a `changed` step shows both, struck then inserted.
 */
export function diffSegments(diff: QuoteInfo['diff']): DiffSegment[] {
  const segments: DiffSegment[] = [];
  const push = (kind: DiffSegment['kind'], text: string) => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    // Merging neighbours of one kind keeps the page from splitting a phrase into many spans.
    if (last && last.kind === kind) last.text += ` ${text}`;
    else segments.push({ kind, text });
  };
  for (const step of diff) {
    if (step.op === 'same') push('same', step.draft);
    else if (step.op === 'added') push('del', step.draft);
    else if (step.op === 'dropped') push('ins', step.source);
    else {
      push('del', step.draft);
      push('ins', step.source);
    }
  }
  return segments;
}

/** Builds the report rows, in draft order. */
export function reportRows(report: QuotesReport): ReportRow[] {
  return report.quotes
    .map((q, index) => ({
      index,
      line: q.range.start.line + 1,
      status: q.status,
      statusLabel: STATUS_LABELS[q.status],
      quote: q.text,
      speaker: q.speaker,
      source: q.source ? { title: q.source.title, text: q.source.text, citation: q.source.citation ?? '' } : null,
      attribution: q.misattribution ? capitalized(q.misattribution.message) : null,
      saidBy: saidByText(q),
      score: percent(q.score),
      flags: [...q.flags],
      // A misattributed quote whose words also drifted shows the same diff as a drift.
      diff: q.status === 'drift' || (q.status === 'misattributed' && q.diff.some((d) => d.op !== 'same')) ? diffSegments(q.diff) : [],
    }))
    .sort((a, b) => a.line - b.line || a.index - b.index);
}

/** Builds the whole update message for a draft's report. */
export function reportUpdate(title: string, report: QuotesReport): ReportUpdate {
  const totals: Record<QuoteStatusName, number> = { verbatim: 0, drift: 0, unsupported: 0, misattributed: 0 };
  for (const q of report.quotes) totals[q.status]++;
  return { type: 'update', title, totals, rows: reportRows(report) };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Validates a message from the page, which is untrusted input. */
export function parsePageMessage(raw: unknown): ReportPageMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const message = raw as { type?: unknown; index?: unknown };
  if (message.type === 'ready') return { type: 'ready' };
  if (message.type === 'reveal' && Number.isInteger(message.index) && (message.index as number) >= 0) {
    return { type: 'reveal', index: message.index as number };
  }
  return null;
}

/** Escapes text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
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
</header>
<p id="empty" class="empty" hidden>No quotations in this draft.</p>
<table id="quotes" hidden>
<thead><tr><th scope="col">Line</th><th scope="col">Status</th><th scope="col">Quote</th><th scope="col">Source</th><th scope="col">Difference</th></tr></thead>
<tbody></tbody>
</table>
<script nonce="${escapeHtml(options.nonce)}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>`;
}
