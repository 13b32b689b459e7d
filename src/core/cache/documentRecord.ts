// Turns a freshly read source document into what the cache keeps of it. A document whose
// offset mapping is neither the identity nor given as data cannot be restored faithfully, so it
// is marked to be read again on every start rather than restored wrongly.

import type { SourceDocument } from '../types';
import type { DocumentRecord } from './documentTable';

/** The cache record of `doc`. */
export function recordOf(doc: SourceDocument, hash: string): DocumentRecord {
  const blocks: number[] = [];
  for (const block of doc.blocks) blocks.push(block.start, block.end);
  const record: DocumentRecord = {
    path: doc.path,
    size: doc.size,
    mtimeMs: doc.mtimeMs,
    hash,
    title: doc.title,
    meta: doc.meta,
    blocks,
  };
  if (doc.display) record.display = doc.display;
  if (doc.mapping?.runs) record.runs = doc.mapping.runs;
  if (doc.mapping?.marks) record.marks = doc.mapping.marks;
  const restorable = (doc.mapping?.runs || isIdentity(doc)) && (!doc.locate || doc.mapping?.marks);
  if (!restorable) record.reread = true;
  return record;
}

/** True when `doc.fileOffset` leaves the offsets of its blocks unchanged. */
function isIdentity(doc: SourceDocument): boolean {
  return doc.blocks.every((b) => doc.fileOffset(b.start) === b.start && doc.fileOffset(b.end) === b.end) && doc.fileOffset(doc.text.length) === doc.text.length;
}
