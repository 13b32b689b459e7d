// Child task measuring the engine in-process on one corpus size: loading and indexing the
// corpus, checking the whole draft (first run, with fresh plans, and with remembered plans),
// re-checking after one-word edits, memory, and the sections' scores on the draft.

import * as fs from 'fs';
import { Checker, CorpusIndex } from '../src/core/checker';
import { loadCorpus } from '../src/core/corpus/loadCorpus';
import { extractQuotes } from '../src/core/extract/extractQuotes';
import { proseEdits, quoteEdits } from './draftEdits';
import { DraftSession } from '../src/core/draftSession';
import { emitResult, median, peakRssBytes, percentile, timed, timedAsync } from './harness';
import { naiveQuotes } from './measureNaive';
import { SECTIONS, type SectionFigures, type SectionInput } from './sections';
import type { DraftTruth } from './truth';

/** Edits timed per kind for the single-edit re-check. */
export const EDIT_COUNT = 50;
/** Untimed edits of each kind between the first timed edits and the later ones. */
const WARM_UP_EDITS = 40;

/** Re-check times of one kind of edit. */
interface EditTimes {
  p50: number;
  p95: number;
  count: number;
}
/** Quotes the naive peer is compared on; the engine times the same ones. */
export const NAIVE_QUOTES = 5;

/** What the engine child reports for one size. */
export interface EngineFigures {
  documents: number;
  warnings: number;
  /** UTF-16 length of all matchable document text, as a byte-size proxy for memory ratios. */
  textChars: number;
  /** Sum of the source files' sizes in bytes. */
  fileBytes: number;
  loadMs: number;
  buildMs: number;
  quotes: number;
  firstCheckMs: number;
  freshCheckMs: number;
  steadyCheckMs: number;
  /** Edits after a writer has been typing a while (the re-check's code compiled). */
  quoteEdit: EditTimes;
  proseEdit: EditTimes;
  /** The first edits of a session, in a new process. */
  quoteEditFirst: EditTimes;
  proseEditFirst: EditTimes;
  /** Per quote of the naive comparison: the engine's time with a fresh checker. */
  perQuote: { id: number; ms: number }[];
  /** Resident memory before the corpus was read: Node itself and the loaded code. */
  rssAtStart: number;
  rssAfterBuild: number;
  peakRss: number;
  sections: Record<string, SectionFigures>;
}

/** Child task: runs every in-process engine measurement and prints the figures. */
export async function runEngine(corpusDir: string, draftFile: string, truthFile: string, seed: number, shortDraftFile?: string, shortTruthFile?: string): Promise<void> {
  const rssAtStart = process.memoryUsage().rss;
  const draft = fs.readFileSync(draftFile, 'utf8');
  const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8')) as DraftTruth;

  const load = await timedAsync(() => loadCorpus([corpusDir]));
  const corpus = load.value;
  const build = timed(() => CorpusIndex.build(corpus));
  const index = build.value;
  const rssAfterBuild = process.memoryUsage().rss;

  // The very first check pays for compiling the matcher as well as planning every quote.
  const checker = new Checker(index);
  const first = timed(() => checker.checkText(draft, 'markdown'));
  // A new checker plans every quote again, now with warmed-up code: the cost of a new draft.
  const fresh = median(Array.from({ length: 5 }, () => timed(() => new Checker(index).checkText(draft, 'markdown')).ms));
  // The same checker again: every plan is remembered, as while a writer types elsewhere.
  const steady = median(Array.from({ length: 10 }, () => timed(() => checker.checkText(draft, 'markdown')).ms));

  // The editor's path: a draft session keeps the previous results and re-matches only the
  // quotes an edit touched. Each edit starts from the unedited draft, which is not timed.
  const session = new DraftSession(checker);
  session.update(draft, 'markdown');
  // Each edit starts from the unedited draft (untimed); an edit seen before is never timed again,
  // since its quote's plan would then be remembered.
  const seen = new Set<string>();
  const editTimes = (texts: string[]): EditTimes => {
    const times = texts.filter((text) => !seen.has(text)).slice(0, EDIT_COUNT).map((text) => {
      seen.add(text);
      session.update(draft, 'markdown');
      return timed(() => session.update(text, 'markdown')).ms;
    });
    return { p50: percentile(times, 50), p95: percentile(times, 95), count: times.length };
  };
  const texts = (edits: { text: string }[]) => edits.map((e) => e.text);
  // The first edits of a session pay for compiling the re-check's code as they go.
  const quoteEditFirst = editTimes(texts(quoteEdits(draft, truth, EDIT_COUNT, seed)));
  const proseEditFirst = editTimes(texts(proseEdits(draft, truth, EDIT_COUNT, seed)));
  // A writer who has been typing a while: more edits of other words run untimed first.
  editTimes(texts(quoteEdits(draft, truth, WARM_UP_EDITS, seed + 1)));
  editTimes(texts(proseEdits(draft, truth, WARM_UP_EDITS, seed + 1)));
  // Drawn twice as many, so that 50 remain once the edits timed or made before are left out.
  const quoteEdit = editTimes(texts(quoteEdits(draft, truth, 2 * EDIT_COUNT, seed + 2)));
  const proseEdit = editTimes(texts(proseEdits(draft, truth, 2 * EDIT_COUNT, seed + 2)));

  const quotes = extractQuotes(draft, 'markdown');
  const perQuote = naiveQuotes(truth, NAIVE_QUOTES).map((q) => {
    const quote = quotes.find((x) => x.inner.start === q.innerStart);
    return { id: q.id, ms: quote ? timed(() => new Checker(index).checkQuote(draft, quote)).ms : NaN };
  });

  // The short-drift variant of the draft is only scored, never timed.
  let shortDrift: SectionInput['shortDrift'];
  if (shortDraftFile && shortTruthFile) {
    const shortDraft = fs.readFileSync(shortDraftFile, 'utf8');
    shortDrift = { draft: shortDraft, truth: JSON.parse(fs.readFileSync(shortTruthFile, 'utf8')) as DraftTruth, results: new Checker(index).checkText(shortDraft, 'markdown') };
  }
  const sections: Record<string, SectionFigures> = {};
  for (const section of SECTIONS) {
    try {
      sections[section.name] = await section.measure({ draft, truth, corpusDir, results: first.value, shortDrift });
    } catch (error) {
      // One section's defect must not cost the run its other figures.
      sections[section.name] = { error: error instanceof Error ? error.message : String(error) };
    }
  }

  const figures: EngineFigures = {
    documents: corpus.documents.length,
    warnings: corpus.warnings.length,
    textChars: corpus.documents.reduce((sum, d) => sum + d.text.length, 0),
    fileBytes: corpus.documents.reduce((sum, d) => sum + d.size, 0),
    loadMs: load.ms,
    buildMs: build.ms,
    quotes: first.value.length,
    firstCheckMs: first.ms,
    freshCheckMs: fresh,
    steadyCheckMs: steady,
    quoteEdit,
    proseEdit,
    quoteEditFirst,
    proseEditFirst,
    perQuote,
    rssAtStart,
    rssAfterBuild,
    peakRss: peakRssBytes(),
    sections,
  };
  emitResult(figures);
}
