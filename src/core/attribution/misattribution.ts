// Decides whether a quote is credited to the wrong person. A false claim here tells a writer
// their copy is wrong when it is not, so the claim is made only when both sides name a person,
// each read with confidence (from the quote's own attribution, or a pronoun whose person is the
// subject of an earlier sentence of the same paragraph), and no source that has the words
// credits the draft's person. A body on either side is never a contradiction: "the Kremlin
// said" and "Peskov said" can both be right. A role label (QUESTION) credits no one, and a
// source that credits no one is silent.

import type { Misattribution, Quote, QuoteStatus, SourceMatch, SourceSpeaker } from '../types';
import type { SourceSpeakers } from './sourceSpeakers';
import { type AliasTable, nameInDraftForm, sameSpeaker } from './sameSpeaker';

/** Sets `speaker` on each match and returns the speakers of those that name one, without repeats. */
export function creditSources(matches: SourceMatch[], speakers: SourceSpeakers): SourceSpeaker[] {
  const found: SourceSpeaker[] = [];
  for (const match of matches) {
    const credited = speakers.speakerOf(match.document, match.span);
    match.speaker = credited?.name ?? null;
    if (!credited) continue;
    if (found.some((s) => s.path === match.document.path && s.name === credited.name)) continue;
    found.push({
      name: credited.name, fullName: credited.fullName, documentTitle: match.document.title, path: match.document.path, span: match.span,
      kind: credited.kind, confident: credited.confident, ...(credited.description ? { description: credited.description } : {}),
      ...(credited.own ? { own: true } : {}),
    });
  }
  return found;
}

/**
 * Returns the misattribution of `quote`, or null when the draft names no speaker, no source names
 * one, or any source agrees with the draft. Only verbatim and drifted quotes can be misattributed.
 * With `preferPrimary`, a primary source that names the speaker itself (its turn label or byline)
 * decides alone: the reports' attributions neither clear nor convict the draft then.
 */
export function findMisattribution(quote: Quote, status: QuoteStatus, sourceSpeakers: SourceSpeaker[], aliases: AliasTable, preferPrimary = false): Misattribution | null {
  const draft = quote.speaker;
  if (!draft || draft.kind !== 'person' || !draft.confident || (status !== 'verbatim' && status !== 'drift')) return null;
  const agrees = (s: SourceSpeaker) => sameSpeaker(draft.name, s.name, aliases) || sameSpeaker(draft.name, s.fullName, aliases);
  const own = preferPrimary ? sourceSpeakers.filter((s) => s.own && s.kind === 'person' && s.confident) : [];
  const deciding = own.length ? own : sourceSpeakers;
  if (deciding.some(agrees)) return null;
  const source = deciding.find((s) => s.kind === 'person' && s.confident);
  if (!source) return null;
  // A fix written where the pronoun or description stands reads best with the surname alone.
  const draftForm = draft.mention ? surnameForm(draft.name) : draft.name;
  return {
    draftSpeaker: draft.name,
    source,
    replacement: nameInDraftForm(source.fullName, draftForm),
    span: draft.mention ?? draft.span,
    wording: status,
  };
}

function surnameForm(name: string): string {
  const words = name.trim().split(/\s+/);
  return words[words.length - 1];
}

/** The explanation shown to the writer: `in "TITLE" these words are Kuleba's, not Lavrov's`. */
export function describeMisattribution(misattribution: Misattribution): string {
  return `in "${misattribution.source.documentTitle}" ${misattributionReason(misattribution)}`;
}

/** The explanation without the source: `these words are Kuleba's, not Lavrov's`. */
export function misattributionReason(misattribution: Misattribution): string {
  return `these words are ${possessive(misattribution.replacement)}, not ${possessive(misattribution.draftSpeaker)}`;
}

function possessive(name: string): string {
  return `${name}'s`;
}
