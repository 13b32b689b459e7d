// Reads the prose of a Markdown draft chunk by chunk and remembers each chunk's prose by its
// text, so that after an edit only the chunk that changed is parsed again; the rest is shifted
// into place. Parsing chunks separately also keeps the cost linear in the draft's length,
// where the parser on its own slows down more than linearly on long texts.

import { LruMap } from '../lruMap';
import type { Span } from '../types';
import { chunkStartSteps } from './markdownChunks';
import { type ParsedMarkdown, parseMarkdown } from './markdownParse';
import type { Directive } from './directives';
import type { DraftProse } from './prose';

/** Remembers parsed chunks by their text, least recently used first out, up to a total length. */
export class ChunkCache extends LruMap<string, ParsedMarkdown> {
  /** `limitChars` bounds the total length of the chunks kept. */
  constructor(limitChars = 8_000_000) {
    super(limitChars, (key) => key.length);
  }
}

/** How many remembered chunks are looked up between two steps. */
const HITS_PER_STEP = 64;

/** One chunk of a document: where it starts and its parse. */
interface Chunk {
  start: number;
  parsed: ParsedMarkdown;
}

/** Counts what a read of the prose cost, for tests and measurements. */
export interface ChunkStats {
  chunks: number;
  parsed: number;
  /** The characters handed to the parser, summed over every parse. */
  parsedChars?: number;
}

/** Tuning of a chunked read. */
export interface ChunkOptions {
  /** Chunks shorter than this are joined to the next (tests use 0 to split at every chance). */
  minChunkChars?: number;
  /** Filled in with what the read cost. */
  stats?: ChunkStats;
}

/**
 * Reads the prose of a Markdown text chunk by chunk, yielding after each chunk it had to
 * parse, so that a caller can spread a long text over several turns of the event loop.
 */
export function* chunkedProseSteps(text: string, cache: ChunkCache | null, options: ChunkOptions = {}): Generator<void, DraftProse> {
  const { stats } = options;
  let hits = 0;
  const parse = function* (start: number, end: number, definitions: readonly string[]): Generator<void, ParsedMarkdown> {
    const documentStart = start === 0;
    const slice = text.slice(start, end);
    let parsed = cache?.get(cacheKey(slice, documentStart, definitions));
    // Even remembered chunks cost a lookup; a long text pauses every so often between them.
    if (parsed && ++hits % HITS_PER_STEP === 0) yield;
    if (!parsed) {
      // The cache keeps a copy, not a slice: a slice would keep every version of the text alive.
      const chunkText = cache ? ownCopy(slice) : slice;
      parsed = parseMarkdown(chunkText, { documentStart, definitions });
      cache?.set(cacheKey(chunkText, documentStart, definitions), parsed);
      if (stats) {
        stats.parsed++;
        stats.parsedChars = (stats.parsedChars ?? 0) + chunkText.length;
      }
      yield;
    }
    return parsed;
  };

  const starts = yield* chunkStartSteps(text, options.minChunkChars);
  starts.push(text.length);
  const chunks: Chunk[] = [];
  for (let i = 0; i < starts.length - 1; i++) {
    const start = starts[i];
    let end = starts[i + 1];
    let parsed = yield* parse(start, end, []);
    // A chunk that ends inside a fence or HTML block takes in the chunks after it. Each retry
    // takes in as many as all before it, so a block that runs to the end of a long text costs
    // parses of twice its length at most, not one parse per chunk it swallows.
    for (let take = 1; parsed.openAtEnd && end < text.length; take *= 2) {
      i = Math.min(i + take, starts.length - 2);
      end = starts[i + 1];
      parsed = yield* parse(start, end, []);
    }
    chunks.push({ start, parsed });
  }

  // References resolve against definitions anywhere in the document; chunks that may hold a
  // reference are read again knowing every label, which changes nothing when none is used.
  const labels = [...new Set(chunks.flatMap((chunk) => chunk.parsed.definitions))].sort();
  if (labels.length > 0) {
    let bracket = text.indexOf(']');
    for (let i = 0; i < chunks.length && bracket >= 0; i++) {
      const { start } = chunks[i];
      const end = i + 1 < chunks.length ? chunks[i + 1].start : text.length;
      if (bracket < start) bracket = text.indexOf(']', start);
      if (bracket >= 0 && bracket < end) chunks[i] = { start, parsed: yield* parse(start, end, labels) };
    }
  }
  if (stats) stats.chunks = chunks.length;
  return yield* assembleSteps(chunks);
}

/** The cache key of a chunk: its text, marked when it starts the document or knows other chunks' labels. */
function cacheKey(chunkText: string, documentStart: boolean, definitions: readonly string[]): string {
  // The first chunk parses differently (front matter may stand there).
  const mark = documentStart ? '\u0002' : '';
  return definitions.length ? `${mark}${definitions.join('\u0000')}\u0001${chunkText}` : `${mark}${chunkText}`;
}

/** A string with its own storage, holding no reference to the string it was cut from. */
export function ownCopy(slice: string): string {
  return Buffer.from(slice, 'utf16le').toString('utf16le');
}

/** Chunks joined between two steps. */
const JOINS_PER_STEP = 256;

/** Joins the chunks' prose into the document's, shifting offsets by each chunk's start. */
function* assembleSteps(chunks: Chunk[]): Generator<void, DraftProse> {
  if (chunks.length === 1 && chunks[0].start === 0) {
    const { masked, blocks, frontMatter, directives } = chunks[0].parsed;
    return { masked, blocks, frontMatter, directives };
  }
  // The masked text is joined a step's worth at a time, and those pieces once at the end.
  const masked: string[] = [];
  let pieces: string[] = [];
  const blocks: Span[] = [];
  const directives: Directive[] = [];
  for (let i = 0; i < chunks.length; i++) {
    if (i % JOINS_PER_STEP === JOINS_PER_STEP - 1) {
      masked.push(pieces.join(''));
      pieces = [];
      yield;
    }
    const { start, parsed } = chunks[i];
    pieces.push(parsed.masked);
    for (const block of parsed.blocks) blocks.push({ start: block.start + start, end: block.end + start });
    for (const d of parsed.directives) directives.push({ kind: d.kind, start: d.start + start, end: d.end + start });
  }
  masked.push(pieces.join(''));
  return { masked: masked.join(''), blocks, frontMatter: chunks[0]?.parsed.frontMatter ?? null, directives };
}
