/**
 * Theme impact on the run's score (NPS or CSAT points, CES on its 1–7 scale): one point per theme at
 * its impact with 95 % CI error bars, coloured cost or gain, sorted from most costly to most beneficial.
 * `worse` (worseDirection of the score): −1 a negative impact is a cost (NPS, CSAT, CES read as ease); +1 a
 * positive one is (CES read as effort: more effort).
 * Rows (sql/charts/select-theme-impact.sql): theme, impact, impact_ci_low, impact_ci_high,
 * frequency, n_with, score_with, score_without, small_n.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartMessages } from '../chart-messages.ts';
import { CHART_WIDTH, COLORS, specHead } from '../spec-base.ts';

export function buildThemeImpactSpec(m: ChartMessages['themeImpact'], worse: -1 | 1 = -1): TopLevelSpec {
  const tooltip = [
    { field: 'theme', type: 'nominal', title: m.theme },
    { field: 'impact', type: 'quantitative', title: m.impact, format: '+.2f' },
    { field: 'impact_ci_low', type: 'quantitative', title: 'CI −', format: '+.2f' },
    { field: 'impact_ci_high', type: 'quantitative', title: 'CI +', format: '+.2f' },
    { field: 'frequency', type: 'quantitative', title: m.frequency, format: '.1%' },
    { field: 'score_with', type: 'quantitative', title: m.npsWith, format: '.1f' },
    { field: 'score_without', type: 'quantitative', title: m.npsWithout, format: '.1f' },
    { field: 'n_with', type: 'quantitative', title: m.n, format: ',d' },
  ] as const;
  return {
    ...specHead(m),
    width: CHART_WIDTH - 180,
    height: { step: 22 },
    transform: [{ calculate: `datum.impact ${worse === 1 ? '>' : '<'} 0 ? 'cost' : 'gain'`, as: 'sign' }],
    encoding: { y: { field: 'theme', type: 'nominal', title: null, sort: { field: 'impact', op: 'min', order: worse === 1 ? 'descending' : 'ascending' }, axis: { labelLimit: 240 } } },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 1.5 },
        encoding: {
          x: { field: 'impact_ci_low', type: 'quantitative', title: m.impact },
          x2: { field: 'impact_ci_high' },
          color: { field: 'sign', type: 'nominal', legend: null, scale: { domain: ['cost', 'gain'], range: [COLORS.negative, COLORS.positive] } },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          x: { field: 'impact', type: 'quantitative' },
          color: { field: 'sign', type: 'nominal', legend: null },
          opacity: { condition: { test: 'datum.small_n === true', value: 0.35 }, value: 1 },
          tooltip: [...tooltip],
        },
      },
      { mark: { type: 'rule', color: '#444444' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
    ],
  };
}
