// `verbatim archive import|status`: fills and describes the newsroom's shared archive.

import * as path from 'path';
import { DEFAULT_ARCHIVE_TIMEOUT_MS, connectForImport, describeArchiveError, parseArchiveUrl, type ArchiveTarget } from '../archive/archiveConnection';
import { archiveStatus } from '../archive/archiveStatus';
import { importArchive } from '../archive/importArchive';
import { grantReader } from '../archive/readerRole';
import { ConfigError, corpusPaths, findConfig, folderMetaPaths } from '../core/config';
import { displayPath } from './checkReport';
import { UsageError } from './parseArgs';
import { EXIT_BAD_INPUT, EXIT_OK, InputError, type CliIO } from './runCheck';

export const ARCHIVE_USAGE = `Usage: verbatim archive import --db URL [--corpus PATH]... [--reader ROLE]
       verbatim archive status --db URL

import   Reads the sources (the "corpus" of verbatim.json, or each --corpus) with the same
         readers as "verbatim check" into the PostgreSQL archive at URL. Only new and changed
         files are written, files no longer found are removed, and the whole import is one
         transaction. --reader ROLE also creates a login role that can only read the archive.
status   Shows how many documents the archive holds, its size and its last import.

The password comes from PGPASSWORD or ~/.pgpass, never from the URL in a file.`;

interface ArchiveArgs {
  action: 'import' | 'status';
  db: string;
  corpus: string[];
  reader: string | null;
}

export function parseArchiveArgs(argv: readonly string[]): ArchiveArgs {
  const [action, ...rest] = argv;
  if (action !== 'import' && action !== 'status') throw new UsageError(`unknown archive command "${action ?? ''}" (expected import or status)`);
  const args: ArchiveArgs = { action, db: '', corpus: [], reader: null };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : rest[++i];
      if (v === undefined || v.trim() === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--db') args.db = value();
    else if (flag === '--corpus' && action === 'import') args.corpus.push(value());
    else if (flag === '--reader' && action === 'import') args.reader = value();
    else throw new UsageError(`unknown option ${flag} for "archive ${action}" (see "verbatim archive --help")`);
  }
  if (!args.db) throw new UsageError(`archive ${action} needs --db URL (like postgres://host/db)`);
  if (args.reader !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(args.reader)) throw new UsageError(`--reader must be a role name of lower-case letters, digits and _, not "${args.reader}"`);
  return args;
}

/** Runs an archive command; resolves to the exit code. */
export async function runArchive(argv: readonly string[], io: CliIO): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(ARCHIVE_USAGE + '\n');
    return argv.length === 0 ? EXIT_BAD_INPUT : EXIT_OK;
  }
  const args = parseArchiveArgs(argv);
  let target: ArchiveTarget;
  try {
    target = parseArchiveUrl(args.db);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  if (target.hadPassword) io.stderr.write('verbatim: warning: the URL holds a password; prefer PGPASSWORD or ~/.pgpass, which other users cannot read in the process list\n');
  const withPassword = { ...target, url: args.db };
  const timeoutMs = Number(io.env.VERBATIM_ARCHIVE_TIMEOUT_MS) || DEFAULT_ARCHIVE_TIMEOUT_MS;
  const client = await connectForImport(withPassword, timeoutMs).catch((error) => {
    throw new InputError(describeArchiveError(error, target, timeoutMs).message);
  });
  try {
    if (args.action === 'status') return await printStatus(client, target, io);
    return await runImport(client, args, target, io);
  } catch (error) {
    throw new InputError(describeArchiveError(error, target, timeoutMs).message);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function printStatus(client: Parameters<typeof archiveStatus>[0], target: ArchiveTarget, io: CliIO): Promise<number> {
  const status = await archiveStatus(client);
  const last = status.lastImport;
  io.stdout.write([
    `archive:     ${target.display}`,
    `documents:   ${status.documents}`,
    `text:        ${megabytes(status.textChars)} (characters)`,
    `on disk:     ${megabytes(status.diskBytes)}`,
    `last import: ${last ? `${last.finishedAt.toISOString()} (${last.added} added, ${last.updated} updated, ${last.removed} removed, ${last.unchanged} unchanged)` : 'never'}`,
  ].join('\n') + '\n');
  return EXIT_OK;
}

async function runImport(client: Parameters<typeof importArchive>[0], args: ArchiveArgs, target: ArchiveTarget, io: CliIO): Promise<number> {
  let config;
  try {
    config = findConfig(io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) throw new InputError(`bad configuration: ${error.message}`);
    throw error;
  }
  const entries = args.corpus.length ? args.corpus.map((c) => path.resolve(io.cwd, c)) : corpusPaths(config);
  let lastShown = 0;
  const summary = await importArchive(client, entries, {
    maxFileBytes: config.maxFileBytes,
    folderMeta: folderMetaPaths(config),
    onWarning: (w) => io.stderr.write(`verbatim: warning: ${displayPath(io.cwd, w.path)}: ${w.message}\n`),
    onProgress: ({ files, totalFiles, bytes }) => {
      const now = Date.now();
      if (now - lastShown < 500 && files < totalFiles) return;
      lastShown = now;
      io.stderr.write(`verbatim: importing ${files}/${totalFiles} files, ${megabytes(bytes)} written\n`);
    },
  });
  if (args.reader) await grantReader(client, args.reader);
  const seconds = summary.milliseconds / 1000;
  io.stdout.write(`imported into ${target.display}: ${summary.added} added, ${summary.updated} updated, ${summary.removed} removed, ${summary.unchanged} unchanged (${megabytes(summary.bytes)} in ${seconds.toFixed(1)} s)` +
    (args.reader ? `; role ${args.reader} can read it` : '') + '\n');
  return EXIT_OK;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
