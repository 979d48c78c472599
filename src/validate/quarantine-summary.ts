/** Counts of quarantined rows (or of fields set missing on accepted rows) per source and reason, with the reason's wording. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { querySqlFile } from '../db/sql-file.ts';
import { describeReason } from './reason-codes.ts';

export interface QuarantineSummary {
  readonly total: number;
  readonly byReason: Array<{ source: string; reason: string; count: number; meaning: string }>;
}

async function summarise(conn: DuckDBConnection, file: string): Promise<QuarantineSummary> {
  const rows = await querySqlFile(conn, file);
  const byReason = rows.map((r) => ({ source: String(r.source), reason: String(r.reason_code), count: Number(r.n), meaning: describeReason(String(r.reason_code)) }));
  return { total: byReason.reduce((s, r) => s + r.count, 0), byReason };
}

/** Quarantined rows per source and reason (these rows are not in the canonical tables). */
export function quarantineSummary(conn: DuckDBConnection): Promise<QuarantineSummary> {
  return summarise(conn, 'validate/quarantine-by-reason');
}

/** Fields of accepted rows set missing (field_problems), per source and reason: not counted as quarantined rows. */
export function fieldProblemSummary(conn: DuckDBConnection): Promise<QuarantineSummary> {
  return summarise(conn, 'validate/field-problems-by-reason');
}
