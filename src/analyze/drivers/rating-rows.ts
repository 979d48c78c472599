/**
 * Per-response rating rows of the key-driver analysis, in one GROUP BY over drivers_ratings (no
 * list pivot, no sorted aggregate): for each attribute j, c{j} = ratings of j in the response and
 * x{j} = their sum (the rating itself when c{j} = 1), plus the NPS answer y and g, the response's
 * resampling group (its account, or a random group of whole accounts: drivers_cluster_groups). The same table gives
 * each attribute's coverage (responses with c{j} > 0) and, once attributes are selected, the
 * complete rows (c{j} = 1 for every selected j) whose moments feed the correlation matrix.
 *
 * The aggregate list depends on the number of attributes, so the SQL text is built here: it holds
 * only column names made of generated integer indices; attribute names are bound ($a0, $a1...).
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { queryNumber } from '../../db/sql-file.ts';

export interface RatingCoverage {
  /** responses rating each attribute (in the order given) */
  readonly nRated: readonly number[];
  /** responses with at least one rating */
  readonly ratedResponses: number;
}

export function ratingRowsSql(attributes: number): string {
  const parts: string[] = [];
  for (let j = 0; j < attributes; j++) {
    parts.push(`count(*) FILTER (WHERE attribute = $a${j})::INTEGER AS c${j}`, `sum(rating) FILTER (WHERE attribute = $a${j}) AS x${j}`);
  }
  return [
    'CREATE OR REPLACE TEMP TABLE drivers_rating_rows AS',
    `SELECT rid, any_value(g) AS g, any_value(score)::DOUBLE AS y${parts.map((p) => `, ${p}`).join('')}`,
    'FROM drivers_ratings',
    'GROUP BY rid',
  ].join('\n');
}

export function ratingCoverageSql(attributes: number): string {
  const parts = Array.from({ length: attributes }, (_, j) => `count(*) FILTER (WHERE c${j} > 0)::INTEGER AS n${j}`);
  return `SELECT count(*)::INTEGER AS rated${parts.map((p) => `, ${p}`).join('')} FROM drivers_rating_rows`;
}

/** WHERE clause of the complete rows: every selected attribute (indices) rated exactly once. */
export function completeRowsCondition(selected: readonly number[]): string {
  return selected.length === 0 ? 'true' : selected.map((j) => `c${checkIndex(j)} = 1`).join(' AND ');
}

export function checkIndex(j: number): number {
  if (!Number.isInteger(j) || j < 0) throw new RangeError(`attribute index must be a non-negative integer, got ${j}`);
  return j;
}

/** Builds drivers_rating_rows for the attributes (in that order) and returns their coverage. */
export async function createRatingRows(conn: DuckDBConnection, attributes: readonly string[]): Promise<RatingCoverage> {
  const params: Record<string, DuckDBValue> = Object.fromEntries(attributes.map((a, j) => [`a${j}`, a]));
  await conn.run(ratingRowsSql(attributes.length), params);
  const row = (await conn.runAndReadAll(ratingCoverageSql(attributes.length))).getRows()[0] ?? [];
  return { ratedResponses: Number(row[0] ?? 0), nRated: attributes.map((_, j) => Number(row[1 + j] ?? 0)) };
}

/** Responses that rated every selected attribute exactly once. */
export async function countCompleteRows(conn: DuckDBConnection, selected: readonly number[]): Promise<number> {
  return queryNumber(conn, `SELECT count(*)::INTEGER AS n FROM drivers_rating_rows WHERE ${completeRowsCondition(selected)}`);
}
