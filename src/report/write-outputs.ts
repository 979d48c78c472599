/**
 * Writes the run's tables beside the DuckDB file: `tables/<name>.parquet` and `.csv`, and the
 * quarantine also as `quarantine.csv` at the top of the out dir where a data team looks first.
 * A table `x` with a PII-redacted view `x_export` (sql/report/create-export-views.sql) is written from
 * the view: free text leaves DuckDB only redacted, the quarantine's raw rows included.
 */
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { exportTable } from './export-table.ts';

export interface OutputPlan {
  readonly tables: readonly string[];
}

export async function writeOutputs(conn: DuckDBConnection, outDir: string, plan: OutputPlan): Promise<string[]> {
  const written: string[] = [];
  for (const table of plan.tables) {
    // `<x>_export` views (PII-redacted) are written under the name of the table they expose
    const files = await exportTable(conn, table, join(outDir, 'tables', table.replace(/_export$/, '')), ['parquet', 'csv']);
    written.push(...files);
  }
  written.push(...(await exportTable(conn, 'quarantine_export', join(outDir, 'quarantine'), ['csv'], ['source', 'source_file', 'line'])));
  return written.map((f) => f.slice(outDir.length + 1));
}
