// SARIF 2.1.0 output, the format GitHub code scanning and other CI viewers read. Only quotes that
// fail the run become results, so a clean draft uploads an empty run. Columns are 1-based UTF-16
// code units, and paths are relative to the working folder (normally the repository root).

import { createHash } from 'crypto';
import { misattributionReason } from '../core/attribution';
import { countReportsWithDraftWording, isPrimary, primaryNoun, rankSources, reportsWithDraftWording, sourceKindOf } from '../core/primarySources';
import { citeSource } from '../core/citation';
import type { QuoteResult, SourceMatch } from '../core/types';
import type { Severity } from '../core/verdicts';
import type { CheckReport, DraftReport, LineRange, ReportedQuote } from './checkReport';
import { spanRange } from './checkReport';
import { inlineDiff, quoteText } from './inlineDiff';
import type { SourceLocator } from './sourceLocations';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type RuleId = 'drift' | 'unsupported' | 'critical-drift' | 'misattributed';

const RULES: { id: RuleId; name: string; short: string; full: string; level: 'warning' | 'error' }[] = [
  {
    id: 'drift',
    name: 'QuoteDrift',
    short: 'Quote is worded differently from its source',
    full: 'The closest source passage words this quotation differently. Restore the source wording, mark omissions with an ellipsis and your own words with [brackets].',
    level: 'warning',
  },
  {
    id: 'unsupported',
    name: 'QuoteUnsupported',
    short: 'Quote not found in the sources',
    full: 'No source in the corpus has a passage close to this quotation. Add its source to the corpus or check the wording.',
    level: 'warning',
  },
  {
    id: 'critical-drift',
    name: 'QuoteCriticalDrift',
    short: 'Quote changes a number, negation or name',
    full: 'The quotation differs from its source in a number, a negation or a name, which changes what the speaker said.',
    level: 'error',
  },
  {
    id: 'misattributed',
    name: 'QuoteMisattributed',
    short: 'Quote credited to the wrong person',
    full: 'The sources holding these words credit them to someone other than the speaker the draft names. Correct the speaker or check the source.',
    level: 'error',
  },
];

/** Builds the SARIF log object. */
export function sarifLog(report: CheckReport, locator: SourceLocator, version: string): object {
  const results = report.drafts.flatMap((draft) => draft.quotes.filter((q) => q.fails).map((q) => sarifResult(draft, q, locator)));
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Verbatim',
            version,
            semanticVersion: version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.name,
              shortDescription: { text: rule.short },
              fullDescription: { text: rule.full },
              defaultConfiguration: { level: rule.level },
              help: { text: rule.full },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** Renders the SARIF log as text, ending with a newline. */
export function formatSarif(report: CheckReport, locator: SourceLocator, version: string): string {
  return JSON.stringify(sarifLog(report, locator, version), null, 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function ruleFor(result: QuoteResult): RuleId {
  if (result.status === 'unsupported') return 'unsupported';
  if (result.status === 'misattributed') return 'misattributed';
  return result.flags.length > 0 ? 'critical-drift' : 'drift';
}

function sarifResult(draft: DraftReport, quote: ReportedQuote, locator: SourceLocator): object {
  const { result } = quote;
  const ruleId = ruleFor(result);
  const match = result.match;
  const misattributedTo = result.misattribution && result.sources.find((s) => s.document.path === result.misattribution?.source.path);
  // Drift resting on a primary source points at it first, then at the reports that have the draft's words.
  const driftSources = match && result.status === 'drift' ? [match, ...(result.basis === 'primary' ? rankSources(reportsWithDraftWording(result)).slice(0, 4) : [])] : [];
  const related = misattributedTo ? [relatedSource(locator, misattributedTo, 1)] : driftSources.map((m, i) => relatedSource(locator, m, i + 1));
  // A misattribution is marked on the speaker's name, where the fix goes.
  const marked = result.misattribution?.span ?? result.quote.inner;
  return {
    ruleId,
    ruleIndex: RULES.findIndex((r) => r.id === ruleId),
    // The verdict's severity, the mark the editor's Problems view gives the same quote.
    level: SARIF_LEVEL[quote.verdict.severity ?? 'warning'],
    message: { text: message(draft, result) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(draft.displayPath) },
          region: region(spanRange(draft.lines, marked)),
        },
      },
    ],
    relatedLocations: related,
    // Fingerprinting by wording keeps an alert stable when the quote moves to another line.
    partialFingerprints: { 'verbatimQuote/v1': createHash('sha256').update(`${draft.displayPath}\n${result.quote.text}`).digest('hex').slice(0, 32) },
  };
}

function message(draft: DraftReport, result: QuoteResult): string {
  if (result.status === 'unsupported') {
    return `Quote not found in the sources: "${quoteText(draft.text, result.quote.inner)}"`;
  }
  if (result.misattribution) {
    const source = result.misattribution.source.documentTitle.replace(/[[\]\\]/g, (c) => `\\${c}`);
    return `Misattributed: in [${source}](1) ${misattributionReason(result.misattribution)}: "${quoteText(draft.text, result.quote.inner)}"`;
  }
  // Brackets in a title would otherwise read as part of the embedded link to the source.
  const title = (result.match?.document.title ?? 'its source').replace(/[[\]\\]/g, (c) => `\\${c}`);
  const flags = result.flags.length > 0 ? ` (changes a ${result.flags.join(', ')})` : '';
  if (result.basis === 'primary' && result.match && isPrimary(result.match.document)) {
    const reports = countReportsWithDraftWording(result);
    const noun = primaryNoun(result.match.document);
    const also = reports ? ` ${reports} ${reports === 1 ? 'report has' : 'reports have'} the draft's words.` : '';
    return `Quote drifts from the ${noun} [${title}](1), a primary source${flags}: "${inlineDiff(draft.text, result)}". The ${noun} reads: "${result.match.text.replace(/\s+/g, ' ')}".${also}`;
  }
  // [-draft words-]{+source words+}: the draft's words struck, the source's as their replacement.
  return `Quote drifts from [${title}](1)${flags}: "${inlineDiff(draft.text, result)}". The source reads: "${result.match?.text.replace(/\s+/g, ' ') ?? ''}"`;
}

function relatedSource(locator: SourceLocator, match: SourceMatch, id: number): object {
  const location = locator.locate(match.document, match.span);
  // Lines of a PDF's extracted text are not lines of the file, so such a location names the file only.
  const physicalLocation = match.document.display === 'extracted'
    ? { artifactLocation: { uri: uriOf(location.path) } }
    : { artifactLocation: { uri: uriOf(location.path) }, region: region(location.range) };
  return {
    id,
    physicalLocation,
    message: { text: `${isPrimary(match.document) ? 'Primary source' : sourceKindOf(match.document) === 'report' ? 'Report' : 'Source'}: ${sourceCitation(match)}` },
    properties: { kind: sourceKindOf(match.document) },
  };
}

/** The source's title followed by its citation ("Briefing (Reuters, 27 Jan 2022, p. 4)"). */
function sourceCitation(match: SourceMatch): string {
  const citation = citeSource(match.document, match.span);
  return citation ? `${match.document.title} (${citation})` : match.document.title;
}

function region(range: LineRange): object {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function uriOf(displayPath: string): string {
  if (displayPath.startsWith('/')) return 'file://' + displayPath.split('/').map(encodeURIComponent).join('/');
  return displayPath.split('/').map(encodeURIComponent).join('/');
}
