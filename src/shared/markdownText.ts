// Escaping for text taken from drafts and sources before it goes into Markdown that VS Code
// renders (hovers, tree tooltips). Both the server and the client escape with this one rule, so
// a source can never turn its words into links, HTML or formatting in either place.

// Every ASCII punctuation character that can start Markdown or HTML syntax, an autolink
// (`:` in `https:`, `@` in e-mail addresses) or an entity. CommonMark lets any of them be
// backslash-escaped, and an escaped character is always shown literally.
const SPECIAL = /[\\`*_{}[\]()#+\-!|<>~&:=$^@]/g;

// A point between two word characters: the dots of a bare web address (`www.example.com`,
// `example.com/login`), which renderers that link bare addresses (GitHub's extended autolinks,
// linkify) turn into links without any scheme. An escaped point breaks the address apart for
// them and is still shown as a point; points that end a sentence stay as they are.
const INNER_POINT = /(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu;

/** Escapes text so Markdown shows it literally, on one line (line breaks become spaces). */
export function escapeMarkdown(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  // A leading "1." would start an ordered list; escaping its point keeps it a number.
  return line.replace(SPECIAL, '\\$&').replace(INNER_POINT, '\\.').replace(/^(\d+)\./, '$1\\.');
}
