// Runs `verbatim check`: settles the configuration, reads the drafts and the corpus, checks every
// quote and writes the report. Anything the user can fix (a missing draft, a bad verbatim.json,
// an empty corpus) becomes an InputError with a one-line message; the exit code says whether
// any quote failed.

import * as fs from 'fs';
import * as path from 'path';
import { defaultCacheDir } from '../core/cache/cacheLocation';
import { openCorpus, type OpenedCorpus } from '../core/cache/openCorpus';
import { Checker } from '../core/checker';
import { formatOfFile } from '../core/draftFormats';
import { ConfigError, corpusPaths, findConfig, folderMetaPaths, readConfigFile, type VerbatimConfig } from '../core/config';
import type { SourceMeta } from '../core/types';
import { displayPath, reportDraft, summarize, type CheckReport } from './checkReport';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import type { CheckArgs } from './parseArgs';
import { SourceLocator } from './sourceLocations';
import { checkDraft, closeArchive, openArchive } from './archiveDrafts';

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
  const config = loadConfig(args, io.cwd);
  const drafts = args.drafts.map((draft) => readDraft(io.cwd, draft));
  const entries = args.corpus.length > 0 ? args.corpus.map((entry) => path.resolve(io.cwd, entry)) : corpusPaths(config);
  const cacheDir = args.cache === false ? null : args.cache !== null ? path.resolve(io.cwd, args.cache) : defaultCacheDir(entries, io.env);
  const { corpus, index, cacheSaved } = await readCorpus(entries, config.maxFileBytes, folderMetaPaths(config), cacheDir);
  const warningsBeforeSave = corpus.warnings.length;
  for (const warning of corpus.warnings) {
    io.stderr.write(`verbatim: warning: ${displayPath(io.cwd, warning.path)}: ${warning.message}\n`);
  }
  const archive = openArchive(config.file, io);
  if (corpus.documents.length === 0 && !archive) {
    throw new InputError(`no source documents found in ${entries.map((e) => displayPath(io.cwd, e)).join(', ')}`);
  }
  const options = { minWords: args.minWords ?? config.minWords, driftThreshold: args.threshold ?? config.driftThreshold, aliases: config.aliases };
  const checker = new Checker(index, options, config.accepted.map((a) => a.quote));
  const report: CheckReport = { cwd: io.cwd, warnings: corpus.warnings, drafts: [] };
  for (const draft of drafts) {
    const results = await checkDraft(checker, archive, draft.text, formatOfFile(draft.path));
    report.drafts.push(reportDraft(io.cwd, draft.path, draft.text, results, (quote) => checker.isAccepted(quote)));
  }
  await closeArchive(archive, io);
  const locator = new SourceLocator(io.cwd);
  switch (args.format) {
    case 'json':
      io.stdout.write(formatJson(report, locator));
      break;
    case 'sarif':
      io.stdout.write(formatSarif(report, locator, version));
      break;
    default:
      io.stdout.write(formatText(report, useColor(args.color, io)));
  }
  // After a few sources changed, the cache is refreshed once the results are out; a failure
  // to write it only means the next run reads those files again.
  if (!(await cacheSaved)) {
    for (const warning of corpus.warnings.slice(warningsBeforeSave)) io.stderr.write(`verbatim: warning: ${displayPath(io.cwd, warning.path)}: ${warning.message}\n`);
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

function loadConfig(args: CheckArgs, cwd: string): VerbatimConfig {
  try {
    if (args.config === null) return findConfig(cwd);
    const file = path.resolve(cwd, args.config);
    if (!fs.existsSync(file)) throw new InputError(`cannot read ${args.config}: no such file`);
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

async function readCorpus(entries: string[], maxFileBytes: number, folderMeta: Record<string, SourceMeta>, cacheDir: string | null): Promise<OpenedCorpus> {
  try {
    return await openCorpus(entries, { maxFileBytes, folderMeta, cacheDir });
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
