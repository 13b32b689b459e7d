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
};

/** The configuration section all settings live under. */
export const SETTINGS_SECTION = 'verbatim';

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
    minWords: numberIn(obj.minWords, 1, 1000) ?? base.minWords,
    driftThreshold: numberIn(obj.driftThreshold, 0, 1) ?? base.driftThreshold,
    severity: {
      drift: isSeverity(severity.drift) ? severity.drift : base.severity.drift,
      unsupported: isSeverity(severity.unsupported) ? severity.unsupported : base.severity.unsupported,
      critical: isSeverity(severity.critical) ? severity.critical : base.severity.critical,
      misattributed: isSeverity(severity.misattributed) ? severity.misattributed : base.severity.misattributed,
    },
    showVerbatim: typeof obj.showVerbatim === 'boolean' ? obj.showVerbatim : base.showVerbatim,
    debounceMs: numberIn(obj.debounceMs, 0, 60_000) ?? base.debounceMs,
    maxFileSizeMB: numberIn(obj.maxFileSizeMB, 0.001, 10_000) ?? base.maxFileSizeMB,
    maxCorpusSizeMB: numberIn(obj.maxCorpusSizeMB, 0.001, 1_000_000) ?? base.maxCorpusSizeMB,
  };
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
