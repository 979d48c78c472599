/**
 * How many verbatims a run's explorer holds and the values of its filters (sql/report/select-explorer-dimension-values.sql
 * over explorer_verbatims, whose macro the caller has created), each list in the order of the embedded explorer's
 * dictionaries (dictionaryValues; ARR bands in band order, every band listed): the page of a served run carries
 * them for its filter bar, and `ecoute serve` answers them at /api/explorer/meta.
 *
 * **Example:**
 * ```ts
 * await runSqlFile(conn, 'report/create-explorer-verbatims-macro');
 * const { n, dims } = await readExplorerDimensions(conn, '2026-11-01'); // dims.segment: ['Enterprise', 'Mid-market', 'SMB']
 * ```
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { querySqlFile } from '../../db/sql-file.ts';
import { arrBandLabels } from '../../analyze/drivers/design-matrix.ts';
import { dictionaryValues, EXPLORER_DIMENSIONS, type ExplorerDimension } from './explorer-columns.ts';
import { EXPLORER_ARR_BANDS } from './write-explorer-script.ts';

export interface ExplorerDimensions {
  readonly n: number;
  readonly dims: Readonly<Record<ExplorerDimension, readonly string[]>>;
}

export async function readExplorerDimensions(conn: DuckDBConnection, asOf: string): Promise<ExplorerDimensions> {
  const totals = (await querySqlFile(conn, 'report/select-explorer-dimension-values', { as_of: asOf }))[0]!;
  const dims = Object.fromEntries(EXPLORER_DIMENSIONS.map((d) => [
    d, d === 'arr_band' ? arrBandLabels(EXPLORER_ARR_BANDS) : dictionaryValues(((totals[d] as unknown[] | null) ?? []).map(String)),
  ])) as Record<ExplorerDimension, readonly string[]>;
  return { n: Number(totals.n), dims };
}
