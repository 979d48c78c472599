/**
 * A score (NPS, CSAT or CES) per value of one dimension (segment, region, journey stage, owner) as horizontal
 * bars with 95 % CI whiskers, on an axis fitted to the bars and intervals (zero always shown), with the score
 * and the sample size printed beside each bar (so 18 and 20 read differently). Small cells arrive with score NULL
 * (suppressed inside DuckDB) and are listed with their n and the word "suppressed" instead of a bar.
 * Rows (sql/charts/select-score-by-dimension.sql): group, n, score, ci_low, ci_high, small_n.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartMessages } from '../chart-messages.ts';
import { CHART_WIDTH, COLORS, exprString, specHead } from '../spec-base.ts';

/** `m.nps` is the score's axis and tooltip label; `digits`: decimals of the score (CES, a mean on 1–7, takes 2). */
export function buildScoreByDimensionSpec(m: ChartMessages['npsBy'], dimensionLabel: string, digits = 1): TopLevelSpec {
  const f = `.${digits}f`;
  const title = m.title(dimensionLabel);
  const y = {
    field: 'group', type: 'nominal', title: null,
    sort: { field: 'sort_value', op: 'max', order: 'descending' }, axis: { labelLimit: 160 },
  } as const;
  const tooltip = [
    { field: 'group', type: 'nominal', title: dimensionLabel },
    { field: 'score', type: 'quantitative', title: m.nps, format: f },
    { field: 'ci_low', type: 'quantitative', title: 'CI −', format: f },
    { field: 'ci_high', type: 'quantitative', title: 'CI +', format: f },
    { field: 'n', type: 'quantitative', title: m.n, format: ',d' },
  ] as const;
  return {
    ...specHead({ title, subtitle: m.subtitle }),
    width: CHART_WIDTH - 240,
    height: { step: 20 },
    transform: [
      { calculate: 'datum.score === null ? -1000 : datum.score', as: 'sort_value' },
      { calculate: `datum.score === null ? 'n = ' + datum.n + ', ' + ${exprString(m.suppressed)} : format(datum.score, '${f}') + '  (n = ' + format(datum.n, ',d') + ')'`, as: 'n_label' },
      { calculate: 'datum.score === null ? 0 : max(datum.ci_high, datum.score, 0)', as: 'label_at' },
    ],
    encoding: { y },
    layer: [
      {
        transform: [{ filter: 'datum.score !== null' }],
        mark: { type: 'bar', color: COLORS.main, opacity: 0.85, height: { band: 0.7 } },
        encoding: {
          x: { field: 'score', type: 'quantitative', title: m.nps, scale: { zero: true, nice: true } },
          tooltip: [...tooltip],
        },
      },
      {
        transform: [{ filter: 'datum.score !== null' }],
        mark: { type: 'rule', color: '#222222' },
        encoding: { x: { field: 'ci_low', type: 'quantitative' }, x2: { field: 'ci_high' } },
      },
      {
        transform: [{ filter: 'datum.score !== null' }],
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#333333' },
        encoding: { x: { field: 'label_at', type: 'quantitative' }, text: { field: 'n_label', type: 'nominal' } },
      },
      {
        transform: [{ filter: 'datum.score === null' }],
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, fontStyle: 'italic', color: COLORS.muted },
        encoding: { x: { datum: 0, type: 'quantitative' }, text: { field: 'n_label', type: 'nominal' } },
      },
      { mark: { type: 'rule', color: '#666666' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
    ],
  };
}
