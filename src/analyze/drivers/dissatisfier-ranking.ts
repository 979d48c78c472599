/**
 * `dissatisfier_ranking`: one row per theme, every figure about its *negative* mentions (the one
 * definition of a dissatisfier): responses mentioning it negatively (rank by frequency), its impact
 * on NPS (theme_impact, overall, sentiment 'negative'), and, over the active accounts that mention
 * it negatively, the ARR at risk attributable to it with its account-bootstrap interval, p-value
 * and Benjamini–Hochberg q-value over the themes tested.
 *
 * Findings are gated by evidence (`revenue_link`):
 * - 'revenue dissatisfier': ARR-at-risk interval above zero and q < the FDR level: ranked
 *   (rank_by_arr_at_risk, share_of_attributable);
 * - 'associated with lower churn': interval below zero and q < level: never shown as ARR at risk;
 * - 'no reliable revenue link': otherwise (the interval contains zero, or q ≥ level);
 * - null: no churn model in this run.
 * `fdr_level` records the level used. `nps_driver`: the negative-mention NPS impact is below zero with q < level (theme_impact's
 * `significant`; above zero for CES read as effort, where a positive impact is added effort: `worse`). Rows: revenue dissatisfiers by ARR at risk, then the others by NPS impact.
 * Accounts here are active accounts (scored today), not the training accounts of churn_theme_lift.
 */
import { benjaminiHochbergQValues } from '../stats/index.ts';
import type { ThemeRevenueRisk } from './churn-analysis.ts';
import { compareText } from './compare-text.ts';
import type { TableColumns, TableRow } from './write-rows.ts';

export const DISSATISFIER_COLUMNS: TableColumns = {
  theme_id: 'VARCHAR', theme_label: 'VARCHAR', negative_mentions: 'BIGINT', rank_by_frequency: 'BIGINT',
  nps_impact: 'DOUBLE', nps_impact_ci_low: 'DOUBLE', nps_impact_ci_high: 'DOUBLE', nps_impact_q_value: 'DOUBLE', nps_driver: 'BOOLEAN', rank_by_nps_impact: 'BIGINT',
  active_accounts_mentioning: 'BIGINT', arr_of_active_accounts_mentioning: 'DOUBLE',
  odds_ratio: 'DOUBLE', odds_ratio_ci_low: 'DOUBLE', odds_ratio_ci_high: 'DOUBLE',
  arr_at_risk: 'DOUBLE', arr_at_risk_ci_low: 'DOUBLE', arr_at_risk_ci_high: 'DOUBLE', arr_at_risk_p_value: 'DOUBLE', arr_at_risk_q_value: 'DOUBLE',
  revenue_link: 'VARCHAR', fdr_level: 'DOUBLE', share_of_attributable: 'DOUBLE',
  weighted_arr_at_risk: 'DOUBLE', rank_by_arr_at_risk: 'BIGINT', rank_by_weighted_arr_at_risk: 'BIGINT', rank_shift: 'BIGINT', small_n: 'BOOLEAN',
};

export const REVENUE_LINKS = ['revenue dissatisfier', 'associated with lower churn', 'no reliable revenue link'] as const;
export type RevenueLink = (typeof REVENUE_LINKS)[number];

/** A theme's negative-mention NPS impact (theme_impact, overall). */
export interface NpsImpact {
  readonly impact: number;
  readonly low: number;
  readonly high: number;
  readonly qValue: number;
  readonly significant: boolean;
}

export interface RankingInput {
  readonly themes: readonly string[];
  readonly negativeMentions: ReadonlyMap<string, number>;
  readonly npsImpact: ReadonlyMap<string, NpsImpact>;
  /** null when the run has no churn model */
  readonly risk: ReadonlyMap<string, ThemeRevenueRisk> | null;
  readonly label: (id: string) => string;
  readonly minN: number;
  readonly fdrLevel: number;
  /** worseDirection of the driver score: −1 (default) a lower score is worse, +1 a higher one (CES read as effort) */
  readonly worse?: -1 | 1;
}

/** The evidence rule of `revenue_link`. */
export function revenueLink(low: number, high: number, qValue: number, fdrLevel: number): RevenueLink {
  if (!(qValue < fdrLevel)) return 'no reliable revenue link';
  if (low > 0) return 'revenue dissatisfier';
  if (high < 0) return 'associated with lower churn';
  return 'no reliable revenue link';
}

function ranks(ids: readonly string[], value: (id: string) => number, descending = true): Map<string, number> {
  const score = (id: string): number => (Number.isFinite(value(id)) ? (descending ? value(id) : -value(id)) : Number.NEGATIVE_INFINITY);
  const sorted = [...ids].sort((a, b) => (score(b) > score(a) ? 1 : score(b) < score(a) ? -1 : compareText(a, b)));
  return new Map(sorted.map((id, i) => [id, i + 1]));
}

export function dissatisfierRanking(input: RankingInput): TableRow[] {
  const { themes, risk, fdrLevel } = input;
  const mentions = (id: string): number => input.negativeMentions.get(id) ?? 0;
  const byFrequency = ranks(themes, mentions);
  const worse = input.worse ?? -1;
  const byNps = ranks(themes, (id) => input.npsImpact.get(id)?.impact ?? Number.NaN, worse === 1);
  const tested = risk ? themes.filter((id) => Number.isFinite(risk.get(id)?.pValue)) : [];
  const q = new Map(benjaminiHochbergQValues(tested.map((id) => risk?.get(id)?.pValue ?? Number.NaN)).map((v, i) => [tested[i], v]));
  const link = (id: string): RevenueLink | null => {
    const r = risk?.get(id);
    return risk === null ? null : r === undefined ? 'no reliable revenue link' : revenueLink(r.low, r.high, q.get(id) ?? Number.NaN, fdrLevel);
  };
  const dissatisfiers = themes.filter((id) => link(id) === 'revenue dissatisfier');
  const byArr = ranks(dissatisfiers, (id) => risk?.get(id)?.arrAtRisk ?? Number.NaN);
  const byWeighted = ranks(dissatisfiers, (id) => risk?.get(id)?.weighted ?? Number.NaN);
  const rankedTotal = dissatisfiers.reduce((acc, id) => acc + (risk?.get(id)?.arrAtRisk ?? 0), 0);
  const rows = themes.map((id): TableRow => {
    const r = risk?.get(id);
    const nps = input.npsImpact.get(id);
    const rankArr = byArr.get(id) ?? null;
    const rankFreq = byFrequency.get(id) ?? 0;
    return {
      theme_id: id, theme_label: input.label(id), negative_mentions: mentions(id), rank_by_frequency: rankFreq,
      nps_impact: nps?.impact ?? null, nps_impact_ci_low: nps?.low ?? null, nps_impact_ci_high: nps?.high ?? null, nps_impact_q_value: nps?.qValue ?? null,
      nps_driver: nps ? nps.significant && worse * nps.impact > 0 : false, rank_by_nps_impact: byNps.get(id) ?? null,
      active_accounts_mentioning: r?.accounts ?? null, arr_of_active_accounts_mentioning: r?.arrOfAccounts ?? null,
      odds_ratio: r?.oddsRatio ?? null, odds_ratio_ci_low: r?.oddsLow ?? null, odds_ratio_ci_high: r?.oddsHigh ?? null,
      arr_at_risk: r?.arrAtRisk ?? null, arr_at_risk_ci_low: r?.low ?? null, arr_at_risk_ci_high: r?.high ?? null,
      arr_at_risk_p_value: r?.pValue ?? null, arr_at_risk_q_value: q.get(id) ?? null, revenue_link: link(id), fdr_level: fdrLevel,
      share_of_attributable: rankArr !== null && rankedTotal > 0 ? (r?.arrAtRisk ?? 0) / rankedTotal : null,
      weighted_arr_at_risk: r?.weighted ?? null, rank_by_arr_at_risk: rankArr, rank_by_weighted_arr_at_risk: byWeighted.get(id) ?? null,
      rank_shift: rankArr === null ? null : rankFreq - rankArr, small_n: (r?.accounts ?? 0) < input.minN,
    };
  });
  const order = (row: TableRow): number => (row.rank_by_arr_at_risk === null ? 1000 + Number(row.rank_by_nps_impact ?? 999) : Number(row.rank_by_arr_at_risk));
  return rows.sort((a, b) => order(a) - order(b) || compareText(String(a.theme_id), String(b.theme_id)));
}
