/**
 * What the "How we compare" section states, read from a run's benchmark tables: the gap with each
 * competitor (whole window, latest quarter, trend), the attributes that explain it, and the published
 * reference figures. Undefined when the run has no benchmark comparison.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlFile } from '../../db/sql-file.ts';

type Row = Record<string, unknown>;

export interface BenchmarkFacts {
  readonly gaps: readonly Row[];
  readonly attributes: readonly Row[];
  readonly reference: readonly Row[];
}

const NEEDED = ['benchmark_gaps', 'benchmark_gap_trend', 'benchmark_attribute_gaps', 'benchmark_reference'];

export async function gatherBenchmarkFacts(conn: DuckDBConnection, tables: ReadonlyMap<string, ReadonlySet<string>>): Promise<BenchmarkFacts | undefined> {
  if (!NEEDED.every((t) => tables.has(t))) return undefined;
  const read = async (name: string): Promise<Row[]> => (await conn.runAndReadAll(sqlFile(name))).getRowObjectsJson() as Row[];
  const gaps = await read('report/select-benchmark-gaps');
  if (gaps.length === 0) return undefined;
  return { gaps, attributes: await read('report/select-benchmark-attributes'), reference: await read('report/select-benchmark-reference') };
}
