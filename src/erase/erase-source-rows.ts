/**
 * Applies the erasure list at ingest: after a source is validated, its rows that an erasure request
 * names (by contact id, account id, or an email address in the row or its verbatim) are dropped from
 * its canonical table and from the quarantine, and counted as erased, so that
 * rows read = accepted + quarantined + erased still holds and the next export cannot bring a person back.
 */
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { SourceName } from '../config/pipeline-schema.ts';
import { internalName } from '../db/quote-identifier.ts';
import { canonicalFields } from '../ingest/source-fields.ts';

/** The row expression erasure_keys(contact, account, text) for a table with the given columns. */
export function erasureKeysOf(columns: readonly string[]): string {
  const col = (name: string): string => (columns.includes(name) ? internalName(name) : 'NULL');
  return `erasure_keys(${col('contact_id')}, ${col('account_id')}, ${col('verbatim')})`;
}

/** Deletes the erased rows of `source` (canonical `table` and quarantine); the macros of sql/erase/create-erasure-macros.sql must exist. */
export async function eraseSourceRows(conn: DuckDBConnection, source: SourceName, table: string, hashes: readonly string[]): Promise<number> {
  if (hashes.length === 0) return 0;
  const list = listValue([...hashes]);
  const accepted = await conn.run(`DELETE FROM ${internalName(table)} WHERE list_has_any(${erasureKeysOf(canonicalFields(source))}, $hashes)`, { hashes: list });
  const quarantined = await conn.run('DELETE FROM quarantine WHERE source = $source AND list_has_any(erasure_raw_keys(raw), $hashes)', { source, hashes: list });
  return accepted.rowsChanged + quarantined.rowsChanged;
}
