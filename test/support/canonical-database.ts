/** A fresh in-memory DuckDB holding ecoute's canonical tables (empty), for tests that insert their rows by hand. */
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { runSqlFile } from '../../src/db/sql-file.ts';

export async function canonicalDatabase(): Promise<Database> {
  const db = await openDatabase();
  await runSqlFile(db.connection, 'ingest/create-canonical-tables');
  return db;
}
