/**
 * Writes the run's tables beside the DuckDB file: `tables/<name>.parquet` and `.csv`, and the
 * quarantine also as `quarantine.csv` at the top of the out dir where a data team looks first.
 * A table `x` with a PII-redacted view `x_export` (sql/report/create-export-views.sql) is written from
 * the view: free text leaves DuckDB only redacted, the quarantine's raw rows included.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../db/sql-file.ts';
import { METRIC_TABLES } from '../analyze/metrics/compute-metrics.ts';
import { DRIVER_TABLES } from '../analyze/drivers/compute-drivers.ts';
import { BENCHMARK_TABLES } from '../analyze/benchmark/compute-benchmark.ts';
import { tableExists } from '../analyze/drivers/read-rows.ts';
import { exportTable } from './export-table.ts';
import { withAtomicFile } from './atomic-write.ts';

/** Verbatim tables exported beside the database (verbatims themselves stay inside DuckDB). */
const CLASSIFY_TABLES = ['verbatim_sentiment', 'theme_mentions_export', 'theme_candidates'] as const;

/** Every table a run exports, in order; `_export` views are written under the name of their table. */
export const RUN_TABLES: readonly string[] = Object.freeze(['quarantine_export', 'field_problems', 'reconciliation', ...METRIC_TABLES, ...CLASSIFY_TABLES, ...DRIVER_TABLES]);

/**
 * Every table to tables/, then quarantine.csv at the top: a copy of tables/quarantine.csv, whose rows
 * writeRunTables materialised once, in file order (materialise-quarantine-export.sql).
 */
async function writeOutputs(conn: DuckDBConnection, outDir: string, tables: readonly string[]): Promise<string[]> {
  const written: string[] = [];
  for (const table of tables) {
    const files = await exportTable(conn, table, join(outDir, 'tables', table.replace(/_export$/, '')), ['parquet', 'csv']);
    written.push(...files);
  }
  const top = join(outDir, 'quarantine.csv');
  await withAtomicFile(top, async (tmp) => copyFileSync(join(outDir, 'tables', 'quarantine.csv'), tmp));
  written.push(top);
  return written.map((f) => f.slice(outDir.length + 1));
}

/**
 * The redaction macros and export views, then every table of RUN_TABLES (and the benchmark tables of a run
 * that compared brands): what a run writes beside its database, and what `ecoute erase` rewrites after a purge.
 */
export async function writeRunTables(conn: DuckDBConnection, outDir: string): Promise<string[]> {
  await runSqlFile(conn, 'classify/create-theme-candidates'); // empty when the pipeline has no taxonomy
  await runSqlFile(conn, 'classify/create-redact-pii-macro');
  await runSqlFile(conn, 'report/create-quarantine-export-view');
  await runSqlFile(conn, 'report/materialise-quarantine-export');
  await runSqlFile(conn, 'report/create-export-views');
  const benchmark: string[] = [];
  for (const t of BENCHMARK_TABLES) if (await tableExists(conn, t)) benchmark.push(t);
  const files = await writeOutputs(conn, outDir, [...RUN_TABLES, ...benchmark]);
  await runSqlFile(conn, 'report/release-quarantine-export');
  await runSqlFile(conn, 'report/create-quarantine-export-view');
  return files;
}
