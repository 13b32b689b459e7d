// The engine's data model. Every offset is a UTF-16 index into the original text that was
// handed in (a draft or a source file), so that callers can map results back to the exact
// characters the writer sees; nothing here knows about lines, editors or LSP.

/** A half-open span [start, end) of UTF-16 offsets into some original text. */
export interface Span {
  start: number;
  end: number;
}

/** Which writer's convention a stretch of quote words belongs to. */
export type QuotePartKind = 'words' | 'ellipsis' | 'insertion';

/** One stretch of a quotation: plain quoted words, an omission (`…`), or the writer's `[own words]`. */
export interface QuotePart extends Span {
  kind: QuotePartKind;
}

/** A quotation found in a draft. */
export interface Quote {
  /** The span of the quoted words, without the quotation marks. */
  inner: Span;
  /** The span including the opening and (when present) the closing mark. */
  outer: Span;
  /** The quoted text as written, marks excluded; `> ` prefixes and line breaks collapsed to spaces. */
  text: string;
  /** The quote split into words, omissions and insertions, in order. */
  parts: QuotePart[];
  /** False when the quote was never closed and ended at its paragraph's end. */
  closed: boolean;
  /** The speaker named next to the quote in the draft, if any. */
  speaker: Speaker | null;
}

/**
 * What a speaker is. `person`: a named person ("Dmitry Peskov", "Peskov"). `body`: a government,
 * ministry, company, party or court, or a capital or country standing for its government ("the
 * Kremlin", "Moscow", "the State Department", "NATO"). `role`: a transcript label for a role
 * rather than a person ("QUESTION", "Q", "MODERATOR"). `unknown`: an unnamed person or a
 * description no name was found for ("a spokeswoman", "the letter", "officials").
 * Only person against person can be a misattribution.
 */
export type SpeakerKind = 'person' | 'body' | 'role' | 'unknown';

/** Who a text credits with a quote (a person, or a body or description), and where the name stands. */
export interface Speaker {
  name: string;
  span: Span;
  /** What the speaker is; views show it beside the name ("Said by: … (person)"). */
  kind: SpeakerKind;
  /**
   * True when the name was read from the quote's own attribution (a cue and its subject in the
   * quote's sentence, a colon introduction or a dash byline) or from a pronoun or description
   * whose person is the subject of an earlier sentence of the same paragraph. False when it
   * was guessed further away (an earlier paragraph, a bare capitalised word). Only confident
   * person speakers can make a misattribution.
   */
  confident: boolean;
  /** The title or description written with the name ("Kremlin spokesman", "the chief executive"), when there is one. */
  description?: string;
  /**
   * How the quote was tied to the name: written next to it (absent), read from the quote's
   * sentence ('sentence'), through a pronoun or description that refers back to the name
   * ('pronoun', 'description'), or shared with the first half of a split quote ('continuation').
   */
  via?: SpeakerLink;
  /** The pronoun or description next to the quote ("he", "the top Kremlin diplomat"), when the name stands elsewhere. */
  mention?: Span;
}

/** How a quote was tied to its speaker's name when the name does not stand next to it. */
export type SpeakerLink = 'sentence' | 'pronoun' | 'description' | 'continuation';

/** The kind of draft or source text, which decides how it is parsed. */
export type TextFormat = 'markdown' | 'plaintext';

/** A source file loaded into the corpus. */
export interface SourceDocument {
  /** Stable id inside one corpus (index into `Corpus.documents`). */
  id: number;
  /** Absolute path of the file. */
  path: string;
  title: string;
  /** Front-matter or page metadata, when the file had it. */
  meta: SourceMeta;
  /** The text that is matched against. Offsets in results point into this text. */
  text: string;
  /**
   * Maps an offset in `text` back to an offset in the file's own characters. Identity for
   * `.txt` and `.md`; for formats whose text is extracted (HTML) it follows the extraction.
   */
  fileOffset(textOffset: number): number;
  /** Spans of `text` that are matchable prose (front matter, code and markup are outside). */
  blocks: Span[];
  /** File size and modification time in ms, for cache invalidation. */
  size: number;
  mtimeMs: number;
  /**
   * 'file' when `fileOffset` positions can be shown in the file itself (text, Markdown, HTML);
   * 'extracted' when the file is not text (PDF, Word) and an editor must show `text` instead.
   * Absent means 'file'.
   */
  display?: 'file' | 'extracted';
  /** Where an offset of `text` stands in the original: page, cue time, speaker turn. */
  locate?(textOffset: number): SourceLocation;
  /** The data behind `fileOffset` and `locate`, so that the document can be cached and restored. */
  mapping?: DocumentMapping;
  /**
   * For a window of a shared-archive document (whose file is not on this disk): the URI of the
   * virtual document an editor shows for the whole document, and where `text` starts in it
   * (0-based line and UTF-16 character).
   */
  shownIn?: { uri: string; line: number; character: number };
}

/** Offset runs [textStart, textLength, fileStart, fileLength, …] and location marks of a document. */
export interface DocumentMapping {
  runs?: number[];
  marks?: [number, SourceLocation][];
}

/** A position inside a source beyond its characters, for citing it ("p. 4", "at 00:12:31"). */
export interface SourceLocation {
  page?: number;
  /** A cue or turn time as written in the source, e.g. "00:12:31". */
  timestamp?: string;
  /** The speaker of the transcript turn holding the offset. */
  speaker?: string;
}

/** The metadata fields a source may declare (front matter, page metadata, folder defaults). */
export const SOURCE_META_FIELDS = ['source', 'date', 'url', 'author', 'lang', 'kind'] as const;

/**
 * What a source is to a fact-checker. `primary`: what was actually said or published by the
 * speaker (a transcript, subtitles, a statement, a speech text, a post, a court record).
 * `report`: a story that retells and quotes others. `unknown`: neither could be told.
 */
export type SourceKind = 'primary' | 'report' | 'unknown';

export const SOURCE_KINDS: readonly SourceKind[] = ['primary', 'report', 'unknown'];

export interface SourceMeta {
  /** The outlet or site that published the source. */
  source?: string;
  date?: string;
  url?: string;
  author?: string;
  /** The language the source is written in, as declared (`lang: de`, `<html lang="de">`). */
  lang?: string;
  /**
   * What the source is (see `SourceKind`), resolved when the source is loaded from front matter,
   * the folder defaults, the format, then the page metadata (src/core/corpus/sourceKind.ts).
   * Absent means unknown.
   */
  kind?: SourceKind;
}

/** A problem met while loading the corpus; the file named was skipped or partly read. */
export interface CorpusWarning {
  path: string;
  message: string;
  /** True when the corpus stopped at its size or file-count limit: the user must hear of it. */
  limit?: boolean;
}

export interface Corpus {
  documents: SourceDocument[];
  warnings: CorpusWarning[];
}

/** `misattributed`: the words match a source, but the sources credit them to someone else. */
export type QuoteStatus = 'verbatim' | 'drift' | 'unsupported' | 'misattributed';

/** What kind of change a diff entry is. `changed` replaces draft words with source words. */
export type DiffOp = 'same' | 'changed' | 'added' | 'dropped';

/** Why a change matters more than a reworded synonym. */
export type ChangeFlag = 'number' | 'negation' | 'name';

/**
 * One step of the word diff between a quote and its source passage. `added` words are in the
 * draft only, `dropped` words are in the source only.
 */
export interface DiffEntry {
  op: DiffOp;
  /** The draft's words for this step, as written ('' when dropped). */
  draft: string;
  /** The source's words for this step, as written ('' when added). */
  source: string;
  /** Span of the draft words in the draft (empty at the insertion point when dropped). */
  draftSpan: Span;
  /** Span of the source words in the source document's text. */
  sourceSpan: Span;
  flags: ChangeFlag[];
}

/** Where a quote was found in one source. */
export interface SourceMatch {
  document: SourceDocument;
  /** The aligned passage in `document.text`. */
  span: Span;
  /** The passage as it stands in the source. */
  text: string;
  /** Similarity of quote and passage, 0..1 (1 for verbatim). */
  score: number;
  diff: DiffEntry[];
  /** Who the source credits with the passage (the speaker of the source quotation holding it), or null. Set by `Checker`. */
  speaker?: string | null;
}

/** The speaker one source gives for a matched passage. */
export interface SourceSpeaker {
  /** The name as the source writes it at the attribution, titles dropped ("Kuleba"). */
  name: string;
  /** The fullest form of that name found in the same source ("Dmytro Kuleba"). */
  fullName: string;
  documentTitle: string;
  /** Absolute path of the source file. */
  path: string;
  /** The passage in `document.text` that the speaker is credited with. */
  span: Span;
  /** What the source's speaker is (a body such as "the White House", a role label, a person). */
  kind: SpeakerKind;
  /** True when the source names the speaker in the passage's own attribution (see `Speaker.confident`). */
  confident: boolean;
  /** The title or description the source gives the speaker ("Kremlin spokesman"), when there is one. */
  description?: string;
  /** True when a primary source names the speaker itself (its turn label or byline); see `PassageSpeaker.own`. */
  own?: boolean;
}

/** Why a quote is misattributed, with what an editor needs to show and fix it. */
export interface Misattribution {
  /** The speaker the draft gives, as written (after following a pronoun to its name). */
  draftSpeaker: string;
  /** The speaker of the first source that credits someone else. */
  source: SourceSpeaker;
  /** The source's speaker written the draft's way: the surname alone when the draft used a surname. */
  replacement: string;
  /** Where the diagnostic and the fix go in the draft: the name, or the pronoun or description next to the quote. */
  span: Span;
  /** How the words compare with the source ('drift' keeps its diff in `match.diff`). */
  wording: 'verbatim' | 'drift';
}

/** Another wording of the same passage found in the corpus, and the sources that have it. */
export interface Variant {
  text: string;
  matches: SourceMatch[];
}

export interface QuoteResult {
  quote: Quote;
  status: QuoteStatus;
  /** True when the quote has fewer words than the minimum and was checked for exact presence only. */
  short: boolean;
  /** The best match, or null when the quote is unsupported and nothing came close. */
  match: SourceMatch | null;
  /** Every source whose passage has the same wording as `match` (including `match`). */
  sources: SourceMatch[];
  /** Other wordings of the passage found across sources, most frequent first. */
  variants: Variant[];
  /** The union of the flags in `match.diff`, for ranking severity. */
  flags: ChangeFlag[];
  /** The speakers the sources in `sources` give for the passage, one per source that names one. Set by `Checker`. */
  sourceSpeakers?: SourceSpeaker[];
  /** Set when the status is `misattributed`. */
  misattribution?: Misattribution;
  /**
   * What the verdict rests on: `primary` when a primary source covers the passage (and then
   * `match` is that source's), `reports` when no primary source does. Absent when unsupported
   * or when primary sources are not preferred.
   */
  basis?: VerdictBasis;
}

/** What a quote's verdict rests on: a primary source that covers its passage, or the reports (see match/primaryRule.ts). */
export type VerdictBasis = 'primary' | 'reports';

export interface CheckOptions {
  /** Quotes with fewer words are only checked for exact presence. Default 3. */
  minWords: number;
  /** Similarity (0..1) at or above which a non-verbatim passage counts as drift. Default 0.6. */
  driftThreshold: number;
  /** Other names for speakers, applied to draft and sources ("POTUS" → "Joe Biden"). Default none. */
  aliases?: Record<string, string>;
  /** Quotations never checked: their words or `/regular expressions/` (verbatim.json's `ignore`). Default none. */
  ignore?: string[];
  /**
   * When a primary source (transcript, statement) covers a quote's passage, the verdict rests on
   * it rather than on the reports that retell it. Default true.
   */
  preferPrimarySources?: boolean;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  minWords: 3,
  driftThreshold: 0.6,
};
