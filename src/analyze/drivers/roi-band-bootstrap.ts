/**
 * Bootstrap of one NPS band's ROI figures (roi-tables.ts): churn per renewal, annualised churn,
 * expected lifetime (1 / annual churn, capped) and mean ARR, from the band's accounts resampled
 * with replacement, each resample summed as it is drawn. A band of more than `maxGroups` accounts
 * is split into that many random groups and the groups are resampled, as the rating moments do:
 * each group is an iid sample of accounts, so the variance is preserved, and 1,000 resamples of
 * 100,000 accounts cost 2·10⁶ draws instead of 10⁸.
 */
import type { Rng } from '../../util/random.ts';

export interface BandSettings {
  readonly renewalMonths: number;
  readonly maxLifetimeYears: number;
}

export interface BandStats {
  readonly annual: number;
  readonly lifetime: number;
  readonly meanArr: number;
}

export function annualChurn(ratePerRenewal: number, renewalMonths: number): number {
  return 1 - (1 - ratePerRenewal) ** (12 / renewalMonths);
}

export function bandStats(churned: ArrayLike<number>, arr: ArrayLike<number>, idx: ArrayLike<number>, s: BandSettings): BandStats {
  let events = 0;
  let arrSum = 0;
  let arrN = 0;
  for (let t = 0; t < idx.length; t++) {
    const i = idx[t];
    events += churned[i];
    if (Number.isFinite(arr[i])) { arrSum += arr[i]; arrN++; }
  }
  return statsOf(events, idx.length, arrSum, arrN, s);
}

function statsOf(events: number, n: number, arrSum: number, arrN: number, s: BandSettings): BandStats {
  const annual = n > 0 ? annualChurn(events / n, s.renewalMonths) : Number.NaN;
  const lifetime = annual > 0 ? Math.min(s.maxLifetimeYears, 1 / annual) : annual === 0 ? s.maxLifetimeYears : Number.NaN;
  return { annual, lifetime, meanArr: arrN > 0 ? arrSum / arrN : Number.NaN };
}

/**
 * One bootstrap resample of a band, accumulated as it is drawn (no index array): the same draws
 * and the same sums, in the same order, as bandStats over the resampled indices. `arr0` holds 0
 * where the ARR is unknown and `known` 1 where it is known.
 */
export function resampledBandStats(rng: Rng, idx: ArrayLike<number>, churned: Float64Array, arr0: Float64Array, known: Uint8Array, s: BandSettings): BandStats {
  let events = 0;
  let arrSum = 0;
  let arrN = 0;
  const m = idx.length;
  for (let t = 0; t < m; t++) {
    const i = idx[rng.int(m)];
    events += churned[i];
    arrSum += arr0[i];
    arrN += known[i];
  }
  return statsOf(events, m, arrSum, arrN, s);
}

/** Per random group of the band's accounts: accounts, churned, Σ ARR and accounts with ARR. */
export interface BandGroups {
  readonly n: Float64Array;
  readonly events: Float64Array;
  readonly arrSum: Float64Array;
  readonly arrN: Float64Array;
}

export function groupBand(rng: Rng, idx: ArrayLike<number>, groups: number, churned: Float64Array, arr0: Float64Array, known: Uint8Array): BandGroups {
  const g: BandGroups = { n: new Float64Array(groups), events: new Float64Array(groups), arrSum: new Float64Array(groups), arrN: new Float64Array(groups) };
  for (let t = 0; t < idx.length; t++) {
    const i = idx[t];
    const j = rng.int(groups);
    g.n[j]++;
    g.events[j] += churned[i];
    g.arrSum[j] += arr0[i];
    g.arrN[j] += known[i];
  }
  return g;
}

export function resampledGroupStats(rng: Rng, g: BandGroups, s: BandSettings): BandStats {
  const groups = g.n.length;
  let n = 0;
  let events = 0;
  let arrSum = 0;
  let arrN = 0;
  for (let t = 0; t < groups; t++) {
    const j = rng.int(groups);
    n += g.n[j];
    events += g.events[j];
    arrSum += g.arrSum[j];
    arrN += g.arrN[j];
  }
  return statsOf(events, n, arrSum, arrN, s);
}
