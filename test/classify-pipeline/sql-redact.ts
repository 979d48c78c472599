/** Runs the DuckDB macro `redact_pii` over texts (in order), for the tests that compare it with `redactPii`. */
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { runSqlFile } from '../../src/db/sql-file.ts';

export async function sqlRedact(db: Database, texts: readonly string[]): Promise<Array<string | null>> {
  await db.connection.run('CREATE OR REPLACE TEMP TABLE pii_texts (i INTEGER, t VARCHAR)');
  const appender = await db.connection.createAppender('pii_texts');
  texts.forEach((t, i) => {
    appender.appendInteger(i);
    appender.appendVarchar(t);
    appender.endRow();
  });
  appender.closeSync();
  const reader = await db.connection.runAndReadAll('SELECT redact_pii(t) AS r FROM pii_texts ORDER BY i');
  return reader.getRowObjectsJson().map((row) => (row.r === null ? null : String(row.r)));
}

/** An in-memory database with the redaction macros of sql/classify/create-redact-pii-macro.sql. */
export async function openRedactionDatabase(): Promise<Database> {
  const db = await openDatabase();
  await runSqlFile(db.connection, 'classify/create-redact-pii-macro');
  return db;
}
