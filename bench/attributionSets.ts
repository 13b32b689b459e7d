// The checked-in sets that measure attribution, and how each is scored. Shared by the bench's
// attribution section, the accuracy-only script (bench/attribution.ts) and the mocha tests that
// hold the targets, so all three report the same figures.
//
// - Speaker shapes (test/fixtures/attribution/speaker-shapes.txt): snippets of news copy with the
//   speaker and kind of every quotation. Precision: of the speakers credited, how many are right;
//   recall: of the quotations that have a speaker, how many get the right one.
// - The wire draft (test/fixtures/attribution/wire/): a draft quoting its own sources, with each
//   quotation labelled as rightly credited or misattributed. Precision and recall of the
//   misattributed verdicts.
// - Leave-one-out on the shared reports: each report checked against the other four; every
//   misattributed claim there is false (the reports quote the same people).

import * as fs from 'fs';
import * as path from 'path';
import { attributeQuotes, sameSpeaker } from '../src/core/attribution';
import { Checker, CorpusIndex } from '../src/core/checker';
import { loadCorpus } from '../src/core/corpus/loadCorpus';
import type { SourceDocument, SpeakerKind } from '../src/core/types';

/** One labelled quotation: who says it, or null when the copy credits no one. */
export interface ExpectedSpeaker {
  name: string;
  kind: SpeakerKind;
}

export interface SpeakerShape {
  text: string;
  speakers: (ExpectedSpeaker | null)[];
}

/** Reads the speaker shapes: a snippet (¶ between paragraphs), then "= A [kind] ; none ; …". */
export function parseSpeakerShapes(file: string): SpeakerShape[] {
  const shapes: SpeakerShape[] = [];
  let text: string | null = null;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!line.startsWith('= ')) {
      text = line.replace(/¶/g, '\n\n');
      continue;
    }
    if (text === null) throw new Error(`${file}: a label line without a snippet: ${line}`);
    const speakers = line.slice(2).split(';').map((label) => {
      const m = /^\s*(.+?)\s*\[(person|body|role|unknown)\]\s*$/u.exec(label);
      if (m) return { name: m[1], kind: m[2] as SpeakerKind };
      if (label.trim() === 'none') return null;
      throw new Error(`${file}: cannot read the label "${label}"`);
    });
    shapes.push({ text, speakers });
    text = null;
  }
  return shapes;
}

/** Counts behind speaker precision and recall, and how many of the right speakers have the right kind. */
export interface ShapeScore {
  right: number;
  credited: number;
  attributed: number;
  rightKind: number;
  /** The snippets with a wrong or missing speaker, for reading. */
  misses: string[];
}

/** True when a found speaker names the expected one: the same person, or the same body or description. */
export function sameCredit(found: string, expected: string): boolean {
  const plain = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/^(?:the|a|an)\s+/u, '').replace(/\s+/g, ' ').trim();
  return plain(found) === plain(expected) || sameSpeaker(found, expected);
}

export function scoreShapes(shapes: SpeakerShape[]): ShapeScore {
  const score: ShapeScore = { right: 0, credited: 0, attributed: 0, rightKind: 0, misses: [] };
  for (const shape of shapes) {
    const quotes = attributeQuotes(shape.text, 'plaintext');
    shape.speakers.forEach((expected, i) => {
      const found = quotes[i]?.speaker ?? null;
      if (found) score.credited++;
      if (expected) score.attributed++;
      const right = found !== null && expected !== null && sameCredit(found.name, expected.name);
      if (right) {
        score.right++;
        if (found.kind === expected.kind) score.rightKind++;
      }
      if (!right && (found || expected)) {
        score.misses.push(`${shape.text.replace(/\n\n/g, ' ¶ ')} → found ${found ? `${found.name} [${found.kind}]` : 'none'}, expected ${expected ? `${expected.name} [${expected.kind}]` : 'none'}`);
      }
    });
  }
  return score;
}

/** One quotation of the wire draft and whether the draft credits it to the wrong person. */
export interface WireLabel {
  /** The first words of the quotation; labels are in the draft's order. */
  quote: string;
  misattributed: boolean;
}

export interface WireScore {
  /** Misattributed claims that are right. */
  truePositives: number;
  /** Misattributed claims made. */
  claims: number;
  /** Quotations labelled misattributed. */
  labelled: number;
  /** Labelled quotations in all. */
  quotes: number;
  misses: string[];
}

/** Checks the wire draft against its sources and scores the misattributed verdicts. */
export async function scoreWireDraft(root: string): Promise<WireScore> {
  const dir = path.join(root, 'test', 'fixtures', 'attribution', 'wire');
  const labels = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8')) as WireLabel[];
  const checker = new Checker(CorpusIndex.build(await loadCorpus([path.join(dir, 'sources')])));
  const results = checker.checkText(fs.readFileSync(path.join(dir, 'draft.md'), 'utf8'), 'markdown');
  const score: WireScore = { truePositives: 0, claims: 0, labelled: 0, quotes: labels.length, misses: [] };
  if (results.length !== labels.length) throw new Error(`the wire draft has ${results.length} quotations and ${labels.length} labels`);
  labels.forEach((label, i) => {
    const result = results[i];
    if (!result.quote.text.startsWith(label.quote)) throw new Error(`quotation ${i + 1} of the wire draft starts "${result.quote.text.slice(0, 40)}", not "${label.quote}"`);
    const claimed = result.status === 'misattributed';
    if (claimed) score.claims++;
    if (label.misattributed) score.labelled++;
    if (claimed && label.misattributed) score.truePositives++;
    if (claimed !== label.misattributed) {
      const sources = (result.sourceSpeakers ?? []).map((s) => `${s.name} [${s.kind}]`).join(', ');
      score.misses.push(`“${label.quote}…” (${result.quote.speaker?.name ?? 'no speaker'}, sources: ${sources || 'none'}): ${claimed ? 'claimed' : 'not claimed'}, labelled ${label.misattributed ? 'misattributed' : 'right'}`);
    }
  });
  return score;
}

/** The shared reports of one day, beside the repository. */
export function sharedReports(root: string): string {
  return path.resolve(root, '..', 'shared', 'corpus', 'ukraine-2022-01-27');
}

/** Each report checked as a draft against the others: the misattributed claims, one line each. */
export async function leaveOneOutClaims(corpusDir: string): Promise<string[]> {
  const corpus = await loadCorpus([corpusDir]);
  const claims: string[] = [];
  for (const draft of corpus.documents) {
    const others: SourceDocument[] = corpus.documents.filter((d) => d !== draft).map((d, id) => ({ ...d, id }));
    const checker = new Checker(CorpusIndex.build({ ...corpus, documents: others }));
    for (const result of checker.checkText(fs.readFileSync(draft.path, 'utf8'), 'plaintext')) {
      if (result.status !== 'misattributed') continue;
      claims.push(`${path.basename(draft.path)}: “${result.quote.text.slice(0, 50)}” given to ${result.quote.speaker?.name}, sources: ${(result.sourceSpeakers ?? []).map((s) => s.name).join(', ')}`);
    }
  }
  return claims;
}
