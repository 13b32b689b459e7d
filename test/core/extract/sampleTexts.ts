// Texts full of quotations for tests that compare two ways of reading them: the example draft
// and sources, the draft fixtures, the attribution rows, and quotations continued over
// paragraphs or left open.

import * as fs from 'fs';
import * as path from 'path';
import type { TextFormat } from '../../../src/core/types';

// The bundled tests run from out/test/core/extract, four levels below the repository root.
const REPO = path.resolve(__dirname, '../../../..');

/** A text and how it is read. */
export interface Sample {
  name: string;
  text: string;
  format: TextFormat;
}

function file(relative: string, format: TextFormat): Sample {
  return { name: relative, text: fs.readFileSync(path.join(REPO, relative), 'utf8'), format };
}

/** Texts with quotations of every shape the extractor reads. */
export function sampleTexts(): Sample[] {
  const rows: { name: string; text: string; format?: TextFormat }[] = JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/attribution/extraction.json'), 'utf8'));
  return [
    file('example/draft.md', 'markdown'),
    file('test/fixtures/drafts/harbour-feature.md', 'markdown'),
    file('test/fixtures/drafts/market-column.txt', 'plaintext'),
    ...fs.readdirSync(path.join(REPO, 'test/fixtures/attribution/sources')).map((name) => file(`test/fixtures/attribution/sources/${name}`, 'plaintext')),
    ...fs.readdirSync(path.join(REPO, 'example/sources')).filter((name) => /\.(txt|md)$/.test(name)).map((name) => file(`example/sources/${name}`, 'plaintext')),
    { name: 'attribution rows', text: rows.map((row) => row.text).join('\n\n'), format: 'plaintext' },
    {
      name: 'continued and open quotations',
      text: [
        'Mayor Ada Lind spoke first. “The first paragraph ends open.',
        '“The second one too.',
        '“The third closes,” she said.',
        'An “unclosed one runs to the end of its paragraph.',
        '“A new one opens here,” said Ben Okoro. “And another.”',
        '"Straight marks keep going.',
        '"And stop," Okoro added. ““',
      ].join('\n\n'),
      format: 'plaintext',
    },
  ];
}

/** A fixed pseudo-random sequence, so every run makes the same choices. */
export function sequence(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}

/** `text` with one random edit: a word, a capital, a mark or a paragraph break put in, or a stretch taken out. */
export function editedAtRandom(text: string, pick: (n: number) => number): string {
  const at = pick(text.length + 1);
  const insertions = [' truly', 'Then ', '“', '”', '\n\n', ', she said.', '.'];
  if (pick(4) === 0) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + pick(12)));
  return text.slice(0, at) + insertions[pick(insertions.length)] + text.slice(at);
}
