// Cites a source passage the way a writer would in a note: outlet, date and where in the
// source the passage stands ("Reuters, 27 Jan 2022, p. 4", "Ministry press office, Peskov at
// 00:12:31"). Shared by the CLI and the editor so that both cite a source the same way.

import type { SourceDocument, SourceLocation, Span } from './types';

/** How dates are written: "27 Jan 2022" (short) or "2022-01-27" (iso). */
export type CiteDateStyle = 'short' | 'iso';

export interface CiteOptions {
  /** Default 'short'. */
  dateStyle?: CiteDateStyle;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Returns where `span` of `doc` stands in the original (page, time, speaker); {} when unknown. */
export function sourceLocationOf(doc: SourceDocument, span: Span): SourceLocation {
  if (!doc.locate) return {};
  try {
    return doc.locate(span.start);
  } catch {
    // A locator is a convenience for citing; a failing one must not fail a report.
    return {};
  }
}

/** Cites a passage of a source: outlet, date and page or time, comma separated; '' when nothing is known. */
export function citeSource(doc: SourceDocument, span: Span, options: CiteOptions = {}): string {
  const location = sourceLocationOf(doc, span);
  const parts: string[] = [];
  if (doc.meta.source) parts.push(doc.meta.source);
  if (doc.meta.date) parts.push(formatCiteDate(doc.meta.date, options.dateStyle ?? 'short'));
  parts.push(...locationParts(location));
  return parts.join(', ');
}

/** Writes a location as citation parts: "p. 4", "Peskov at 00:12:31", "at 00:12:31", "Peskov". */
export function locationParts(location: SourceLocation): string[] {
  const parts: string[] = [];
  if (location.page !== undefined) parts.push(`p. ${location.page}`);
  if (location.speaker && location.timestamp) parts.push(`${location.speaker} at ${location.timestamp}`);
  else if (location.timestamp) parts.push(`at ${location.timestamp}`);
  else if (location.speaker) parts.push(location.speaker);
  return parts;
}

/** Formats a metadata date ("2022-01-27T09:30:00Z") for a citation; unreadable dates are kept as written. */
export function formatCiteDate(date: string, style: CiteDateStyle = 'short'): string {
  const trimmed = date.trim();
  // The calendar date as written is kept: converting time zones could move it to another day.
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T\s])/.exec(trimmed);
  if (iso) return fromParts(Number(iso[1]), iso[2] ? Number(iso[2]) : null, iso[3] ? Number(iso[3]) : null, style, trimmed);
  const parsed = new Date(trimmed);
  if (Number.isNaN(parsed.getTime())) return trimmed;
  return fromParts(parsed.getFullYear(), parsed.getMonth() + 1, parsed.getDate(), style, trimmed);
}

function fromParts(year: number, month: number | null, day: number | null, style: CiteDateStyle, raw: string): string {
  if (month !== null && (month < 1 || month > 12)) return raw;
  if (day !== null && (day < 1 || day > 31)) return raw;
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (style === 'iso') return [String(year), month !== null ? pad(month) : null, day !== null && month !== null ? pad(day) : null].filter(Boolean).join('-');
  const monthName = month !== null ? MONTHS[month - 1] : null;
  return [day !== null && monthName ? String(day) : null, monthName, String(year)].filter(Boolean).join(' ');
}
