// The engine's front door: checks a draft's quotes against one corpus index. Plans are memoised
// by the quote's compared words, so re-checking a draft after an edit re-matches only the quotes
// whose words changed; the rest are re-anchored to their new offsets.

import { AliasTable, attributeQuoteSteps, creditSources, findMisattribution, sameSpeaker, SourceSpeakers } from './attribution';
import { draftProseOf, type DraftProse } from './extract/markdownProse';
import { IgnoreList } from './ignoreList';
import { runToEnd } from './slicedRun';
import { DRAFT_QUOTES } from './extract/quoteMemo';
import { CorpusIndex } from './match/corpusIndex';
import { diffEntries } from './match/diffEntries';
import { passageText } from './match/passageText';
import { planQuote, type Candidate, type MatchPlan } from './match/matchQuote';
import { queryElements, queryKey, type QueryElement } from './match/queryWords';
import { tokenize } from './words';
import { DEFAULT_CHECK_OPTIONS, type ChangeFlag, type CheckOptions, type Quote, type QuoteResult, type SourceMatch, type TextFormat } from './types';

export { CorpusIndex } from './match/corpusIndex';
export { searchCorpus, type SearchHit } from './match/searchCorpus';

/** How many distinct quote wordings a checker remembers before it starts afresh. */
const PLAN_CACHE_LIMIT = 5000;

/**
 * Finds a draft's quotations with their speakers, read with an alias table, less those on the
 * ignore list. It needs no corpus, so a caller can read the draft while the corpus opens.
 */
export class QuoteFinder {
  readonly aliases: AliasTable;
  private readonly ignored: IgnoreList;

  constructor(options: Pick<CheckOptions, 'aliases' | 'ignore'>) {
    this.aliases = new AliasTable(options.aliases);
    this.ignored = new IgnoreList(options.ignore);
  }

  /**
   * The quotations of a draft (ignored ones are taken out after the speakers are read, so that
   * a speaker named beside an ignored quotation still carries over to the next one); `prose`
   * when the caller has read it already.
   */
  quotesOf(text: string, format: TextFormat, prose: DraftProse = draftProseOf(text, format)): Quote[] {
    return runToEnd(this.quoteSteps(text, prose));
  }

  /** `quotesOf` in steps, for a caller that spreads a long draft over several turns of the event loop. */
  *quoteSteps(text: string, prose: DraftProse): Generator<void, Quote[]> {
    const quotes = yield* attributeQuoteSteps(text, prose, this.aliases, DRAFT_QUOTES);
    return this.ignored.size ? quotes.filter((quote) => !this.ignored.matches(quote.text)) : quotes;
  }
}

/** Checks quotes against one index; results are memoised per quote wording. */
export class Checker {
  readonly options: CheckOptions;
  private readonly plans = new Map<string, MatchPlan>();
  private readonly acceptedKeys: Set<string>;
  readonly quotes: QuoteFinder;
  private readonly aliases: AliasTable;
  /** Who each matched source credits with its quotations, read once per document when first matched. */
  private readonly sourceSpeakers: SourceSpeakers;

  constructor(readonly index: CorpusIndex, options: Partial<CheckOptions> = {}, accepted: string[] = []) {
    this.options = { ...DEFAULT_CHECK_OPTIONS, ...options };
    this.acceptedKeys = new Set(accepted.map(wordingKey));
    this.quotes = new QuoteFinder(this.options);
    this.aliases = this.quotes.aliases;
    this.sourceSpeakers = new SourceSpeakers(this.aliases);
  }

  /** Checks one quote of `draftText`. */
  checkQuote(draftText: string, quote: Quote): QuoteResult {
    const elements = queryElements(draftText, quote);
    const key = queryKey(elements);
    let plan = this.plans.get(key);
    if (!plan) {
      if (this.plans.size >= PLAN_CACHE_LIMIT) this.plans.clear();
      plan = planQuote(this.index, elements, this.options);
      this.plans.set(key, plan);
    }
    return this.materialize(draftText, quote, elements, plan);
  }

  /** Extracts and checks every quote of a draft, with speakers followed through pronouns and split quotes. */
  checkText(text: string, format: TextFormat): QuoteResult[] {
    return this.quotesOf(text, format).map((quote) => this.checkQuote(text, quote));
  }

  /** The quotations of a draft with their speakers (see QuoteFinder). */
  quotesOf(text: string, format: TextFormat, prose?: DraftProse): Quote[] {
    return this.quotes.quotesOf(text, format, prose);
  }

  /** `quotesOf` in steps, for a caller that spreads a long draft over several turns of the event loop. */
  quoteSteps(text: string, prose: DraftProse): Generator<void, Quote[]> {
    return this.quotes.quoteSteps(text, prose);
  }

  /** True when the team accepted this quote's wording (in verbatim.json), so it is not flagged. */
  isAccepted(quote: Quote): boolean {
    // Asked for every quote of every check: with nothing accepted, no wording need be read.
    return this.acceptedKeys.size > 0 && this.acceptedKeys.has(wordingKey(quote.text));
  }

  /**
   * True when the close primary passage that `spoken` rests on is the same statement as the
   * quote by who says it: the primary source's own speaker (its turn label or byline, a person)
   * is the person the draft credits, or one that a source with the quote's words credits, each
   * read with confidence. Words alone are too few to tell in a quote this short.
   */
  private spokenByCreditedSpeaker(quote: Quote, plan: MatchPlan, spoken: MatchPlan, toMatch: (c: Candidate) => SourceMatch): boolean {
    const primary = toMatch(spoken.sources[0]);
    const own = this.sourceSpeakers.speakerOf(primary.document, primary.span);
    if (!own?.own || own.kind !== 'person') return false;
    const credited: string[] = [];
    if (quote.speaker?.kind === 'person' && quote.speaker.confident) credited.push(quote.speaker.name);
    for (const match of plan.sources.map(toMatch)) {
      const speaker = this.sourceSpeakers.speakerOf(match.document, match.span);
      if (speaker?.kind === 'person' && speaker.confident) credited.push(speaker.fullName);
    }
    return credited.some((name) => sameSpeaker(own.fullName, name, this.aliases) || sameSpeaker(own.name, name, this.aliases));
  }

  private materialize(draftText: string, quote: Quote, elements: QueryElement[], wordsPlan: MatchPlan): QuoteResult {
    const toMatch = (c: Candidate): SourceMatch => {
      const doc = this.index.document(c.doc);
      const start = this.index.tokenStart(c.alignment.start);
      const end = this.index.tokenEnd(c.alignment.end - 1);
      return {
        document: doc,
        span: { start, end },
        text: passageText(doc, start, end),
        score: c.score,
        diff: diffEntries(c.alignment, elements, draftText, this.index, doc),
      };
    };
    const plan = wordsPlan.spoken && this.spokenByCreditedSpeaker(quote, wordsPlan, wordsPlan.spoken, toMatch) ? wordsPlan.spoken : wordsPlan;
    const sources = plan.sources.map(toMatch);
    const match = sources[0] ?? null;
    const flags = new Set<ChangeFlag>();
    if (match && plan.status === 'drift') for (const entry of match.diff) for (const flag of entry.flags) flags.add(flag);
    // Short quotes are looked up for exact presence only; their speakers are not compared.
    const sourceSpeakers = creditSources(sources, this.sourceSpeakers);
    const misattribution = plan.short ? null : findMisattribution(quote, plan.status, sourceSpeakers, this.aliases, this.options.preferPrimarySources !== false);
    return {
      quote,
      status: misattribution ? 'misattributed' : plan.status,
      short: plan.short,
      match,
      sources,
      variants: plan.variants.map((group) => {
        const matches = group.map(toMatch);
        // Other wordings do not decide a misattribution, but their speakers are shown beside them.
        creditSources(matches, this.sourceSpeakers);
        return { text: matches[0].text, matches };
      }),
      flags: [...flags],
      sourceSpeakers,
      ...(misattribution ? { misattribution } : {}),
      ...(plan.basis ? { basis: plan.basis } : {}),
    };
  }
}

/** The compared form of a free text: its normalised words joined by spaces. */
export function wordingKey(text: string): string {
  return tokenize(text).map((w) => w.norm).join(' ');
}
