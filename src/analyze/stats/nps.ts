/**
 * Net Promoter Score helpers. NPS = %promoters − %detractors, in points (−100..100).
 * Standard error follows from the multinomial variance of (promoter − detractor) indicators:
 * Var = p + d − (p − d)², so SE = sqrt((p + d − (p − d)²) / n) on the proportion scale.
 *
 * **Example:** `npsFromCounts(50, 30, 20)` → 30; `npsStandardError(0.5, 0.2, 100)` → 0.0781 (7.81 points).
 */
import { zCritical } from './normal-distribution.ts';

export interface NpsCounts {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

/** NPS in points from counts; NaN when there are no responses. */
export function npsFromCounts(promoters: number, passives: number, detractors: number): number {
  const n = promoters + passives + detractors;
  if (n <= 0) return Number.NaN;
  return (100 * (promoters - detractors)) / n;
}

/**
 * Standard error of NPS on the proportion scale (multiply by 100 for points).
 * `p` and `d` are the promoter and detractor proportions, `n` the number of responses.
 */
export function npsStandardError(p: number, d: number, n: number): number {
  if (n <= 0) return Number.NaN;
  const variance = p + d - (p - d) * (p - d);
  return Math.sqrt(Math.max(0, variance) / n);
}

/** NPS category of a 0–10 likelihood-to-recommend score. */
export function npsCategory(score: number): 'promoter' | 'passive' | 'detractor' {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

export interface NpsEstimate {
  readonly n: number;
  /** points */
  readonly nps: number;
  /** points */
  readonly standardError: number;
  /** normal-approximation interval in points, clamped to [−100, 100] */
  readonly low: number;
  readonly high: number;
}

/** NPS with its standard error and a normal-approximation confidence interval, all in points. */
export function npsEstimate(counts: NpsCounts, level = 0.95): NpsEstimate {
  const n = counts.promoters + counts.passives + counts.detractors;
  const nps = npsFromCounts(counts.promoters, counts.passives, counts.detractors);
  const se = 100 * npsStandardError(counts.promoters / n, counts.detractors / n, n);
  const z = zCritical(level);
  return { n, nps, standardError: se, low: Math.max(-100, nps - z * se), high: Math.min(100, nps + z * se) };
}
