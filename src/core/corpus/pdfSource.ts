// Reads PDF sources through their text layer. The extracted prose is what gets matched and
// what an editor shows (a PDF has no characters to point into), and every offset can be
// turned into the page it was printed on, so a drifted quote is cited as "p. 4".

import type { SourceMeta } from '../types';
import { locatorFromMarks, markPairs } from './locationIndex';
import { layoutPdfText, type PdfTextItem } from './pdfLayout';
import { loadPdfJs } from './pdfjsLoader';
import { SourceFormatError } from './sourceFormats';
import { collapseWhitespace } from './sourceTitle';
import { identityOffset, type ParsedSource } from './textSource';

/** Declared titles that name a file or a template rather than the document. */
const PLACEHOLDER_TITLE = /^(?:untitled|document\d*|microsoft word\s*-.*|.*\.(?:docx?|pdf|indd|rtf))$/i;

/** Reads a PDF's text layer into prose with page locations; throws SourceFormatError when it cannot. */
export async function parsePdfSource(bytes: Uint8Array): Promise<ParsedSource> {
  const pdfjs = await loadPdfJs();
  // PDF.js takes ownership of the buffer it is given, so it gets a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw openError(error);
  }
  try {
    const pages: PdfTextItem[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.flatMap((item) => ('str' in item ? [textItem(item)] : [])));
      page.cleanup();
    }
    const layout = layoutPdfText(pages);
    if (!layout.text.trim()) {
      throw new SourceFormatError('has no text layer (scanned pages must be run through OCR before they can be a source); skipped');
    }
    const info = await pdf.getMetadata().then((data) => data.info as Record<string, unknown>, () => ({} as Record<string, unknown>));
    return {
      text: layout.text,
      blocks: layout.blocks,
      title: declaredTitle(info.Title),
      meta: pdfMeta(info),
      fileOffset: identityOffset,
      display: 'extracted',
      locate: locatorFromMarks(layout.marks),
      mapping: { marks: markPairs(layout.marks) },
    };
  } catch (error) {
    if (error instanceof SourceFormatError) throw error;
    throw new SourceFormatError(`is not a readable PDF: ${describe(error)}`);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

/** Turns a PDF date (`D:20220127093000+02'00'`) into an ISO date (`2022-01-27`), or null. */
export function pdfDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value.trim());
  if (!match) return null;
  return [match[1], match[2], match[3]].filter(Boolean).join('-');
}

function textItem(item: { str: string; transform: number[]; width: number; height: number; hasEOL: boolean }): PdfTextItem {
  const [, , c, d, x, y] = item.transform;
  return { str: item.str, x, y, width: item.width, height: item.height || Math.hypot(c, d), hasEOL: item.hasEOL };
}

function declaredTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const title = collapseWhitespace(value);
  return title && !PLACEHOLDER_TITLE.test(title) ? title : null;
}

function pdfMeta(info: Record<string, unknown>): SourceMeta {
  const meta: SourceMeta = {};
  const author = typeof info.Author === 'string' ? collapseWhitespace(info.Author) : '';
  const date = pdfDate(info.CreationDate);
  if (author) meta.author = author;
  if (date) meta.date = date;
  return meta;
}

/** Explains why PDF.js could not open a file, in a phrase that follows its path. */
function openError(error: unknown): SourceFormatError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    return new SourceFormatError('is encrypted (it needs a password to open); save an unprotected copy to use it as a source');
  }
  return new SourceFormatError(`is not a readable PDF: ${describe(error)}`);
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return collapseWhitespace(message) || 'unknown error';
}
