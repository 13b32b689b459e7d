// One source document read for whom it credits with its quotations, only as far as a question
// needs. Most matched passages lie outside every quotation, and telling that needs only the
// quotation marks; a quotation's speaker is followed through the whole document (pronouns,
// split quotes, earlier sentences) only when no name stands beside it; and the fullest form of
// each name is gathered from the whole document only once a passage is credited to someone.
// The answers are those of reading the whole document at once.

import { ScannedQuotes } from '../extract/extractQuotes';
import { startsAfresh } from '../extract/quoteScanner';
import { type DraftProse, plainTextProse } from '../extract/prose';
import type { Quote, Span, Speaker } from '../types';
import { attributeQuotes } from './attributeQuotes';
import { knownPeople, titledNames } from './clauses';
import type { AliasTable } from './sameSpeaker';
import { spanIndexAt } from './sentences';

// A passage counts as a source quotation's words when at least this share of it lies inside one.
const MIN_INSIDE_SHARE = 0.5;

/** The quotations of one source and who says them, read lazily. */
export class SourceReading {
  private prose: DraftProse | null = null;
  /** True once the extractor failed on the source, which then credits no one. */
  private unreadable = false;
  /** Every quotation with its speaker followed through the document. */
  private resolved: Quote[] | null = null;
  private fullNames: Map<string, string> | null = null;
  /** Quotations scanned from a block that starts afresh, by that block, and how far the scan ran. */
  private readonly scans = new Map<number, { until: number; found: ScannedQuotes }>();
  /** How many times a stretch was scanned for quotations: the work a lookup costs, for tests. */
  scanCount = 0;

  constructor(private readonly text: string, private readonly aliases: AliasTable) {}

  /** The speaker of the source quotation holding most of `span`, when it holds at least half of it. */
  quoteSpeaker(span: Span): Speaker | null {
    if (this.unreadable) return null;
    let best: Quote | null = null;
    let bestInside = 0;
    try {
      const found = this.quotationsAround(span);
      for (let i = firstEndingAfter(found, span.start); i < found.count; i++) {
        const inner = found.inner(i);
        if (inner.start >= span.end) break;
        const inside = Math.min(inner.end, span.end) - Math.max(inner.start, span.start);
        // A quotation without words is no quotation, so it is read before it can be the best.
        if (inside <= bestInside) continue;
        const quote = found.quote(i);
        if (!quote) continue;
        best = quote;
        bestInside = inside;
      }
    } catch {
      // A source the extractor cannot read credits no one; the match itself still stands.
      this.unreadable = true;
      return null;
    }
    if (!best || bestInside < MIN_INSIDE_SHARE * (span.end - span.start)) return null;
    // A name beside the quotation is kept whatever the rest of the document says.
    if (best.speaker) return best.speaker;
    const start = best.inner.start;
    return this.resolvedQuotes().find((quote) => quote.inner.start === start)?.speaker ?? null;
  }

  /** Folded surname → the fullest form of that person's name written in the source. */
  names(): Map<string, string> {
    if (!this.fullNames) {
      const speakers = this.resolvedQuotes().flatMap((quote) => (quote.speaker ? [{ name: quote.speaker.name, span: quote.speaker.span }] : []));
      this.fullNames = knownPeople([...speakers, ...titledNames(this.text, { start: 0, end: this.text.length })]);
    }
    return this.fullNames;
  }

  /**
   * The quotations that can hold part of `span`: those scanned from the last block at or before
   * its start where no earlier quotation can continue. Quotations before that block end before it.
   */
  private quotationsAround(span: Span): ScannedQuotes {
    const prose = this.readProse();
    let from = spanIndexAt(prose.blocks, span.start);
    while (!startsAfresh(prose.masked, prose.blocks, from)) from--;
    // A scan runs through the whole block that holds the passage's end and is remembered, so
    // the next passage of the same stretch (a one-paragraph source of megabytes holds them
    // all) is looked up in it instead of scanning from the stretch's start again.
    const until = prose.blocks[spanIndexAt(prose.blocks, Math.max(span.start, span.end - 1))]?.end ?? span.end;
    const known = this.scans.get(from);
    if (known && known.until >= until) return known.found;
    const found = new ScannedQuotes(this.text, prose, null, from, Math.max(until, span.end));
    this.scanCount++;
    this.scans.set(from, { until, found });
    return found;
  }

  private resolvedQuotes(): Quote[] {
    if (!this.resolved) {
      try {
        this.resolved = this.unreadable ? [] : attributeQuotes(this.text, 'plaintext', this.aliases, this.readProse());
      } catch {
        this.resolved = [];
      }
    }
    return this.resolved;
  }

  // A source's prose is read here directly: the draft prose cache is for drafts, which a run of
  // source documents would otherwise push out.
  private readProse(): DraftProse {
    return (this.prose ??= plainTextProse(this.text));
  }
}

/** The first quotation of `found` (in document order, none overlapping) whose words end after `offset`. */
function firstEndingAfter(found: ScannedQuotes, offset: number): number {
  let lo = 0;
  let hi = found.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (found.inner(mid).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
