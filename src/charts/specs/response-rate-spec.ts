/**
 * Response rate per period with its 95 % CI band, points coloured by whether the period is below
 * target, and the target as a dashed rule.
 * Rows (sql/charts/select-response-rate.sql): period, invitations, responses, rate, ci_low, ci_high,
 * target, below_target. The target rule is the one layer without x: one line across the plot.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartMessages } from '../chart-messages.ts';
import { CHART_WIDTH, COLORS, exprString, specHead } from '../spec-base.ts';

export function buildResponseRateSpec(m: ChartMessages['responseRate']): TopLevelSpec {
  const x = { field: 'period', type: 'temporal' as const, title: m.period, axis: { format: '%b %Y', labelAngle: -40, tickCount: 'month' as const } };
  const y = { type: 'quantitative' as const, title: m.rate, axis: { format: '.0%' }, scale: { domain: [0, 1] } };
  return {
    ...specHead(m),
    width: CHART_WIDTH,
    height: 220,
    layer: [
      { mark: { type: 'area', color: COLORS.band, opacity: 0.35 }, encoding: { x, y: { ...y, field: 'ci_low' }, y2: { field: 'ci_high' } } },
      { mark: { type: 'line', color: COLORS.main, strokeWidth: 2 }, encoding: { x, y: { ...y, field: 'rate' } } },
      {
        transform: [{ calculate: `datum.below_target ? ${exprString(m.belowTarget)} : ${exprString(m.onTarget)}`, as: 'status' }],
        mark: { type: 'point', filled: true, size: 40 },
        encoding: {
          x,
          y: { ...y, field: 'rate' },
          color: { field: 'status', type: 'nominal', title: null, scale: { domain: [m.belowTarget, m.onTarget], range: [COLORS.target, COLORS.positive] } },
          tooltip: [
            { field: 'period', type: 'temporal', title: m.period, format: '%B %Y' },
            { field: 'rate', type: 'quantitative', title: m.rate, format: '.1%' },
            { field: 'target', type: 'quantitative', title: m.target, format: '.0%' },
            { field: 'invitations', type: 'quantitative', title: m.invitations, format: ',d' },
            { field: 'responses', type: 'quantitative', title: m.responses, format: ',d' },
          ],
        },
      },
      {
        mark: { type: 'rule', color: COLORS.target, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { y: { ...y, field: 'target', aggregate: 'max' } },
      },
    ],
  };
}
