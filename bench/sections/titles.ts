// Prints the title each of the five shared news reports gets (../shared/corpus/ukraine-2022-01-27),
// beside the headline a reader sees on the page. Three of the pages were saved with site
// furniture above the headline ("Change Edition", a donation banner, a run-together menu), so a
// title taken from the first line would cite the furniture. The titles do not depend on the
// corpus size; every size column shows them, read the way the loader reads a .txt source.

import * as fs from 'fs';
import * as path from 'path';
import { chooseTitle } from '../../src/core/corpus/sourceTitle';
import { repoRoot } from '../benchPaths';
import type { BenchSection, SectionFigures, SectionRow } from './section';

/** The headline of each shared report, read off the page by hand. */
export const SHARED_HEADLINES: Record<string, string> = {
  '000_7c5c1d6a6dee3dcb.txt': 'Russia open but not optimistic over US talks on Ukraine crisis',
  '001_b39ee36c6b3a5562.txt': 'Russia sees little optimism in US response to Ukraine crisis',
  '002_e5edd54b057312d5.txt': 'US holds firm on Russian demands amid Ukraine tensions',
  '003_8e142bc81a392a90.txt': 'Russia: \'Little Optimism\' on Easing Tensions After US Rejects Kremlin Demands',
  '004_b4e4d55fe192c559.txt': 'Russia sees few ’causes for optimism’ that US will meet demands',
};

function sharedCorpus(): string {
  return path.resolve(repoRoot(), '../shared/corpus/ukraine-2022-01-27');
}

function measure(): SectionFigures {
  const figures: SectionFigures = {};
  for (const name of Object.keys(SHARED_HEADLINES)) {
    const file = path.join(sharedCorpus(), name);
    figures[name] = fs.existsSync(file) ? chooseTitle(null, fs.readFileSync(file, 'utf8'), file) : null;
  }
  return figures;
}

const rows: SectionRow[] = Object.entries(SHARED_HEADLINES).map(([name, headline]) => ({
  label: name,
  target: 'headline',
  value: (f) => (f[name] === null || f[name] === undefined ? 'n/a (shared corpus absent)' : String(f[name])),
  ok: (f) => (f[name] === null || f[name] === undefined ? undefined : f[name] === headline),
}));

/** The titles of the shared reports, each checked against its headline. */
export const titlesSection: BenchSection = {
  name: 'titles',
  title: 'Titles of the five shared reports (pages saved as text)',
  measure,
  rows,
};
