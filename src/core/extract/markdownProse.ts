// The prose of a draft or source: Markdown is read with a real CommonMark parser, chunk by
// chunk (see chunkedProse.ts), plain text as it stands. Drafts are re-read on every edit, so
// their chunks are remembered across calls and the last few results are kept whole: the
// extractor, the speaker resolver and the ignore-comment fix all ask for the same text's prose.

import { runToEnd } from '../slicedRun';
import type { TextFormat } from '../types';
import { ChunkCache, chunkedProseSteps } from './chunkedProse';
import { parseMarkdown } from './markdownParse';
import { type DraftProse, type Prose, plainTextProse, plainTextProseSteps } from './prose';

export type { DraftProse, Prose } from './prose';

/** Chunks of the drafts being edited, shared by every caller in the process. */
const draftChunks = new ChunkCache();

/** However few drafts are open, this much room is left for chunks. */
const MIN_CHUNK_CHARS = 256_000;

/**
 * Bounds the chunks kept by the drafts being checked, not only by the cache's own limit: after
 * thousands of edits the cache would otherwise fill with the chunks of old versions, which no
 * read will ask for again. `draftChars` is the length of every open draft together; a quarter
 * more leaves room for the versions of the chunks being edited.
 */
export function fitDraftChunks(draftChars: number): void {
  draftChunks.trim(Math.max(MIN_CHUNK_CHARS, Math.ceil(1.25 * draftChars) + 64_000));
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
  return remember(text, format, runToEnd(chunkedProseSteps(text, draftChunks)));
}

/**
 * The steps of reading a draft's prose, a chunk (or a few hundred lines of plain text) per step,
 * for a check that spreads a whole draft over several turns of the event loop. The check hands
 * the prose on itself, so it is not remembered with the recent results: those would keep whole
 * old versions of a long draft alive.
 */
export function* draftProseSteps(text: string, format: TextFormat): Generator<void, DraftProse> {
  const known = recentProse(text, format);
  if (known) return known;
  if (format !== 'markdown') return yield* plainTextProseSteps(text);
  return yield* chunkedProseSteps(text, draftChunks);
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
