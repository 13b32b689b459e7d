// Loads the corpus: finds the source files named by the configuration, reads each in its
// format and numbers them in path order, so that the same folder always yields the same ids.
// Problems with single files become warnings; the rest of the corpus still loads.

import { DEFAULT_MAX_FILE_BYTES } from '../config';
import type { Corpus, CorpusWarning, SourceDocument } from '../types';
import { parseHtmlSource } from './htmlSource';
import { parseMarkdownSource } from './markdownSource';
import { isCorpusWarning, readSourceFile } from './readSourceFile';
import { chooseTitle } from './sourceTitle';
import { sourceFormatOf, SOURCE_EXTENSIONS } from './sourceFormats';
import { type ParsedSource, parseTextSource } from './textSource';
import { walkCorpus } from './walkCorpus';

export { isSourceFile, SOURCE_EXTENSIONS } from './sourceFormats';
export { isCorpusWarning } from './readSourceFile';

/** Options for loading sources. */
export interface LoadOptions {
  /** Files larger than this many bytes are skipped with a warning. Default 10 MB. */
  maxFileBytes?: number;
  /** Called with (0, total) once the files are known, then after each file is read. */
  onProgress?: (done: number, total: number) => void;
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
  const format = sourceFormatOf(file);
  if (!format) return { path: file, message: `has an unsupported file type; supported: ${SOURCE_EXTENSIONS.join(', ')}` };
  const content = await readSourceFile(file, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (isCorpusWarning(content)) return content;
  let parsed: ParsedSource;
  try {
    parsed = format === 'html' ? parseHtmlSource(content.text)
      : format === 'markdown' ? parseMarkdownSource(content.text)
      : parseTextSource(content.text);
  } catch (error) {
    // The parsers are lenient, so this is a defect rather than a bad file; the corpus still loads.
    return { path: file, message: `could not be read as ${format}: ${error instanceof Error ? error.message : String(error)}` };
  }
  return {
    id,
    path: file,
    title: chooseTitle(parsed.title, parsed.text, file),
    meta: parsed.meta,
    text: parsed.text,
    fileOffset: parsed.fileOffset,
    blocks: parsed.blocks,
    size: content.size,
    mtimeMs: content.mtimeMs,
  };
}
