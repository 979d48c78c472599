/** Counts of quarantined rows per source and reason, with the reason's wording. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { querySqlFile } from '../db/sql-file.ts';
import { describeReason } from './reason-codes.ts';

export interface QuarantineSummary {
  readonly total: number;
  readonly byReason: Array<{ source: string; reason: string; count: number; meaning: string }>;
}

export async function quarantineSummary(conn: DuckDBConnection): Promise<QuarantineSummary> {
  const rows = await querySqlFile(conn, 'validate/quarantine-by-reason');
  const byReason = rows.map((r) => ({ source: String(r.source), reason: String(r.reason_code), count: Number(r.n), meaning: describeReason(String(r.reason_code)) }));
  return { total: byReason.reduce((s, r) => s + r.count, 0), byReason };
}
