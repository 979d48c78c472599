/**
 * Theme impact on NPS: NPS of everyone minus NPS of the responses that do not mention the theme.
 * A theme that drags the score down has a negative impact (removing it would raise NPS).
 *
 * The statistic depends only on the 2×3 table (mentions theme?, promoter/passive/detractor), so
 * the bootstrap resamples that table with one multinomial draw of the six counts: O(cells) per
 * resample instead of O(n). This is exactly the distribution of a row bootstrap.
 *
 * **Example:** mentions {promoters: 10, passives: 20, detractors: 70}, others {600, 200, 100}
 * → NPS_all = 44, NPS_without = 55.56, impact = −11.56 points.
 */
import { createRng } from '../../util/random.ts';
import { npsFromCounts, type NpsCounts } from './nps.ts';
import { sampleMultinomial } from './random-variates.ts';
import { percentileInterval, sampleStandardDeviation, type Interval } from './bootstrap.ts';

export interface ThemeTable {
  /** responses mentioning the theme */
  readonly mentions: NpsCounts;
  /** responses not mentioning it */
  readonly others: NpsCounts;
}

/** NPS_all − NPS_without_theme in points; NaN when nobody (or everybody) mentions the theme. */
export function themeImpact(table: ThemeTable): number {
  const { mentions: m, others: o } = table;
  const all = npsFromCounts(m.promoters + o.promoters, m.passives + o.passives, m.detractors + o.detractors);
  return all - npsFromCounts(o.promoters, o.passives, o.detractors);
}

function cellsOf(table: ThemeTable): Float64Array {
  const { mentions: m, others: o } = table;
  return Float64Array.of(m.promoters, m.passives, m.detractors, o.promoters, o.passives, o.detractors);
}

/** Impact of the six cells (mentions P, Pa, D, others P, Pa, D); NaN when nobody is left without the theme. */
export function impactOfCells(c: ArrayLike<number>): number {
  const nOthers = c[3] + c[4] + c[5];
  const nAll = nOthers + c[0] + c[1] + c[2];
  if (nOthers === 0 || nAll === 0) return Number.NaN;
  return (100 * (c[0] + c[3] - c[2] - c[5])) / nAll - (100 * (c[3] - c[5])) / nOthers;
}

export interface ThemeImpactBootstrap {
  /** impact on the observed table, points */
  readonly impact: number;
  /** percentile interval, points */
  readonly interval: Interval;
  /** bootstrap standard error, points */
  readonly standardError: number;
  /** share of resamples whose impact has the opposite sign of the estimate, ×2 (capped at 1) */
  readonly pValue: number;
  readonly replicates: number;
  /** resamples where nobody was left without the theme (ignored) */
  readonly degenerate: number;
}

export interface ThemeImpactOptions {
  readonly replicates?: number;
  readonly level?: number;
  readonly seed?: number;
}

/** Count-based bootstrap of theme impact: multinomial resampling of the 2×3 table. */
export function bootstrapThemeImpact(table: ThemeTable, options: ThemeImpactOptions = {}): ThemeImpactBootstrap {
  const replicates = options.replicates ?? 2000;
  const level = options.level ?? 0.95;
  const cells = cellsOf(table);
  let n = 0;
  for (const c of cells) {
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`theme table counts must be non-negative integers, got ${c}`);
    n += c;
  }
  const impact = impactOfCells(cells);
  if (n === 0) throw new RangeError('theme table is empty');
  const rng = createRng(options.seed ?? 1);
  const draws = new Float64Array(replicates);
  const buffer = new Float64Array(6);
  for (let b = 0; b < replicates; b++) {
    sampleMultinomial(rng, n, cells, buffer);
    draws[b] = impactOfCells(buffer);
  }
  return summariseImpactDraws(impact, draws, level);
}

/**
 * The bootstrap summary of an impact from its resampled values: percentile interval, standard
 * error and p-value = 2 × share of the resamples on the other side of zero (NaN resamples ignored).
 */
export function summariseImpactDraws(impact: number, draws: Float64Array, level: number): ThemeImpactBootstrap {
  let degenerate = 0;
  let opposite = 0;
  for (const v of draws) {
    if (Number.isNaN(v)) degenerate++;
    else if (impact > 0 ? v <= 0 : impact < 0 ? v >= 0 : true) opposite++;
  }
  const valid = draws.length - degenerate;
  return {
    impact,
    interval: percentileInterval(draws, level),
    standardError: sampleStandardDeviation(draws),
    pValue: valid > 0 ? Math.min(1, (2 * opposite) / valid) : Number.NaN,
    replicates: draws.length,
    degenerate,
  };
}
