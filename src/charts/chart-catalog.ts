/**
 * The charts ecoute draws: for each, the tables and columns it needs, the SQL file that selects
 * its rows, which dashboard filters apply to it, and its spec builder. A chart whose table or
 * columns are missing from a run is omitted with a stated reason, never a crash.
 * The catalog depends on the run's headline score (chartCatalog(metric, ces)): the breakdowns are drawn on it
 * (nps-by-segment, else csat-by-segment, else ces-by-segment …) and the theme impact and key drivers are
 * labelled with it (the driver phase computes them on the same score); CES is worded as ease or as effort
 * and its theme impact coloured accordingly, as the run's `ces_direction` says.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartMessages } from './chart-messages.ts';
import { buildScoreTrendSpec } from './specs/score-trend-spec.ts';
import { DEFAULT_CES_DIRECTION, HEADLINE_METRICS, SCORE_FORMAT, scoreReading, worseDirection, type CesDirection, type HeadlineMetric } from '../analyze/metrics/headline-metric.ts';
import { buildScoreByDimensionSpec } from './specs/score-by-dimension-spec.ts';
import { buildResponseRateSpec } from './specs/response-rate-spec.ts';
import { buildThemeSentimentSpec } from './specs/theme-sentiment-spec.ts';
import { buildSegmentThemeHeatmapSpec } from './specs/segment-theme-heatmap-spec.ts';
import { buildThemeImpactSpec } from './specs/theme-impact-spec.ts';
import { buildDriverQuadrantSpec } from './specs/driver-quadrant-spec.ts';
import { buildDissatisfierRankingSpec } from './specs/dissatisfier-ranking-spec.ts';
import { buildSegmentThemeArrAtRiskSpec } from './specs/segment-theme-arr-at-risk-spec.ts';
import { buildChurnLiftSpec } from './specs/churn-lift-spec.ts';
import { buildBenchmarkComparisonSpec } from './specs/benchmark-comparison-spec.ts';

export interface ChartFilters {
  /** rows carry f_period ('all' | '<grain>:<period start>') */
  readonly period: boolean;
  /** rows carry f_segment ('all' | a segment) */
  readonly segment: boolean;
}

export interface ChartDefinition {
  /** kebab-case id: the spec file name and the dashboard anchor */
  readonly id: string;
  /** table → columns the query reads */
  readonly requires: Readonly<Record<string, readonly string[]>>;
  /** sql/charts/<query>.sql */
  readonly query: string;
  readonly params?: Readonly<Record<string, string>>;
  /** why the chart is omitted when its query returns no row (default: no rows in its first required table) */
  readonly emptyReason?: string;
  /** a SQL file returning that reason (one row, column `reason`) when it depends on the run's data; wins over emptyReason */
  readonly emptyReasonQuery?: string;
  readonly filters: ChartFilters;
  /** rows have theme_id, to be given a display label in field `theme` */
  readonly labelsThemes: boolean;
  /** a click on a mark opens the verbatim explorer filtered to it: explorer filter → field of the clicked row */
  readonly drill?: Readonly<Record<string, string>>;
  build(m: ChartMessages): TopLevelSpec;
}

const METRIC_CELLS = { metric_cells: ['metric', 'grain', 'period', 'dimension', 'dimension_value', 'n', 'value', 'ci_low', 'ci_high', 'small_n'] };
const MENTIONS = {
  theme_mentions: ['response_id', 'theme_id', 'sentiment_label'],
  responses: ['response_id', 'account_id', 'submitted_at'],
  accounts: ['account_id', 'segment'],
};

/** NPS, CSAT or CES per period with its margin (a chart omitted when the run has no answer of that score). */
function scoreTrend(metric: HeadlineMetric, ces: CesDirection): ChartDefinition {
  const reading = scoreReading(metric, ces);
  return {
    id: `${metric}-trend`,
    requires: { metric_cells: [...METRIC_CELLS.metric_cells, 'moe', 'change', 'p_value', 'significant', 'period_complete'] },
    query: 'charts/select-score-trend',
    params: { metric },
    emptyReason: `no ${metric.toUpperCase()} answers in this run`,
    filters: { period: false, segment: true },
    labelsThemes: false,
    build: (m) => (reading === 'nps' ? buildScoreTrendSpec(m.npsTrend) : buildScoreTrendSpec({ ...m.npsTrend, title: m.scoreTrend[reading].title, nps: m.scoreTrend[reading].score }, SCORE_FORMAT[metric].digits)),
  };
}

/** The breakdowns' dimensions, in the dashboard's order. */
export const BREAKDOWN_DIMENSIONS = ['segment', 'region', 'journey_stage', 'owner'] as const;

/** Id of the chart of `metric` per value of `dimension`: nps-by-segment, csat-by-journey-stage … */
export function breakdownChartId(metric: HeadlineMetric, dimension: string): string {
  return `${metric}-by-${dimension.replaceAll('_', '-')}`;
}

/** NPS, CSAT or CES per value of a dimension, with its interval clustered by account (metric_cells). */
function scoreBy(metric: HeadlineMetric, dimension: string, ces: CesDirection): ChartDefinition {
  const reading = scoreReading(metric, ces);
  return {
    id: breakdownChartId(metric, dimension),
    requires: METRIC_CELLS,
    query: 'charts/select-score-by-dimension',
    params: { metric, dimension },
    filters: { period: true, segment: false },
    labelsThemes: false,
    drill: { [dimension]: 'group' },
    build: (m) => {
      const label = m.dimensions[dimension] ?? dimension;
      if (reading === 'nps') return buildScoreByDimensionSpec(m.npsBy, label);
      const t = m.scoreCharts[reading];
      return buildScoreByDimensionSpec({ ...m.npsBy, title: t.byTitle, subtitle: t.bySubtitle, nps: m.scoreTrend[reading].score }, label, SCORE_FORMAT[metric].digits);
    },
  };
}

/** The theme-impact and key-driver texts of the run's score (NPS: as they are). */
function themeImpactTexts(m: ChartMessages, metric: HeadlineMetric, ces: CesDirection): ChartMessages['themeImpact'] {
  const reading = scoreReading(metric, ces);
  if (reading === 'nps') return m.themeImpact;
  const t = m.scoreCharts[reading];
  return { ...m.themeImpact, title: t.impactTitle, subtitle: t.impactSubtitle, impact: t.impact, npsWith: t.with, npsWithout: t.without };
}

/**
 * Every chart of a run whose headline score is `metric` (NPS when the run has NPS answers, else CSAT, else
 * CES): its score's trend, its breakdowns, the other scores' trends, then the rest. `ces`: which way the run's
 * CES answer runs (run-summary.json `cesDirection`).
 */
export function chartCatalog(metric: HeadlineMetric, ces: CesDirection): readonly ChartDefinition[] {
  return Object.freeze([
    scoreTrend(metric, ces),
    ...BREAKDOWN_DIMENSIONS.map((d) => scoreBy(metric, d, ces)),
    ...HEADLINE_METRICS.filter((other) => other !== metric).map((other) => scoreTrend(other, ces)),
    ...REST.map((def) => (def.id === 'theme-impact' || def.id === 'driver-quadrant' ? { ...def, build: (m: ChartMessages) => buildScoredChart(def.id, m, metric, ces) } : def)),
  ]);
}

function buildScoredChart(id: string, m: ChartMessages, metric: HeadlineMetric, ces: CesDirection): TopLevelSpec {
  if (id === 'theme-impact') return buildThemeImpactSpec(themeImpactTexts(m, metric, ces), worseDirection(metric, ces));
  const reading = scoreReading(metric, ces);
  return buildDriverQuadrantSpec(reading === 'nps' ? m.driverQuadrant : { ...m.driverQuadrant, subtitle: m.scoreCharts[reading].driversSubtitle });
}

const REST: readonly ChartDefinition[] = [
  {
    id: 'response-rate',
    requires: { response_rates: ['grain', 'period', 'dimension', 'dimension_value', 'invitations', 'responses', 'rate', 'ci_low', 'ci_high', 'target', 'below_target', 'small_n'] },
    query: 'charts/select-response-rate', filters: { period: false, segment: true }, labelsThemes: false, build: (m) => buildResponseRateSpec(m.responseRate),
  },
  {
    id: 'theme-sentiment', requires: MENTIONS, query: 'charts/select-theme-sentiment',
    filters: { period: true, segment: true }, labelsThemes: true, drill: { theme: 'theme_id', sentiment: 'sentiment_label' }, build: (m) => buildThemeSentimentSpec(m.themeSentiment),
  },
  {
    id: 'segment-theme-heatmap', requires: { ...MENTIONS, verbatim_sentiment: ['response_id'] }, query: 'charts/select-segment-theme-heatmap',
    filters: { period: true, segment: false }, labelsThemes: true, drill: { theme: 'theme_id', segment: 'segment' }, build: (m) => buildSegmentThemeHeatmapSpec(m.heatmap),
  },
  {
    id: 'theme-impact',
    requires: { theme_impact: ['dimension', 'dimension_value', 'theme_id', 'sentiment', 'impact', 'impact_ci_low', 'impact_ci_high', 'frequency', 'n_with', 'nps_with', 'nps_without', 'small_n'] },
    query: 'charts/select-theme-impact', filters: { period: false, segment: true }, labelsThemes: true, drill: { theme: 'theme_id' }, build: (m) => buildThemeImpactSpec(m.themeImpact),
  },
  {
    id: 'driver-quadrant',
    requires: { driver_weights: ['method', 'attribute', 'status', 'share_pct', 'share_pct_ci_low', 'share_pct_ci_high', 'mean_rating', 'significant'] },
    query: 'charts/select-driver-quadrant', emptyReasonQuery: 'charts/select-driver-quadrant-empty-reason', filters: { period: false, segment: false }, labelsThemes: false, build: (m) => buildDriverQuadrantSpec(m.driverQuadrant),
  },
  {
    id: 'dissatisfier-ranking',
    requires: { dissatisfier_ranking: ['theme_id', 'arr_at_risk', 'arr_at_risk_ci_low', 'arr_at_risk_ci_high', 'rank_by_arr_at_risk', 'negative_mentions', 'rank_by_frequency', 'revenue_link'] },
    query: 'charts/select-dissatisfier-ranking', filters: { period: false, segment: false }, labelsThemes: true, drill: { theme: 'theme_id' }, build: (m) => buildDissatisfierRankingSpec(m.dissatisfiers),
  },
  {
    id: 'segment-theme-arr-at-risk',
    requires: {
      arr_at_risk_by_segment: ['segment', 'theme_id', 'active_accounts_mentioning', 'arr_at_risk', 'arr_at_risk_ci_low', 'arr_at_risk_ci_high', 'arr_at_risk_q_value', 'revenue_link', 'small_n'],
    },
    query: 'charts/select-segment-theme-arr-at-risk', emptyReason: 'no active account mentions a theme negatively, or the run has no churn model',
    filters: { period: false, segment: true }, labelsThemes: true, drill: { theme: 'theme_id', segment: 'segment', sentiment: 'sentiment_label' },
    build: (m) => buildSegmentThemeArrAtRiskSpec(m.segmentArr),
  },
  {
    id: 'churn-lift',
    requires: { churn_theme_lift: ['theme_id', 'sentiment', 'lift', 'lift_ci_low', 'lift_ci_high', 'churn_rate_with', 'churn_rate_without', 'training_accounts_with', 'p_value'] },
    query: 'charts/select-churn-lift', filters: { period: false, segment: false }, labelsThemes: true, drill: { theme: 'theme_id' }, build: (m) => buildChurnLiftSpec(m.churnLift),
  },
  {
    id: 'benchmark-comparison',
    requires: { benchmark_nps: ['brand', 'role', 'period', 'segment', 'n', 'nps', 'ci_low', 'ci_high'], benchmark_reference: ['brand', 'period', 'nps', 'n', 'source'] },
    query: 'charts/select-benchmark-comparison', filters: { period: false, segment: true }, labelsThemes: false, build: (m) => buildBenchmarkComparisonSpec(m.benchmark),
  },
];

/** The catalog of an NPS program (its CES trend read as ease, the default direction). */
export const CHART_CATALOG: readonly ChartDefinition[] = chartCatalog('nps', DEFAULT_CES_DIRECTION);
