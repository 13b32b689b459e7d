// What a run of the CLI compiled, for the launcher's code cache (src/cliLauncher.ts). V8 keeps in
// a code cache only the functions compiled by the time it is written, and a warm check runs code
// that a first run may never have reached: a first `verbatim --help` compiles no checker at all,
// and a run that read the corpus compiles no restoring from the cache. The command says which
// parts it went through; the launcher writes the cache again when a run went through a part the
// cache does not hold yet. Both bundles share these values; the hook is the only link between them.

/** A check that opened the corpus from its cache unchanged. */
export const CHECKED_FROM_CACHE = 1;
/** A check that read source files (no cache yet, or some files changed). */
export const CHECKED_AFTER_READING = 2;

/** Where the launcher listens; absent when the command runs without it (tests, bundles run directly). */
export const CODE_COVERAGE_HOOK = Symbol.for('verbatim.cli.codeCoverage');

type Hook = (part: number) => void;

/** Tells the launcher that this run went through `part`. */
export function noteCompiled(part: number): void {
  const hook = (globalThis as { [CODE_COVERAGE_HOOK]?: Hook })[CODE_COVERAGE_HOOK];
  if (typeof hook === 'function') hook(part);
}
