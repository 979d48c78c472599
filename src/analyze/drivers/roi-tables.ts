/**
 * ROI figures. `roi_nps_categories`: for the training accounts (latest renewal decision known), by
 * NPS band in the window before it, for all accounts (segment 'all') and within each segment
 * (segments differ in ARR and churn, so a band's lifetime value across segments mixes them): churn
 * rate per renewal (Wilson interval), annualised churn,
 * mean ARR, expected lifetime (1 / annual churn, capped) and lifetime value = mean ARR × lifetime,
 * with seeded bootstrap intervals (accounts resampled within the band, by random groups beyond
 * `maxGroups` accounts: roi-band-bootstrap.ts).
 * `roi_scenario`: annual revenue kept by moving a share of today's detractor accounts to passive:
 * share × detractor ARR × (annual churn of detractors − of passives), and the lifetime value gained.
 */
import { percentileInterval, wilsonInterval } from '../stats/index.ts';
import { createRng } from '../../util/random.ts';
import { bandStats, groupBand, resampledBandStats, resampledGroupStats, type BandStats } from './roi-band-bootstrap.ts';

export { annualChurn } from './roi-band-bootstrap.ts';
import { npsBand, NPS_BANDS, type ChurnUnit, type NpsBand } from './churn-units.ts';
import { stableSeed } from './stable-seed.ts';
import type { TableColumns, TableRow } from './write-rows.ts';

export const ROI_CATEGORY_COLUMNS: TableColumns = {
  segment: 'VARCHAR', nps_category: 'VARCHAR', training_accounts: 'BIGINT', churned: 'BIGINT',
  churn_rate: 'DOUBLE', churn_rate_ci_low: 'DOUBLE', churn_rate_ci_high: 'DOUBLE', annual_churn_rate: 'DOUBLE',
  accounts_with_arr: 'BIGINT', mean_arr: 'DOUBLE', mean_arr_ci_low: 'DOUBLE', mean_arr_ci_high: 'DOUBLE',
  lifetime_years: 'DOUBLE', lifetime_value: 'DOUBLE', lifetime_value_ci_low: 'DOUBLE', lifetime_value_ci_high: 'DOUBLE', small_n: 'BOOLEAN',
};

export const ROI_SCENARIO_COLUMNS: TableColumns = {
  share_moved: 'DOUBLE', detractor_accounts: 'BIGINT', detractor_arr: 'DOUBLE', accounts_moved: 'DOUBLE', arr_moved: 'DOUBLE',
  annual_churn_detractor: 'DOUBLE', annual_churn_passive: 'DOUBLE',
  annual_revenue_gained: 'DOUBLE', annual_revenue_gained_ci_low: 'DOUBLE', annual_revenue_gained_ci_high: 'DOUBLE',
  lifetime_value_gained: 'DOUBLE', lifetime_value_gained_ci_low: 'DOUBLE', lifetime_value_gained_ci_high: 'DOUBLE',
};

export interface RoiSettings {
  readonly seed: number;
  readonly replicates: number;
  readonly level: number;
  readonly minN: number;
  readonly renewalMonths: number;
  readonly maxLifetimeYears: number;
  readonly shareMoved: number;
  /** bands larger than this are resampled by random groups of accounts (default: never) */
  readonly maxGroups?: number;
}

export interface RoiResult {
  readonly categories: TableRow[];
  readonly scenario: TableRow[];
}

export function computeRoi(train: readonly ChurnUnit[], active: readonly ChurnUnit[], s: RoiSettings): RoiResult {
  const churned = Float64Array.from(train, (u) => u.churned ?? 0);
  const arr = Float64Array.from(train, (u) => u.arr);
  const arr0 = arr.map((v) => (Number.isFinite(v) ? v : 0));
  const known = Uint8Array.from(arr, (v) => (Number.isFinite(v) ? 1 : 0));
  const segments = ['all', ...[...new Set(train.map((u) => u.segment))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))];
  const members = new Map<NpsBand, number[]>(NPS_BANDS.map((b) => [b, []]));
  train.forEach((u, i) => members.get(npsBand(u))?.push(i));
  const boot = new Map<NpsBand, BandStats[]>();
  const categories = segments.flatMap((segment) => NPS_BANDS.map((band): TableRow => {
    const idx = segment === 'all' ? members.get(band) ?? [] : (members.get(band) ?? []).filter((i) => train[i].segment === segment);
    const point = bandStats(churned, arr, idx, s);
    const rng = createRng(stableSeed(s.seed, segment === 'all' ? `roi:${band}` : `roi:${segment}:${band}`));
    const draws: BandStats[] = [];
    const grouped = s.maxGroups !== undefined && idx.length > s.maxGroups ? groupBand(rng, idx, s.maxGroups, churned, arr0, known) : undefined;
    for (let b = 0; b < s.replicates && idx.length > 0; b++) {
      draws.push(grouped ? resampledGroupStats(rng, grouped, s) : resampledBandStats(rng, idx, churned, arr0, known, s));
    }
    if (segment === 'all') boot.set(band, draws);
    const events = idx.reduce((acc, i) => acc + churned[i], 0);
    const wilson = wilsonInterval(events, idx.length, s.level);
    const meanArr = percentileInterval(draws.map((d) => d.meanArr), s.level);
    const ltv = percentileInterval(draws.map((d) => d.meanArr * d.lifetime), s.level);
    return {
      segment, nps_category: band, training_accounts: idx.length, churned: events,
      churn_rate: idx.length > 0 ? events / idx.length : Number.NaN, churn_rate_ci_low: wilson.low, churn_rate_ci_high: wilson.high,
      annual_churn_rate: point.annual, accounts_with_arr: idx.filter((i) => Number.isFinite(arr[i])).length,
      mean_arr: point.meanArr, mean_arr_ci_low: meanArr.low, mean_arr_ci_high: meanArr.high,
      lifetime_years: point.lifetime, lifetime_value: point.meanArr * point.lifetime, lifetime_value_ci_low: ltv.low, lifetime_value_ci_high: ltv.high,
      small_n: idx.length < s.minN,
    };
  }));
  const detractors = active.filter((u) => npsBand(u) === 'detractor');
  const detractorArr = detractors.reduce((acc, u) => acc + (Number.isFinite(u.arr) ? u.arr : 0), 0);
  const det = bandStats(churned, arr, members.get('detractor') ?? [], s);
  const pas = bandStats(churned, arr, members.get('passive') ?? [], s);
  const arrMoved = s.shareMoved * detractorArr;
  const detDraws = boot.get('detractor') ?? [];
  const pasDraws = boot.get('passive') ?? [];
  const pairs = Math.min(detDraws.length, pasDraws.length);
  const gained = Array.from({ length: pairs }, (_, b) => arrMoved * (detDraws[b].annual - pasDraws[b].annual));
  const ltvGained = Array.from({ length: pairs }, (_, b) => arrMoved * (pasDraws[b].lifetime - detDraws[b].lifetime));
  const g = percentileInterval(gained, s.level);
  const l = percentileInterval(ltvGained, s.level);
  const scenario: TableRow[] = [{
    share_moved: s.shareMoved, detractor_accounts: detractors.length, detractor_arr: detractorArr,
    accounts_moved: s.shareMoved * detractors.length, arr_moved: arrMoved,
    annual_churn_detractor: det.annual, annual_churn_passive: pas.annual,
    annual_revenue_gained: arrMoved * (det.annual - pas.annual), annual_revenue_gained_ci_low: g.low, annual_revenue_gained_ci_high: g.high,
    lifetime_value_gained: arrMoved * (pas.lifetime - det.lifetime), lifetime_value_gained_ci_low: l.low, lifetime_value_gained_ci_high: l.high,
  }];
  return { categories, scenario };
}
