/**
 * Writes rows computed in TypeScript into a DuckDB table (CREATE OR REPLACE, then the appender),
 * in the order given: callers sort first, so tables are deterministic. Column and table names are
 * ecoute's own (checked by internalName); values go through the appender, never into SQL text.
 * NaN and ±Infinity become NULL.
 */
import { LIST, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { internalName } from '../../db/quote-identifier.ts';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'BIGINT' | 'BOOLEAN' | 'VARCHAR[]';
export type CellValue = string | number | boolean | null | readonly string[];
export type TableColumns = Readonly<Record<string, ColumnType>>;
export type TableRow = Readonly<Record<string, CellValue>>;

export async function writeRows(
  conn: DuckDBConnection,
  table: string,
  columns: TableColumns,
  rows: readonly TableRow[],
  options: { readonly temp?: boolean } = {},
): Promise<void> {
  const names = Object.keys(columns);
  const ddl = names.map((name) => `${internalName(name)} ${columns[name]}`).join(', ');
  await conn.run(`CREATE OR REPLACE ${options.temp ? 'TEMP ' : ''}TABLE ${internalName(table)} (${ddl})`);
  if (rows.length === 0) return;
  const appender = await conn.createAppender(table);
  try {
    for (const row of rows) {
      for (const name of names) appendCell(appender, columns[name], row[name], table, name);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

type Appender = Awaited<ReturnType<DuckDBConnection['createAppender']>>;

function appendCell(appender: Appender, type: ColumnType, value: CellValue | undefined, table: string, column: string): void {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
    appender.appendNull();
    return;
  }
  const mismatch = (): never => {
    throw new TypeError(`${table}.${column}: ${JSON.stringify(value)} is not a ${type}`);
  };
  switch (type) {
    case 'VARCHAR':
      if (typeof value !== 'string') mismatch();
      appender.appendVarchar(value as string);
      return;
    case 'DOUBLE':
      if (typeof value !== 'number') mismatch();
      appender.appendDouble(value as number);
      return;
    case 'BIGINT':
      if (typeof value !== 'number' || !Number.isInteger(value)) mismatch();
      appender.appendBigInt(BigInt(value as number));
      return;
    case 'BOOLEAN':
      if (typeof value !== 'boolean') mismatch();
      appender.appendBoolean(value as boolean);
      return;
    case 'VARCHAR[]':
      if (!Array.isArray(value)) mismatch();
      appender.appendList(value as readonly string[], LIST(VARCHAR));
      return;
  }
}
