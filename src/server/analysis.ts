// Checks drafts and remembers the latest result per document, so hover, definition, code
// actions and the custom requests answer from the same analysis the diagnostics came from.

import * as path from 'path';
import type { QuoteResult, TextFormat } from '../core/types';
import type { CorpusManager, FolderCorpus } from './corpusManager';
import { TextPositions } from './positions';
import { uriToPath, type WorkspaceFolders } from './workspaceFolders';

/** A draft's text and version as the server knows it. */
export interface DraftText {
  uri: string;
  /** The editor's version, or null for a file read from disk. */
  version: number | null;
  text: string;
  languageId?: string;
}

/** The checked quotes of one draft version. */
export interface DraftAnalysis {
  uri: string;
  version: number | null;
  text: string;
  format: TextFormat;
  corpus: FolderCorpus;
  results: QuoteResult[];
  positions: TextPositions;
}

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd']);

/** The draft format for a language id, falling back to the file extension. */
export function draftFormat(uri: string, languageId?: string): TextFormat {
  if (languageId === 'markdown') return 'markdown';
  if (languageId && languageId !== 'plaintext' && languageId !== 'text') return 'plaintext';
  const file = uriToPath(uri) ?? uri;
  return MARKDOWN_EXTENSIONS.has(path.extname(file).toLowerCase()) ? 'markdown' : 'plaintext';
}

/** True when a document with `languageId` is a draft under the `languages` setting. */
export function isDraftLanguage(languageId: string, languages: string[]): boolean {
  // Neovim and other editors call plain text "text"; treat it as VS Code's "plaintext".
  const id = languageId === 'text' ? 'plaintext' : languageId;
  return languages.includes(id);
}

/** Runs the checker for drafts and caches the newest analysis per URI. */
export class DraftAnalyzer {
  private readonly cache = new Map<string, DraftAnalysis>();

  constructor(
    private readonly folders: WorkspaceFolders,
    private readonly corpora: CorpusManager,
    private readonly log: (message: string) => void,
  ) {}

  /** The analysis of `draft`, re-using the cached one when text and corpus are unchanged. */
  async analyze(draft: DraftText): Promise<DraftAnalysis | null> {
    const folder = this.folders.folderFor(draft.uri);
    if (!folder) return null;
    const corpus = await this.corpora.get(folder);
    const cached = this.cache.get(draft.uri);
    if (cached && cached.text === draft.text && cached.corpus === corpus) {
      cached.version = draft.version;
      return cached;
    }
    const format = draftFormat(draft.uri, draft.languageId);
    let results: QuoteResult[] = [];
    try {
      results = corpus.checker ? corpus.checker.checkText(draft.text, format) : [];
    } catch (error) {
      this.log(`Checking ${draft.uri} failed: ${(error as Error).stack ?? String(error)}`);
    }
    const analysis: DraftAnalysis = { ...draft, format, corpus, results, positions: new TextPositions(draft.text) };
    this.cache.set(draft.uri, analysis);
    return analysis;
  }

  /** The cached analysis of a URI when it describes exactly `text`. */
  cached(uri: string, text: string): DraftAnalysis | null {
    const cached = this.cache.get(uri);
    return cached && cached.text === text ? cached : null;
  }

  /** Drops the cached analysis of a closed document. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

/** The checked quote whose marks or words contain `offset`, if any. */
export function resultAt(analysis: DraftAnalysis, offset: number): QuoteResult | null {
  let best: QuoteResult | null = null;
  for (const result of analysis.results) {
    const { outer } = result.quote;
    if (offset >= outer.start && offset <= outer.end) {
      // Nested quotes: the innermost (shortest) one is what the cursor is on.
      if (!best || outer.end - outer.start < best.quote.outer.end - best.quote.outer.start) best = result;
    }
  }
  return best;
}
