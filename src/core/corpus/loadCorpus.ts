// Loads the corpus: finds the source files named by the configuration, reads each in its
// format and numbers them in path order, so that the same folder always yields the same ids.
// Problems with single files become warnings; the rest of the corpus still loads.

import * as path from 'path';
import { DEFAULT_MAX_FILE_BYTES } from '../config';
import type { Corpus, CorpusWarning, SourceDocument, SourceMeta } from '../types';
import { parseDocxSource } from './docxSource';
import { withFolderMeta } from './folderMeta';
import { parseHtmlSource } from './htmlSource';
import { parseMarkdownSource } from './markdownSource';
import { parsePdfSource } from './pdfSource';
import { decodeSourceText, isCorpusWarning, readSourceBytes, type SourceFileBytes } from './readSourceFile';
import { resolveSourceKind } from './sourceKind';
import { chooseTitle } from './sourceTitle';
import { isBinaryFormat, SourceFormatError, sourceFormatOf, SOURCE_EXTENSIONS, type SourceFormat } from './sourceFormats';
import { parseSubtitleSource } from './subtitleSource';
import { type ParsedSource, parseTextSource } from './textSource';
import { withTranscriptTurns } from './transcriptSource';
import { walkCorpus } from './walkCorpus';

export { isSourceFile, SOURCE_EXTENSIONS } from './sourceFormats';
export { isCorpusWarning } from './readSourceFile';

/** Options for loading sources. */
export interface LoadOptions {
  /** Files larger than this many bytes are skipped with a warning. Default 10 MB. */
  maxFileBytes?: number;
  /** Called with (0, total) once the files are known, then after each file is read. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Source metadata defaults by absolute folder path (verbatim.json's "folders"): a file under
   * a folder gets the fields it does not declare itself, the deepest folder first.
   */
  folderMeta?: Record<string, SourceMeta>;
}

/** Files read at the same time; enough to hide disk latency without exhausting file handles. */
const PARALLEL_READS = 16;

/** Loads every source file named by `entries` (files, folders or globs) into a corpus. */
export async function loadCorpus(entries: string[], options: LoadOptions = {}): Promise<Corpus> {
  const { files, warnings } = await walkCorpus(entries);
  const total = files.length;
  const loaded: (SourceDocument | CorpusWarning)[] = new Array(total);
  let done = 0;
  options.onProgress?.(0, total);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < total; index = next++) {
      loaded[index] = await loadSourceFile(files[index].path, index, options);
      options.onProgress?.(++done, total);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, total) }, worker));
  const documents: SourceDocument[] = [];
  for (const result of loaded) {
    if (isCorpusWarning(result)) {
      warnings.push(result);
    } else {
      // Ids count loaded documents only, so that documents[id] is always the document itself.
      result.id = documents.length;
      documents.push(result);
    }
  }
  return { documents, warnings };
}

/** Reads one source file into a document with the given id, or returns why it was skipped. */
export async function loadSourceFile(file: string, id: number, options: LoadOptions = {}): Promise<SourceDocument | CorpusWarning> {
  if (!sourceFormatOf(file)) return { path: file, message: `has an unsupported file type; supported: ${SOURCE_EXTENSIONS.join(', ')}` };
  const read = await readSourceBytes(file, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  return isCorpusWarning(read) ? read : parseSourceBytes(file, read, id, options);
}

/**
 * Turns a source file's bytes (already read, within the size limit) into a document, or returns
 * why it was skipped. Callers that need the bytes themselves (the cache hashes them) read once.
 */
export async function parseSourceBytes(file: string, read: SourceFileBytes, id: number, options: LoadOptions = {}): Promise<SourceDocument | CorpusWarning> {
  const format = sourceFormatOf(file);
  if (!format) return { path: file, message: `has an unsupported file type; supported: ${SOURCE_EXTENSIONS.join(', ')}` };
  const content = isBinaryFormat(format) ? read : decodeSourceText(file, read);
  if (isCorpusWarning(content)) return content;
  let parsed: ParsedSource;
  try {
    parsed = 'bytes' in content ? await parseBinary(format, content.bytes) : parseText(format, content.text);
    // Subtitle cues carry their speakers apart from their words; any other text may be laid out as turns.
    if (format !== 'srt' && format !== 'vtt') parsed = withTranscriptTurns(parsed);
  } catch (error) {
    if (error instanceof SourceFormatError) return { path: file, message: error.message };
    // The parsers are lenient, so this is a defect rather than a bad file; the corpus still loads.
    return { path: file, message: `could not be read as ${format}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const document: SourceDocument = {
    id,
    path: file,
    // A subtitle file's first cue is a line of dialogue, not a title: its name says more.
    title: chooseTitle(parsed.title ?? (format === 'srt' || format === 'vtt' ? path.basename(file) : null), parsed.text, file),
    meta: withKind(withFolderMeta(file, parsed.meta, options.folderMeta), format, parsed),
    text: parsed.text,
    fileOffset: parsed.fileOffset,
    blocks: parsed.blocks,
    size: content.size,
    mtimeMs: content.mtimeMs,
  };
  if (parsed.display) document.display = parsed.display;
  if (parsed.locate) document.locate = parsed.locate;
  if (parsed.mapping) document.mapping = parsed.mapping;
  return document;
}

/**
 * The metadata with the source's kind resolved, so every reader of the document (and the cache)
 * sees it; an unknown kind is left out, as every reader takes a missing kind for unknown.
 */
function withKind(meta: SourceMeta, format: SourceFormat, parsed: ParsedSource): SourceMeta {
  const kind = resolveSourceKind(meta, format, parsed);
  return kind === 'unknown' ? (meta.kind === undefined ? meta : omitKind(meta)) : { ...meta, kind };
}

function omitKind(meta: SourceMeta): SourceMeta {
  const rest = { ...meta };
  delete rest.kind;
  return rest;
}

/** Reads a text format. */
function parseText(format: SourceFormat, text: string): ParsedSource {
  switch (format) {
    case 'html': return parseHtmlSource(text);
    case 'markdown': return parseMarkdownSource(text);
    case 'srt':
    case 'vtt': {
      const parsed = parseSubtitleSource(text);
      if (!parsed.text) throw new SourceFormatError('has no subtitle cues (timing lines such as 00:00:01,000 --> 00:00:04,000); skipped');
      return parsed;
    }
    default: return parseTextSource(text);
  }
}

function parseBinary(format: SourceFormat, bytes: Uint8Array): Promise<ParsedSource> {
  return format === 'pdf' ? parsePdfSource(bytes) : parseDocxSource(bytes);
}
