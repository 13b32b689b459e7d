// Writes minimal Word (.docx) files for the tests: the package parts Word itself requires,
// one <w:p> per paragraph (runs split where a test asks, to show they are joined again) and,
// when given, the core properties holding the document's title and author.

import JSZip from 'jszip';

/** A paragraph's runs; a string is a paragraph of one run. */
export type DocxParagraph = string | string[];

export interface DocxProperties {
  title?: string;
  creator?: string;
  /** W3CDTF, e.g. 2022-01-27T08:00:00Z. */
  created?: string;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`;

/** Returns the bytes of a .docx holding `paragraphs` and, when given, core `properties`. */
export async function buildDocx(paragraphs: DocxParagraph[], properties?: DocxProperties): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  const body = paragraphs.map((paragraph) => {
    const runs = typeof paragraph === 'string' ? [paragraph] : paragraph;
    return `<w:p>${runs.map((run) => `<w:r><w:t xml:space="preserve">${escapeXml(run)}</w:t></w:r>`).join('')}</w:p>`;
  }).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  if (properties) {
    const element = (name: string, value: string | undefined, attrs = ''): string => (value === undefined ? '' : `<${name}${attrs}>${escapeXml(value)}</${name}>`);
    zip.file('docProps/core.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${
  element('dc:title', properties.title)}${element('dc:creator', properties.creator)}${element('dcterms:created', properties.created, ' xsi:type="dcterms:W3CDTF"')}</cp:coreProperties>`);
  }
  return zip.generateAsync({ type: 'uint8array' });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
