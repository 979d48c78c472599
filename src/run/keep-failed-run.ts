/**
 * A run stopped by a gate publishes nothing; its quarantine, field problems and summary (gate results
 * included) are kept for inspection in `<out>/failed/<as-of>/`, beside the previous night's outputs.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { exportTable } from '../report/export-table.ts';
import { toJsonText, writeFileAtomic } from '../report/atomic-write.ts';

export const FAILED_RUNS_DIR = 'failed';

export async function keepFailedRun(conn: DuckDBConnection, outDir: string, asOf: string, summary: unknown): Promise<string> {
  const dir = join(outDir, FAILED_RUNS_DIR, asOf);
  mkdirSync(dir, { recursive: true });
  await exportTable(conn, 'quarantine', join(dir, 'quarantine'), ['csv'], ['source', 'source_file', 'line']);
  await exportTable(conn, 'field_problems', join(dir, 'field_problems'), ['csv'], ['source', 'source_file', 'line', 'field']);
  writeFileAtomic(join(dir, 'run-summary.json'), toJsonText(summary));
  return dir;
}
