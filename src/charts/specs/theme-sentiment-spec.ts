/**
 * Mention-level sentiment per theme as a diverging stacked bar: each theme's mentions as shares,
 * negative left of zero, positive right, neutral split across zero. The offsets are computed by
 * Vega-Lite transforms from the counts, so the spec works on any theme × sentiment count table.
 * Rows (sql/charts/select-theme-sentiment.sql): theme, sentiment_label, mentions.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartMessages } from '../chart-messages.ts';
import { CHART_WIDTH, COLORS, exprString, specHead } from '../spec-base.ts';

export function buildThemeSentimentSpec(m: ChartMessages['themeSentiment']): TopLevelSpec {
  const { negative, neutral, positive } = m.labels;
  return {
    ...specHead(m),
    width: CHART_WIDTH - 180,
    height: { step: 22 },
    transform: [
      { joinaggregate: [{ op: 'sum', field: 'mentions', as: 'theme_total' }], groupby: ['theme'] },
      { calculate: 'datum.mentions / datum.theme_total', as: 'share' },
      { calculate: "datum.sentiment_label === 'negative' ? 1 : datum.sentiment_label === 'neutral' ? 2 : 3", as: 'order' },
      {
        calculate: `datum.sentiment_label === 'negative' ? ${exprString(negative)} : datum.sentiment_label === 'neutral' ? ${exprString(neutral)} : ${exprString(positive)}`,
        as: 'sentiment',
      },
      { calculate: "datum.sentiment_label === 'negative' ? datum.share : datum.sentiment_label === 'neutral' ? datum.share / 2 : 0", as: 'left_part' },
      { calculate: "datum.sentiment_label === 'negative' ? datum.share : 0", as: 'negative_part' },
      { joinaggregate: [{ op: 'sum', field: 'left_part', as: 'offset' }, { op: 'sum', field: 'negative_part', as: 'negative_share' }], groupby: ['theme'] },
      { stack: 'share', groupby: ['theme'], sort: [{ field: 'order', order: 'ascending' }], as: ['stack_start', 'stack_end'] },
      { calculate: 'datum.stack_start - datum.offset', as: 'x_start' },
      { calculate: 'datum.stack_end - datum.offset', as: 'x_end' },
    ],
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.75 } },
        encoding: {
          y: { field: 'theme', type: 'nominal', title: null, sort: { field: 'negative_share', op: 'max', order: 'descending' }, axis: { labelLimit: 240 } },
          x: { field: 'x_start', type: 'quantitative', title: m.share, axis: { format: '.0%' }, scale: { domain: [-1, 1] } },
          x2: { field: 'x_end' },
          color: {
            field: 'sentiment', type: 'nominal', title: m.sentiment,
            scale: { domain: [negative, neutral, positive], range: [COLORS.negative, COLORS.neutral, COLORS.positive] },
          },
          tooltip: [
            { field: 'theme', type: 'nominal', title: m.theme },
            { field: 'sentiment', type: 'nominal', title: m.sentiment },
            { field: 'mentions', type: 'quantitative', title: m.mentions, format: ',d' },
            { field: 'share', type: 'quantitative', title: m.share, format: '.1%' },
          ],
        },
      },
      { mark: { type: 'rule', color: '#444444' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
    ],
  };
}
