/**
 * Churn lift per theme: churn rate of accounts that mentioned the theme ÷ churn rate of those that
 * did not, with 95 % CI, on a log scale fitted to the lifts and their intervals (a lift of ×1,979
 * stays on the chart), 1 (no difference) always shown, overlapping tick labels dropped, each lift printed.
 * Rows (sql/charts/select-churn-lift.sql): theme, lift, lift_ci_low, lift_ci_high, churn_rate_with,
 * churn_rate_without, accounts_with, p_value.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartMessages } from '../chart-messages.ts';
import { CHART_WIDTH, COLORS, specHead } from '../spec-base.ts';

export function buildChurnLiftSpec(m: ChartMessages['churnLift']): TopLevelSpec {
  const scale = { type: 'log' as const, nice: false };
  // y on the layers of the themes only: the reference rule at 1 spans the whole height
  const y = { field: 'theme', type: 'nominal', title: null, sort: { field: 'lift', op: 'max', order: 'descending' }, axis: { labelLimit: 240 } } as const;
  return {
    ...specHead(m),
    width: CHART_WIDTH - 180,
    height: { step: 22 },
    transform: [
      { filter: 'isValid(datum.lift) && datum.lift > 0' },
      // an interval bound that a log axis cannot show (missing, zero, infinite) is drawn at the lift itself
      { calculate: 'isFinite(datum.lift_ci_low) && datum.lift_ci_low > 0 ? datum.lift_ci_low : datum.lift', as: 'low' },
      { calculate: 'isFinite(datum.lift_ci_high) && datum.lift_ci_high > 0 ? datum.lift_ci_high : datum.lift', as: 'high' },
      { calculate: "'×' + format(datum.lift, datum.lift >= 10 ? ',.0f' : '.2~f')", as: 'lift_label' },
      { calculate: "datum.lift_ci_low > 1 ? 'more' : datum.lift_ci_high < 1 ? 'less' : 'unclear'", as: 'direction' },
    ],
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 1.5 },
        encoding: {
          y,
          x: { field: 'low', type: 'quantitative', title: m.lift, scale, axis: { labelOverlap: 'greedy', labelSeparation: 6, format: '~g' } },
          x2: { field: 'high' },
          color: { field: 'direction', type: 'nominal', legend: null, scale: { domain: ['more', 'less', 'unclear'], range: [COLORS.negative, COLORS.positive, COLORS.muted] } },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          y,
          x: { field: 'lift', type: 'quantitative', scale },
          color: { field: 'direction', type: 'nominal', legend: null },
          tooltip: [
            { field: 'theme', type: 'nominal', title: m.theme },
            { field: 'lift', type: 'quantitative', title: m.lift, format: '.2f' },
            { field: 'lift_ci_low', type: 'quantitative', title: 'CI −', format: '.2f' },
            { field: 'lift_ci_high', type: 'quantitative', title: 'CI +', format: '.2f' },
            { field: 'churn_rate_with', type: 'quantitative', title: m.churnWith, format: '.1%' },
            { field: 'churn_rate_without', type: 'quantitative', title: m.churnWithout, format: '.1%' },
            { field: 'accounts_with', type: 'quantitative', title: m.accounts, format: ',d' },
            { field: 'p_value', type: 'quantitative', title: m.pValue, format: '.3f' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6, dy: -7, fontSize: 10, color: '#333333' },
        encoding: { y, x: { field: 'lift', type: 'quantitative', scale }, text: { field: 'lift_label', type: 'nominal' } },
      },
      { mark: { type: 'rule', color: '#444444' }, encoding: { x: { datum: 1, type: 'quantitative', scale } } },
    ],
  };
}
