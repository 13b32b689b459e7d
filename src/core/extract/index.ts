// The public face of quotation extraction: what the checker, the corpus loader and the server use.

export { extractQuotes } from './extractQuotes';
export { draftProseOf, proseOf } from './markdownProse';
export type { DraftProse, Prose } from './prose';
export { findSpeaker } from './speaker';
export { IGNORE_COMMENT_TEXT, ignoreCommentAt, ignoreCommentInsertion, ignoreQuoteInsertions } from './ignoreComment';
export type { TextInsertion } from './ignoreComment';
