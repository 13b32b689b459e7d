// Passages shown in lists, hovers and tooltips are shown on one line: a source's line breaks
// and indentation are layout, not words.

/** `text` with every run of whitespace (line breaks included) made one space, trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
