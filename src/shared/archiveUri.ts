// Documents of the shared archive are not on the writer's disk: the editor shows one as a
// read-only `verbatim-archive:` document whose text the language server reads from the archive.
// The URI names the document's id and the archive it lives in, and its path ends with the
// archived file's path, so the tab reads "statement.txt (archived)". Client and server both use
// these helpers, so the two ends agree on the form of the URI.

/** The URI scheme of archived documents. */
export const ARCHIVE_DOCUMENT_SCHEME = 'verbatim-archive';

/** What follows the archived file name in the virtual document's path (and tab title). */
export const ARCHIVE_DOCUMENT_SUFFIX = ' (archived)';

/** The virtual document URI of document `id` of the archive shown as `archive` (a URL without password). */
export function archiveDocumentUri(archive: string, id: string, filePath: string): string {
  const segments = filePath.split(/[\\/]+/).filter(Boolean);
  segments[segments.length - 1] = (segments[segments.length - 1] ?? '') + ARCHIVE_DOCUMENT_SUFFIX;
  return `${ARCHIVE_DOCUMENT_SCHEME}:/${encode(id)}/${segments.map(encode).join('/')}?db=${encode(archive)}`;
}

/** Percent-encodes parentheses too, so the URI can stand as a Markdown link target. */
function encode(part: string): string {
  return encodeURIComponent(part).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The archive and document id a `verbatim-archive:` URI names, or null when it is not one. */
export function parseArchiveDocumentUri(uri: string): { archive: string | null; id: string } | null {
  const prefix = `${ARCHIVE_DOCUMENT_SCHEME}:`;
  if (!uri.startsWith(prefix)) return null;
  const [rest, query = ''] = uri.slice(prefix.length).replace(/#.*$/s, '').split('?', 2);
  // Editors may add an empty authority (`verbatim-archive:///…`) or re-encode the query.
  const id = /^(?:\/\/[^/]*)?\/([0-9]+)\//.exec(rest)?.[1];
  if (!id) return null;
  let db = new URLSearchParams(query).get('db');
  if (db === null && query.includes('%')) {
    try {
      db = new URLSearchParams(decodeURIComponent(query)).get('db');
    } catch {
      db = null;
    }
  }
  return { archive: db || null, id };
}
