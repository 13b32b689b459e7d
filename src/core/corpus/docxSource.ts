// Reads Word (.docx) sources. The document's paragraphs become the matched text, one block
// each, and the title and author come from the file's core properties when it declares them.
// A .docx is a zip of XML parts, so the text is extracted and an editor shows it as such.

import type { SourceMeta } from '../types';
import { SourceFormatError } from './sourceFormats';
import { collapseWhitespace } from './sourceTitle';
import { identityOffset, type ParsedSource } from './textSource';

/** The core properties a source label uses. */
interface CoreProperties {
  title: string | null;
  meta: SourceMeta;
}

/** Reads a .docx file's paragraphs and properties; throws SourceFormatError when it cannot. */
export async function parseDocxSource(bytes: Uint8Array): Promise<ParsedSource> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { mammoth, JSZip } = await import('./vendor/docx');
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer })).value;
  } catch (error) {
    throw new SourceFormatError(`is not a readable Word document: ${describe(error)}`);
  }
  const { text, blocks } = joinParagraphs(raw.split(/\n{2,}/));
  if (!text) throw new SourceFormatError('is a Word document with no text; skipped');
  const properties = await readCoreProperties(JSZip, buffer);
  return { text, blocks, title: properties.title, meta: properties.meta, fileOffset: identityOffset, display: 'extracted' };
}

/** Joins paragraphs (blank ones dropped) with blank lines, each paragraph one block. */
export function joinParagraphs(paragraphs: readonly string[]): Pick<ParsedSource, 'text' | 'blocks'> {
  let text = '';
  const blocks: ParsedSource['blocks'] = [];
  for (const paragraph of paragraphs) {
    const trimmed = paragraph.replace(/[ \t]+\n/g, '\n').trim();
    if (!trimmed) continue;
    if (text) text += '\n\n';
    blocks.push({ start: text.length, end: text.length + trimmed.length });
    text += trimmed;
  }
  return { text, blocks };
}

/** Reads dc:title, dc:creator and dcterms:created from docProps/core.xml, when present. */
async function readCoreProperties(JSZip: typeof import('./vendor/docx').JSZip, buffer: Buffer): Promise<CoreProperties> {
  let xml: string | undefined;
  try {
    xml = await (await JSZip.loadAsync(buffer)).file('docProps/core.xml')?.async('string');
  } catch {
    // The body was readable, so a damaged properties part only costs the label.
    xml = undefined;
  }
  if (!xml) return { title: null, meta: {} };
  const title = xmlElement(xml, 'dc:title');
  const author = xmlElement(xml, 'dc:creator');
  const created = /^\d{4}-\d{2}-\d{2}/.exec(xmlElement(xml, 'dcterms:created') ?? '');
  const meta: SourceMeta = {};
  if (author) meta.author = author;
  if (created) meta.date = created[0];
  return { title, meta };
}

/** The text of the first `<name>` element of `xml`, entities decoded and whitespace collapsed. */
function xmlElement(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
  if (!match) return null;
  const value = collapseWhitespace(decodeXmlEntities(match[1]));
  return value || null;
}

function decodeXmlEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole, hex: string, dec: string, name: string) => {
    if (name) return named[name.toLowerCase()] ?? whole;
    const code = hex ? parseInt(hex, 16) : parseInt(dec, 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return collapseWhitespace(message) || 'unknown error';
}
