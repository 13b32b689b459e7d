// Attribution on the checked-in sets (see ../attributionSets.ts): speaker precision and recall
// on the labelled shapes, misattribution precision and recall on the wire draft, and the false
// misattributed claims when each shared report is checked against the other four. The figures
// do not depend on the benchmark's generated corpus; `npm run bench:attribution` prints them alone.

import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../benchPaths';
import { leaveOneOutClaims, parseSpeakerShapes, scoreShapes, scoreWireDraft, sharedReports } from '../attributionSets';
import { type BenchSection, type SectionFigures, ratio } from './section';

/** The targets the issue sets; the mocha tests hold the same ones. */
export const ATTRIBUTION_TARGETS = { speakerPrecision: 0.95, speakerRecall: 0.85, misattributionPrecision: 0.95, misattributionRecall: 0.85 };

export interface AttributionFigures extends SectionFigures {
  shapes: number;
  speakerRight: number;
  speakerCredited: number;
  speakerAttributed: number;
  kindRight: number;
  wireQuotes: number;
  wireTruePositives: number;
  wireClaims: number;
  wireLabelled: number;
  /** Misattributed claims in leave-one-out, or null when the shared reports are not beside the repository. */
  looClaims: number | null;
  /** Milliseconds to credit the speakers of every shape once, warm. */
  shapesMs: number;
}

/** Measures every set; with `verbose`, prints each miss. */
export async function measureAttribution(root: string = repoRoot(), verbose = false): Promise<AttributionFigures> {
  const shapes = parseSpeakerShapes(path.join(root, 'test', 'fixtures', 'attribution', 'speaker-shapes.txt'));
  scoreShapes(shapes);
  const started = process.hrtime.bigint();
  const speakers = scoreShapes(shapes);
  const shapesMs = Number(process.hrtime.bigint() - started) / 1e6;
  const wire = await scoreWireDraft(root);
  const reports = sharedReports(root);
  const claims = fs.existsSync(reports) ? await leaveOneOutClaims(reports) : null;
  if (verbose) {
    for (const miss of speakers.misses) console.log(`speaker: ${miss}`);
    for (const miss of wire.misses) console.log(`wire: ${miss}`);
    for (const claim of claims ?? []) console.log(`leave-one-out: ${claim}`);
  }
  return {
    shapes: shapes.length,
    speakerRight: speakers.right, speakerCredited: speakers.credited, speakerAttributed: speakers.attributed, kindRight: speakers.rightKind,
    wireQuotes: wire.quotes, wireTruePositives: wire.truePositives, wireClaims: wire.claims, wireLabelled: wire.labelled,
    looClaims: claims === null ? null : claims.length,
    shapesMs,
  };
}

const n = (f: SectionFigures, key: string): number => Number(f[key] ?? 0);
const atLeast = (part: number, whole: number, target: number) => whole === 0 || part >= target * whole;

/** Prints the figures as the bench rows read, for the accuracy-only script. */
export function printAttribution(f: AttributionFigures): void {
  for (const row of attributionSection.rows) {
    const ok = row.ok?.(f);
    console.log(`${row.label.padEnd(52)} ${row.value(f).padEnd(16)} ${row.target ? `target ${row.target}${ok === undefined ? '' : ok ? '  ok' : '  MISSED'}` : ''}`);
  }
}

export const attributionSection: BenchSection = {
  name: 'attribution',
  title: 'Attribution (checked-in sets)',
  measure: () => measureAttribution(),
  rows: [
    {
      label: 'speaker shapes: precision', target: `≥ ${100 * ATTRIBUTION_TARGETS.speakerPrecision}%`,
      value: (f) => ratio(n(f, 'speakerRight'), n(f, 'speakerCredited')),
      ok: (f) => atLeast(n(f, 'speakerRight'), n(f, 'speakerCredited'), ATTRIBUTION_TARGETS.speakerPrecision),
    },
    {
      label: 'speaker shapes: recall', target: `≥ ${100 * ATTRIBUTION_TARGETS.speakerRecall}%`,
      value: (f) => ratio(n(f, 'speakerRight'), n(f, 'speakerAttributed')),
      ok: (f) => atLeast(n(f, 'speakerRight'), n(f, 'speakerAttributed'), ATTRIBUTION_TARGETS.speakerRecall),
    },
    { label: 'speaker shapes: right kind among right speakers', target: '', value: (f) => ratio(n(f, 'kindRight'), n(f, 'speakerRight')) },
    { label: 'speaker shapes: time to credit all, warm', target: '', value: (f) => `${n(f, 'shapesMs').toFixed(1)} ms (${n(f, 'shapes')} snippets)` },
    {
      label: 'wire draft: misattribution precision', target: `≥ ${100 * ATTRIBUTION_TARGETS.misattributionPrecision}%`,
      value: (f) => ratio(n(f, 'wireTruePositives'), n(f, 'wireClaims')),
      ok: (f) => atLeast(n(f, 'wireTruePositives'), n(f, 'wireClaims'), ATTRIBUTION_TARGETS.misattributionPrecision),
    },
    {
      label: 'wire draft: misattribution recall', target: `≥ ${100 * ATTRIBUTION_TARGETS.misattributionRecall}%`,
      value: (f) => `${ratio(n(f, 'wireTruePositives'), n(f, 'wireLabelled'))} of ${n(f, 'wireQuotes')} quotes`,
      ok: (f) => atLeast(n(f, 'wireTruePositives'), n(f, 'wireLabelled'), ATTRIBUTION_TARGETS.misattributionRecall),
    },
    {
      label: 'shared reports, leave-one-out: misattributed claims', target: '0',
      value: (f) => (f.looClaims === null ? 'n/a (no ../shared)' : String(f.looClaims)),
      ok: (f) => (f.looClaims === null ? undefined : f.looClaims === 0),
    },
  ],
};
