// The writer's switches for leaving quotations alone, as spell checkers and prose linters have
// them (`cspell:disable`, `<!-- vale off -->`). Markdown drafts write them as HTML comments,
// which never show in the rendered text; plain-text drafts have no comments, so there a
// switch is a line of its own holding only the switch's name (or the same HTML comment).
//
//   verbatim-ignore-next   the quotations of the next paragraph (`verbatim-ignore` also works)
//   verbatim-disable       every quotation from here until `verbatim-enable` (or the end)
//   verbatim-enable        ends a `verbatim-disable`
//   verbatim-disable-file  every quotation of the file, wherever the switch stands

import type { Span } from '../types';

export type DirectiveKind = 'ignore-next' | 'disable' | 'enable' | 'disable-file';

/** A switch found in a draft: which one, and the span of the comment or line holding it. */
export interface Directive extends Span {
  kind: DirectiveKind;
}

const KINDS: Record<string, DirectiveKind> = {
  'ignore': 'ignore-next',
  'ignore-next': 'ignore-next',
  'disable': 'disable',
  'enable': 'enable',
  'disable-file': 'disable-file',
};

const COMMENT = /^<!--\s*verbatim-([a-z-]+)\s*-->$/i;
const BARE_LINE = /^verbatim-([a-z-]+)$/i;

/** The switch an HTML comment (`<!-- verbatim-disable -->`) holds, or null. */
export function commentDirective(raw: string): DirectiveKind | null {
  const name = COMMENT.exec(raw.trim())?.[1];
  return name ? KINDS[name.toLowerCase()] ?? null : null;
}

/** The switch a plain-text line holds: the bare name (`verbatim-disable`) or the HTML comment; else null. */
export function lineDirective(line: string): DirectiveKind | null {
  const trimmed = line.trim();
  const name = BARE_LINE.exec(trimmed)?.[1];
  return name ? KINDS[name.toLowerCase()] ?? null : commentDirective(trimmed);
}

/** How a switch is written in a draft of the given format. */
export function directiveText(kind: DirectiveKind, markdown: boolean): string {
  return markdown ? `<!-- verbatim-${kind} -->` : `verbatim-${kind}`;
}

/**
 * The spans where quotations are switched off: from the end of each `verbatim-disable` to the
 * start of the next `verbatim-enable` (or the end of the text), and the whole text when it
 * holds `verbatim-disable-file`. `directives` are in document order.
 */
export function disabledSpans(directives: readonly Directive[], textLength: number): Span[] {
  if (directives.some((d) => d.kind === 'disable-file')) return [{ start: 0, end: textLength }];
  const spans: Span[] = [];
  let from = -1;
  for (const directive of directives) {
    if (directive.kind === 'disable' && from < 0) from = directive.end;
    else if (directive.kind === 'enable' && from >= 0) {
      spans.push({ start: from, end: directive.start });
      from = -1;
    }
  }
  if (from >= 0) spans.push({ start: from, end: textLength });
  return spans;
}

/** The end offsets of the `ignore-next` switches, for `ignoredBlockIndexes`. */
export function ignoreNextEnds(directives: readonly Directive[]): number[] {
  return directives.filter((d) => d.kind === 'ignore-next').map((d) => d.end);
}

/** True when `offset` lies in one of `spans` (sorted, not overlapping). */
export function inSpans(spans: readonly Span[], offset: number): boolean {
  for (const span of spans) {
    if (offset < span.start) return false;
    if (offset < span.end) return true;
  }
  return false;
}
