/**
 * A run stopped by a gate publishes nothing: before it stops, its quarantine, field problems and
 * summary (gate results included) are written into its staging folder, which publishRun then keeps as
 * `<out>/failed/<run-id>/` (output.keep_failed), beside the night still published.
 */
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../db/sql-file.ts';
import { exportTable } from '../report/export-table.ts';
import { toJsonText, writeFileAtomic } from '../report/atomic-write.ts';

export async function keepFailedRun(conn: DuckDBConnection, dir: string, summary: unknown): Promise<void> {
  // PII-redacted, as every file that leaves DuckDB
  await runSqlFile(conn, 'classify/create-redact-pii-macro');
  await runSqlFile(conn, 'report/create-quarantine-export-view');
  await exportTable(conn, 'quarantine_export', join(dir, 'quarantine'), ['csv'], ['source', 'source_file', 'line']);
  await exportTable(conn, 'field_problems', join(dir, 'field_problems'), ['csv'], ['source', 'source_file', 'line', 'field']);
  writeFileAtomic(join(dir, 'run-summary.json'), toJsonText(summary));
}
