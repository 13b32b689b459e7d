// Settings per document, resolved from the editor and the project file. The editor's settings
// come from `workspace/configuration` when the client offers it, else from what the client
// pushed (initializationOptions or didChangeConfiguration), else the defaults; a verbatim.json
// in the workspace folder then wins for the keys a team shares, so every tool agrees.

import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAME, ConfigError, folderMetaPaths, parseConfig, type AcceptedRendering, type VerbatimConfig } from '../core/config';
import type { CorpusOrigin } from '../core/corpus/corpusScope';
import type { SourceMeta } from '../core/types';
import { CORPUS_ORIGIN_KEY, DEFAULT_SETTINGS, isRecord, normalizeSettings, settingProblems, SETTINGS_SECTION, type VerbatimSettings } from '../shared/settings';

// verbatim.json is read for its keys as well as its values: only the keys the file sets
// override the editor settings, so a file that names just the corpus keeps the user's thresholds.

/** A verbatim.json found in a folder: its config, the keys it sets, or why it is unusable. */
export interface ProjectConfig {
  file: string;
  config: VerbatimConfig | null;
  keys: ReadonlySet<string>;
  error: string | null;
}

/** Reads `verbatim.json` in `folder`, or returns null when there is none. */
export function readProjectConfig(folder: string): ProjectConfig | null {
  const file = path.join(folder, CONFIG_FILE_NAME);
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { file, config: null, keys: new Set(), error: `${file}: ${(error as Error).message}` };
  }
  try {
    const raw: unknown = JSON.parse(source);
    const config = parseConfig(raw, folder, file);
    const keys = new Set(Object.keys(raw as Record<string, unknown>));
    return { file, config, keys, error: null };
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : `${file}: ${(error as Error).message}`;
    return { file, config: null, keys: new Set(), error: message };
  }
}

/** The settings that apply to one document or workspace folder. */
export interface ResolvedSettings {
  settings: VerbatimSettings;
  /** Renderings the team accepted (verbatim.json only). */
  accepted: AcceptedRendering[];
  /** Quotations never checked (verbatim.json only). */
  ignore: string[];
  /** Source metadata defaults by absolute folder path (verbatim.json "folders"). */
  folderMeta: Record<string, SourceMeta>;
  /** Other names for speakers (verbatim.json "aliases"). */
  aliases: Record<string, string>;
  /** Largest source file read, in bytes. */
  maxFileBytes: number;
  /** Largest total size of the corpus indexed, in bytes. */
  maxCorpusBytes: number;
  /** Most source files indexed. */
  maxCorpusFiles: number;
  /**
   * Who chose `settings.corpus`: the project (verbatim.json, workspace or folder settings) or
   * the person (user or machine settings; a client that does not say where its settings come
   * from is taken to send its user's own configuration).
   */
  corpusOrigin: CorpusOrigin;
  /** Editor settings of the wrong kind or range, one line each; their defaults are used. */
  settingErrors: string[];
  /** The verbatim.json that was applied, or null. */
  configFile: string | null;
  /** Why verbatim.json could not be used, or null. */
  configError: string | null;
}

/**
 * Picks the settings that apply: the client's answer (when it has one), else the pushed
 * settings, else defaults; then the project file's shared keys on top.
 */
export function resolveSettings(fromClient: unknown, pushed: unknown, project: ProjectConfig | null): ResolvedSettings {
  const editorRaw = isRecord(fromClient) ? fromClient : isRecord(pushed) ? pushed : {};
  const settings = normalizeSettings(editorRaw, DEFAULT_SETTINGS);
  const resolved: ResolvedSettings = {
    settings,
    accepted: [],
    ignore: [],
    folderMeta: {},
    aliases: {},
    maxFileBytes: Math.round(settings.maxFileSizeMB * 1024 * 1024),
    maxCorpusBytes: Math.round(settings.maxCorpusSizeMB * 1024 * 1024),
    maxCorpusFiles: settings.maxCorpusFiles,
    corpusOrigin: editorRaw[CORPUS_ORIGIN_KEY] === 'workspace' ? 'project' : 'person',
    settingErrors: settingProblems(editorRaw),
    configFile: null,
    configError: project?.error ?? null,
  };
  const config = project?.config;
  if (!project || !config) return resolved;
  resolved.configFile = project.file;
  if (project.keys.has('corpus')) {
    settings.corpus = config.corpus;
    resolved.corpusOrigin = 'project';
  }
  if (project.keys.has('maxCorpusFiles')) resolved.maxCorpusFiles = config.maxCorpusFiles;
  if (project.keys.has('minWords')) settings.minWords = config.minWords;
  if (project.keys.has('driftThreshold')) settings.driftThreshold = config.driftThreshold;
  if (project.keys.has('preferPrimarySources')) settings.preferPrimarySources = config.preferPrimarySources;
  if (project.keys.has('maxFileBytes')) resolved.maxFileBytes = config.maxFileBytes;
  resolved.accepted = config.accepted;
  resolved.ignore = config.ignore;
  resolved.folderMeta = folderMetaPaths(config);
  resolved.aliases = config.aliases;
  return resolved;
}

/**
 * Extracts the `verbatim` settings from whatever a client pushes: `{verbatim: {...}}`,
 * `{settings: {verbatim: {...}}}` or the settings object itself (as Neovim users often write).
 */
export function pushedSettings(raw: unknown): unknown {
  if (!isRecord(raw)) return null;
  if (isRecord(raw[SETTINGS_SECTION])) return raw[SETTINGS_SECTION];
  if (isRecord(raw.settings)) return pushedSettings(raw.settings);
  return raw;
}

/** What the store needs from the connection; kept narrow so tests can fake it. */
export interface SettingsSource {
  /** True when the client answers `workspace/configuration`. */
  supportsConfiguration: boolean;
  /** Asks the client for the `verbatim` section scoped to `uri`. */
  fetch(uri: string): Promise<unknown>;
  /** The workspace folder (file system path) that holds `uri`, or null. */
  folderOf(uri: string): string | null;
  log(message: string): void;
}

/** Caches resolved settings per resource URI until the configuration changes. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<ResolvedSettings>>();
  private pushed: unknown = null;

  constructor(private readonly source: SettingsSource, initializationOptions: unknown) {
    this.pushed = pushedSettings(initializationOptions);
  }

  /** The settings for a document or folder URI. */
  get(uri: string): Promise<ResolvedSettings> {
    let pending = this.cache.get(uri);
    if (!pending) {
      pending = this.load(uri);
      this.cache.set(uri, pending);
    }
    return pending;
  }

  /** Drops every cached value; `pushed` replaces the client-pushed settings when given. */
  clear(pushed?: unknown): void {
    if (pushed !== undefined) {
      const next = pushedSettings(pushed);
      if (next !== null) this.pushed = next;
    }
    this.cache.clear();
  }

  private async load(uri: string): Promise<ResolvedSettings> {
    let fromClient: unknown = null;
    if (this.source.supportsConfiguration) {
      try {
        fromClient = await this.source.fetch(uri);
      } catch (error) {
        this.source.log(`Could not read settings for ${uri}: ${(error as Error).message}`);
      }
    }
    const folder = this.source.folderOf(uri);
    const project = folder ? readProjectConfig(folder) : null;
    if (project?.error) this.source.log(project.error);
    return resolveSettings(fromClient, this.pushed, project);
  }
}

