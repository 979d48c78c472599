/**
 * NPS of a set of panel answers with its respondent-level margin. Benchmark panels have no accounts, so
 * each answer is its own cluster: the clustered (linearisation) variance of the mean of y (+100 promoter,
 * 0 passive, −100 detractor) with c = n clusters of one answer each,
 *   var = n / (n − 1) · Σ (y_i − ȳ)² / n²,
 * the same formula as the account-clustered NPS of sql/metrics/create-stat-macros.sql (R survey's svymean
 * with ids = ~1). Below two answers the margin is unknown (NaN).
 *
 * **Example:** scores [10, 9, 8, 3] → nps 25, se = 100·sqrt(4/3 · (3·0.75² + 1.25²)/16) ≈ 47.9 points.
 */
import { npsPoints } from './benchmark-answer.ts';

export interface RespondentNps {
  readonly n: number;
  /** points, −100..100 */
  readonly nps: number;
  /** points */
  readonly se: number;
}

export const Z95 = 1.959963984540054;

export function respondentNps(scores: readonly number[]): RespondentNps {
  const n = scores.length;
  if (n === 0) return { n, nps: Number.NaN, se: Number.NaN };
  let sum = 0;
  for (const s of scores) sum += npsPoints(s);
  const mean = sum / n;
  let ss = 0;
  for (const s of scores) ss += (npsPoints(s) - mean) ** 2;
  const se = n >= 2 ? Math.sqrt(((n / (n - 1)) * ss) / (n * n)) : Number.NaN;
  return { n, nps: mean, se };
}
