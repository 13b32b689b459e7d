// The public face of quotation extraction: what the checker, the corpus loader and the server use.

export { extractQuotes } from './extractQuotes';
export { draftProseOf, proseOf } from './markdownProse';
export type { DraftProse, Prose } from './prose';
export { findSpeaker } from './speaker';
