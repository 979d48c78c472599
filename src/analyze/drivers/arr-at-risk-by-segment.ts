/**
 * `arr_at_risk_by_segment`: a theme's attributable ARR at risk within each segment of the active
 * accounts. Same estimator and same coefficient draws as the overall figure of dissatisfier_ranking
 * (account-risk.ts `themeArrAtRisk`, restricted to the segment's accounts: the others count with ARR 0),
 * so the cells of a theme add up to its overall ARR at risk. Intervals and p-values come from the draws
 * of each cell; q-values are Benjamini–Hochberg over the theme × segment family (the cells with at least
 * one account mentioning the theme negatively and a fitted theme term). A cell with fewer than min_n such
 * accounts keeps its estimate and is flagged small_n. `revenue_link` follows the ranking's rule.
 *
 * **Example** (the demo, `npm run demo`): billing_errors × Enterprise → { active_accounts_mentioning: 77,
 * arr_at_risk: 16.74e6, arr_at_risk_ci_low: 13.01e6, arr_at_risk_ci_high: 20.07e6, arr_at_risk_q_value: < 0.001,
 * revenue_link: 'revenue dissatisfier', rank_in_segment: 1 }; its three segments add up to its €20.35M overall.
 */
import { benjaminiHochbergQValues } from '../stats/index.ts';
import { themeArrAtRisk, type RiskInput, type ThemeArrAtRisk } from './account-risk.ts';
import { revenueLink } from './dissatisfier-ranking.ts';
import { compareText } from './compare-text.ts';
import type { TableColumns, TableRow } from './write-rows.ts';

export const ARR_BY_SEGMENT_COLUMNS: TableColumns = {
  segment: 'VARCHAR', theme_id: 'VARCHAR', theme_label: 'VARCHAR',
  active_accounts_mentioning: 'BIGINT', arr_of_active_accounts_mentioning: 'DOUBLE',
  arr_at_risk: 'DOUBLE', arr_at_risk_ci_low: 'DOUBLE', arr_at_risk_ci_high: 'DOUBLE', arr_at_risk_p_value: 'DOUBLE', arr_at_risk_q_value: 'DOUBLE',
  revenue_link: 'VARCHAR', fdr_level: 'DOUBLE', small_n: 'BOOLEAN', rank_in_segment: 'BIGINT',
};

export interface SegmentRiskSettings {
  readonly segmentWeight: (segment: string) => number;
  readonly betaDraws: Float64Array;
  readonly label: (themeId: string) => string;
  readonly minN: number;
  readonly fdrLevel: number;
}

/** One cell per segment of the active accounts × theme mentioned negatively there, by segment then ARR at risk. */
export function arrAtRiskBySegment(input: RiskInput, s: SegmentRiskSettings): TableRow[] {
  const segments = [...new Set(input.units.map((u) => u.segment))].sort(compareText);
  const cells = segments.flatMap((segment) =>
    themeArrAtRisk(input, s.segmentWeight, s.betaDraws, (u) => u.segment === segment)
      .filter((t) => t.accounts > 0)
      .map((t) => ({ segment, t })));
  const q = benjaminiHochbergQValues(cells.map((c) => c.t.pValue));
  const rows = cells.map(({ segment, t }, i) => cellRow(segment, t, q[i], s));
  const reliable = (r: TableRow): boolean => r.revenue_link === 'revenue dissatisfier';
  const bySize = (a: TableRow, b: TableRow): number =>
    compareText(String(a.segment), String(b.segment)) || Number(reliable(b)) - Number(reliable(a))
    || Number(b.arr_at_risk) - Number(a.arr_at_risk) || compareText(String(a.theme_id), String(b.theme_id));
  const sorted = rows.sort(bySize);
  const ranks = new Map<string, number>();
  return sorted.map((r) => {
    if (!reliable(r)) return r;
    const rank = (ranks.get(String(r.segment)) ?? 0) + 1;
    ranks.set(String(r.segment), rank);
    return { ...r, rank_in_segment: rank };
  });
}

function cellRow(segment: string, t: ThemeArrAtRisk, qValue: number, s: SegmentRiskSettings): TableRow {
  const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
  return {
    segment, theme_id: t.themeId, theme_label: s.label(t.themeId),
    active_accounts_mentioning: t.accounts, arr_of_active_accounts_mentioning: t.arrOfAccounts,
    arr_at_risk: t.arrAtRisk, arr_at_risk_ci_low: t.low, arr_at_risk_ci_high: t.high, arr_at_risk_p_value: finite(t.pValue), arr_at_risk_q_value: finite(qValue),
    revenue_link: revenueLink(t.low, t.high, qValue, s.fdrLevel), fdr_level: s.fdrLevel, small_n: t.accounts < s.minN, rank_in_segment: null,
  };
}
