// The editor settings under `verbatim.*`, shared by the client (which reads them from the
// editor) and the server (which asks for them per document). Defaults mirror package.json.

/** Diagnostic severities a user can choose, by name. */
export type Sev = 'error' | 'warning' | 'information' | 'hint';

export interface SeveritySettings {
  drift: Sev;
  unsupported: Sev;
  /** Used instead of `drift` when a number, negation or name changed. */
  critical: Sev;
  /** A quote whose words a source credits to someone else. */
  misattributed: Sev;
}

export interface VerbatimSettings {
  /** False turns checking off for the resource: no diagnostics, hovers or quick fixes. */
  enable: boolean;
  /** Corpus folders, files or globs, relative to the workspace folder. */
  corpus: string[];
  /** Language ids checked as drafts. */
  languages: string[];
  minWords: number;
  driftThreshold: number;
  severity: SeveritySettings;
  /** Show verbatim quotes as hints. */
  showVerbatim: boolean;
  /** Delay after the last keystroke before a draft is re-checked, in ms. */
  debounceMs: number;
  /** Source files larger than this are skipped, in megabytes. */
  maxFileSizeMB: number;
  /** Files past this total size of the corpus are not indexed, in megabytes. */
  maxCorpusSizeMB: number;
  /** The corpus walk stops after this many source files. */
  maxCorpusFiles: number;
  /** When a primary source (transcript, statement) covers a quote's passage, the verdict rests on it. */
  preferPrimarySources: boolean;
}

export const DEFAULT_SETTINGS: VerbatimSettings = {
  enable: true,
  corpus: ['sources'],
  languages: ['markdown', 'plaintext'],
  minWords: 3,
  driftThreshold: 0.6,
  severity: { drift: 'warning', unsupported: 'warning', critical: 'error', misattributed: 'error' },
  showVerbatim: false,
  debounceMs: 300,
  maxFileSizeMB: 10,
  maxCorpusSizeMB: 2048,
  maxCorpusFiles: 1_000_000,
  preferPrimarySources: true,
};

/** The configuration section all settings live under. */
export const SETTINGS_SECTION = 'verbatim';

/**
 * Added by the VS Code client to its answer for the `verbatim` section: where the effective
 * `verbatim.corpus` comes from. 'user' (user or machine settings) may name folders outside the
 * workspace; 'workspace' (workspace or folder settings, which the project carries) may not.
 */
export const CORPUS_ORIGIN_KEY = 'corpusOrigin';
export type CorpusSettingOrigin = 'user' | 'workspace' | 'default';

const SEVERITIES: readonly Sev[] = ['error', 'warning', 'information', 'hint'];

/** True when `value` names a severity. */
export function isSeverity(value: unknown): value is Sev {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/**
 * Merges an untrusted settings object (from the editor or initializationOptions) over the
 * defaults, keeping a default wherever a value has the wrong type or range.
 */
export function normalizeSettings(raw: unknown, base: VerbatimSettings = DEFAULT_SETTINGS): VerbatimSettings {
  const obj = isRecord(raw) ? raw : {};
  const severity = isRecord(obj.severity) ? obj.severity : {};
  return {
    enable: typeof obj.enable === 'boolean' ? obj.enable : base.enable,
    corpus: stringList(obj.corpus) ?? base.corpus,
    languages: stringList(obj.languages) ?? base.languages,
    minWords: numberSetting(obj, 'minWords') ?? base.minWords,
    driftThreshold: numberSetting(obj, 'driftThreshold') ?? base.driftThreshold,
    severity: {
      drift: isSeverity(severity.drift) ? severity.drift : base.severity.drift,
      unsupported: isSeverity(severity.unsupported) ? severity.unsupported : base.severity.unsupported,
      critical: isSeverity(severity.critical) ? severity.critical : base.severity.critical,
      misattributed: isSeverity(severity.misattributed) ? severity.misattributed : base.severity.misattributed,
    },
    showVerbatim: typeof obj.showVerbatim === 'boolean' ? obj.showVerbatim : base.showVerbatim,
    debounceMs: numberSetting(obj, 'debounceMs') ?? base.debounceMs,
    maxFileSizeMB: numberSetting(obj, 'maxFileSizeMB') ?? base.maxFileSizeMB,
    maxCorpusSizeMB: numberSetting(obj, 'maxCorpusSizeMB') ?? base.maxCorpusSizeMB,
    maxCorpusFiles: numberSetting(obj, 'maxCorpusFiles') ?? base.maxCorpusFiles,
    preferPrimarySources: typeof obj.preferPrimarySources === 'boolean' ? obj.preferPrimarySources : base.preferPrimarySources,
  };
}

/** The numeric settings and the values each accepts. */
const NUMBER_SETTINGS = {
  minWords: { min: 1, max: 1000, integer: true },
  driftThreshold: { min: 0, max: 1, integer: false },
  debounceMs: { min: 0, max: 60_000, integer: false },
  maxFileSizeMB: { min: 0.001, max: 10_000, integer: false },
  maxCorpusSizeMB: { min: 0.001, max: 1_000_000, integer: false },
  maxCorpusFiles: { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true },
} as const;

type NumberSetting = keyof typeof NUMBER_SETTINGS;

function numberSetting(obj: Record<string, unknown>, key: NumberSetting): number | undefined {
  const { min, max, integer } = NUMBER_SETTINGS[key];
  const value = numberIn(obj[key], min, max);
  return value !== undefined && (!integer || Number.isInteger(value)) ? value : undefined;
}

/**
 * One line per numeric setting that is set to a value of the wrong kind or range (a fractional
 * `minWords`, a string), saying what it must be; such a value is replaced by its default.
 */
export function settingProblems(raw: unknown): string[] {
  if (!isRecord(raw)) return [];
  const problems: string[] = [];
  for (const key of Object.keys(NUMBER_SETTINGS) as NumberSetting[]) {
    if (raw[key] === undefined || raw[key] === null || numberSetting(raw, key) !== undefined) continue;
    const { min, max, integer } = NUMBER_SETTINGS[key];
    problems.push(`"${SETTINGS_SECTION}.${key}" must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not ${JSON.stringify(raw[key])}`);
  }
  return problems;
}

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

function numberIn(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}
