// PLACEHOLDER API, being implemented now: signatures are final.
import type { Corpus, CheckOptions, Quote, QuoteResult, SourceDocument, Span, TextFormat } from './types';

/** A passage found by a free-text corpus search. */
export interface SearchHit {
  document: SourceDocument;
  span: Span;
  text: string;
  score: number;
}

/** The word index of a corpus. Build once per corpus; cheap to query. */
export class CorpusIndex {
  readonly corpus: Corpus;
  private constructor(corpus: Corpus) { this.corpus = corpus; }
  /** Indexes every document of `corpus`. */
  static build(corpus: Corpus): CorpusIndex { return new CorpusIndex(corpus); }
  /** Passages that best match free text typed by the user, best first. */
  search(_query: string, _limit = 20): SearchHit[] { throw new Error('not implemented'); }
}

/** Checks quotes against one index; results are memoised per quote wording, so re-checking an edited draft only re-matches the quotes that changed. */
export class Checker {
  constructor(readonly index: CorpusIndex, readonly options: CheckOptions) {}
  /** Checks one quote of `draftText`. */
  checkQuote(_draftText: string, _quote: Quote): QuoteResult { throw new Error('not implemented'); }
  /** Extracts and checks every quote of a draft. */
  checkText(_text: string, _format: TextFormat): QuoteResult[] { throw new Error('not implemented'); }
}
