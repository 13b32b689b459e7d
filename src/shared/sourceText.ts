// Sources whose files are not text (PDF, Word) are shown as the text Verbatim extracted from
// them, in a read-only virtual document. Its URI names the original file, so an editor tab
// reads "report.pdf (extracted text)", and the server can find the document again from it.
// Client and server both use these helpers, so the two ends agree on the form of the URI.

import { fileURLToPath, pathToFileURL } from 'url';

/** The URI scheme of extracted source text. */
export const SOURCE_TEXT_SCHEME = 'verbatim-source';

/** What follows the original file name in the virtual document's path (and tab title). */
export const SOURCE_TEXT_SUFFIX = ' (extracted text)';

/** The virtual document URI of a source file's extracted text. */
export function sourceTextUri(filePath: string): string {
  // A file URL's path is already percent-encoded and has the drive letter form on Windows.
  return `${SOURCE_TEXT_SCHEME}:${pathToFileURL(filePath + SOURCE_TEXT_SUFFIX).pathname}`;
}

/** The source file a `verbatim-source:` URI shows, or null when the URI is not one. */
export function sourceTextPath(uri: string): string | null {
  const prefix = `${SOURCE_TEXT_SCHEME}:`;
  if (!uri.startsWith(prefix)) return null;
  // Editors may re-encode the URI or add a query or fragment; only the path counts.
  let rest = uri.slice(prefix.length).replace(/[?#].*$/s, '');
  if (rest.startsWith('//')) rest = rest.replace(/^\/\/[^/]*/, '');
  if (!rest.startsWith('/')) return null;
  let file: string;
  try {
    file = fileURLToPath(`file://${rest}`);
  } catch {
    return null;
  }
  return file.endsWith(SOURCE_TEXT_SUFFIX) ? file.slice(0, -SOURCE_TEXT_SUFFIX.length) : null;
}
