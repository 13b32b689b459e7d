// Writes the benchmark draft for one generated corpus: a Markdown article of 100 attributed
// quotations (50 verbatim, some with omissions; 30 drifted by one or two words; 20 invented)
// and the ground truth saying what each one is and where it comes from. The short-drift variant
// drifts short quotes instead (6 to 9 words, two of them substituted): the hardest drift to tell
// from an invented quote, since a third of the words or so are not the source's.

import * as fs from 'fs';
import * as path from 'path';
import { GENERATOR_VERSION, listCorpusFiles } from './makeCorpus';
import { Prng, subSeed } from './prng';
import { changeNumber, drop, substitute, tokensOf, windowOf, type Drift, type Window } from './quoteWindows';
import { NormalizedCorpus, normWords, type DraftTruth, type TruthQuote } from './truth';

/** How many quotes of each kind the draft holds. */
export const DRAFT_MIX = { verbatim: 40, omission: 10, drift: 30, invented: 20 } as const;

const VERBATIM_LENGTHS = [4, 5, 6, 7, 8, 10, 12, 15, 18, 20, 25, 30];
const SPEAKERS = ['Ada Marlow', 'Tomas Reyes', 'Irene Vasquez', 'Olu Adebayo', 'Mira Lindqvist', 'Karl Hoffmann',
  'Priya Natarajan', 'Sean Gallagher', 'Lena Sorensen', 'Yusuf Demir', 'Hana Kobayashi', 'Pablo Ortega'];
// The writer's own sentences around the quotes: no quotation marks or apostrophes, so the
// draft holds exactly the benchmark's quotations.
export const FILLERS = ['The remark drew little comment at the time.', 'Critics read the passage very differently.',
  'The line was later cited in several reviews.', 'Few readers noticed the wording then.',
  'It remains one of the most quoted passages.', 'The context matters for how it is read.'];
const TEMPLATES: ((speaker: string) => [string, string])[] = [
  (s) => [`${s} said: “`, '”'],
  (s) => ['“', `,” ${s} said.`],
  (s) => [`In a statement, ${s} wrote that "`, '".'],
  (s) => [`According to ${s}, the point was that “`, '.”'],
];

interface CorpusText {
  files: string[];
  texts: string[];
  normalized: NormalizedCorpus;
  vocabulary: string[];
}

function readCorpus(corpusDir: string, prng: Prng): CorpusText {
  const files = listCorpusFiles(corpusDir).map((f) => f.split(path.sep).join('/'));
  if (files.length === 0) throw new Error(`no .txt files in ${corpusDir}`);
  const texts = files.map((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8'));
  const vocabulary = new Set<string>();
  for (let i = 0; vocabulary.size < 2000 && i < 20000; i++) {
    const words = normWords(prng.pick(texts)).filter((w) => /^[a-z]{4,10}$/.test(w));
    if (words.length) vocabulary.add(prng.pick(words));
  }
  return { files, texts, normalized: new NormalizedCorpus(files, texts), vocabulary: [...vocabulary].sort() };
}

/** A random unwrapped paragraph of a random file (never the title line). */
function randomParagraph(corpus: CorpusText, prng: Prng): { file: string; paragraph: string } {
  const index = prng.int(0, corpus.files.length - 1);
  const paragraphs = corpus.texts[index].split('\n\n').slice(1);
  return { file: corpus.files[index], paragraph: prng.pick(paragraphs).replace(/\n/g, ' ') };
}

/** A quotable window of `length` words somewhere in the corpus, with the file it came from. */
function randomWindow(corpus: CorpusText, prng: Prng, length: number): { file: string; window: Window } {
  for (let tries = 0; tries < 10000; tries++) {
    const { file, paragraph } = randomParagraph(corpus, prng);
    const tokens = tokensOf(paragraph);
    if (tokens.length < length) continue;
    const first = prng.int(0, tokens.length - length);
    const window = windowOf(paragraph, tokens, first, first + length - 1);
    // An initialism ("U.S.", "A.K.C.") is one word to a reader but several tokens here: a window
    // holding one, or cut beside one, could start, end or be split in the middle of a word.
    const around = paragraph.slice(Math.max(0, tokens[first].start - 2), tokens[first + length - 1].end + 2);
    if (window && !/\p{L}\.\p{L}/u.test(around)) return { file, window };
  }
  throw new Error(`found no quotable ${length}-word passage in the corpus`);
}

type Draftable = Omit<TruthQuote, 'id' | 'innerStart' | 'speaker'>;

function verbatimQuote(corpus: CorpusText, prng: Prng, length: number): Draftable {
  const { window } = randomWindow(corpus, prng, length);
  return { status: 'verbatim', text: window.text, sources: corpus.normalized.filesContaining(normWords(window.text)),
    changes: [], omission: false, words: length };
}

function omissionQuote(corpus: CorpusText, prng: Prng): Draftable {
  const before = prng.int(4, 10);
  const gap = prng.int(2, 8);
  const after = prng.int(4, 10);
  const { window } = randomWindow(corpus, prng, before + gap + after);
  const head = window.text.slice(0, window.tokens[before - 1].end);
  const tail = window.text.slice(window.tokens[before + gap].start);
  const headFiles = new Set(corpus.normalized.filesContaining(normWords(head)));
  const sources = corpus.normalized.filesContaining(normWords(tail)).filter((f) => headFiles.has(f));
  return { status: 'verbatim', text: `${head}${prng.chance(0.5) ? ' … ' : ' ... '}${tail}`, sources,
    changes: [], omission: true, words: before + after };
}

/** Which draft to write: the standard mix, or the same mix with short quotes drifted by two substitutions. */
export type DraftVariant = 'standard' | 'short-drift';

/** Rewrites `window` the way `kind` says, or returns null when the window offers no spot for it. */
function applyDrift(window: Window, prng: Prng, kind: string, vocabulary: string[]): Drift | null {
  if (kind === 'number') return changeNumber(window, prng);
  if (kind === 'drop') return drop(window, prng);
  if (kind === 'substitute') return substitute(window, prng, vocabulary);
  if (kind === 'two substitutions') {
    const first = substitute(window, prng, vocabulary);
    const at = first?.changes[0].at;
    if (!first || at === undefined) return null;
    // The second substitution keeps clear of the first, so the two changes read as two.
    const second = substitute({ ...window, text: first.text, tokens: tokensOf(first.text) }, prng, vocabulary, new Set([at - 1, at, at + 1]));
    return second ? { text: second.text, changes: [...first.changes, ...second.changes].sort((x, y) => x.at - y.at) } : null;
  }
  const first = drop(window, prng);
  if (!first) return null;
  const tokens = tokensOf(first.text);
  const rest = windowOf(first.text, tokens, 0, tokens.length - 1);
  const at = first.changes[0].at;
  // The substitution keeps clear of the dropped word, so the two changes read as two.
  const second = rest && substitute(rest, prng, vocabulary, new Set([at - 1, at, at + 1]));
  return second ? { text: second.text, changes: [...first.changes, ...second.changes] } : null;
}

function driftQuote(corpus: CorpusText, prng: Prng, wanted: string, lengths: [number, number] = [10, 25]): Draftable {
  for (let tries = 0; tries < 2000; tries++) {
    // A small corpus may hold no free-standing number; after many tries a substitution stands in.
    const kind = wanted === 'number' && tries >= 500 ? 'substitute' : wanted;
    const { window } = randomWindow(corpus, prng, prng.int(lengths[0], lengths[1]));
    const drift = applyDrift(window, prng, kind, corpus.vocabulary);
    // A drifted wording that happens to exist elsewhere in the corpus would be verbatim there.
    if (!drift || corpus.normalized.contains(normWords(drift.text))) continue;
    return { status: 'drift', kind, text: drift.text, sources: corpus.normalized.filesContaining(normWords(window.text)),
      changes: drift.changes.map(({ op, draft, source }) => ({ op, draft, source })), omission: false, words: window.tokens.length };
  }
  throw new Error(`could not make a ${wanted} drift from the corpus`);
}

/** A sentence that is in no source: real words recombined, either one by one or three at a time. */
function inventedQuote(corpus: CorpusText, prng: Prng, spliced: boolean): Draftable {
  for (let tries = 0; tries < 1000; tries++) {
    const words: string[] = [];
    const target = prng.int(8, 14);
    while (words.length < target) {
      if (spliced) words.push(...randomWindow(corpus, prng, 3).window.tokens.map((t) => t.raw));
      else words.push(prng.pick(corpus.vocabulary));
    }
    const text = words.join(' ');
    const norm = normWords(text);
    let found = false;
    for (let i = 0; i + 5 <= norm.length && !found; i++) found = corpus.normalized.contains(norm.slice(i, i + 5));
    if (!found) return { status: 'unsupported', text: text.charAt(0).toUpperCase() + text.slice(1), sources: [], changes: [], omission: false, words: norm.length };
  }
  throw new Error('could not invent a sentence absent from the corpus');
}

/** Builds the draft's quotes in a shuffled order. */
function draftQuotes(corpus: CorpusText, prng: Prng, variant: DraftVariant): Draftable[] {
  const quotes: Draftable[] = [];
  for (let i = 0; i < DRAFT_MIX.verbatim; i++) quotes.push(verbatimQuote(corpus, prng, VERBATIM_LENGTHS[i % VERBATIM_LENGTHS.length]));
  for (let i = 0; i < DRAFT_MIX.omission; i++) quotes.push(omissionQuote(corpus, prng));
  const driftKinds = ['substitute', 'substitute', 'drop', 'number', 'two edits'];
  for (let i = 0; i < DRAFT_MIX.drift; i++) {
    quotes.push(variant === 'short-drift'
      ? driftQuote(corpus, prng, 'two substitutions', [6, 9])
      : driftQuote(corpus, prng, driftKinds[i % driftKinds.length]));
  }
  for (let i = 0; i < DRAFT_MIX.invented; i++) quotes.push(inventedQuote(corpus, prng, i % 2 === 1));
  return prng.shuffle(quotes);
}

/** Writes `draftPath` and `truthPath` for the corpus in `corpusDir`. */
export function writeDraft(corpusDir: string, draftPath: string, truthPath: string, seed: number, variant: DraftVariant = 'standard'): DraftTruth {
  const prng = new Prng(subSeed(seed, variant === 'standard' ? 'draft' : `draft-${variant}`));
  const corpus = readCorpus(corpusDir, prng);
  let draft = `# Quotations under review\n\nA draft of ${DRAFT_MIX.verbatim + DRAFT_MIX.omission + DRAFT_MIX.drift + DRAFT_MIX.invented} quotations checked against the archive.\n\n`;
  const quotes: TruthQuote[] = draftQuotes(corpus, prng, variant).map((quote, id) => {
    const speaker = SPEAKERS[id % SPEAKERS.length];
    const [open, close] = prng.pick(TEMPLATES)(speaker);
    draft += open;
    const innerStart = draft.length;
    draft += `${quote.text}${close} ${prng.pick(FILLERS)}\n\n`;
    return { id, ...quote, innerStart, speaker };
  });
  const truth: DraftTruth = { generatorVersion: GENERATOR_VERSION, seed, corpusDir: path.basename(corpusDir), quotes };
  fs.writeFileSync(draftPath, draft);
  fs.writeFileSync(truthPath, `${JSON.stringify(truth, null, 1)}\n`);
  return truth;
}
