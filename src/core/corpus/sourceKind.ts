// Decides what a source is to a fact-checker: a primary source (what was actually said: a
// transcript, subtitles, a statement), a report that retells it, or unknown. What the file or
// its folder declares wins; then the format speaks (subtitles and speaker-turn transcripts are
// records of speech); then the page (a news article with a byline is a report). A file that
// says nothing about itself stays unknown rather than being guessed at.

import { SOURCE_KINDS, type SourceKind, type SourceMeta } from '../types';
import type { SourceFormat } from './sourceFormats';
import type { ParsedSource } from './textSource';

/** Reads a declared kind (`kind: primary` in front matter or in a folder's defaults), or undefined when it is not one. */
export function parseSourceKind(value: unknown): SourceKind | undefined {
  if (typeof value !== 'string') return undefined;
  const kind = value.trim().toLowerCase();
  return (SOURCE_KINDS as readonly string[]).includes(kind) ? (kind as SourceKind) : undefined;
}

/** A byline at the head of a plain text: "By Jane Doe" or "By Jane Doe and John Roe, Reuters". */
const BYLINE = /^[ \t]*by[ \t]+\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){1,3}\b/imu;

/** How far into a text a byline is looked for. */
const BYLINE_REACH = 600;

/**
 * The kind of a source whose `meta` already carries what the file and its folder declare: the
 * declared kind, else primary for subtitles and speaker-turn transcripts, else report for a news
 * article with a byline, else unknown. A byline is a web page's author or a "By …" line at the
 * head of a text. An author in front matter or in a PDF's or a Word file's properties is not
 * one: it names whoever wrote the file, and interview notes or a press office's statement have
 * an author as often as a story does.
 */
export function resolveSourceKind(meta: SourceMeta, format: SourceFormat, parsed: ParsedSource): SourceKind {
  const declared = parseSourceKind(meta.kind);
  if (declared) return declared;
  if (format === 'srt' || format === 'vtt') return 'primary';
  if (parsed.mapping?.marks?.some(([, location]) => location.speaker)) return 'primary';
  if (format === 'pdf' || format === 'docx') return 'unknown';
  const byline = (format === 'html' && meta.author) || BYLINE.test(parsed.text.slice(0, BYLINE_REACH));
  return byline ? 'report' : 'unknown';
}
