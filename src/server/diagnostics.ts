// Turns checked quotes into editor diagnostics. A drifted quote gets one diagnostic per run of
// drifted words, covering exactly those words, so the underline shows what to fix; a
// misattributed quote gets one on the speaker's name. Everything a quick fix needs travels in
// `data`, so code actions never re-run the check.

import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Location, type Range } from 'vscode-languageserver';
import { describeMisattribution } from '../core/attribution';
import type { ChangeFlag, DiffEntry, Misattribution, Quote, QuoteResult, QuoteStatus, SourceDocument, SourceMatch, Span } from '../core/types';
import { isPrimary, primaryNoun, primarySays, rankSources, reportsSayNote, reportsWithDraftWording } from '../core/primarySources';
import { driftSeverity, quoteVerdict } from '../core/verdicts';
import { tokenize } from '../core/words';
import type { Sev, VerbatimSettings } from '../shared/settings';
import type { TextPositions } from './positions';
import { matchCitation, passageCitation, speakerDocument } from './sourceCitation';
import { driftRuns, oneLine, rewordQuote, sourceLabel } from './sourceWording';

/** The `source` of every Verbatim diagnostic. */
export const DIAGNOSTIC_SOURCE = 'verbatim';

/** A wording of the quoted passage that a quick fix can restore. */
export interface Rendering {
  /** Title of the (first) source that words it so. */
  title: string;
  /** Short name of that source and how many more word it so ("Reuters + 1"), for fix titles. */
  label: string;
  /** The quote's new inner text. */
  text: string;
}

/** The draft's speaker name that a "change the speaker" fix replaces. */
export interface SpeakerFix {
  /** Where the name (or pronoun) stands in the draft. */
  range: Range;
  /** The name as the draft writes it there, so an edited name gets no stale fix. */
  text: string;
  /** The source's speaker in the draft's form ("Kuleba"). */
  replacement: string;
}

/** What code actions need, carried in `Diagnostic.data`. */
export interface QuoteDiagnosticData {
  status: QuoteStatus;
  /** The quote as the draft words it. */
  quote: string;
  /** The quote's inner words, which a "use the source wording" edit replaces. */
  inner: Range;
  renderings: Rendering[];
  folderUri: string;
  /** Set on misattributed quotes. */
  speaker?: SpeakerFix;
}

/** Everything the conversion needs besides the results. */
export interface DiagnosticContext {
  draftText: string;
  positions: TextPositions;
  settings: VerbatimSettings;
  folderUri: string;
  isAccepted(quote: Quote): boolean;
  locate(match: SourceMatch): Location | null;
  /** The location of any passage of a source (a speaker's passage, which may not be a match). */
  locatePassage?(document: SourceDocument, span: Span): Location | null;
}

const SEVERITY: Record<Sev, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const FLAG_LABEL: Record<ChangeFlag, string> = {
  number: 'Changed number',
  negation: 'Changed negation',
  name: 'Changed name',
};

/** The diagnostics for every checked quote of one draft. */
export function quoteDiagnostics(results: QuoteResult[], context: DiagnosticContext): Diagnostic[] {
  return results.flatMap((result) => diagnosticsFor(result, context));
}

/**
 * The diagnostics for one checked quote, marked as its verdict says (src/core/verdicts.ts):
 * none for verbatim, accepted or short quotes not found; the verdict's severity otherwise.
 */
export function diagnosticsFor(result: QuoteResult, context: DiagnosticContext): Diagnostic[] {
  const policy = context.settings.severity;
  const verdict = quoteVerdict(result, result.status !== 'verbatim' && context.isAccepted(result.quote), policy);
  if (verdict.kind === 'misattributed' && result.misattribution) return misattributedDiagnostics(result, result.misattribution, verdict.severity ?? policy.misattributed, context);
  if (verdict.kind === 'short' || verdict.accepted) return [];
  if (verdict.kind === 'verbatim') return verbatimHint(result, context);
  return wordingDiagnostics(result, context, verdict.severity ?? policy.unsupported);
}

/**
 * A misattribution is marked on the speaker's name; when the words drifted as well, the
 * drifted words get their own diagnostics beside it. Accepting a rendering accepts the
 * wording only, never whose words they are.
 */
function misattributedDiagnostics(result: QuoteResult, misattribution: Misattribution, severity: Sev, context: DiagnosticContext): Diagnostic[] {
  const data = diagnosticData(result, context);
  // A name the engine could not place in the draft leaves the quote itself as the place to mark.
  const range = data.speaker?.range ?? data.inner;
  const message = `Misattributed: ${describeMisattribution(misattribution)}`;
  const list = [diagnostic(range, SEVERITY[severity], 'misattributed', message, data, speakerRelated(result, context))];
  if (misattribution.wording === 'drift' && result.match && !context.isAccepted(result.quote)) {
    list.push(...wordingDiagnostics({ ...result, status: 'drift' }, context, severity).map((d) => ({ ...d, data })));
  }
  return list;
}

/** The hint on a verbatim quote, when the writer asked to see them. */
function verbatimHint(result: QuoteResult, context: DiagnosticContext): Diagnostic[] {
  if (!context.settings.showVerbatim || !result.match) return [];
  const data = diagnosticData(result, context);
  const more = result.sources.length > 1 ? ` and ${result.sources.length - 1} more` : '';
  return [diagnostic(data.inner, DiagnosticSeverity.Hint, 'verbatim', `Verbatim: found in ${result.match.document.title}${more}`, data, related(result.sources, context))];
}

/**
 * The diagnostics about a quote's words: unsupported (with the verdict's severity), or one per
 * run of drifted words, each marked critical when it changes a number, negation or name.
 */
function wordingDiagnostics(result: QuoteResult, context: DiagnosticContext, severity: Sev): Diagnostic[] {
  const { quote } = result;
  const policy = context.settings.severity;
  const data = diagnosticData(result, context);
  const inner = data.inner;
  if (result.status === 'unsupported' || !result.match) {
    const closest = result.match ? related([result.match], context, 'Closest passage') : undefined;
    return [diagnostic(inner, SEVERITY[severity], 'unsupported', 'Unsupported: not found in the corpus', data, closest)];
  }
  const match = result.match;
  const runs = driftRuns(match.diff);
  // Resting on a primary source, the reports that have the draft's words are pointed at too, after it.
  const info = related(result.basis === 'primary' ? [...result.sources, ...rankSources(reportsWithDraftWording(result))] : result.sources, context);
  if (!runs.length) {
    // A drift verdict without word changes (it should not happen) still deserves a pointer.
    return [diagnostic(inner, SEVERITY[policy.drift], 'drift', 'Drift: the source words this differently', data, info)];
  }
  return runs.map((run) => {
    const flag = mainFlag(run);
    const message = `${flag ? FLAG_LABEL[flag] : 'Drift'}: ${describeRun(run, result, match, context.draftText)}`;
    return diagnostic(context.positions.range(runSpan(run, quote, context.draftText)), SEVERITY[driftSeverity(flag ? [flag] : [], policy)], flag ?? 'drift', message, data, info);
  });
}

/** The span a run of drifted entries underlines: its draft words, or the word beside a gap. */
export function runSpan(run: DiffEntry[], quote: Quote, draftText: string): Span {
  const spans = run.map((e) => e.draftSpan).filter((s) => s.end > s.start);
  if (spans.length) return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
  const at = run[0].draftSpan.start;
  const words = tokenize(draftText, quote.inner.start, quote.inner.end);
  const before = words.filter((w) => w.end <= at).pop();
  const after = words.find((w) => w.start >= at);
  const word = before ?? after;
  if (word) return { start: word.start, end: word.end };
  // A quote without words has nothing better to point at than itself.
  return quote.inner.end > quote.inner.start ? quote.inner : quote.outer;
}

/**
 * What a run of drifted words says, for its diagnostic. Resting on a primary source, the message
 * names it and the reports that have the draft's words: `the transcript says "ground", not
 * "room"; 2 reports say "room"`; resting on reports, it counts the sources that agree.
 */
function describeRun(run: DiffEntry[], result: QuoteResult, match: SourceMatch, draftText: string): string {
  const draftSpans = run.map((e) => e.draftSpan).filter((s) => s.end > s.start);
  const sourceSpans = run.filter((e) => e.op !== 'added').map((e) => e.sourceSpan).filter((s) => s.end > s.start);
  const draft = draftSpans.length ? excerpt(draftText.slice(Math.min(...draftSpans.map((s) => s.start)), Math.max(...draftSpans.map((s) => s.end)))) : '';
  const source = sourceSpans.length ? excerpt(match.document.text.slice(Math.min(...sourceSpans.map((s) => s.start)), Math.max(...sourceSpans.map((s) => s.end)))) : '';
  if (result.basis === 'primary' && isPrimary(match.document)) {
    const says = primarySays(match.document);
    const reports = reportsSayNote(result, draft);
    if (!source) return `"${draft}" is not in the ${primaryNoun(match.document)}${reports}`;
    if (!draft) return `${says} "${source}" here`;
    return `${says} "${source}", not "${draft}"${reports}`;
  }
  const count = countSuffix(result);
  if (!source) return `"${draft}" is not in the source${count}`;
  if (!draft) return `sources have "${source}" here${count}`;
  return `sources say "${source}", not "${draft}"${count}`;
}

function countSuffix(result: QuoteResult): string {
  const agreeing = result.sources.length;
  const total = agreeing + result.variants.reduce((sum, variant) => sum + variant.matches.length, 0);
  return total > 1 ? ` (${agreeing} of ${total} sources)` : '';
}

function mainFlag(run: DiffEntry[]): ChangeFlag | null {
  const flags = new Set(run.flatMap((e) => e.flags));
  for (const flag of ['number', 'negation', 'name'] as const) if (flags.has(flag)) return flag;
  return null;
}

/** The quote-level data every diagnostic of a quote carries. */
export function diagnosticData(result: QuoteResult, context: DiagnosticContext): QuoteDiagnosticData {
  const { quote } = result;
  const data: QuoteDiagnosticData = {
    status: result.status,
    quote: quote.text,
    inner: context.positions.range(quote.inner),
    renderings: renderings(result, context.draftText),
    folderUri: context.folderUri,
  };
  const misattribution = result.status === 'misattributed' ? result.misattribution : undefined;
  if (misattribution && misattribution.span.end > misattribution.span.start && misattribution.span.end <= context.draftText.length) {
    data.speaker = {
      range: context.positions.range(misattribution.span),
      text: context.draftText.slice(misattribution.span.start, misattribution.span.end),
      replacement: misattribution.replacement,
    };
  }
  return data;
}

/** One rewording per distinct source wording of the passage (the best match first). */
export function renderings(result: QuoteResult, draftText: string): Rendering[] {
  const drifted = result.status === 'drift' || (result.status === 'misattributed' && result.misattribution?.wording === 'drift');
  if (!drifted || !result.match) return [];
  // Each wording with every source that has it: the best match's, then the other wordings'.
  const groups = [result.sources.length ? result.sources : [result.match], ...result.variants.map((v) => v.matches).filter((m) => m.length > 0)];
  const current = draftText.slice(result.quote.inner.start, result.quote.inner.end);
  const byText = new Map<string, SourceMatch[]>();
  for (const group of groups) {
    const text = rewordQuote(draftText, result.quote.inner, group[0].diff);
    if (text === current) continue;
    byText.set(text, [...(byText.get(text) ?? []), ...group]);
  }
  // The primary source's wording comes first (it heads `sources`) and its fix says whose it is.
  return [...byText].map(([text, matches]) => ({ title: matches[0].document.title, label: `${sourceLabel(matches)}${isPrimary(matches[0].document) ? ', primary source' : ''}`, text }));
}

function related(matches: SourceMatch[], context: DiagnosticContext, label?: string): DiagnosticRelatedInformation[] | undefined {
  const info: DiagnosticRelatedInformation[] = [];
  for (const match of matches.slice(0, 5)) {
    const location = context.locate(match);
    if (!location) continue;
    const marked = isPrimary(match.document) ? `${match.document.title} (primary source)` : match.document.title;
    const title = label ? `${label} (${marked})` : marked;
    info.push({ location, message: `${title}${citationNote(matchCitation(match))}: "${excerpt(match.text)}"` });
  }
  return info.length ? info : undefined;
}

/** Related information at each source passage that names the speaker: "Title (Reuters, p. 2): said by Kuleba". */
function speakerRelated(result: QuoteResult, context: DiagnosticContext): DiagnosticRelatedInformation[] | undefined {
  const info: DiagnosticRelatedInformation[] = [];
  for (const speaker of (result.sourceSpeakers ?? []).slice(0, 5)) {
    const document = speakerDocument(result, speaker);
    if (!document) continue;
    const location = context.locatePassage?.(document, speaker.span) ?? null;
    if (!location) continue;
    const citation = citationNote(passageCitation(document, speaker.span));
    const words = excerpt(document.text.slice(speaker.span.start, speaker.span.end));
    info.push({ location, message: `${speaker.documentTitle}${citation}: said by ${speaker.name}: "${words}"` });
  }
  return info.length ? info : related(result.sources, context);
}

function citationNote(citation: string): string {
  return citation ? ` (${citation})` : '';
}

function diagnostic(range: Range, severity: DiagnosticSeverity, code: string, message: string, data: QuoteDiagnosticData, relatedInformation?: DiagnosticRelatedInformation[]): Diagnostic {
  const result: Diagnostic = { range, severity, source: DIAGNOSTIC_SOURCE, code, message, data };
  if (relatedInformation) result.relatedInformation = relatedInformation;
  return result;
}

/** Shortens text for a one-line message. */
export function excerpt(text: string, max = 120): string {
  const line = oneLine(text);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
