// Where each section of a cache's index file lies, read from its header (the layout is in
// src/core/cache/cacheFile.ts: magic, version, header length, then the header as JSON), so a
// test can damage or cut one section.

/** The [offset, length] of each section of the index file whose bytes are `data`. */
export function indexSections(data: Buffer): Record<string, [number, number]> {
  const header = JSON.parse(data.toString('utf8', 12, 12 + data.readUInt32LE(8))) as { sections: Record<string, [number, number]> };
  return header.sections;
}
