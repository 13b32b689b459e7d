// Hover links to extracted source text. The server links a PDF or Word source to its
// `verbatim-source:` virtual document (and an archived source to its `verbatim-archive:` one), but VS Code's hover only lets http, https, file and
// (when trusted) command links through. The client therefore turns each such link into a link
// to its own "open extracted source text" command, and trusts that one command only. Kept
// free of the `vscode` module so the rewriting can be tested in plain Node.

import { COMMANDS } from '../shared/commands';
import { ARCHIVE_DOCUMENT_SCHEME } from '../shared/archiveUri';
import { SOURCE_TEXT_SCHEME } from '../shared/sourceText';

/** The arguments of `verbatim.openSourceText`: the virtual document URI and a 1-based line. */
export type OpenSourceTextArgs = [uri: string, line: number | null];

// A Markdown link target: `](verbatim-source:/path#L12)`. The server percent-encodes spaces,
// brackets and parentheses in link targets, so the target ends at the first `)`.
const SOURCE_LINK = new RegExp(`\\]\\(((?:${SOURCE_TEXT_SCHEME}|${ARCHIVE_DOCUMENT_SCHEME}):[^)\\s]*)\\)`, 'g');

/** Rewrites every `verbatim-source:` link target in hover Markdown into a command link. */
export function rewriteSourceLinks(markdown: string): string {
  return markdown.replace(SOURCE_LINK, (_whole, target: string) => `](${commandTarget(target)})`);
}

/** True when `markdown` links to extracted source text. */
export function hasSourceLinks(markdown: string): boolean {
  return new RegExp(SOURCE_LINK.source).test(markdown);
}

function commandTarget(target: string): string {
  const hash = target.indexOf('#');
  const uri = hash < 0 ? target : target.slice(0, hash);
  const line = hash < 0 ? null : /^L(\d+)/.exec(target.slice(hash + 1))?.[1];
  const args: OpenSourceTextArgs = [uri, line ? Number(line) : null];
  return `command:${COMMANDS.openSourceText}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** Validates the untrusted arguments of `verbatim.openSourceText`. */
export function parseOpenSourceTextArgs(uri: unknown, line: unknown): OpenSourceTextArgs | null {
  if (typeof uri !== 'string' || !(uri.startsWith(`${SOURCE_TEXT_SCHEME}:`) || uri.startsWith(`${ARCHIVE_DOCUMENT_SCHEME}:`))) return null;
  const validLine = typeof line === 'number' && Number.isInteger(line) && line >= 1 ? line : null;
  return [uri, validLine];
}
