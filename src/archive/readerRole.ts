// The role writers connect with: it may read the archive and nothing else. Role names cannot be
// bound as parameters, so the statements are built by the server's own format('%I'), which
// quotes the name, from the name passed as a parameter.

import type { ClientBase } from 'pg';

/** Creates (when missing) a login role that can only read the archive's tables. */
export async function grantReader(client: ClientBase, role: string): Promise<void> {
  const statements = [
    `SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', $1::text) AS sql WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`,
    `SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), $1::text) AS sql`,
    `SELECT format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), $1::text) AS sql`,
    `SELECT format('GRANT SELECT ON verbatim_archive, verbatim_documents, verbatim_chunks, verbatim_postings, verbatim_imports TO %I', $1::text) AS sql`,
    `SELECT format('ALTER ROLE %I SET default_transaction_read_only = on', $1::text) AS sql`,
  ];
  for (const statement of statements) {
    const { rows } = await client.query(statement, [role]);
    for (const row of rows) await client.query(row.sql);
  }
}
