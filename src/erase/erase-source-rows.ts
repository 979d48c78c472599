/**
 * Applies the erasure list at ingest: after a source is validated, its rows that an erasure request
 * names (by contact id, account id, an email address in the row or its verbatim / notes, or the contact's email
 * in the contacts source) are dropped from its canonical table and from the quarantine, and counted as erased,
 * so that rows read = accepted + quarantined + erased still holds and the next export cannot bring a person back.
 * The ids of the responses erased (accepted or quarantined) are kept in erased_response_ids: a follow-up
 * that names one of them (by response id only) is erased too.
 */
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { SourceName } from '../config/pipeline-schema.ts';
import { internalName } from '../db/quote-identifier.ts';
import { querySqlFile } from '../db/sql-file.ts';
import { canonicalFields } from '../ingest/source-fields.ts';

/** The free-text column of a table that may hold email addresses: a response's verbatim, a follow-up's notes. */
const TEXT_COLUMNS = ['verbatim', 'notes'] as const;

/** The row expression erasure_keys(contact, account, text) for a table with the given columns, plus the contact's email (contacts.email). */
export function erasureKeysOf(columns: readonly string[]): string {
  const col = (name: string | undefined): string => (name !== undefined && columns.includes(name) ? internalName(name) : 'NULL');
  const keys = `erasure_keys(${col('contact_id')}, ${col('account_id')}, ${col(TEXT_COLUMNS.find((c) => columns.includes(c)))})`;
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

/** Whether a table holds columns erasure_keys reads. */
export function hasErasureKeys(columns: readonly string[]): boolean {
  return columns.some((c) => c === 'contact_id' || c === 'account_id' || c === 'email' || (TEXT_COLUMNS as readonly string[]).includes(c));
}

/** Columns of a source's canonical table: its canonical fields, and the contact a follow-up is resolved to. */
function tableColumns(source: SourceName): string[] {
  return source === 'followups' ? [...canonicalFields(source), 'contact_id'] : canonicalFields(source);
}

const ERASED_FOLLOWUP = "response_id IN (SELECT response_id FROM erased_response_ids)";
const ERASED_FOLLOWUP_RAW = 'erasure_raw_has_token(raw, (SELECT coalesce(list(response_id), []) FROM erased_response_ids))';

/** Deletes the erased rows of `source` (canonical `table` and quarantine); the macros of sql/erase/create-erasure-macros.sql must exist. */
export async function eraseSourceRows(conn: DuckDBConnection, source: SourceName, table: string, hashes: readonly string[]): Promise<number> {
  if (hashes.length === 0) return 0;
  const bound = { hashes: listValue([...hashes]) };
  const keys = `list_has_any(${erasureKeysOf(tableColumns(source))}, $hashes)`;
  const quarantineKeys = 'list_has_any(erasure_raw_keys(raw), $hashes)';
  if (source === 'responses') {
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE erased_response_ids AS
       SELECT response_id FROM responses WHERE ${keys}
       UNION SELECT json_extract_string(raw, '$.response_id') FROM quarantine
       WHERE source = 'responses' AND json_valid(raw) AND json_extract_string(raw, '$.response_id') IS NOT NULL AND ${quarantineKeys}`,
      bound,
    );
  }
  const followups = source === 'followups' ? await conn.runAndReadAll("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'erased_response_ids'") : undefined;
  const byResponse = followups !== undefined && Number(followups.getRows()[0]?.[0]) > 0;
  const accepted = await conn.run(`DELETE FROM ${internalName(table)} WHERE ${keys}${byResponse ? ` OR ${ERASED_FOLLOWUP}` : ''}`, bound);
  const quarantined = await conn.run(`DELETE FROM quarantine WHERE source = $source AND (${quarantineKeys}${byResponse ? ` OR ${ERASED_FOLLOWUP_RAW}` : ''})`, { source, ...bound });
  return accepted.rowsChanged + quarantined.rowsChanged;
}
