/**
 * Typed access to rows read from DuckDB as JSON-friendly objects (BIGINT / DECIMAL may arrive
 * as strings, NULL as null).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { querySqlFile, type SqlParams } from '../../db/sql-file.ts';

export type Row = Record<string, unknown>;

export function num(row: Row, key: string): number {
  const v = row[key];
  if (v === null || v === undefined) return Number.NaN;
  return typeof v === 'number' ? v : Number(v);
}

export function str(row: Row, key: string): string {
  const v = row[key];
  return v === null || v === undefined ? '' : String(v);
}

export function optionalStr(row: Row, key: string): string | null {
  const v = row[key];
  return v === null || v === undefined ? null : String(v);
}

export function strList(row: Row, key: string): string[] {
  const v = row[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export async function queryRows(conn: DuckDBConnection, name: string, params?: SqlParams): Promise<Row[]> {
  return querySqlFile(conn, name, params);
}

/** Does a table (or view) of that name exist in any schema of the connection? */
export async function tableExists(conn: DuckDBConnection, table: string): Promise<boolean> {
  const reader = await conn.runAndReadAll('SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = $t', { t: table });
  const views = await conn.runAndReadAll('SELECT count(*) AS n FROM duckdb_views() WHERE view_name = $t AND NOT internal', { t: table });
  return Number(reader.getRowObjectsJson()[0]?.n ?? 0) + Number(views.getRowObjectsJson()[0]?.n ?? 0) > 0;
}
