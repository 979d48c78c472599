/**
 * The I/O edge of the charts: checks a chart's tables and columns exist in the run's database,
 * runs its SQL file with bound parameters, and labels themes. Returns the rows or the reason
 * the chart cannot be drawn from this run.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlFile } from '../db/sql-file.ts';
import type { ChartDefinition } from './chart-catalog.ts';
import type { ChartRow, ChartValue } from './spec-base.ts';

export type ChartRowsResult = { readonly ok: true; readonly rows: ChartRow[] } | { readonly ok: false; readonly reason: string };

export async function listColumns(conn: DuckDBConnection): Promise<Map<string, Set<string>>> {
  const reader = await conn.runAndReadAll(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_catalog = current_database() AND table_schema = 'main' ORDER BY table_name, ordinal_position",
  );
  const tables = new Map<string, Set<string>>();
  for (const r of reader.getRowObjectsJson()) {
    const t = String(r.table_name);
    let cols = tables.get(t);
    if (cols === undefined) tables.set(t, (cols = new Set()));
    cols.add(String(r.column_name));
  }
  return tables;
}

/** Why the run's tables cannot feed the chart, or undefined when they can. */
export function missingInputs(def: ChartDefinition, tables: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
  for (const [table, columns] of Object.entries(def.requires)) {
    const have = tables.get(table);
    if (have === undefined) return `table ${table} is not in this run`;
    const missing = columns.filter((c) => !have.has(c));
    if (missing.length > 0) return `table ${table} lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
  }
  return undefined;
}

function toChartValue(v: unknown): ChartValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

/** JSON values from DuckDB: BIGINT/HUGEINT come back as strings; integer columns are made numbers. */
function normalizeRow(r: Record<string, unknown>, integerColumns: ReadonlySet<string>): Record<string, ChartValue> {
  const out: Record<string, ChartValue> = {};
  for (const [k, v] of Object.entries(r)) out[k] = integerColumns.has(k) && typeof v === 'string' ? Number(v) : toChartValue(v);
  return out;
}

export async function loadChartRows(
  conn: DuckDBConnection,
  def: ChartDefinition,
  tables: ReadonlyMap<string, ReadonlySet<string>>,
  ctx: { asOf: string; themeLabel: (id: string) => string },
): Promise<ChartRowsResult> {
  const missing = missingInputs(def, tables);
  if (missing !== undefined) return { ok: false, reason: missing };
  const sql = sqlFile(def.query);
  const params: Record<string, string> = { ...(def.params ?? {}) };
  if (/\$as_of\b/.test(sql)) params.as_of = ctx.asOf;
  const reader = await conn.runAndReadAll(sql, params);
  const integerColumns = new Set(
    reader.columnNames().filter((_, i) => /^(BIGINT|HUGEINT|UBIGINT)$/.test(reader.columnTypes()[i]!.toString())),
  );
  const rows = reader.getRowObjectsJson().map((r) => {
    const row = normalizeRow(r as Record<string, unknown>, integerColumns);
    if (def.labelsThemes && typeof row.theme_id === 'string') row.theme = ctx.themeLabel(row.theme_id);
    return row;
  });
  if (rows.length === 0) return { ok: false, reason: (await queriedReason(conn, def)) ?? def.emptyReason ?? `no rows for this chart in ${Object.keys(def.requires)[0]}` };
  return { ok: true, rows };
}

/** The reason of an empty chart read from the run's data (def.emptyReasonQuery), when the definition has one. */
async function queriedReason(conn: DuckDBConnection, def: ChartDefinition): Promise<string | undefined> {
  if (def.emptyReasonQuery === undefined) return undefined;
  const reason = (await conn.runAndReadAll(sqlFile(def.emptyReasonQuery))).getRowObjectsJson()[0]?.reason;
  return typeof reason === 'string' ? reason : undefined;
}
