// Go to Definition on a quote opens its source passage; with several sources (or several
// renderings) the editor shows a peek list of every passage.

import type { Location } from 'vscode-languageserver';
import { isPrimary } from '../core/primarySources';
import type { QuoteResult, SourceMatch } from '../core/types';
import type { SourceLocator } from './sourceLocator';

/**
 * The locations of every passage that words the quote's passage, best wording first; when
 * primary sources are preferred, primary sources before every report.
 */
export function definitionFor(result: QuoteResult, locator: SourceLocator): Location[] {
  const listed: SourceMatch[] = [...result.sources, ...result.variants.flatMap((variant) => variant.matches)];
  const matches = result.basis ? [...listed.filter((m) => isPrimary(m.document)), ...listed.filter((m) => !isPrimary(m.document))] : listed;
  if (!matches.length && result.match) matches.push(result.match);
  const seen = new Set<string>();
  const locations: Location[] = [];
  for (const match of matches) {
    const key = `${match.document.path}:${match.span.start}:${match.span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    locations.push(locator.locateMatch(match));
  }
  return locations;
}
