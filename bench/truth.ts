// The ground truth of a benchmark draft: for every quotation, what a correct checker says about
// it. Words are compared in a simple normal form of the benchmark's own (lower case, straight
// apostrophes, letters and digits), kept independent of the engine so that the truth does not
// inherit the engine's mistakes.

import { lastAtOrBefore } from '../src/core/sortedSearch';

/** A change the draft made to the source's words. `dropped` words are in the source only. */
export interface TruthChange {
  op: 'changed' | 'dropped';
  /** The draft's word ('' when dropped). */
  draft: string;
  /** The source's word. */
  source: string;
}

/** What one quotation of the draft is. */
export interface TruthQuote {
  id: number;
  status: 'verbatim' | 'drift' | 'unsupported';
  /** The quoted words as written in the draft, marks excluded. */
  text: string;
  /** UTF-16 offset of the first quoted character (just after the opening mark). */
  innerStart: number;
  /** Corpus files (relative to the corpus folder, "/"-separated) holding the quoted or original words; empty when invented. */
  sources: string[];
  /** For drift: the words changed from the source. */
  changes: TruthChange[];
  /** True when the quote omits words with an ellipsis. */
  omission: boolean;
  /** The person the draft credits, for attribution scoring. */
  speaker: string;
  /** Number of words quoted. */
  words: number;
  /** How a drift was made: substitute, drop, number or two edits. */
  kind?: string;
}

/** The truth file of one draft. */
export interface DraftTruth {
  generatorVersion: number;
  seed: number;
  corpusDir: string;
  quotes: TruthQuote[];
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*(?:[.,]\p{N}+)*/gu;

/** The benchmark's normal form of a text's words; "10,000" and "10000" are the same number. */
export function normWords(text: string): string[] {
  return (text.normalize('NFKC').toLowerCase().match(WORD) ?? [])
    .map((w) => (/^\p{N}/u.test(w) ? w.replace(/,/g, '') : w.replace(/’/g, "'")));
}

/** The words of many files joined into one searchable string, with each file's start offset. */
export class NormalizedCorpus {
  /**
   * The normalised files joined into strings of at most SEGMENT_CHARS characters (a file is never
   * split): one string for a 1 GB corpus would pass V8's limit on a string's length.
   */
  private readonly segments: { text: string; firstFile: number; starts: number[] }[] = [];

  constructor(readonly files: string[], texts: string[]) {
    let parts: string[] = [];
    let starts: number[] = [];
    let offset = 0;
    let firstFile = 0;
    const close = (next: number) => {
      if (parts.length) this.segments.push({ text: parts.join(''), firstFile, starts });
      parts = [];
      starts = [];
      offset = 0;
      firstFile = next;
    };
    texts.forEach((text, i) => {
      // Each file is framed by spaces and a separator, so a phrase never spans two files.
      const part = ` ${normWords(text).join(' ')} \u0001`;
      if (offset + part.length > SEGMENT_CHARS) close(i);
      starts.push(offset);
      parts.push(part);
      offset += part.length;
    });
    close(texts.length);
  }

  /** The files whose words contain `words` as a consecutive run, in file order. */
  filesContaining(words: string[]): string[] {
    const needle = ` ${words.join(' ')} `;
    const found = new Set<number>();
    for (const segment of this.segments) {
      for (let at = segment.text.indexOf(needle); at >= 0; at = segment.text.indexOf(needle, at + 1)) {
        found.add(segment.firstFile + Math.max(0, lastAtOrBefore(segment.starts, at)));
      }
    }
    return [...found].sort((a, b) => a - b).map((i) => this.files[i]);
  }

  /** True when `words` occur consecutively anywhere in the corpus. */
  contains(words: string[]): boolean {
    const needle = ` ${words.join(' ')} `;
    return this.segments.some((segment) => segment.text.includes(needle));
  }
}

const SEGMENT_CHARS = 256 * 1024 * 1024;
