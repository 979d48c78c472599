/**
 * `dissatisfier_ranking`: themes sorted by the ARR at risk attributable to them, with the ranking
 * by frequency (responses mentioning the theme negatively) beside it, so a rare theme that costs
 * revenue stands out from a frequent one that does not. rank_shift = rank_by_frequency −
 * rank_by_arr_at_risk (positive: more costly than its frequency suggests).
 */
import type { ChurnTables } from './churn-analysis.ts';
import { compareText } from './compare-text.ts';
import type { TableColumns, TableRow } from './write-rows.ts';

export const DISSATISFIER_COLUMNS: TableColumns = {
  theme_id: 'VARCHAR', theme_label: 'VARCHAR', negative_mentions: 'BIGINT', rank_by_frequency: 'BIGINT',
  accounts_mentioning: 'BIGINT', arr_of_accounts_mentioning: 'DOUBLE',
  odds_ratio: 'DOUBLE', odds_ratio_ci_low: 'DOUBLE', odds_ratio_ci_high: 'DOUBLE',
  arr_at_risk: 'DOUBLE', arr_at_risk_ci_low: 'DOUBLE', arr_at_risk_ci_high: 'DOUBLE', share_of_attributable: 'DOUBLE',
  weighted_arr_at_risk: 'DOUBLE', rank_by_arr_at_risk: 'BIGINT', rank_by_weighted_arr_at_risk: 'BIGINT', rank_shift: 'BIGINT', small_n: 'BOOLEAN',
};

function ranks(ids: readonly string[], value: (id: string) => number): Map<string, number> {
  const score = (id: string): number => (Number.isFinite(value(id)) ? value(id) : Number.NEGATIVE_INFINITY);
  const sorted = [...ids].sort((a, b) => (score(b) > score(a) ? 1 : score(b) < score(a) ? -1 : compareText(a, b)));
  return new Map(sorted.map((id, i) => [id, i + 1]));
}

export function dissatisfierRanking(
  themes: readonly string[],
  negativeMentions: ReadonlyMap<string, number>,
  risk: ChurnTables['arrAtRisk'] | null,
  label: (id: string) => string,
  minN: number,
): TableRow[] {
  const mentions = (id: string): number => negativeMentions.get(id) ?? 0;
  const byFrequency = ranks(themes, mentions);
  const byArr = risk ? ranks(themes, (id) => risk.get(id)?.arrAtRisk ?? Number.NaN) : null;
  const byWeighted = risk ? ranks(themes, (id) => risk.get(id)?.weighted ?? Number.NaN) : null;
  const positiveTotal = risk ? [...risk.values()].reduce((acc, r) => acc + Math.max(0, r.arrAtRisk), 0) : 0;
  const rows = themes.map((id): TableRow => {
    const r = risk?.get(id);
    const rankArr = byArr?.get(id) ?? null;
    const rankFreq = byFrequency.get(id) ?? 0;
    return {
      theme_id: id, theme_label: label(id), negative_mentions: mentions(id), rank_by_frequency: rankFreq,
      accounts_mentioning: r?.accounts ?? null, arr_of_accounts_mentioning: r?.arrOfAccounts ?? null,
      odds_ratio: r?.oddsRatio ?? null, odds_ratio_ci_low: r?.oddsLow ?? null, odds_ratio_ci_high: r?.oddsHigh ?? null,
      arr_at_risk: r?.arrAtRisk ?? null, arr_at_risk_ci_low: r?.low ?? null, arr_at_risk_ci_high: r?.high ?? null,
      share_of_attributable: r && positiveTotal > 0 ? Math.max(0, r.arrAtRisk) / positiveTotal : null,
      weighted_arr_at_risk: r?.weighted ?? null, rank_by_arr_at_risk: rankArr, rank_by_weighted_arr_at_risk: byWeighted?.get(id) ?? null,
      rank_shift: rankArr === null ? null : rankFreq - rankArr, small_n: (r?.accounts ?? 0) < minN,
    };
  });
  return rows.sort((a, b) => ((a.rank_by_arr_at_risk ?? a.rank_by_frequency) as number) - ((b.rank_by_arr_at_risk ?? b.rank_by_frequency) as number));
}
