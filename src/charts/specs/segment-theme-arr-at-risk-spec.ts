/**
 * Segment × theme heatmap of ARR at risk: colour = ARR at risk attributable to the theme within the
 * segment, the value printed in the run's currency (€15.2M); cells not reliably above zero (interval
 * including zero, or q above the run's level) drawn grey and labelled so in the tooltip, which also
 * gives the interval, the accounts and q.
 * Rows (sql/charts/select-segment-theme-arr-at-risk.sql): segment, theme, accounts, arr_at_risk,
 * arr_at_risk_ci_low, arr_at_risk_ci_high, q_value, reliable, small_n.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartMessages } from '../chart-messages.ts';
import { exprString, specHead } from '../spec-base.ts';
import { CELL_MARK, themeSegmentGrid } from './theme-segment-grid.ts';

const MONEY = '$.3~s';
const MUTED_FILL = '#e4e4e4';

export function buildSegmentThemeArrAtRiskSpec(m: ChartMessages['segmentArr']): TopLevelSpec {
  const tooltip = [
    { field: 'segment', type: 'nominal', title: m.segment },
    { field: 'theme', type: 'nominal', title: m.theme },
    { field: 'arr_at_risk', type: 'quantitative', title: m.arrAtRisk, format: MONEY },
    { field: 'arr_at_risk_ci_low', type: 'quantitative', title: m.ciLow, format: MONEY },
    { field: 'arr_at_risk_ci_high', type: 'quantitative', title: m.ciHigh, format: MONEY },
    { field: 'accounts', type: 'quantitative', title: m.accounts, format: ',d' },
    { field: 'q_value', type: 'quantitative', title: m.qValue, format: '.3f' },
    { field: 'evidence', type: 'nominal', title: m.evidence },
  ] as const;
  return {
    ...specHead(m),
    transform: [
      { joinaggregate: [{ op: 'max', field: 'arr_at_risk', as: 'max_arr_at_risk' }] },
      { calculate: `(datum.reliable ? ${exprString(m.reliable)} : ${exprString(m.notReliable)}) + (datum.small_n ? ${exprString(` (${m.smallN})`)} : '')`, as: 'evidence' },
    ],
    ...themeSegmentGrid(56),
    layer: [
      {
        mark: CELL_MARK,
        encoding: {
          color: {
            condition: { test: '!datum.reliable', value: MUTED_FILL },
            field: 'arr_at_risk', type: 'quantitative', title: m.arrAtRisk,
            scale: { scheme: 'reds', domainMin: 0, clamp: true }, legend: { format: MONEY, direction: 'horizontal', gradientLength: 160 },
          },
          tooltip: [...tooltip],
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'arr_at_risk', type: 'quantitative', format: MONEY },
          color: {
            condition: { test: 'datum.reliable && datum.arr_at_risk >= 0.5 * datum.max_arr_at_risk', value: 'white' },
            value: '#333333',
          },
          opacity: { condition: { test: 'datum.reliable', value: 1 }, value: 0.6 },
          tooltip: [...tooltip],
        },
      },
    ],
  };
}
