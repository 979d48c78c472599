/** How many accepted responses carry each quality flag (speeder, straight_liner): kept, and counted in the metrics. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { querySqlFile } from '../db/sql-file.ts';

export async function qualityFlagCounts(conn: DuckDBConnection): Promise<Record<string, number>> {
  const rows = await querySqlFile(conn, 'validate/quality-flag-counts');
  return Object.fromEntries(rows.map((r) => [String(r.flag), Number(r.n)]));
}
