/**
 * Small typed rows for every chart of the catalog, shaped like the rows of its sql/charts file.
 * Tests feed them to the spec builders, which never see them (rows are bound afterwards).
 */
import type { ChartRow } from '../../src/charts/spec-base.ts';

const themes = ['Billing errors', 'Support responsiveness', 'Onboarding', 'Théme <b>accentué</b> & "quoted"'];

export const CHART_FIXTURES: Readonly<Record<string, readonly ChartRow[]>> = {
  'nps-trend': [
    { period: '2026-07-01', n: 210, score: 12.5, ci_low: 2.1, ci_high: 22.9, moe: 10.4, change: null, p_value: null, significant: false, small_n: false, period_complete: true },
    { period: '2026-08-01', n: 190, score: 30.2, ci_low: 19.8, ci_high: 40.6, moe: 10.4, change: 17.7, p_value: 0.01, significant: true, small_n: false, period_complete: true },
    { period: '2026-09-01', n: 25, score: 4, ci_low: -30, ci_high: 38, moe: 34, change: -26.2, p_value: 0.2, significant: false, small_n: true, period_complete: true },
    { period: '2026-10-01', n: 220, score: 8.1, ci_low: -2, ci_high: 18.2, moe: 10.1, change: -22.1, p_value: 0.003, significant: true, small_n: false, period_complete: true },
  ],
  'csat-trend': [
    { period: '2026-08-01', n: 300, score: 71.2, ci_low: 66.1, ci_high: 76.3, moe: 5.1, change: null, p_value: null, significant: false, small_n: false, period_complete: true },
    { period: '2026-09-01', n: 280, score: 64.0, ci_low: 58.4, ci_high: 69.6, moe: 5.6, change: -7.2, p_value: 0.04, significant: true, small_n: false, period_complete: true },
  ],
  'ces-trend': [
    { period: '2026-08-01', n: 150, score: 4.62, ci_low: 4.41, ci_high: 4.83, moe: 0.21, change: null, p_value: null, significant: false, small_n: false, period_complete: true },
    { period: '2026-09-01', n: 140, score: 4.71, ci_low: 4.49, ci_high: 4.93, moe: 0.22, change: 0.09, p_value: 0.55, significant: false, small_n: false, period_complete: true },
  ],
  'nps-by-segment': [
    { group: 'Enterprise', n: 1742, score: 21.2, ci_low: 17.1, ci_high: 25.3, small_n: false },
    { group: 'SMB', n: 1510, score: 8.4, ci_low: 4.1, ci_high: 12.7, small_n: false },
    { group: '(unknown)', n: 12, score: null, ci_low: null, ci_high: null, small_n: true },
  ],
  'response-rate': [
    { period: '2026-08-01', invitations: 800, responses: 420, rate: 0.525, ci_low: 0.49, ci_high: 0.56, target: 0.65, below_target: true, small_n: false },
    { period: '2026-09-01', invitations: 780, responses: 530, rate: 0.679, ci_low: 0.646, ci_high: 0.712, target: 0.65, below_target: false, small_n: false },
    { period: '2026-10-01', invitations: 20, responses: 9, rate: 0.45, ci_low: 0.23, ci_high: 0.67, target: 0.65, below_target: true, small_n: true },
  ],
  'theme-sentiment': themes.flatMap((theme, i) =>
    (['negative', 'neutral', 'positive'] as const).map((s, j) => ({ theme_id: `t${i}`, theme, sentiment_label: s, mentions: 5 + ((i * 7 + j * 13) % 40) })),
  ),
  'segment-theme-heatmap': ['Enterprise', 'SMB'].flatMap((segment, si) =>
    themes.map((theme, ti) => ({ segment, theme_id: `t${ti}`, theme, commented: 500, mentioning: 40 + ti * 10, negative: 10 + si * 5 + ti * 3, mention_rate: (40 + ti * 10) / 500, negative_rate: (10 + si * 5 + ti * 3) / 500 })),
  ),
  'theme-impact': themes.map((theme, i) => ({
    theme_id: `t${i}`, theme, impact: -3 + i * 1.7, impact_ci_low: -4 + i * 1.7, impact_ci_high: -2 + i * 1.7, frequency: 0.05 + i * 0.02,
    n_with: 100 + i * 40, score_with: -20 + i * 15, score_without: 18, small_n: i === 3,
  })),
  'driver-quadrant': [
    { driver: 'support', importance: 0.34, importance_ci_low: 0.28, importance_ci_high: 0.4, performance: 3.1, significant: true },
    { driver: 'reliability', importance: 0.3, importance_ci_low: 0.24, importance_ci_high: 0.36, performance: 4.2, significant: true },
    { driver: 'ease', importance: 0.2, importance_ci_low: 0.15, importance_ci_high: 0.25, performance: 3.9, significant: true },
    { driver: 'onboarding', importance: 0.1, importance_ci_low: 0.05, importance_ci_high: 0.15, performance: 3.4, significant: false },
    { driver: 'value', importance: 0.06, importance_ci_low: 0.02, importance_ci_high: 0.1, performance: 4.4, significant: false },
  ],
  'dissatisfier-ranking': themes.map((theme, i) => ({
    theme_id: `t${i}`, theme, arr_at_risk: 900000 - i * 200000, arr_at_risk_ci_low: 600000 - i * 200000, arr_at_risk_ci_high: 1200000 - i * 150000,
    rank_by_arr_at_risk: i + 1, mentions: [120, 900, 400, 60][i]!, rank_by_frequency: [3, 1, 2, 4][i]!,
  })),
  'segment-theme-arr-at-risk': ['Enterprise', 'SMB'].flatMap((segment, si) =>
    themes.map((theme, ti) => ({
      segment, theme_id: `t${ti}`, theme, sentiment_label: 'negative', accounts: 60 - ti * 15 - si * 10, arr_at_risk: 15_200_000 / (1 + ti + si) - (ti === 3 ? 16_000_000 : 0),
      arr_at_risk_ci_low: 9_000_000 / (1 + ti + si) - ti * 3_000_000, arr_at_risk_ci_high: 21_000_000 / (1 + ti + si), q_value: 0.0004 * (1 + ti) ** 4,
      reliable: ti === 0 || (ti === 1 && si === 0), small_n: ti === 3,
    })),
  ),
  'churn-lift': themes.map((theme, i) => ({
    theme_id: `t${i}`, theme, lift: [2.4, 1.1, 0.7, 6][i]!, lift_ci_low: [1.8, 0.8, 0.5, 2.5][i]!, lift_ci_high: [3.1, 1.5, 0.95, 12][i]!,
    churn_rate_with: 0.3, churn_rate_without: 0.12, accounts_with: 40 + i, p_value: 0.01 * (i + 1),
  })),
  'benchmark-comparison': [
    { label: 'Us', kind: 'own', nps: 17.2, ci_low: 13.9, ci_high: 20.5, n: 2400, source: null },
    { label: 'Northwind <b>Cloud</b>', kind: 'competitor', nps: 35.7, ci_low: 32.6, ci_high: 38.8, n: 2400, source: null },
    { label: 'Brightdesk', kind: 'competitor', nps: 15.5, ci_low: 12.2, ci_high: 18.8, n: 2400, source: null },
    { label: 'Industry (2025)', kind: 'reference', nps: 29, ci_low: null, ci_high: null, n: 2400, source: 'panel report' },
    { label: 'Northwind Cloud (2025)', kind: 'reference', nps: 41, ci_low: null, ci_high: null, n: null, source: 'press release' },
  ],
};

/** The score-by-dimension charts (nps-by-…, csat-by-…, ces-by-…) share one row shape. */
export function fixtureFor(id: string): readonly ChartRow[] {
  return CHART_FIXTURES[id] ?? (/^(nps|csat|ces)-by-/.test(id) ? CHART_FIXTURES['nps-by-segment']! : []);
}
