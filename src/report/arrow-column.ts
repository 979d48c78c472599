/**
 * How one DuckDB column becomes an Arrow column in `ecoute export --format arrow`: the SQL that
 * reads it as a plain JS value, and the Arrow type. Integers up to 32 bits stay Int32, 64-bit and
 * larger integers become Int64 (bigint), decimals and floats Float64, DATE a day count (DateDay),
 * TIMESTAMP milliseconds (TimestampMillisecond, UTC), BOOLEAN Bool; text, lists, structs and
 * anything else Utf8 (the value as DuckDB prints it), so no column is dropped.
 */
import { Bool, DateDay, Float64, Int32, Int64, TimestampMillisecond, Utf8, type DataType } from 'apache-arrow';
import { quoteIdentifier } from '../db/quote-identifier.ts';

export interface ArrowColumn {
  readonly name: string;
  /** SELECT expression giving the value the Arrow builder takes */
  readonly select: string;
  readonly type: DataType;
}

const INT32 = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'UTINYINT', 'USMALLINT']);
const INT64 = new Set(['BIGINT', 'UINTEGER', 'HUGEINT', 'UBIGINT', 'UHUGEINT']);
const FLOAT = new Set(['FLOAT', 'DOUBLE']);

export function arrowColumn(name: string, duckdbType: string): ArrowColumn {
  const col = quoteIdentifier(name);
  const as = ` AS ${col}`;
  if (INT32.has(duckdbType)) return { name, select: `${col}::INTEGER${as}`, type: new Int32() };
  if (INT64.has(duckdbType)) return { name, select: `${col}::BIGINT${as}`, type: new Int64() };
  if (FLOAT.has(duckdbType) || duckdbType.startsWith('DECIMAL')) return { name, select: `${col}::DOUBLE${as}`, type: new Float64() };
  if (duckdbType === 'BOOLEAN') return { name, select: col, type: new Bool() };
  // DateDay and TimestampMillisecond builders take epoch milliseconds
  if (duckdbType === 'DATE') return { name, select: `epoch_ms(${col}::TIMESTAMP)::DOUBLE${as}`, type: new DateDay() };
  if (duckdbType.startsWith('TIMESTAMP')) return { name, select: `epoch_ms(${col}::TIMESTAMP)::DOUBLE${as}`, type: new TimestampMillisecond() };
  return { name, select: `${col}::VARCHAR${as}`, type: new Utf8() };
}
