// Runs `verbatim check`: settles the configuration, reads the drafts and the corpus, checks every
// quote and writes the report. Anything the user can fix (a missing draft, a bad verbatim.json,
// an empty corpus) becomes an InputError with a one-line message; the exit code says whether
// any quote failed.

import * as fs from 'fs';
import * as path from 'path';
import { defaultCacheDir } from '../core/cache/cacheLocation';
import { openEarly } from '../core/cache/openEarly';
import { Checker, QuoteFinder, type CorpusIndex } from '../core/checker';
import { scopeCorpusPaths } from '../core/corpus/corpusScope';
import { appendAll } from '../core/corpus/walkCorpus';
import { formatOfFile } from '../core/draftFormats';
import { ConfigError, corpusPaths, defaultConfig, folderMetaPaths, readConfigFile, type VerbatimConfig } from '../core/config';
import type { Corpus, CorpusWarning } from '../core/types';
import { displayPath, reportDraft, summarize, type CheckReport, type DraftReport } from './checkReport';
import { configFileFor } from './configLookup';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatHtml, formatMarkdown } from './formatSheet';
import { formatText } from './formatText';
import type { CheckArgs } from './parseArgs';
import { SourceLocator } from './sourceLocations';
import { closeArchive, openArchive, withArchive } from './archiveDrafts';
import { checkBeforeConfirmed, checkLocally, type DraftQuotes, type LocalCheck } from './localChecks';
import { CHECKED_AFTER_READING, CHECKED_FROM_CACHE, noteCompiled } from './codeCoverage';

/** The thread that walks and stats the corpus while the drafts are checked, shipped beside the bundle. */
const SURVEY_SCRIPT = path.join(__dirname, 'surveyWorker.js');

/** Input the user has to fix before the check can run (exit code 2). */
export class InputError extends Error {}

/** Where the CLI reads its surroundings and writes its output, so tests can run it in-process. */
export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

/** Exit codes of `verbatim check`. */
export const EXIT_OK = 0;
export const EXIT_QUOTES_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

/** Checks the drafts named in `args` and writes the report; resolves to the exit code. */
export async function runCheck(args: CheckArgs, io: CliIO, version: string): Promise<number> {
  // A cache brought up to date while opening (a few files changed, or their times) is written
  // once the report is out: the write is synchronous, seconds long for an archive-sized corpus,
  // and must not run while the shared archive is asked, whose time limit would run out meanwhile.
  let releaseWrites!: () => void;
  const reportOut = new Promise<void>((resolve) => {
    releaseWrites = resolve;
  });
  try {
    return await checkDrafts(args, io, version, reportOut, releaseWrites);
  } finally {
    // A check that failed part way still writes what it refreshed, and ends once that is done (see cli.ts).
    releaseWrites();
  }
}

async function checkDrafts(args: CheckArgs, io: CliIO, version: string, reportOut: Promise<void>, releaseWrites: () => void): Promise<number> {
  const drafts = args.drafts.map((draft) => readDraft(io.cwd, draft));
  const reports: DraftReport[] = new Array(drafts.length);
  const warnings: CorpusWarning[] = [];
  const pendingSaves: { saved: Promise<boolean>; warnings: CorpusWarning[]; before: number }[] = [];
  const openedCorpora = new Map<string, { corpus: Corpus; index: CorpusIndex; fromCache: boolean }>();
  // Drafts under different verbatim.json files are checked each against the corpus its file names.
  for (const group of groupByConfig(args, io.cwd, drafts)) {
    const { config } = group;
    // A pull request can edit verbatim.json; only the person running the check lets its paths
    // reach outside the project. Paths typed on the command line are that person's own choice.
    const fromCommandLine = args.corpus.length > 0;
    const requested = fromCommandLine ? args.corpus.map((entry) => path.resolve(io.cwd, entry)) : corpusPaths(config);
    const scoped = scopeCorpusPaths(requested.map((entry) => ({ entry, origin: 'person' })), { root: config.root, allowOutside: fromCommandLine || args.allowOutside, hint: 'Pass --allow-outside to include it.' });
    if (scoped.kept.length === 0) {
      for (const warning of scoped.warnings) warn(io, warning);
      throw new InputError(`no corpus path lies inside ${displayPath(io.cwd, config.root)} (pass --allow-outside to read the ones outside it)`);
    }
    const entries = scoped.kept;
    const cacheDir = args.cache === false ? null : args.cache !== null ? path.resolve(io.cwd, args.cache) : defaultCacheDir(entries, io.env);
    const options = {
      minWords: args.minWords ?? config.minWords,
      driftThreshold: args.threshold ?? config.driftThreshold,
      aliases: config.aliases,
      ignore: config.ignore,
      preferPrimarySources: args.preferPrimary ?? config.preferPrimarySources,
    };
    const checkerOf = (index: CorpusIndex) => new Checker(index, options, config.accepted.map((a) => a.quote));
    const openOptions = { maxFileBytes: config.maxFileBytes, maxCorpusFiles: config.maxCorpusFiles, folderMeta: folderMetaPaths(config), cacheDir, confineLinksTo: scoped.confineLinksTo ?? undefined };
    const finder = new QuoteFinder(options);
    const quotesOf = (): DraftQuotes[] => group.drafts.map((i) => ({ text: drafts[i].text, quotes: finder.quotesOf(drafts[i].text, formatOfFile(drafts[i].path)) }));
    // Projects whose verbatim.json files name the same sources share one opening of them: a
    // second opening would read the files the first refreshed again (its cache is written only
    // once the report is out) and warn about each unreadable file again.
    const sameCorpus = JSON.stringify([entries, openOptions]);
    let opened = openedCorpora.get(sameCorpus);
    let texts: DraftQuotes[];
    let confirmed: { checker: Checker; checks: LocalCheck[] } | null = null;
    if (opened) {
      texts = quotesOf();
      for (const warning of scoped.warnings) warn(io, warning);
      appendAll(warnings, scoped.warnings);
    } else {
      const opening = readCorpus(() => openEarly(entries, { ...openOptions, postingsOnDemand: true, surveyScript: SURVEY_SCRIPT, cacheWriteAfter: reportOut }));
      // The drafts' quotations need no corpus: they are found while the cache is read.
      texts = quotesOf();
      // The drafts are checked against the cache before the files are known to be unchanged: for
      // an archive, while a thread still stats them (see openEarly.ts).
      const { early: earlyCorpus, confirmed: earlyConfirmed, finish } = await opening;
      const earlyChecker = earlyCorpus ? checkerOf(earlyCorpus.index) : null;
      const early = earlyChecker ? await checkBeforeConfirmed(earlyChecker, texts, earlyConfirmed) : null;
      const { corpus, index, cacheSaved, stats } = await readCorpus(finish);
      corpus.warnings.unshift(...scoped.warnings);
      pendingSaves.push({ saved: cacheSaved, warnings: corpus.warnings, before: corpus.warnings.length });
      for (const warning of corpus.warnings) warn(io, warning);
      // One warning per unreadable file: an archive can have more than a call takes as arguments.
      appendAll(warnings, corpus.warnings);
      // The early verdicts stand only when the corpus is the one they were checked against.
      confirmed = early && earlyChecker && earlyCorpus?.corpus === corpus ? { checker: earlyChecker, checks: early } : null;
      opened = { corpus, index, fromCache: stats.fromCache };
      openedCorpora.set(sameCorpus, opened);
    }
    const { corpus, index } = opened;
    // A shared archive (VERBATIM_ARCHIVE_URL or "archive" in verbatim.json) is checked too.
    const archive = openArchive(config.file, io);
    if (corpus.documents.length === 0 && !archive) {
      const from = config.file && args.corpus.length === 0 ? ` (corpus of ${displayPath(io.cwd, config.file)})` : '';
      throw new InputError(`no source documents found in ${entries.map((e) => displayPath(io.cwd, e)).join(', ')}${from}`);
    }
    const checker = confirmed?.checker ?? checkerOf(index);
    for (let k = 0; k < group.drafts.length; k++) {
      const i = group.drafts[k];
      const local = confirmed ? confirmed.checks[k] : checkLocally(checker, texts[k]);
      const results = await withArchive(archive, drafts[i].text, local, checker.options);
      reports[i] = reportDraft(io.cwd, drafts[i].path, drafts[i].text, results, (quote) => checker.isAccepted(quote));
    }
    noteCompiled(opened.fromCache ? CHECKED_FROM_CACHE : CHECKED_AFTER_READING);
    await closeArchive(archive, io);
  }
  const report: CheckReport = { cwd: io.cwd, warnings, drafts: reports };
  const locator = new SourceLocator(io.cwd);
  switch (args.format) {
    case 'json':
      io.stdout.write(formatJson(report, locator));
      break;
    case 'sarif':
      io.stdout.write(formatSarif(report, locator, version));
      break;
    case 'html':
      io.stdout.write(formatHtml(report));
      break;
    case 'markdown':
      io.stdout.write(formatMarkdown(report));
      break;
    default:
      io.stdout.write(formatText(report, useColor(args.color, io)));
  }
  // After a few sources changed, the cache is written now that the results are out; a failure
  // to write it only means the next run reads those files again.
  releaseWrites();
  for (const pending of pendingSaves) {
    if (await pending.saved) continue;
    for (const warning of pending.warnings.slice(pending.before)) warn(io, warning);
  }
  return summarize(report).failing > 0 ? EXIT_QUOTES_FAILED : EXIT_OK;
}


/** Decides colour: an explicit flag wins, then NO_COLOR, then FORCE_COLOR, then whether stdout is a terminal. */
export function useColor(flag: boolean | null, io: Pick<CliIO, 'env' | 'stdout'>): boolean {
  if (flag !== null) return flag;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

/** One warning about a corpus path, on a line of its own. */
function warn(io: CliIO, warning: CorpusWarning): void {
  io.stderr.write(`verbatim: warning: ${displayPath(io.cwd, warning.path)}: ${warning.message}\n`);
}

/** Drafts that share a verbatim.json, in the order their first draft was named. */
interface ConfigGroup {
  config: VerbatimConfig;
  /** Indexes into the drafts named on the command line. */
  drafts: number[];
}

/**
 * Groups the drafts by the verbatim.json that applies to each: `--config` for all, else the
 * nearest one above each draft, else the working folder's, else the defaults.
 */
function groupByConfig(args: CheckArgs, cwd: string, drafts: { path: string }[]): ConfigGroup[] {
  const groups = new Map<string, ConfigGroup>();
  drafts.forEach((draft, i) => {
    const file = args.config !== null ? path.resolve(cwd, args.config) : configFileFor(draft.path, cwd);
    const key = file ?? '';
    let group = groups.get(key);
    if (!group) {
      group = { config: loadConfig(file, args.config ?? '', cwd), drafts: [] };
      groups.set(key, group);
    }
    group.drafts.push(i);
  });
  return [...groups.values()];
}

function loadConfig(file: string | null, named: string, cwd: string): VerbatimConfig {
  try {
    if (file === null) return defaultConfig(path.resolve(cwd));
    if (named && !fs.existsSync(file)) throw new InputError(`cannot read ${named}: no such file`);
    return readConfigFile(file);
  } catch (error) {
    if (error instanceof ConfigError) throw new InputError(`bad configuration: ${oneLine((error as Error).message)}`);
    throw error;
  }
}

function readDraft(cwd: string, draft: string): { path: string; text: string } {
  const file = path.resolve(cwd, draft);
  try {
    return { path: file, text: fs.readFileSync(file, 'utf8') };
  } catch (error) {
    throw new InputError(`cannot read ${draft}: ${reason(error)}`);
  }
}

/** Opens the corpus with `open`; what it throws becomes a one-line InputError. */
async function readCorpus<T>(open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    throw new InputError(`cannot read the corpus: ${oneLine(reason(error))}`);
  }
}

/** A short reason for a file system error, like "no such file". */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
