/**
 * Segment × theme heatmap: colour = share of the segment's commented responses that mention the
 * theme negatively, with the percentage printed in each cell.
 * Rows (sql/charts/select-segment-theme-heatmap.sql): segment, theme, commented, mentioning,
 * negative, mention_rate, negative_rate.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartMessages } from '../chart-messages.ts';
import { specHead } from '../spec-base.ts';
import { CELL_MARK, themeSegmentGrid } from './theme-segment-grid.ts';

export function buildSegmentThemeHeatmapSpec(m: ChartMessages['heatmap']): TopLevelSpec {
  const tooltip = [
    { field: 'segment', type: 'nominal', title: m.segment },
    { field: 'theme', type: 'nominal', title: m.theme },
    { field: 'negative_rate', type: 'quantitative', title: m.negativeRate, format: '.1%' },
    { field: 'mention_rate', type: 'quantitative', title: m.mentionRate, format: '.1%' },
    { field: 'commented', type: 'quantitative', title: m.commented, format: ',d' },
  ] as const;
  return {
    ...specHead(m),
    ...themeSegmentGrid(48),
    layer: [
      {
        mark: CELL_MARK,
        encoding: {
          color: { field: 'negative_rate', type: 'quantitative', title: m.negativeRate, scale: { scheme: 'oranges', domainMin: 0 }, legend: { format: '.0%', direction: 'horizontal', gradientLength: 160 } },
          tooltip: [...tooltip],
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'negative_rate', type: 'quantitative', format: '.0%' },
          color: { condition: { test: 'datum.negative_rate >= 0.15', value: 'white' }, value: '#222222' },
        },
      },
    ],
  };
}
