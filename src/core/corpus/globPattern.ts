// A small glob matcher for corpus entries. Braces are expanded first, the way a shell does,
// so that every alternative gets its own fixed base folder and a pattern such as
// `/notes/{2021,2022}/*.md` never walks more of the disk than it names.

import * as path from 'path';

/** A glob split into the folder to walk and the pattern for paths relative to it. */
export interface GlobPlan {
  /** Absolute folder holding every match: the pattern's leading segments without wildcards. */
  base: string;
  /**
   * Matches a path relative to `base`, written with `/` separators; null when this
   * alternative has no wildcard left and `base` is itself the file or folder named.
   */
  matcher: RegExp | null;
}

/** Brace expansion stops here, so a hostile pattern cannot exhaust memory. */
const MAX_EXPANSIONS = 1000;

/** Thrown for a pattern that cannot be understood; the message says why. */
export class GlobError extends Error {}

/** True when a corpus entry uses wildcards (`*`, `?`) or alternatives (`{a,b}`). */
export function isGlob(entry: string): boolean {
  return /[*?{]/.test(entry);
}

/** Expands `{a,b}` alternatives (nested ones too) into the list of plain patterns. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length && close < 0; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) close = i;
    else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) throw new GlobError('a "{" has no matching "}"');
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  const cuts = [open, ...commas, close];
  const results: string[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const option = pattern.slice(cuts[i] + 1, cuts[i + 1]);
    for (const expanded of expandBraces(head + option + tail)) {
      results.push(expanded);
      if (results.length > MAX_EXPANSIONS) throw new GlobError(`it expands to more than ${MAX_EXPANSIONS} patterns`);
    }
  }
  return results;
}

/** Turns a brace-free glob over `/`-separated relative paths into an anchored RegExp. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      let stars = 1;
      while (glob[i + 1] === '*') { i++; stars++; }
      const wholeSegment = (i - stars + 1 === 0 || glob[i - stars] === '/') && (i + 1 === glob.length || glob[i + 1] === '/');
      if (stars > 1 && wholeSegment) {
        // `**/` may match no folder at all, so `a/**/b` also matches `a/b`.
        if (glob[i + 1] === '/') { source += '(?:[^/]+/)*'; i++; }
        else source += '.*';
      } else {
        source += '[^/]*';
      }
    } else if (c === '?') {
      source += '[^/]';
    } else {
      source += c.replace(/[.+^$|()[\]\\{}]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** Splits an absolute glob into walk plans, one per brace alternative. */
export function planGlob(pattern: string): GlobPlan[] {
  // Globs are written with `/`; on Windows the native separator is accepted as well.
  const slashed = path.sep === '\\' ? pattern.replace(/\\/g, '/') : pattern;
  return expandBraces(slashed).map((expanded) => {
    const segments = expanded.split('/');
    const firstWild = segments.findIndex((segment) => /[*?]/.test(segment));
    if (firstWild < 0) return { base: path.resolve(expanded), matcher: null };
    const baseSegments = segments.slice(0, firstWild);
    const base = baseSegments.length === 1 && baseSegments[0] === '' ? '/' : baseSegments.join('/');
    return { base: path.resolve(base || '.'), matcher: globToRegExp(segments.slice(firstWild).join('/')) };
  });
}
