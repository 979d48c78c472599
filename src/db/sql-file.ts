/**
 * Loads the `.sql` files under `sql/`. Values are bound as named parameters ($name), never interpolated.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';

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
export type SqlTypes = Record<string, DuckDBType>;

/**
 * The statements of a SQL text: split after a `;` ending a line of code (a `;` ending a comment line
 * does not count), comments-only pieces dropped.
 */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    current.push(line);
    if (!/^\s*--/.test(line) && /;[ \t]*$/.test(line)) {
      statements.push(current.join('\n').replace(/;[ \t]*$/, ''));
      current = [];
    }
  }
  statements.push(current.join('\n'));
  return statements.map((s) => s.trim()).filter((s) => s.replace(/--.*$/gm, '').trim().length > 0);
}

/**
 * Runs a SQL file statement by statement; each statement is given the parameters it uses
 * (DuckDB rejects values for parameters a statement does not have).
 */
export async function runSqlFile(conn: DuckDBConnection, name: string, params: SqlParams = {}, types: SqlTypes = {}): Promise<void> {
  for (const statement of splitStatements(sqlFile(name))) {
    const used = Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(statement)));
    const usedTypes = Object.fromEntries(Object.entries(types).filter(([k]) => k in used));
    await conn.run(statement, used, usedTypes);
  }
}

/** Runs a SQL file and returns its rows as plain objects (JSON-friendly values). */
export async function querySqlFile(conn: DuckDBConnection, name: string, params?: SqlParams): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sqlFile(name), params);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}

/**
 * Runs a SQL file as a streaming query and visits its rows (JSON-friendly values) a chunk of about 2,048
 * at a time: the result is never held whole, in DuckDB or in JS. The connection must run nothing else
 * (no other query, no appender flush) until the stream is done: that would end the stream.
 */
export async function streamSqlFile(conn: DuckDBConnection, name: string, params: SqlParams, visit: (rows: Record<string, unknown>[]) => void): Promise<void> {
  const result = await conn.stream(sqlFile(name), params);
  for await (const rows of result.yieldRowObjectJson()) visit(rows as Record<string, unknown>[]);
}

/**
 * streamSqlFile for a result ordered by a key whose rows come in runs (a response and its mentions, an owner and
 * their answers): `visit` gets each run's key and rows once the run has ended, so one run is held at a time.
 */
export async function streamSqlRuns(
  conn: DuckDBConnection,
  name: string,
  params: SqlParams,
  keyOf: (row: Record<string, unknown>) => string,
  visit: (key: string, rows: Record<string, unknown>[]) => void,
): Promise<void> {
  let key: string | undefined;
  let run: Record<string, unknown>[] = [];
  await streamSqlFile(conn, name, params, (rows) => {
    for (const row of rows) {
      const k = keyOf(row);
      if (k !== key) {
        if (key !== undefined) visit(key, run);
        key = k;
        run = [];
      }
      run.push(row);
    }
  });
  if (key !== undefined) visit(key, run);
}

/** Runs a query (SQL text from ecoute itself, values bound) and returns its first cell as a number (0 when empty). */
export async function queryNumber(conn: DuckDBConnection, sql: string, params: SqlParams = {}): Promise<number> {
  const reader = await conn.runAndReadAll(sql, params);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}
