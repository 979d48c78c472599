/**
 * The "How we compare" panel: each brand's NPS from the benchmark panel as a bar with its 95 % interval
 * (our brand highlighted), and the published reference figures as diamonds with their n and source in the
 * tooltip — drawn as reference points, with no interval and no test.
 * Rows (sql/charts/select-benchmark-comparison.sql): label, kind (own | competitor | reference), nps,
 * ci_low, ci_high, n, source.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { BenchmarkChartMessages } from './benchmark-comparison-messages.ts';
import { CHART_WIDTH, COLORS, exprString, specHead } from '../spec-base.ts';

export function buildBenchmarkComparisonSpec(m: BenchmarkChartMessages): TopLevelSpec {
  const y = { field: 'label', type: 'nominal', title: null, sort: { field: 'order', op: 'min', order: 'ascending' }, axis: { labelLimit: 200 } } as const;
  const kinds = { domain: [m.own, m.competitor, m.reference], range: [COLORS.target, COLORS.main, COLORS.muted] };
  return {
    ...specHead({ title: m.title, subtitle: m.subtitle }),
    width: CHART_WIDTH - 200,
    height: { step: 22 },
    transform: [
      { calculate: `datum.kind === 'own' ? ${exprString(m.own)} : datum.kind === 'competitor' ? ${exprString(m.competitor)} : ${exprString(m.reference)}`, as: 'kind_label' },
      { calculate: "datum.kind === 'own' ? 0 : datum.kind === 'competitor' ? 1 : 2", as: 'order' },
    ],
    encoding: { y },
    layer: [
      {
        transform: [{ filter: "datum.kind !== 'reference'" }],
        mark: { type: 'bar', opacity: 0.85, height: { band: 0.7 } },
        encoding: {
          x: { field: 'nps', type: 'quantitative', title: m.nps, scale: { domain: [-100, 100] } },
          color: { field: 'kind_label', type: 'nominal', title: m.kind, scale: kinds },
          tooltip: [
            { field: 'label', type: 'nominal', title: m.brand },
            { field: 'nps', type: 'quantitative', title: m.nps, format: '.1f' },
            { field: 'ci_low', type: 'quantitative', title: 'CI −', format: '.1f' },
            { field: 'ci_high', type: 'quantitative', title: 'CI +', format: '.1f' },
            { field: 'n', type: 'quantitative', title: m.n, format: ',d' },
          ],
        },
      },
      {
        transform: [{ filter: "datum.kind !== 'reference'" }],
        mark: { type: 'rule', color: '#222222' },
        encoding: { x: { field: 'ci_low', type: 'quantitative' }, x2: { field: 'ci_high' } },
      },
      {
        transform: [{ filter: "datum.kind === 'reference'" }],
        mark: { type: 'point', shape: 'diamond', filled: true, size: 110 },
        encoding: {
          x: { field: 'nps', type: 'quantitative' },
          color: { field: 'kind_label', type: 'nominal', title: m.kind, scale: kinds },
          tooltip: [
            { field: 'label', type: 'nominal', title: m.brand },
            { field: 'nps', type: 'quantitative', title: m.nps, format: '.1f' },
            { field: 'n', type: 'quantitative', title: m.n, format: ',d' },
            { field: 'source', type: 'nominal', title: m.source },
          ],
        },
      },
      { mark: { type: 'rule', color: '#666666' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
    ],
  };
}
