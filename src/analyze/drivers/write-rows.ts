/**
 * Writes rows computed in TypeScript into a DuckDB table (CREATE OR REPLACE, then the appender),
 * in the order given: callers sort first, so tables are deterministic. Column and table names are
 * ecoute's own (checked by internalName); values go through the appender, never into SQL text.
 * NaN and ±Infinity become NULL. Rows are appended a data chunk (2048 rows) at a time, column by
 * column: 85k account rows take ~0.3 s instead of ~2.4 s cell by cell.
 */
import {
  BIGINT, BOOLEAN, DOUBLE, DuckDBDataChunk, LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue,
} from '@duckdb/node-api';
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
  const types = names.map((name) => DUCKDB_TYPES[columns[name]]);
  try {
    for (let from = 0; from < rows.length; from += CHUNK_ROWS) {
      const slice = rows.slice(from, from + CHUNK_ROWS);
      const chunk = DuckDBDataChunk.create(types, slice.length);
      chunk.setColumns(names.map((name) => {
        const type = columns[name];
        const values = new Array<DuckDBValue>(slice.length);
        for (let r = 0; r < slice.length; r++) values[r] = toValue(type, slice[r][name], table, name);
        return values;
      }));
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

const CHUNK_ROWS = 2048;

const DUCKDB_TYPES: Readonly<Record<ColumnType, DuckDBType>> = {
  VARCHAR, DOUBLE, BIGINT, BOOLEAN, 'VARCHAR[]': LIST(VARCHAR),
};

function toValue(type: ColumnType, value: CellValue | undefined, table: string, column: string): DuckDBValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'DOUBLE':
      if (typeof value === 'number') return Number.isFinite(value) ? value : null;
      break;
    case 'VARCHAR':
      if (typeof value === 'string') return value;
      break;
    case 'BIGINT':
      if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
      break;
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value;
      break;
    case 'VARCHAR[]':
      if (Array.isArray(value)) return listValue(value as readonly string[]);
      break;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  throw new TypeError(`${table}.${column}: ${JSON.stringify(value)} is not a ${type}`);
}
