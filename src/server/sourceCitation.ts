// How the editor names a source passage: the citation a writer would put in a note ("Reuters,
// 27 Jan 2022, p. 4"), the source's web address when it is safe to link, and who each source
// credits with a quote. Hover, diagnostics and the quotes report all use these, so they agree.

import { citeSource } from '../core/citation';
import type { QuoteResult, SourceDocument, SourceMatch, SourceSpeaker, Span } from '../core/types';
import type { SourceSpeakerInfo } from '../shared/protocol';

/** The citation of a matched passage; '' when the source has no outlet, date or location. */
export function matchCitation(match: SourceMatch): string {
  return citeSource(match.document, match.span);
}

/** The citation of any passage of a document. */
export function passageCitation(document: SourceDocument, span: Span): string {
  return citeSource(document, span);
}

/** The source's web address when it is an absolute http or https URL, normalised; else undefined. */
export function safeSourceUrl(document: SourceDocument): string | undefined {
  const raw = document.meta.url?.trim();
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    // Anything else (javascript:, command:, file:) would be a link a source should not make.
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The document a source speaker was read from, found among the quote's matches. */
export function speakerDocument(result: QuoteResult, speaker: SourceSpeaker): SourceDocument | null {
  const matches = [...result.sources, ...(result.match ? [result.match] : []), ...result.variants.flatMap((v) => v.matches)];
  return matches.find((m) => m.document.path === speaker.path)?.document ?? null;
}

/** Who each source credits with the quote, with the citation of the credited passage. */
export function sourceSpeakerInfos(result: QuoteResult): SourceSpeakerInfo[] {
  return (result.sourceSpeakers ?? []).map((speaker) => {
    const document = speakerDocument(result, speaker);
    const info: SourceSpeakerInfo = {
      name: speaker.name,
      fullName: speaker.fullName,
      title: speaker.documentTitle,
      outlet: document?.meta.source?.trim() ?? '',
      citation: document ? passageCitation(document, speaker.span) : '',
    };
    if (speaker.kind !== 'unknown') info.kind = speaker.kind;
    if (speaker.description?.trim()) info.description = speaker.description.trim();
    return info;
  });
}

/** How a source is named next to its speaker: its outlet when known, else its title. */
export function speakerSourceLabel(result: QuoteResult, speaker: SourceSpeaker): string {
  return speakerDocument(result, speaker)?.meta.source?.trim() || speaker.documentTitle;
}
