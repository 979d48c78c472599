/**
 * Dissatisfiers ranked by ARR at risk (bars with 95 % CI) beside the same themes ranked by
 * frequency, so a rare theme that costs the most revenue stands out from the loudest complaint.
 * Rows (sql/charts/select-dissatisfier-ranking.sql): theme, arr_at_risk, arr_at_risk_ci_low,
 * arr_at_risk_ci_high, rank_by_arr_at_risk, mentions, rank_by_frequency.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartMessages } from '../chart-messages.ts';
import { COLORS, specHead } from '../spec-base.ts';

export function buildDissatisfierRankingSpec(m: ChartMessages['dissatisfiers']): TopLevelSpec {
  const tooltip = [
    { field: 'theme', type: 'nominal', title: m.theme },
    { field: 'arr_at_risk', type: 'quantitative', title: m.arrAtRisk, format: '$.3~s' },
    { field: 'arr_at_risk_ci_low', type: 'quantitative', title: 'CI −', format: '$.3~s' },
    { field: 'arr_at_risk_ci_high', type: 'quantitative', title: 'CI +', format: '$.3~s' },
    { field: 'rank_by_arr_at_risk', type: 'ordinal', title: `${m.rank} (${m.arrAtRisk})` },
    { field: 'mentions', type: 'quantitative', title: m.mentions, format: ',d' },
    { field: 'rank_by_frequency', type: 'ordinal', title: `${m.rank} (${m.mentions})` },
  ] as const;
  const rankLabel = (rank: string) => ({ calculate: `'#' + datum.${rank} + '  ' + datum.theme`, as: `${rank}_label` });
  return {
    ...specHead(m),
    transform: [rankLabel('rank_by_arr_at_risk'), rankLabel('rank_by_frequency')],
    hconcat: [
      {
        title: { text: m.byArr, fontSize: 12 },
        width: 220,
        height: { step: 22 },
        encoding: { y: { field: 'rank_by_arr_at_risk_label', type: 'nominal', title: null, sort: { field: 'rank_by_arr_at_risk', op: 'min', order: 'ascending' }, axis: { labelLimit: 190 } } },
        layer: [
          {
            mark: { type: 'bar', color: COLORS.negative, opacity: 0.85, height: { band: 0.7 } },
            encoding: { x: { field: 'arr_at_risk', type: 'quantitative', title: m.arrAtRisk, axis: { format: '$~s' } }, tooltip: [...tooltip] },
          },
          { mark: { type: 'rule', color: '#222222' }, encoding: { x: { field: 'arr_at_risk_ci_low', type: 'quantitative' }, x2: { field: 'arr_at_risk_ci_high' } } },
          {
            mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#333333' },
            encoding: { x: { field: 'arr_at_risk_ci_high', type: 'quantitative' }, text: { field: 'arr_at_risk', type: 'quantitative', format: '$.3~s' } },
          },
        ],
      },
      {
        title: { text: m.byFrequency, fontSize: 12 },
        width: 160,
        height: { step: 22 },
        mark: { type: 'bar', color: COLORS.muted, height: { band: 0.7 } },
        encoding: {
          y: { field: 'rank_by_frequency_label', type: 'nominal', title: null, sort: { field: 'rank_by_frequency', op: 'min', order: 'ascending' }, axis: { labelLimit: 190 } },
          x: { field: 'mentions', type: 'quantitative', title: m.mentions },
          tooltip: [...tooltip],
        },
      },
    ],
  };
}
