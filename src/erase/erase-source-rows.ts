/**
 * Applies the erasure list at ingest: after a source is validated, its rows that an erasure request
 * names (by contact id, account id, an email address in the row or its verbatim, or the contact's email in
 * the contacts source) are dropped from its canonical table and from the quarantine, and counted as erased,
 * so that rows read = accepted + quarantined + erased still holds and the next export cannot bring a person back.
 */
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { SourceName } from '../config/pipeline-schema.ts';
import { internalName } from '../db/quote-identifier.ts';
import { querySqlFile } from '../db/sql-file.ts';
import { canonicalFields } from '../ingest/source-fields.ts';

/** The row expression erasure_keys(contact, account, text) for a table with the given columns, plus the contact's email (contacts.email). */
export function erasureKeysOf(columns: readonly string[]): string {
  const col = (name: string): string => (columns.includes(name) ? internalName(name) : 'NULL');
  const keys = `erasure_keys(${col('contact_id')}, ${col('account_id')}, ${col('verbatim')})`;
  return columns.includes('email') ? `list_concat(${keys}, erasure_email_keys(${internalName('email')}))` : keys;
}

/**
 * The hashes with, for every email hash that names a contact (contacts.email, or the staged contacts' email
 * column at ingest: `sqlName`), that contact's id hash: erasing an email erases its contact's every row
 * (responses, invitations, call-backs), not only the texts the address is written in.
 */
export async function withEmailContacts(conn: DuckDBConnection, hashes: readonly string[], sqlName: 'erase/select-email-contacts' | 'erase/select-staged-email-contacts'): Promise<string[]> {
  if (hashes.length === 0) return [];
  const rows = await querySqlFile(conn, sqlName, { hashes: listValue([...hashes]) });
  return [...new Set([...hashes, ...rows.map((r) => String(r.hash))])].sort();
}

/** Deletes the erased rows of `source` (canonical `table` and quarantine); the macros of sql/erase/create-erasure-macros.sql must exist. */
export async function eraseSourceRows(conn: DuckDBConnection, source: SourceName, table: string, hashes: readonly string[]): Promise<number> {
  if (hashes.length === 0) return 0;
  const list = listValue([...hashes]);
  const accepted = await conn.run(`DELETE FROM ${internalName(table)} WHERE list_has_any(${erasureKeysOf(canonicalFields(source))}, $hashes)`, { hashes: list });
  const quarantined = await conn.run('DELETE FROM quarantine WHERE source = $source AND list_has_any(erasure_raw_keys(raw), $hashes)', { source, hashes: list });
  return accepted.rowsChanged + quarantined.rowsChanged;
}
