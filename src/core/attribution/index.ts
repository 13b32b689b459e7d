// The public face of attribution: who said a quote, in drafts and in sources, and whether a
// draft credits the words to the wrong person.

export { attributeQuotes, attributeQuoteSteps } from './attributeQuotes';
export { SourceSpeakers, type PassageSpeaker } from './sourceSpeakers';
export { creditSources, describeMisattribution, findMisattribution, misattributionReason } from './misattribution';
export { resolveSpeakers } from './resolveSpeakers';
export { AliasTable, foldName, nameInDraftForm, nameParts, sameSpeaker, surnameOf } from './sameSpeaker';
