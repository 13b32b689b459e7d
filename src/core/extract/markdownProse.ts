// The prose of a draft or source: Markdown is read with a real CommonMark parser, chunk by
// chunk (see chunkedProse.ts), plain text as it stands. Drafts are re-read on every edit, so
// their chunks are remembered across calls and the last few results are kept whole: the
// extractor, the speaker resolver and the ignore-comment fix all ask for the same text's prose.

import { runToEnd } from '../slicedRun';
import type { TextFormat } from '../types';
import { ChunkCache, chunkedProseSteps } from './chunkedProse';
import { parseMarkdown } from './markdownParse';
import { type DraftProse, type Prose, plainTextProse } from './prose';

export type { DraftProse, Prose } from './prose';

/** Chunks of the drafts being edited, shared by every caller in the process. */
const draftChunks = new ChunkCache();

/**
 * The chunks kept are bounded by the drafts being read, not only by the cache's own limit: after
 * thousands of edits the cache would otherwise fill with the chunks of old versions, which no
 * read will ask for again. Twice the longest draft read lately leaves room for every open
 * draft's chunks and the versions of the chunks being edited.
 */
const RECENT_READS = 64;
const MIN_CHUNK_CHARS = 1_000_000;
const readLengths: number[] = [];

function trimChunks(length: number): void {
  readLengths.push(length);
  if (readLengths.length > RECENT_READS) readLengths.shift();
  draftChunks.trim(Math.max(MIN_CHUNK_CHARS, 2 * Math.max(...readLengths)));
}

/** How many whole results are kept; a draft's text is usually asked for several times in a row. */
const RECENT_LIMIT = 4;
const recent: { text: string; format: TextFormat; prose: DraftProse }[] = [];

/** Returns the prose of `text`: masked text, paragraph-level blocks and front matter. */
export function proseOf(text: string, format: TextFormat): Prose {
  // Sources are read once, so their chunks are not remembered.
  const { masked, blocks, frontMatter } = format === 'markdown' ? runToEnd(chunkedProseSteps(text, null)) : plainTextProse(text);
  return { masked, blocks, frontMatter };
}

/** Returns the prose of a draft, with the positions of its ignore comments. Callers must not modify it. */
export function draftProseOf(text: string, format: TextFormat): DraftProse {
  const known = recentProse(text, format);
  if (known) return known;
  if (format !== 'markdown') return remember(text, format, plainTextProse(text));
  const prose = runToEnd(chunkedProseSteps(text, draftChunks));
  trimChunks(text.length);
  return remember(text, format, prose);
}

/**
 * The steps of reading a draft's prose, one per chunk parsed, for callers that spread the work
 * over several turns of the event loop. The result is remembered like `draftProseOf`'s, so a
 * following `draftProseOf` (or `extractQuotes`) of the same text costs nothing.
 */
export function* draftProseSteps(text: string, format: TextFormat): Generator<void, DraftProse> {
  const known = recentProse(text, format);
  if (known) return known;
  if (format !== 'markdown') return remember(text, format, plainTextProse(text));
  const prose = yield* chunkedProseSteps(text, draftChunks);
  trimChunks(text.length);
  return remember(text, format, prose);
}

/** Parses a Markdown document in one piece; the reference the chunked reading must equal. */
export function wholeMarkdownProse(text: string): DraftProse {
  const { masked, blocks, frontMatter, directives } = parseMarkdown(text, { documentStart: true, definitions: [] });
  return { masked, blocks, frontMatter, directives };
}

function recentProse(text: string, format: TextFormat): DraftProse | null {
  for (const entry of recent) if (entry.format === format && entry.text === text) return entry.prose;
  return null;
}

function remember(text: string, format: TextFormat, prose: DraftProse): DraftProse {
  recent.unshift({ text, format, prose });
  if (recent.length > RECENT_LIMIT) recent.pop();
  return prose;
}
