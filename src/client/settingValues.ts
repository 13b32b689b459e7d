// Turns `verbatim.*` setting values into what the client uses, and back: the language list
// into a document selector, a picked folder into a `verbatim.corpus` entry. Free of the
// `vscode` module so that the rules can be tested in plain Node.
import * as path from 'path';
import { DEFAULT_SETTINGS } from '../shared/settings';

/** URI schemes whose documents can be drafts: saved files and new unsaved editors. */
export const DRAFT_SCHEMES: readonly string[] = ['file', 'untitled'];

/** A document filter in the shape both VS Code and the language client accept. */
export interface DraftFilter {
  scheme: string;
  language: string;
}

/** Reads a `verbatim.languages` value, falling back to the default for anything but a string list. */
export function languagesSetting(value: unknown): string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : [...DEFAULT_SETTINGS.languages];
}

/** Builds one filter per scheme and language from the `verbatim.languages` setting. */
export function draftSelector(languages: readonly string[]): DraftFilter[] {
  const unique = [...new Set(languages.filter((l) => l.trim() !== ''))];
  return DRAFT_SCHEMES.flatMap((scheme) => unique.map((language) => ({ scheme, language })));
}

/** True when a document with this scheme and language id is checked as a draft. */
export function isDraft(scheme: string, languageId: string, languages: readonly string[]): boolean {
  return DRAFT_SCHEMES.includes(scheme) && languages.includes(languageId);
}

/**
 * The `verbatim.corpus` entry for a picked folder: relative to the workspace folder with `/`
 * separators, because settings are shared through version control and must work on every
 * machine that checks the project out.
 */
export function corpusSettingValue(workspaceFolder: string | undefined, chosen: string, pathApi: path.PlatformPath = path): string {
  if (!workspaceFolder) return chosen;
  const relative = pathApi.relative(workspaceFolder, chosen);
  if (relative === '') return '.';
  // On Windows a folder on another drive has no relative path; the absolute one is kept.
  if (pathApi.isAbsolute(relative)) return chosen;
  return relative.split(pathApi.sep).join('/');
}
