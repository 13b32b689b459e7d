// Turns the command line into a typed request. Parsing is strict: an unknown flag or a missing
// value is a usage error (exit 2) rather than being guessed at, because a CI job that silently
// ignores a misspelt `--corpus` would check against the wrong sources and pass.

/** The report formats the CLI can write. */
export type OutputFormat = 'text' | 'json' | 'sarif' | 'html' | 'markdown';

/** Options of `verbatim check`. Unset numbers fall back to verbatim.json, then to defaults. */
export interface CheckArgs {
  /** Corpus entries from `--corpus`, as typed; empty means "use the config". */
  corpus: string[];
  format: OutputFormat;
  /** The `--config` file, as typed, or null to look for verbatim.json above each draft, then in the current folder. */
  config: string | null;
  minWords: number | null;
  threshold: number | null;
  /** True or false when forced by `--color`/`--no-color`; null to decide from the terminal. */
  color: boolean | null;
  /** The `--cache` folder as typed, false for `--no-cache`, or null for the default cache. */
  cache: string | false | null;
  /** `--allow-outside`: corpus paths may lie outside the folder holding verbatim.json. */
  allowOutside: boolean;
  /** True or false when forced by `--prefer-primary`/`--no-prefer-primary`; null to follow verbatim.json. */
  preferPrimary: boolean | null;
  drafts: string[];
}

/** What the command line asks for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; args: CheckArgs }
  | { kind: 'archive'; argv: string[] };

/** A command line that cannot be run; the message is one line for stderr. */
export class UsageError extends Error {}

export const USAGE = `Usage: verbatim check [options] DRAFT...

Checks every quotation in each DRAFT (Markdown or plain text) against a corpus of sources
and reports whether it is verbatim, has drifted from its source, or is unsupported.

Options:
  --corpus PATH      Source folder, file or glob; repeat for several (default: the
                     "corpus" of the draft's verbatim.json, else sources/)
  --config FILE      Read settings from FILE (default: the nearest verbatim.json in
                     each draft's folder or above, else in the current folder)
  --format FORMAT    text (default), json, sarif, html (a fact-check sheet to print
                     or share) or markdown (the sheet as a table for a ticket or PR)
  --min-words N      Shorter quotes are only checked for exact presence (default 3)
  --threshold X      Similarity from 0 to 1 at which a reworded quote counts as drift
                     rather than unsupported (default 0.6)
  --color, --no-color
                     Force coloured output on or off (default: on for a terminal
                     unless NO_COLOR is set)
  --cache DIR        Keep the corpus index in DIR (default: one folder per corpus under
                     $VERBATIM_CACHE_DIR, $XDG_CACHE_HOME/verbatim or ~/.cache/verbatim,
                     shared with the editor)
  --no-cache         Read every source file and keep no index on disk
  --allow-outside    Let the corpus paths of verbatim.json lie outside its folder;
                     without it they are left out, with a warning naming each (paths
                     given with --corpus are read wherever they lie)
  --no-prefer-primary
                     Check quotes against every source alike; by default, when a primary
                     source (transcript, subtitles, statement) covers a quote's passage, the
                     verdict rests on it ("preferPrimarySources" in verbatim.json)
  -h, --help         Show this help
  -v, --version      Show the version

In the text output, [-words-] are the draft's own and {+words+} the source's wording
that replaces them.

verbatim archive import|status --db URL: fills or describes a shared PostgreSQL archive
(see "verbatim archive --help"). A draft is also checked against the archive named by
VERBATIM_ARCHIVE_URL or "archive" in verbatim.json.

Examples:
  verbatim check draft.md
      Check draft.md against sources/ (or the corpus named in verbatim.json)
  verbatim check --corpus sources --corpus 'archive/**/*.pdf' chapters/*.md
      Check several drafts against a folder and a glob of PDFs
  verbatim check --format html draft.md > fact-check.html
      Write the fact-check sheet for the desk: every quote, its verdict, diff and source
  verbatim check --format markdown draft.md >> pull-request.md
      The same sheet as a Markdown table
  verbatim check --format sarif drafts/*.md > verbatim.sarif
      A report for GitHub code scanning and other CI viewers

Exit status: 0 when no quote is a problem (every quote is verbatim, accepted, or a short
quote not found), 1 when a quote drifted, is unsupported or misattributed, 2 on bad usage
or unreadable input.`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'html', 'markdown'];

/** Parses the arguments that follow `verbatim` on the command line. */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) throw new UsageError('missing command (try "verbatim check DRAFT" or "verbatim --help")');
  if (argv[0] === 'archive') return { kind: 'archive', argv: argv.slice(1) };
  if (argv.includes('-h') || argv.includes('--help')) return { kind: 'help' };
  if (argv[0] === '-v' || argv[0] === '--version') return { kind: 'version' };
  const [command, ...rest] = argv;
  if (command === 'help') return { kind: 'help' };
  if (command !== 'check') throw new UsageError(`unknown command "${command}" (the commands are "check" and "archive")`);
  return { kind: 'check', args: parseCheckArgs(rest) };
}

function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const args: CheckArgs = { corpus: [], format: 'text', config: null, minWords: null, threshold: null, color: null, cache: null, allowOutside: false, preferPrimary: null, drafts: [] };
  let onlyDrafts = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyDrafts || !arg.startsWith('-') || arg === '-') {
      args.drafts.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyDrafts = true;
      continue;
    }
    // Both `--flag value` and `--flag=value` are accepted.
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : null;
    const value = (): string => {
      if (inline !== null) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`${flag} needs a value`);
      i++;
      return next;
    };
    switch (flag) {
      case '--corpus':
        args.corpus.push(nonEmpty(flag, value()));
        break;
      case '--config':
        args.config = nonEmpty(flag, value());
        break;
      case '--format':
        args.format = parseFormat(value());
        break;
      case '--min-words':
        args.minWords = parseNumber(flag, value(), 1, 1000, true);
        break;
      case '--threshold':
        args.threshold = parseNumber(flag, value(), 0, 1, false);
        break;
      case '--color':
      case '--no-color':
        if (inline !== null) throw new UsageError(`${flag} takes no value`);
        args.color = flag === '--color';
        break;
      case '--cache':
        args.cache = nonEmpty(flag, value());
        break;
      case '--no-cache':
        if (inline !== null) throw new UsageError(`${flag} takes no value`);
        args.cache = false;
        break;
      case '--prefer-primary':
      case '--no-prefer-primary':
        if (inline !== null) throw new UsageError(`${flag} takes no value`);
        args.preferPrimary = flag === '--prefer-primary';
        break;
      case '--allow-outside':
        if (inline !== null) throw new UsageError(`${flag} takes no value`);
        args.allowOutside = true;
        break;
      default:
        throw new UsageError(`unknown option ${flag} (see "verbatim --help")`);
    }
  }
  if (args.drafts.length === 0) throw new UsageError('no draft given (usage: verbatim check [options] DRAFT...)');
  return args;
}

function nonEmpty(flag: string, value: string): string {
  if (value.trim() === '') throw new UsageError(`${flag} needs a non-empty value`);
  return value;
}

function parseFormat(value: string): OutputFormat {
  const format = FORMATS.find((f) => f === value);
  if (!format) throw new UsageError(`unknown format "${value}" (expected ${FORMATS.join(', ')})`);
  return format;
}

function parseNumber(flag: string, value: string, min: number, max: number, integer: boolean): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${flag} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not "${value}"`);
  }
  return n;
}
