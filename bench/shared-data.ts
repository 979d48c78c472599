/**
 * The public data sets of ../shared/data (read-only; never copied into the repository, never used by
 * tests): where they are (ECOUTE_SHARED_DATA to move them) and a way to read them with DuckDB's readers.
 */
import { resolve } from 'node:path';
import { openDatabase } from '../src/db/open-database.ts';

export const DATA = resolve(process.env.ECOUTE_SHARED_DATA ?? '../shared/data');

/** A path as a SQL string literal. */
export const lit = (path: string): string => `'${path.replace(/'/g, "''")}'`;

/** Rows of a query run on a fresh in-memory database, values as JSON-friendly strings. */
export async function readRows(sql: string): Promise<Array<Record<string, string | null>>> {
  const db = await openDatabase();
  try {
    return (await db.connection.runAndReadAll(sql)).getRowObjectsJson() as Array<Record<string, string | null>>;
  } finally {
    db.close();
  }
}
