/**
 * Expands a source path or glob (relative to the pipeline file) into a sorted list of files,
 * using DuckDB's own glob so the order is the same on every machine.
 */
import { isAbsolute, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { querySqlFile } from '../db/sql-file.ts';

export async function resolveSourceFiles(conn: DuckDBConnection, baseDir: string, pattern: string): Promise<string[]> {
  const absolute = isAbsolute(pattern) ? pattern : resolve(baseDir, pattern);
  const rows = await querySqlFile(conn, 'ingest/glob-files', { pattern: absolute });
  return rows.map((r) => String(r.file)).sort();
}
