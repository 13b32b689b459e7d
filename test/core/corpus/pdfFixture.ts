// Writes small PDFs with a real text layer for the PDF reader's tests. Each line of a page is
// drawn with the standard Helvetica font at a fixed left margin, so the reader meets the same
// text operators and positions as in a typeset report; the cross-reference table carries exact
// byte offsets, so the file is valid without any repair by the reader.

/** One page: its lines from top to bottom; an empty string leaves a paragraph gap. */
export type PdfPage = string[];

/** The document information dictionary entries the tests set. */
export interface PdfInfo {
  Title?: string;
  Author?: string;
  /** A PDF date such as `D:20220127093000Z`. */
  CreationDate?: string;
}

/** Characters outside ASCII that the tests use, as their WinAnsiEncoding codes. */
const WIN_ANSI: Record<string, number> = {
  '\u2018': 0x91, '\u2019': 0x92, '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96, '\u2014': 0x97, '\u00e9': 0xe9, '\u00ad': 0xad,
};

const FONT_SIZE = 12;
const LINE_HEIGHT = 14;
const TOP = 740;

/** Returns the bytes of a PDF with the given pages (one string array of lines per page). */
export function buildPdf(pages: PdfPage[], info: PdfInfo = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObject = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const lines of pages) {
    const content = pageContent(lines);
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObject} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObject} 0 R >>`;
  objects[pagesObject - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const infoEntries = Object.entries(info).map(([key, value]) => `/${key} ${pdfString(value as string)}`).join(' ');
  const infoObject = add(`<< ${infoEntries} >>`);

  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoObject} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character is one byte (strings were escaped to ASCII), so offsets are byte offsets.
  return Uint8Array.from(body, (char) => char.charCodeAt(0));
}

/** Draws each line at the left margin, moving down a line, or two for a paragraph gap. */
function pageContent(lines: string[]): string {
  const operations: string[] = [];
  let y = TOP;
  for (const line of lines) {
    if (line !== '') operations.push(`BT /F1 ${FONT_SIZE} Tf 72 ${y} Td ${pdfString(line)} Tj ET`);
    y -= line === '' ? LINE_HEIGHT / 2 : LINE_HEIGHT;
  }
  return operations.join('\n');
}

/** A PDF literal string with parentheses and backslashes escaped, non-ASCII as octal codes. */
function pdfString(text: string): string {
  let out = '(';
  for (const char of text) {
    if (char === '(' || char === ')' || char === '\\') out += `\\${char}`;
    else if (char.charCodeAt(0) < 0x80) out += char;
    else {
      const code = WIN_ANSI[char];
      if (code === undefined) throw new Error(`buildPdf: no WinAnsi code for ${JSON.stringify(char)}`);
      out += `\\${code.toString(8)}`;
    }
  }
  return `${out})`;
}
