// `verbatim archive status`: what the archive holds and when it was last imported.

import type { ClientBase } from 'pg';

export interface ArchiveStatus {
  documents: number;
  /** Characters of source text held. */
  textChars: number;
  /** Bytes on disk of the archive's tables and indexes. */
  diskBytes: number;
  lastImport: { finishedAt: Date; added: number; updated: number; removed: number; unchanged: number } | null;
}

export async function archiveStatus(client: ClientBase): Promise<ArchiveStatus> {
  const counts = await client.query('SELECT count(*) AS documents, coalesce(sum(text_length), 0) AS chars FROM verbatim_documents');
  const disk = await client.query(
    `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c
     WHERE c.relkind = 'r' AND c.relname = ANY($1::text[]) AND pg_table_is_visible(c.oid)`,
    [['verbatim_documents', 'verbatim_chunks', 'verbatim_postings', 'verbatim_imports', 'verbatim_archive']],
  );
  const last = await client.query('SELECT finished_at, added, updated, removed, unchanged FROM verbatim_imports ORDER BY id DESC LIMIT 1');
  const row = last.rows[0];
  return {
    documents: Number(counts.rows[0].documents),
    textChars: Number(counts.rows[0].chars),
    diskBytes: Number(disk.rows[0].bytes),
    lastImport: row ? { finishedAt: row.finished_at, added: row.added, updated: row.updated, removed: row.removed, unchanged: row.unchanged } : null,
  };
}
