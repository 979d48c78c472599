/**
 * Writes the table explorer_rows into a run's database (sql/report/create-explorer-rows.sql): every verbatim of
 * the explorer as of the run date with its PII-redacted text and that text folded for the search, redacted and
 * folded here by the very functions the embedded explorer uses (explorerText: redactPii; foldSearchText), so
 * `ecoute serve` searches and shows the same text without redacting on every query. The verbatims are streamed
 * on a second connection of the same database while the texts are appended on the first one (a stream must not
 * share its connection), so a run of millions of verbatims is never held in JavaScript.
 *
 * **Example:**
 * ```ts
 * const db = await openDatabase('out/runs/2026-11-01/ecoute.duckdb');
 * const { n } = await writeExplorerRows(db, '2026-11-01'); // explorer_rows: one row a verbatim
 * ```
 */
import type { Database } from '../../db/open-database.ts';
import { runSqlFile, streamSqlFile } from '../../db/sql-file.ts';
import { explorerText } from './explorer-columns.ts';
import { foldSearchText } from './fold-search-text.ts';

export const EXPLORER_ROWS_TABLE = 'explorer_rows';

export async function writeExplorerRows(db: Database, asOf: string): Promise<{ n: number }> {
  const conn = db.connection;
  const reader = await db.instance.connect();
  let n = 0;
  try {
    // temp macros and tables belong to their connection: the reader needs the macro, the writer both
    await runSqlFile(reader, 'report/create-explorer-verbatims-macro');
    await runSqlFile(conn, 'report/create-explorer-verbatims-macro');
    await runSqlFile(conn, 'report/create-explorer-row-texts');
    const appender = await conn.createAppender('explorer_row_texts');
    try {
      await streamSqlFile(reader, 'report/select-explorer-row-verbatims', { as_of: asOf }, (rows) => {
        for (const r of rows) {
          const text = explorerText(String(r.verbatim));
          appender.appendVarchar(String(r.response_id));
          appender.appendVarchar(text);
          appender.appendVarchar(foldSearchText(text));
          appender.endRow();
          n += 1;
        }
      });
    } finally {
      appender.closeSync();
    }
    await runSqlFile(conn, 'report/create-explorer-rows', { as_of: asOf });
  } finally {
    reader.closeSync();
  }
  return { n };
}
