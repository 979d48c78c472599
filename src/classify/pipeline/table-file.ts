/**
 * Reading any CSV / Parquet / JSON-lines file into the temp table `classify_input`, exposing one
 * of its columns as the `classify_source(__row, text)` view, and writing a table back out
 * (to a temp file renamed on success, so a crash never leaves a half-written output).
 */
import { rename, rm } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile, querySqlFile } from '../../db/sql-file.ts';
import { quoteIdentifier, internalName } from '../../db/quote-identifier.ts';

export type TableFormat = 'csv' | 'parquet' | 'jsonl';

export class InputFileError extends Error {}

export function tableFormatOf(path: string): TableFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.parquet') || lower.endsWith('.pq')) return 'parquet';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.csv') || lower.endsWith('.tsv') || lower.endsWith('.txt')) return 'csv';
  throw new InputFileError(`${path}: unknown file type (expected .csv, .tsv, .parquet or .jsonl)`);
}

/** Loads the file into `classify_input` and returns its column names. */
export async function loadInputFile(conn: DuckDBConnection, path: string): Promise<string[]> {
  try {
    await runSqlFile(conn, `classify/load-input-${tableFormatOf(path)}`, { path });
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError(`${path}: cannot read the file (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, { cause: error });
  }
  return (await querySqlFile(conn, 'classify/describe-input')).map((r) => String(r.column_name));
}

/** Checks that a column exists, naming the available ones when it does not. */
export function requireColumn(path: string, columns: readonly string[], column: string, role: string): void {
  if (!columns.includes(column)) {
    throw new InputFileError(`${path}: no ${role} column "${column}" (columns: ${columns.map((c) => JSON.stringify(c)).join(', ')})`);
  }
}

/** `classify_source(__row, text, text_hash[, label])` over classify_input: the one place the user's column names enter SQL. */
export async function createInputSourceView(conn: DuckDBConnection, textColumn: string, labelColumn?: string): Promise<void> {
  const label = labelColumn === undefined ? '' : `, CAST(${quoteIdentifier(labelColumn)} AS VARCHAR) AS label`;
  const text = `CAST(${quoteIdentifier(textColumn)} AS VARCHAR)`;
  await conn.run(`CREATE OR REPLACE TEMP VIEW classify_source AS SELECT rowid AS __row, ${text} AS text, md5(${text}) AS text_hash${label} FROM classify_input`);
}

const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** COPY an internal table to CSV or Parquet (format from the extension), atomically. */
export async function writeTableFile(conn: DuckDBConnection, table: string, out: string): Promise<void> {
  const format = tableFormatOf(out);
  const tmp = `${out}.tmp`;
  const options = format === 'parquet' ? '(FORMAT parquet)' : format === 'jsonl' ? '(FORMAT json)' : '(FORMAT csv, HEADER true)';
  try {
    await conn.run(`COPY ${internalName(table)} TO ${sqlString(tmp)} ${options}`);
    await rename(tmp, out);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
