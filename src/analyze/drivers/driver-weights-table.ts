/**
 * `driver_weights`: key driver analysis of the attribute ratings on the NPS answer. Johnson's
 * relative weights and the exact Shapley/LMG decomposition of R², both from the correlation
 * matrix DuckDB summarises (rating-moments.ts), each weight with an account-level bootstrap interval and a
 * comparison against a random noise variable (a driver is significant only when it beats noise).
 * Mean rating (performance) beside importance gives the importance–performance quadrant.
 * Constant, collinear and rarely rated attributes are listed with their status, the rest analysed.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  benchmarkAgainstNoise, InvalidCorrelationError, MAX_SUBSET_DRIVERS, zCritical, type DriverMethod, type NoiseBenchmark,
} from '../stats/index.ts';
import { queryRows, num, str, type Row } from './read-rows.ts';
import { readRatingMoments, momentsCorrelation, momentsResampler } from './rating-moments.ts';
import { createRatingRows, countCompleteRows } from './rating-rows.ts';
import type { TableColumns, TableRow } from './write-rows.ts';
import { driversMessages } from './drivers-messages.ts';

export const DRIVER_WEIGHTS_COLUMNS: TableColumns = {
  method: 'VARCHAR', attribute: 'VARCHAR', status: 'VARCHAR', n: 'BIGINT',
  weight: 'DOUBLE', weight_ci_low: 'DOUBLE', weight_ci_high: 'DOUBLE',
  share_pct: 'DOUBLE', share_pct_ci_low: 'DOUBLE', share_pct_ci_high: 'DOUBLE',
  margin_over_noise_ci_low: 'DOUBLE', margin_over_noise_ci_high: 'DOUBLE', share_above_noise: 'DOUBLE',
  significant: 'BOOLEAN', importance_rank: 'BIGINT', r_squared: 'DOUBLE',
  n_rated: 'BIGINT', mean_rating: 'DOUBLE', mean_rating_ci_low: 'DOUBLE', mean_rating_ci_high: 'DOUBLE', quadrant: 'VARCHAR',
};

export interface DriverWeightsSettings {
  readonly seed: number;
  readonly replicates: number;
  readonly level: number;
  readonly minN: number;
  readonly minCoverage: number;
}

export interface DriverWeightsResult {
  readonly rows: TableRow[];
  readonly responses: number;
  readonly rSquared: number | null;
  readonly messages: string[];
  readonly skipped: string | null;
}

/** Shapley needs 2^p subsets per resample (twice, with the noise variable): fewer resamples beyond 12 drivers, none beyond 15. */
export function shapleyReplicates(p: number, requested: number): number {
  return p <= 12 ? requested : p <= 15 ? Math.min(requested, 200) : 0;
}

/**
 * Expects drivers_ratings (sql/drivers/create-rating-scope.sql): the ratings are joined to the
 * scope once; attribute statistics, per-response rows and their moments are read from it.
 */
export async function computeDriverWeights(conn: DuckDBConnection, s: DriverWeightsSettings): Promise<DriverWeightsResult> {
  const stats = await queryRows(conn, 'drivers/select-rating-attributes');
  const messages: string[] = [];
  const empty = (reason: string): DriverWeightsResult => ({ rows: [], responses: 0, rSquared: null, messages, skipped: reason });
  if (stats.length === 0) return empty(driversMessages.noRatings());
  const coverage = await createRatingRows(conn, stats.map((a) => str(a, 'attribute')));
  const attributes: Row[] = stats.map((a, j) => ({ ...a, column: j, n_rated: coverage.nRated[j], rated_responses: coverage.ratedResponses }));
  const covered = (a: Row): boolean => num(a, 'n_rated') >= s.minCoverage * num(a, 'rated_responses');
  const selected = attributes.filter(covered);
  const lowCoverage = attributes.filter((a) => !covered(a));
  if (lowCoverage.length > 0) messages.push(driversMessages.lowCoverage(lowCoverage.map((a) => str(a, 'attribute')), s.minCoverage));
  if (selected.length === 0) return empty(driversMessages.noRatings());
  const p = selected.length;
  const columns = selected.map((a) => num(a, 'column'));
  const responses = await countCompleteRows(conn, columns);
  if (responses < Math.max(s.minN, p + 4)) return { ...empty(driversMessages.tooFewRatedResponses(responses, Math.max(s.minN, p + 4))), responses };
  const moments = await readRatingMoments(conn, columns, responses);
  const input = { drivers: selected.map((a) => str(a, 'attribute')), matrix: momentsCorrelation(moments) };
  const z = zCritical(s.level);
  const byAttribute = new Map(attributes.map((a) => [str(a, 'attribute'), a]));
  const rows: TableRow[] = [];
  let rSquared: number | null = null;
  for (const method of ['relative-weights', 'shapley'] as const satisfies readonly DriverMethod[]) {
    if (method === 'shapley' && p > MAX_SUBSET_DRIVERS) {
      messages.push(driversMessages.tooManyForShapley(p, MAX_SUBSET_DRIVERS));
      continue;
    }
    const replicates = method === 'shapley' ? shapleyReplicates(p, s.replicates) : s.replicates;
    if (replicates < s.replicates) messages.push(driversMessages.fewerShapleyResamples(p, replicates));
    let result: NoiseBenchmark;
    try {
      result = await benchmarkAgainstNoise(input, momentsResampler(moments), { n: responses, method, replicates: Math.max(replicates, 1), level: s.level, seed: s.seed });
    } catch (error) {
      if (error instanceof InvalidCorrelationError) return { ...empty(error.message), responses };
      throw error;
    }
    if (method === 'relative-weights' && result.importance.message) messages.push(result.importance.message);
    rSquared = result.importance.rSquared;
    const noCi = replicates === 0;
    const meanShare = 100 / result.drivers.length;
    const meanPerformance = result.drivers.reduce((acc, d) => acc + num(byAttribute.get(d.name) ?? {}, 'mean_rating'), 0) / result.drivers.length;
    const ranked = [...result.drivers].sort((a, b) => b.weight - a.weight);
    for (const d of result.drivers) {
      const a = byAttribute.get(d.name) ?? {};
      const mean = num(a, 'mean_rating');
      const half = (z * num(a, 'sd_rating')) / Math.sqrt(num(a, 'n_rated'));
      rows.push({
        method, attribute: d.name, status: 'analysed', n: responses,
        weight: d.weight, weight_ci_low: noCi ? null : d.interval.low, weight_ci_high: noCi ? null : d.interval.high,
        share_pct: d.percent, share_pct_ci_low: noCi ? null : d.percentInterval.low, share_pct_ci_high: noCi ? null : d.percentInterval.high,
        margin_over_noise_ci_low: noCi ? null : d.marginOverNoise.low, margin_over_noise_ci_high: noCi ? null : d.marginOverNoise.high,
        share_above_noise: noCi ? null : d.shareAboveNoise, significant: noCi ? null : d.significant,
        importance_rank: ranked.indexOf(d) + 1, r_squared: result.importance.rSquared,
        n_rated: num(a, 'n_rated'), mean_rating: mean, mean_rating_ci_low: mean - half, mean_rating_ci_high: mean + half,
        quadrant: quadrant(d.percent >= meanShare, mean >= meanPerformance),
      });
    }
    for (const dropped of result.importance.dropped) rows.push(statusRow(method, dropped.name, dropped.reason, responses, byAttribute.get(dropped.name) ?? {}));
    for (const a of lowCoverage) rows.push(statusRow(method, str(a, 'attribute'), 'low-coverage', responses, a));
  }
  return { rows, responses, rSquared, messages, skipped: null };
}

function statusRow(method: string, attribute: string, status: string, n: number, a: Row): TableRow {
  return { method, attribute, status, n, n_rated: num(a, 'n_rated'), mean_rating: num(a, 'mean_rating') };
}

/** Importance–performance analysis quadrants. */
export function quadrant(important: boolean, performing: boolean): string {
  if (important) return performing ? 'keep up the good work' : 'concentrate here';
  return performing ? 'possible overkill' : 'low priority';
}
