// The sections the benchmark prints after its timing rows, in order. Each is measured in the
// child process that checks the draft and printed as rows of the table; a new score is one more
// file in this folder, added to this list, with no change to the runner.

import { accuracySection, shortDriftAccuracySection } from './accuracy';
import { attributionSection } from './attribution';
import type { BenchSection } from './section';
import { speakersSection } from './speakers';
import { titlesSection } from './titles';

export type { BenchSection, SectionFigures, SectionInput, SectionRow } from './section';

/** Every section, in the order they are printed. */
export const SECTIONS: BenchSection[] = [accuracySection, shortDriftAccuracySection, speakersSection, attributionSection, titlesSection];
