/**
 * Loads the `.sql` files under `sql/`. Values are bound as named parameters ($name), never interpolated.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

const SQL_ROOT = fileURLToPath(new URL('../../sql/', import.meta.url));
const cache = new Map<string, string>();

/** Text of `sql/<name>.sql`, e.g. `sqlFile('ingest/create-canonical-tables')`. */
export function sqlFile(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(SQL_ROOT, `${name}.sql`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

export type SqlParams = Record<string, DuckDBValue>;

/** Runs a SQL file (one or several statements when no parameters are given). */
export async function runSqlFile(conn: DuckDBConnection, name: string, params?: SqlParams): Promise<void> {
  await conn.run(sqlFile(name), params);
}

/** Runs a SQL file and returns its rows as plain objects (JSON-friendly values). */
export async function querySqlFile(conn: DuckDBConnection, name: string, params?: SqlParams): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sqlFile(name), params);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}
