// Reads `verbatim.json`, the project file that the CLI and the editor share, so that a team
// configures its corpus and thresholds once for every tool.

import * as fs from 'fs';
import * as path from 'path';
import { checkSchema } from './configSchema';
import { ignoreEntryProblem } from './ignoreList';
import { parseSourceKind } from './corpus/sourceKind';
import { DEFAULT_CHECK_OPTIONS, SOURCE_KINDS, SOURCE_META_FIELDS, type SourceMeta } from './types';

/** A rendering the team accepted for a quote: drafts quoting `quote` are not flagged. */
export interface AcceptedRendering {
  quote: string;
  note?: string;
}

/** The contents of `verbatim.json`, with defaults filled in. */
export interface VerbatimConfig {
  /** Corpus folders, files or globs, relative to `root`. */
  corpus: string[];
  minWords: number;
  driftThreshold: number;
  /** Largest source file read, in bytes. */
  maxFileBytes: number;
  /** Most source files indexed; the corpus walk stops there. */
  maxCorpusFiles: number;
  accepted: AcceptedRendering[];
  /** Quotations never checked: their words, or `/regular expressions/` (see ignoreList.ts). */
  ignore: string[];
  /**
   * Source metadata defaults by folder, relative to `root` ("wires/reuters" → {source: "Reuters"});
   * a source file gets the fields it does not declare itself from the folders holding it.
   */
  folders: Record<string, SourceMeta>;
  /** Other names for speakers ("POTUS" → "Joe Biden"), applied to drafts and sources alike. */
  aliases: Record<string, string>;
  /** When a primary source covers a quote's passage, the verdict rests on it (see CheckOptions). */
  preferPrimarySources: boolean;
  /** Folder the relative paths are resolved against (the config file's folder). */
  root: string;
  /** The config file that was read, or null when defaults were used. */
  file: string | null;
}

export const CONFIG_FILE_NAME = 'verbatim.json';
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Enough for a newsroom archive of articles; a corpus of `/` stops here instead of reading a disk. */
export const DEFAULT_MAX_CORPUS_FILES = 1_000_000;

/** A config file that exists but cannot be used; the message says why in one line. */
export class ConfigError extends Error {}

/** Returns the defaults for a project rooted at `root`. */
export function defaultConfig(root: string): VerbatimConfig {
  return {
    corpus: ['sources'],
    minWords: DEFAULT_CHECK_OPTIONS.minWords,
    driftThreshold: DEFAULT_CHECK_OPTIONS.driftThreshold,
    maxFileBytes: DEFAULT_MAX_FILE_BYTES,
    maxCorpusFiles: DEFAULT_MAX_CORPUS_FILES,
    accepted: [],
    ignore: [],
    folders: {},
    aliases: {},
    preferPrimarySources: true,
    root,
    file: null,
  };
}

/**
 * Reads `file` (a verbatim.json) and validates it. Throws ConfigError with a one-line message
 * when it cannot be read or holds the wrong types.
 */
export function readConfigFile(file: string): VerbatimConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file}: ${(error as Error).message}`);
  }
  return parseConfig(raw, path.dirname(path.resolve(file)), path.resolve(file));
}

/** Reads `verbatim.json` in `dir` when present, else returns the defaults for `dir`. */
export function findConfig(dir: string): VerbatimConfig {
  const file = path.join(dir, CONFIG_FILE_NAME);
  return fs.existsSync(file) ? readConfigFile(file) : defaultConfig(path.resolve(dir));
}

/** Validates a parsed config object; `root` is where relative corpus paths start. */
export function parseConfig(raw: unknown, root: string, file: string | null): VerbatimConfig {
  const where = file ?? 'configuration';
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`${where}: expected a JSON object`);
  }
  // The schema the editor validates verbatim.json with decides which keys exist and their types;
  // the checks below add what a schema cannot say (names that are only spaces, say).
  const problem = checkSchema(raw);
  if (problem) throw new ConfigError(`${where}: ${problem.message}`);
  const obj = raw as Record<string, unknown>;
  const config = defaultConfig(root);
  config.file = file;
  if (obj.corpus !== undefined) {
    const corpus = typeof obj.corpus === 'string' ? [obj.corpus] : obj.corpus;
    if (!Array.isArray(corpus) || !corpus.every((c) => typeof c === 'string')) {
      throw new ConfigError(`${where}: "corpus" must be a path or a list of paths`);
    }
    config.corpus = corpus as string[];
  }
  config.minWords = numberField(obj, 'minWords', config.minWords, where, 1, 1000, true);
  config.driftThreshold = numberField(obj, 'driftThreshold', config.driftThreshold, where, 0, 1);
  config.maxFileBytes = numberField(obj, 'maxFileBytes', config.maxFileBytes, where, 1, Number.MAX_SAFE_INTEGER);
  config.maxCorpusFiles = numberField(obj, 'maxCorpusFiles', config.maxCorpusFiles, where, 1, Number.MAX_SAFE_INTEGER, true);
  if (obj.accepted !== undefined) {
    if (!Array.isArray(obj.accepted) || !obj.accepted.every((a) => typeof a === 'object' && a && typeof (a as AcceptedRendering).quote === 'string')) {
      throw new ConfigError(`${where}: "accepted" must be a list of {"quote": "..."} objects`);
    }
    config.accepted = obj.accepted as AcceptedRendering[];
  }
  if (obj.ignore !== undefined) config.ignore = parseIgnore(obj.ignore, where);
  if (obj.folders !== undefined) config.folders = parseFolders(obj.folders, where);
  if (obj.aliases !== undefined) config.aliases = parseAliases(obj.aliases, where);
  // The schema has already checked that it is a boolean.
  if (obj.preferPrimarySources !== undefined) config.preferPrimarySources = obj.preferPrimarySources === true;
  return config;
}

/** Validates "ignore": ["a quotation's words", "/a regular expression/i"]. */
function parseIgnore(value: unknown, where: string): string[] {
  if (!Array.isArray(value)) throw new ConfigError(`${where}: "ignore" must be a list of quotations or /regular expressions/, like ["Slava Ukraini", "/^Section \\d+/"]`);
  value.forEach((entry, i) => {
    const problem = ignoreEntryProblem(entry);
    if (problem) throw new ConfigError(`${where}: "ignore" entry ${i + 1} (${JSON.stringify(entry)}) ${problem}`);
  });
  return value as string[];
}

/** Validates "aliases": {"POTUS": "Joe Biden"}: non-empty names on both sides. */
function parseAliases(value: unknown, where: string): Record<string, string> {
  const example = '{"POTUS": "Joe Biden"}';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${where}: "aliases" must be an object mapping other names to speakers, like ${example}`);
  }
  const aliases: Record<string, string> = {};
  for (const [alias, name] of Object.entries(value as Record<string, unknown>)) {
    if (!alias.trim()) throw new ConfigError(`${where}: "aliases" has an empty name`);
    if (typeof name !== 'string' || !name.trim()) {
      throw new ConfigError(`${where}: "aliases" → "${alias}" must be the speaker's name as a non-empty string, like ${example}`);
    }
    aliases[alias] = name.trim();
  }
  return aliases;
}


/** Validates "folders": {"folder": {"source": "...", ...}} with string fields only. */
function parseFolders(value: unknown, where: string): Record<string, SourceMeta> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${where}: "folders" must be an object mapping folders to source details, like {"wires/reuters": {"source": "Reuters"}}`);
  }
  const folders: Record<string, SourceMeta> = {};
  for (const [folder, meta] of Object.entries(value as Record<string, unknown>)) {
    if (!folder.trim()) throw new ConfigError(`${where}: "folders" has an empty folder name`);
    if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
      throw new ConfigError(`${where}: "folders" → "${folder}" must be an object like {"source": "Reuters"}`);
    }
    const entry: SourceMeta = {};
    for (const [field, fieldValue] of Object.entries(meta as Record<string, unknown>)) {
      if (!(SOURCE_META_FIELDS as readonly string[]).includes(field)) {
        throw new ConfigError(`${where}: "folders" → "${folder}" has an unknown field "${field}" (allowed: ${SOURCE_META_FIELDS.join(', ')})`);
      }
      if (typeof fieldValue !== 'string') {
        throw new ConfigError(`${where}: "folders" → "${folder}" → "${field}" must be a string`);
      }
      if (field === 'kind') {
        const kind = parseSourceKind(fieldValue);
        if (!kind) throw new ConfigError(`${where}: "folders" → "${folder}" → "kind" must be one of ${SOURCE_KINDS.join(', ')}`);
        entry.kind = kind;
      } else {
        entry[field as Exclude<keyof SourceMeta, 'kind'>] = fieldValue;
      }
    }
    folders[folder] = entry;
  }
  return folders;
}

/** Resolves the config's per-folder source defaults to absolute folder paths. */
export function folderMetaPaths(config: VerbatimConfig): Record<string, SourceMeta> {
  const resolved: Record<string, SourceMeta> = {};
  for (const [folder, meta] of Object.entries(config.folders)) resolved[path.resolve(config.root, folder)] = meta;
  return resolved;
}

function numberField(obj: Record<string, unknown>, key: string, fallback: number, where: string, min: number, max: number, integer = false): number {
  const value = obj[key];
  if (value === undefined) return fallback;
  // A count of words or files has no fractions: 1.5 is as wrong as 0 and gets the same message.
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new ConfigError(`${where}: "${key}" must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
  }
  return value;
}

/** Resolves the config's corpus entries to absolute paths or globs. */
export function corpusPaths(config: VerbatimConfig): string[] {
  return config.corpus.map((entry) => path.resolve(config.root, entry));
}
