/**
 * A score (NPS, CSAT or CES) per period as a line with its 95 % margin-of-error band; periods whose change
 * from the previous one is statistically significant are marked with an up or down triangle.
 * Rows (sql/charts/select-score-trend.sql): period (date text), score, ci_low, ci_high, n, change,
 * p_value, significant, small_n.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartMessages } from '../chart-messages.ts';
import { CHART_WIDTH, COLORS, exprString, specHead } from '../spec-base.ts';

/** `digits`: decimals of the score in tooltips (CES, a mean on 1–7, takes 2). */
export function buildScoreTrendSpec(m: ChartMessages['npsTrend'], digits = 1): TopLevelSpec {
  const x = { field: 'period', type: 'temporal', title: m.period, axis: { format: '%b %Y', labelAngle: -40, tickCount: 'month' } } as const;
  const tooltip = [
    { field: 'period', type: 'temporal', title: m.period, format: '%B %Y' },
    { field: 'score', type: 'quantitative', title: m.nps, format: `.${digits}f` },
    { field: 'ci_low', type: 'quantitative', title: `${m.band} −`, format: `.${digits}f` },
    { field: 'ci_high', type: 'quantitative', title: `${m.band} +`, format: `.${digits}f` },
    { field: 'change', type: 'quantitative', title: m.change, format: `+.${digits}f` },
    { field: 'n', type: 'quantitative', title: m.n, format: ',d' },
    { field: 'p_value', type: 'quantitative', title: 'p', format: '.3f' },
  ] as const;
  return {
    ...specHead(m),
    width: CHART_WIDTH,
    height: 240,
    encoding: { x },
    layer: [
      {
        mark: { type: 'area', opacity: 0.35, color: COLORS.band },
        encoding: {
          y: { field: 'ci_low', type: 'quantitative', title: m.nps, scale: { zero: false } },
          y2: { field: 'ci_high' },
        },
      },
      {
        mark: { type: 'line', color: COLORS.main, strokeWidth: 2, point: { filled: true, size: 28, color: COLORS.main } },
        encoding: { y: { field: 'score', type: 'quantitative' }, tooltip: [...tooltip] },
      },
      {
        // every period is drawn, only significant changes are visible: an empty filtered layer
        // would make Vega warn about an infinite extent
        transform: [{ calculate: `datum.change > 0 ? ${exprString(m.rise)} : ${exprString(m.fall)}`, as: 'direction' }],
        mark: { type: 'point', filled: true, size: 150 },
        encoding: {
          y: { field: 'score', type: 'quantitative' },
          shape: { field: 'direction', type: 'nominal', title: null, scale: { domain: [m.rise, m.fall], range: ['triangle-up', 'triangle-down'] } },
          color: { field: 'direction', type: 'nominal', title: null, scale: { domain: [m.rise, m.fall], range: [COLORS.positive, COLORS.negative] } },
          opacity: { condition: { test: 'datum.significant === true', value: 1 }, value: 0 },
        },
      },
    ],
  };
}
