/**
 * The data the dashboard page reads: charts (spec without data + all filterable rows), filter
 * options, the call-back list, redacted example verbatims, omitted charts and the classifier.
 * Pure: built from values already read from the run.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartSet } from '../../charts/build-charts.ts';
import type { ChartFilters } from '../../charts/chart-catalog.ts';
import type { ChartRow } from '../../charts/spec-base.ts';
import type { CallbackRow } from '../callback/callback-list.ts';
import type { CallbackLoop } from '../callback/callback-loop.ts';
import type { Block } from '../executive/report-document.ts';
import { closedLoopSection, loopFormat } from '../executive/closed-loop-section.ts';
import { DERIVED_CHARTS } from './derived-rows-app.ts';
import { breakdownChartId } from '../../charts/chart-catalog.ts';
import { HEADLINE_METRICS } from '../../analyze/metrics/headline-metric.ts';
import { dashboardText, type DashboardLang, type DashboardScoreText } from './dashboard-messages.ts';
import { EXPLORER_MESSAGES, EXPLORER_SERVED_MESSAGES } from '../explorer/explorer-messages.ts';
import type { ExplorerDimension } from '../explorer/explorer-columns.ts';

/**
 * The explorer of a served run (more verbatims than settings.dashboard.embed_max_verbatims): the page embeds none
 * (no verbatims.js) and asks `ecoute serve`'s API; it carries the count, the threshold, the filters' values (the
 * dashboard's filter bar, in the shape of the embedded dictionaries) and the words of served mode.
 */
export interface ServedExplorerPayload {
  readonly mode: 'served';
  readonly n: number;
  /** settings.dashboard.embed_max_verbatims */
  readonly max: number;
  readonly dims: Readonly<Record<ExplorerDimension, { readonly values: readonly string[] }>>;
  readonly text: (typeof EXPLORER_SERVED_MESSAGES)[DashboardLang];
}

export interface DashboardPayload {
  readonly lang: DashboardLang;
  readonly pipeline: string;
  readonly asOf: string;
  readonly text: DashboardScoreText;
  readonly periods: ReadonlyArray<{ key: string; label: string }>;
  readonly segments: ReadonlyArray<{ key: string; label: string }>;
  readonly charts: ReadonlyArray<{ id: string; filters: ChartFilters; drill: Readonly<Record<string, string>>; spec: TopLevelSpec; rows: readonly ChartRow[] }>;
  readonly omitted: ReadonlyArray<{ id: string; reason: string }>;
  readonly callbacks: readonly CallbackRow[];
  /** the closed-loop panel's blocks (the report's "Closed loop" section), or null when the run does not track follow-ups */
  readonly loop: readonly Block[] | null;
  /** charts whose rows the browser recomputes from the explorer's columns (derived-rows.js): they answer every filter */
  readonly derived: readonly string[];
  /** charts shown by a panel module instead of a chart card (the owners' table) */
  readonly panelCharts: readonly string[];
  /** the chart the owners' table shows: the headline score by owner (nps-by-owner, csat-by-owner …) */
  readonly ownerChart: string;
  /** charts drawn in "More charts", below the explorer (the other scores' trends, response rate, benchmark);
   * the charts a run cannot feed go there too */
  readonly moreCharts: readonly string[];
  readonly engines: readonly string[];
  readonly currency: string;
  /**
   * the verbatim explorer's words and theme labels (its data is in verbatims.js, shared by every language);
   * `served` on a run whose verbatims are not embedded (absent otherwise)
   */
  readonly explorer: {
    readonly text: (typeof EXPLORER_MESSAGES)[DashboardLang]; readonly themeLabels: Readonly<Record<string, string>>; readonly filters: Readonly<Record<string, string>>;
    readonly served?: ServedExplorerPayload;
  };
  /** the dashboard in the other languages: file name and language */
  readonly languages: ReadonlyArray<{ lang: DashboardLang; file: string }>;
  readonly examples: ReadonlyArray<{ theme: string; nps: number | null; submitted: string; segment: string; text: string }>;
}

function periodLabel(key: string, allLabel: string): string {
  if (key === 'all') return allLabel;
  const [grain, start] = key.split(':') as [string, string];
  const [y, mo] = start.split('-');
  if (grain === 'quarter') return `${y} Q${Math.floor((Number(mo) - 1) / 3) + 1}`;
  if (grain === 'month') return `${y}-${mo}`;
  return `${grain} ${start}`;
}

const GRAIN_ORDER = (key: string): number => (key === 'all' ? 0 : key.startsWith('quarter:') ? 1 : key.startsWith('month:') ? 2 : 3);

export function buildDashboardPayload(input: {
  lang: DashboardLang; pipeline: string; asOf: string; currency: string; charts: ChartSet; callbacks: readonly CallbackRow[];
  engines: readonly string[];
  themeLabels: Readonly<Record<string, string>>; languages: ReadonlyArray<{ lang: DashboardLang; file: string }>;
  /** explorer filters applied when the URL sets none (an owner's page: its owner) */
  explorerFilters?: Readonly<Record<string, string>>;
  /** a short list of verbatims shown as a table (an owner's page), PII-redacted by the caller */
  examples?: ReadonlyArray<{ theme: string; nps: number | null; submitted: string; segment: string; text: string }>;
  /** the closed-loop figures (a run with a followups source) */
  loop?: CallbackLoop;
  /** a served run's explorer: its count, the threshold it passed and its filters' values */
  servedExplorer?: { n: number; max: number; dims: Readonly<Record<ExplorerDimension, readonly string[]>> };
}): DashboardPayload {
  const text = dashboardText(input.lang, input.charts.metric);
  const ownerChart = breakdownChartId(input.charts.metric, 'owner');
  const periodKeys = new Set<string>(['all']);
  const segmentKeys = new Set<string>(['all']);
  for (const c of input.charts.charts) {
    for (const r of c.rows) {
      if (typeof r.f_period === 'string') periodKeys.add(r.f_period);
      if (typeof r.f_segment === 'string') segmentKeys.add(r.f_segment);
    }
  }
  const periods = [...periodKeys]
    .sort((a, b) => GRAIN_ORDER(a) - GRAIN_ORDER(b) || (a < b ? 1 : a > b ? -1 : 0))
    .map((key) => ({ key, label: periodLabel(key, text.allPeriods) }));
  const segments = [...segmentKeys].sort((a, b) => (a === 'all' ? -1 : b === 'all' ? 1 : a < b ? -1 : a > b ? 1 : 0))
    .map((key) => ({ key, label: key === 'all' ? text.allSegments : key }));
  return {
    lang: input.lang, pipeline: input.pipeline, asOf: input.asOf, text, periods, segments, currency: input.currency,
    charts: input.charts.charts.map((c) => ({ id: c.id, filters: c.filters, drill: c.drill, spec: c.spec, rows: c.rows })),
    omitted: input.charts.omitted, callbacks: input.callbacks, engines: input.engines,
    loop: input.loop !== undefined && input.loop.tracked ? closedLoopSection(input.loop, input.lang, loopFormat(input.lang), Number.POSITIVE_INFINITY) : null,
    derived: input.charts.charts.map((c) => c.id).filter((id) => (DERIVED_CHARTS as readonly string[]).includes(id)),
    panelCharts: [ownerChart], ownerChart,
    moreCharts: moreChartIds(input.charts),
    examples: input.examples ?? [],
    explorer: {
      text: EXPLORER_MESSAGES[input.lang], themeLabels: input.themeLabels, filters: input.explorerFilters ?? {},
      ...(input.servedExplorer === undefined ? {} : { served: servedExplorerPayload(input.servedExplorer, input.lang) }),
    },
    languages: input.languages,
  };
}

function servedExplorerPayload(s: NonNullable<Parameters<typeof buildDashboardPayload>[0]['servedExplorer']>, lang: DashboardLang): ServedExplorerPayload {
  const dims = Object.fromEntries(Object.entries(s.dims).map(([d, values]) => [d, { values }])) as Record<ExplorerDimension, { values: readonly string[] }>;
  return { mode: 'served', n: s.n, max: s.max, dims, text: EXPLORER_SERVED_MESSAGES[lang] };
}

/** Charts of the "More charts" section: useful, but not what the page before the explorer is for. */
const MORE_CHARTS: readonly string[] = ['response-rate', 'benchmark-comparison'];

/** The ids placed below the explorer: MORE_CHARTS and the trends of the scores other than the headline one. */
export function moreChartIds(charts: Pick<ChartSet, 'charts' | 'metric'>): string[] {
  const otherTrends = HEADLINE_METRICS.filter((m) => m !== charts.metric).map((m) => `${m}-trend`);
  return charts.charts.map((c) => c.id).filter((id) => MORE_CHARTS.includes(id) || otherTrends.includes(id));
}

/** JSON safe inside a <script type="application/json"> element: no "<", no line separators. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
