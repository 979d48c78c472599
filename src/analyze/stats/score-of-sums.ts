/**
 * A score computed from three per-response sums, so one theme-impact bootstrap serves every score:
 * a share from its class counts (NPS: promoters, passives, detractors; CSAT: satisfied, others, 0) and
 * a mean from Σ score, Σ score², n (CES). Sums of integer answers stay exact in doubles, so the score
 * of a resample does not depend on the order its groups were added in.
 *
 * **Example:** `npsOfClassCounts(50, 30, 20)` → 30; `meanOfSums(24, 100, 6)` → 4 (six answers summing to 24).
 */
import { npsEstimate } from './nps.ts';
import { zCritical } from './normal-distribution.ts';

/** The score of a set of responses from its three sums; NaN when the set is empty. */
export type ScoreOfSums = (a: number, b: number, c: number) => number;

/** 100 · (top − bottom) / n from the counts (top, middle, bottom): NPS in points, CSAT as a percentage. */
export const npsOfClassCounts: ScoreOfSums = (top, middle, bottom) => {
  const n = top + middle + bottom;
  return n === 0 ? Number.NaN : (100 * (top - bottom)) / n;
};

/** Σ score / n from (Σ score, Σ score², n): the mean answer (CES). */
export const meanOfSums: ScoreOfSums = (sum, _squares, n) => (n === 0 ? Number.NaN : sum / n);

export interface ScoreEstimate {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

/** A share with its multinomial normal interval (npsEstimate), from (top, middle, bottom). */
export function shareEstimate(top: number, middle: number, bottom: number, level: number): ScoreEstimate {
  const e = npsEstimate({ promoters: top, passives: middle, detractors: bottom }, level);
  return { value: e.nps, low: e.low, high: e.high };
}

/** A mean with its normal interval (sample standard deviation / √n), from (Σ score, Σ score², n); NaN bounds below two answers. */
export function meanEstimate(sum: number, squares: number, n: number, level: number): ScoreEstimate {
  const value = meanOfSums(sum, squares, n);
  if (!(n >= 2)) return { value, low: Number.NaN, high: Number.NaN };
  const se = Math.sqrt(Math.max(0, (squares - (sum * sum) / n) / (n - 1)) / n);
  const z = zCritical(level);
  return { value, low: value - z * se, high: value + z * se };
}
