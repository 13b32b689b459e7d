// The `verbatim` command: parses the arguments, runs the check and turns the outcome into an
// exit code. Every error is caught here so the user sees one line, never a stack trace.

import { version } from '../package.json';
import { parseArgs, USAGE, UsageError } from './cli/parseArgs';
import { EXIT_BAD_INPUT, InputError, runCheck } from './cli/runCheck';
import { runArchive } from './cli/archiveCommand';

/** Set once a check has finished: its process may end as soon as its report is out. */
let checked = false;

async function main(argv: string[]): Promise<number> {
  try {
    const command = parseArgs(argv);
    switch (command.kind) {
      case 'help':
        process.stdout.write(USAGE + '\n');
        return 0;
      case 'version':
        process.stdout.write(version + '\n');
        return 0;
      case 'archive':
        return await runArchive(command.argv, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
      default:
        // Only a check that finished has awaited its cache saves: one that failed part way may
        // still have a refreshed cache to write, and ends as usual once that is done.
        const code = await runCheck(command.args, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr }, version);
        checked = true;
        return code;
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      process.stderr.write(`verbatim: ${error.message}\n`);
    } else {
      process.stderr.write(`verbatim: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return EXIT_BAD_INPUT;
  }
}

// A reader that stops early (`verbatim check draft.md | head`) closes the pipe; that is not an
// error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main(process.argv.slice(2)).then((code) => {
  // Setting exitCode (rather than calling exit) lets piped stdout finish flushing.
  process.exitCode = code;
  // A finished check has awaited all it started; once its report is out (nothing left queued on
  // stdout or stderr), exiting now spares tearing down the heap the index and the checker
  // filled. Where output is still queued, as a pipe that its reader drains slowly can leave
  // it, the process ends as usual after it.
  if (checked && process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
});
