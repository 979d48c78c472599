/**
 * Exports a DuckDB table to Parquet and/or CSV with DuckDB's own writers (atomic rename).
 * CSV text cells that a spreadsheet would run as a formula (= + - @ tab CR at the start) are
 * prefixed with a single quote, so opening the quarantine or a metric CSV in Excel executes nothing.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { internalName, quoteIdentifier } from '../db/quote-identifier.ts';
import { withAtomicFile } from './atomic-write.ts';

export type ExportFormat = 'parquet' | 'csv';

async function columnsOf(conn: DuckDBConnection, table: string): Promise<Array<{ name: string; type: string }>> {
  const reader = await conn.runAndReadAll(`DESCRIBE ${internalName(table)}`);
  return reader.getRowObjectsJson().map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
}

/** SELECT list that neutralises spreadsheet formulas in text columns. */
export function formulaSafeSelect(columns: ReadonlyArray<{ name: string; type: string }>): string {
  return columns
    .map(({ name, type }) => {
      const col = quoteIdentifier(name);
      // the first character against the triggers: what regexp_matches(col, '^[=+\-@\t\r]') tests, at a fraction of its cost
      if (type === 'VARCHAR') return `CASE WHEN left(${col}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${col} ELSE ${col} END AS ${col}`;
      if (type.endsWith('[]') || type.startsWith('STRUCT') || type.startsWith('MAP')) return `CAST(${col} AS VARCHAR) AS ${col}`;
      return col;
    })
    .join(', ');
}

export async function exportTable(conn: DuckDBConnection, table: string, basePath: string, formats: readonly ExportFormat[], orderBy: readonly string[] = []): Promise<string[]> {
  const columns = await columnsOf(conn, table);
  const order = orderBy.length === 0 ? '' : ` ORDER BY ${orderBy.map(quoteIdentifier).join(', ')}`;
  const written: string[] = [];
  for (const format of formats) {
    const path = `${basePath}.${format}`;
    await withAtomicFile(path, async (tmp) => {
      if (format === 'parquet') {
        await conn.run(`COPY (SELECT * FROM ${internalName(table)}${order}) TO $path (FORMAT parquet, COMPRESSION zstd)`, { path: tmp });
      } else {
        await conn.run(`COPY (SELECT ${formulaSafeSelect(columns)} FROM ${internalName(table)}${order}) TO $path (FORMAT csv, HEADER true)`, { path: tmp });
      }
    });
    written.push(path);
  }
  return written;
}
