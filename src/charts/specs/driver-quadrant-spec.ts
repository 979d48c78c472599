/**
 * Importance–performance quadrant of rated drivers: x = importance (share of explained variance),
 * y = performance (mean rating); dashed rules at the mean importance and mean performance split
 * the plane into fix-first / keep-up / low-priority / possible-overkill. Filled points beat the
 * noise benchmark.
 * Rows (sql/charts/select-driver-quadrant.sql): driver, importance, importance_ci_low,
 * importance_ci_high, performance, significant.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartMessages } from '../chart-messages.ts';
import { CHART_WIDTH, COLORS, exprString, specHead } from '../spec-base.ts';

export function buildDriverQuadrantSpec(m: ChartMessages['driverQuadrant']): TopLevelSpec {
  const [fixFirst, keepUp, lowPriority, overkill] = m.quadrants;
  const x = { field: 'importance', type: 'quantitative', title: m.importance, axis: { format: '.0%' }, scale: { zero: true } } as const;
  const y = { field: 'performance', type: 'quantitative', title: m.performance, scale: { zero: false } } as const;
  return {
    ...specHead(m),
    width: CHART_WIDTH - 80,
    height: 300,
    transform: [
      { joinaggregate: [{ op: 'mean', field: 'importance', as: 'mean_importance' }, { op: 'mean', field: 'performance', as: 'mean_performance' }] },
      {
        calculate: `datum.importance >= datum.mean_importance ? (datum.performance < datum.mean_performance ? ${exprString(fixFirst)} : ${exprString(keepUp)}) : (datum.performance < datum.mean_performance ? ${exprString(lowPriority)} : ${exprString(overkill)})`,
        as: 'quadrant',
      },
      { calculate: `datum.significant === true ? ${exprString(m.significant)} : ${exprString(m.notSignificant)}`, as: 'beats_noise' },
    ],
    layer: [
      { mark: { type: 'rule', strokeDash: [4, 4], color: COLORS.muted }, encoding: { x: { field: 'mean_importance', type: 'quantitative', aggregate: 'max' } } },
      { mark: { type: 'rule', strokeDash: [4, 4], color: COLORS.muted }, encoding: { y: { field: 'mean_performance', type: 'quantitative', aggregate: 'max' } } },
      { mark: { type: 'rule', color: COLORS.muted }, encoding: { x: { field: 'importance_ci_low', type: 'quantitative' }, x2: { field: 'importance_ci_high' }, y } },
      {
        mark: { type: 'point', size: 110, strokeWidth: 2 },
        encoding: {
          x, y,
          color: {
            field: 'quadrant', type: 'nominal', title: null,
            scale: { domain: [fixFirst, keepUp, lowPriority, overkill], range: [COLORS.negative, COLORS.positive, COLORS.muted, COLORS.band] },
          },
          fill: {
            field: 'beats_noise', type: 'nominal', title: null,
            scale: { domain: [m.significant, m.notSignificant], range: ['#333333', 'white'] },
          },
          tooltip: [
            { field: 'driver', type: 'nominal', title: m.driver },
            { field: 'importance', type: 'quantitative', title: m.importance, format: '.1%' },
            { field: 'importance_ci_low', type: 'quantitative', title: 'CI −', format: '.1%' },
            { field: 'importance_ci_high', type: 'quantitative', title: 'CI +', format: '.1%' },
            { field: 'performance', type: 'quantitative', title: m.performance, format: '.2f' },
            { field: 'quadrant', type: 'nominal', title: ' ' },
            { field: 'beats_noise', type: 'nominal', title: '  ' },
          ],
        },
      },
      { mark: { type: 'text', align: 'left', dx: 9, dy: -6, fontSize: 11 }, encoding: { x, y, text: { field: 'driver', type: 'nominal' } } },
    ],
  };
}
