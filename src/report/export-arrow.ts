/**
 * `ecoute export <run-dir> --out DIR --format arrow`: the tables a run publishes (`tables/*.parquet`)
 * as Apache Arrow IPC files (`<table>.arrow`), read through DuckDB and written with apache-arrow,
 * for tools that read Arrow directly (pandas/pyarrow, polars, R arrow, DuckDB, Observable).
 * Each file is written atomically; the run itself is only read.
 *
 * **Example:**
 * ```ts
 * const r = await exportArrowTables('out/demo', 'out/arrow');
 * r.tables[0]; // { table: 'account_risk', rows: 1200, file: 'out/arrow/account_risk.arrow' }
 * ```
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Table, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { openDatabase } from '../db/open-database.ts';
import { querySqlFile } from '../db/sql-file.ts';
import { withAtomicFile } from './atomic-write.ts';
import { arrowColumn } from './arrow-column.ts';
import { EcouteError } from '../run/errors.ts';

export interface ArrowExport {
  readonly tables: ReadonlyArray<{ readonly table: string; readonly rows: number; readonly file: string }>;
}

export async function exportArrowTables(runDir: string, outDir: string): Promise<ArrowExport> {
  const tablesDir = join(runDir, 'tables');
  if (!existsSync(tablesDir)) throw new EcouteError(`${tablesDir}: not found (is ${runDir} the output folder of a run? run \`ecoute run <pipeline>\` first)`);
  const names = readdirSync(tablesDir).filter((f) => f.endsWith('.parquet')).map((f) => f.slice(0, -'.parquet'.length)).sort();
  const db = await openDatabase();
  const tables: Array<{ table: string; rows: number; file: string }> = [];
  try {
    for (const table of names) {
      const path = join(tablesDir, `${table}.parquet`);
      const columns = (await querySqlFile(db.connection, 'report/describe-parquet', { path })).map((r) => arrowColumn(String(r.column_name), String(r.column_type)));
      // the projection is generated: every identifier goes through quoteIdentifier (arrow-column.ts)
      const reader = await db.connection.runAndReadAll(`SELECT ${columns.map((c) => c.select).join(', ')} FROM read_parquet($path)`, { path });
      const values = reader.getColumnsJS();
      const vectors: Record<string, Vector> = {};
      columns.forEach((c, i) => {
        vectors[c.name] = vectorFromArray(values[i] ?? [], c.type);
      });
      const file = join(outDir, `${table}.arrow`);
      const bytes = tableToIPC(new Table(vectors), 'file');
      await withAtomicFile(file, async (tmp) => writeFileSync(tmp, bytes));
      tables.push({ table, rows: reader.currentRowCount, file });
    }
  } finally {
    db.close();
  }
  return { tables };
}
