// Turns the raw prose sources into a pool of article-sized chunks of distinct text. Front
// matter, headings and licence boilerplate are dropped, long run-on texts are cut into
// paragraphs, and every sentence of six or more words is kept only the first time it is seen,
// because two packages share some books and a corpus with repeated text would inflate the
// engine's candidate lists beyond what a real archive does.

import { Prng } from './prng';
import { readProseSources, type RawDocument } from './proseSources';

/** Bytes of text aimed at per article chunk: news articles are about 4 KB. */
export const CHUNK_BYTES = 4000;

/** Consecutive paragraphs of one source, about one article long. */
export interface Chunk {
  title: string;
  origin: string;
  paragraphs: string[];
  bytes: number;
}

/** Every chunk of distinct prose, in source order. */
export interface ProsePool {
  chunks: Chunk[];
  /** UTF-8 bytes of all chunk paragraphs: the distinct text available. */
  distinctBytes: number;
  /** Distinct bytes per source package. */
  bytesByOrigin: Record<string, number>;
}

// A sentence ends at . ! or ? (with any closing quote or bracket) followed by space and a capital.
const SENTENCE_BREAK = /(?<=[.!?][”"’')\]]*)\s+(?=[“"‘'(]?[A-Z0-9])/;
const LETTER = /\p{L}/u;
const BOILERPLATE = /gutenberg|https?:|www\.|e-?mail|copyright|produced by|\bebook\b|transcriber/i;

/** Splits a paragraph into sentences. */
export function splitSentences(paragraph: string): string[] {
  return paragraph.split(SENTENCE_BREAK).map((s) => s.trim()).filter(Boolean);
}

/** True for a paragraph of running prose rather than a heading, table or licence text. */
function isProse(paragraph: string): boolean {
  if (paragraph.length < 60) return false;
  let letters = 0;
  let upper = 0;
  // A character loop: matching every letter with a global regex allocates an array per paragraph.
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph.charCodeAt(i);
    if (c >= 97 && c <= 122) letters++;
    else if (c >= 65 && c <= 90) {
      letters++;
      upper++;
    } else if (c > 127 && LETTER.test(paragraph.charAt(i))) letters++;
  }
  return letters / paragraph.length > 0.6 && upper / Math.max(1, letters) < 0.3;
}

/**
 * A hash of a sentence's ASCII letters and digits, case folded, or null when it is too short to
 * be worth de-duplicating. A number rather than a string keeps the set of 300,000 sentences
 * small and fast; the few collisions expected among them only drop a sentence more.
 */
function sentenceKey(sentence: string): number | null {
  if (sentence.length < 30) return null;
  let hash = 0x811c9dc5;
  for (let i = 0; i < sentence.length; i++) {
    let c = sentence.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue;
    hash = Math.imul(hash ^ c, 16777619);
  }
  return hash >>> 0;
}

/**
 * Turns one document's paragraphs into distinct prose paragraphs: boilerplate goes, sentences
 * seen before anywhere in the pool go, and over-long paragraphs (whole speeches on one line)
 * are cut into groups of three to six sentences.
 */
function distinctParagraphs(paragraphs: string[], seen: Set<number>, prng: Prng): string[] {
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    if (!isProse(paragraph)) continue;
    const kept: string[] = [];
    for (const sentence of splitSentences(paragraph)) {
      const key = sentenceKey(sentence);
      if (key !== null) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      kept.push(sentence);
    }
    const groups: string[] = [];
    if (paragraph.length <= 1200) groups.push(kept.join(' '));
    else for (let i = 0; i < kept.length;) {
      const take = prng.int(3, 6);
      groups.push(kept.slice(i, i + take).join(' '));
      i += take;
    }
    out.push(...groups.filter((g) => isProse(g) && !BOILERPLATE.test(g)));
  }
  return out;
}

function chunkDocument(doc: RawDocument, paragraphs: string[], chunks: Chunk[]): void {
  let current: Chunk | null = null;
  let part = 0;
  for (const paragraph of paragraphs) {
    if (!current) current = { title: `${doc.title}, part ${++part}`, origin: doc.origin, paragraphs: [], bytes: 0 };
    current.paragraphs.push(paragraph);
    current.bytes += Buffer.byteLength(paragraph) + 2;
    if (current.bytes >= CHUNK_BYTES) {
      chunks.push(current);
      current = null;
    }
  }
  // A short tail joins the previous chunk of the same document rather than being a tiny article.
  const previous = chunks[chunks.length - 1];
  if (current && previous && previous.origin === doc.origin && previous.title.startsWith(doc.title) && current.bytes < CHUNK_BYTES / 3) {
    previous.paragraphs.push(...current.paragraphs);
    previous.bytes += current.bytes;
  } else if (current) {
    chunks.push(current);
  }
}

let cached: ProsePool | null = null;

/** Builds (once per process) the pool of distinct prose chunks from the installed packages. */
export function prosePool(): ProsePool {
  if (cached) return cached;
  // The pool does not depend on the corpus seed: every seed samples from the same distinct text.
  const prng = new Prng(20220127);
  const seen = new Set<number>();
  const chunks: Chunk[] = [];
  for (const doc of readProseSources()) {
    chunkDocument(doc, distinctParagraphs(doc.paragraphs, seen, prng), chunks);
  }
  const bytesByOrigin: Record<string, number> = {};
  let distinctBytes = 0;
  for (const chunk of chunks) {
    distinctBytes += chunk.bytes;
    bytesByOrigin[chunk.origin] = (bytesByOrigin[chunk.origin] ?? 0) + chunk.bytes;
  }
  cached = { chunks, distinctBytes, bytesByOrigin };
  return cached;
}
