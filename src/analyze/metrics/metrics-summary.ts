/**
 * The JSON-friendly headline of the metric tables for the run summary. Reads only the small
 * aggregated tables; every number is finite or null (never NaN / Infinity, which JSON cannot hold).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { querySqlFile } from '../../db/sql-file.ts';
import type { Grain } from './metric-options.ts';
import type { MatchRule, ResponseRatePlan } from './response-rate-plan.ts';
import { headlineMetricOf, type HeadlineMetric } from './headline-metric.ts';

export interface CellHeadline {
  readonly value: number | null;
  readonly n: number;
  /** responses among n that carry a quality flag (speeder, straight-liner), kept by settings.quality: flag */
  readonly nFlagged: number;
  readonly moe: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly smallN: boolean;
}

export interface PeriodChange {
  readonly grain: Grain;
  readonly period: string;
  readonly periodComplete: boolean;
  readonly n: number;
  readonly value: number | null;
  readonly previousPeriod: string | null;
  readonly previousValue: number | null;
  readonly change: number | null;
  readonly z: number | null;
  readonly pValue: number | null;
  /** Benjamini–Hochberg q-value within its family (metric × grain × dimension); significant = q < settings.fdr_level */
  readonly qValue: number | null;
  readonly significant: boolean;
}

export interface MetricsSummary {
  readonly asOf: string;
  /** Overall NPS over every response by asOf (null when no NPS answer). */
  readonly nps: CellHeadline | null;
  /** NPS of the latest complete period of settings.periods[0] (latest period if none complete) vs the one before. */
  readonly npsChange: PeriodChange | null;
  /** NPS when the run has NPS answers, else CSAT, else CES (null: no scored answer) */
  readonly headlineMetric: HeadlineMetric | null;
  /** npsChange's figures for the headline metric (the same object when it is NPS) */
  readonly headlineChange: (PeriodChange & { readonly metric: HeadlineMetric }) | null;
  readonly csat: CellHeadline | null;
  readonly ces: CellHeadline | null;
  readonly enps: CellHeadline | null;
  readonly cells: { readonly total: number; readonly small: number };
  readonly responseRates: {
    readonly computed: boolean;
    readonly matchRule: MatchRule | null;
    readonly reason: string;
    readonly overall: { readonly invitations: number; readonly responses: number; readonly rate: number | null; readonly moe: number | null; readonly target: number; readonly belowTarget: boolean | null } | null;
  };
  readonly tables: { readonly metric_cells: number; readonly metric_weighted: number; readonly response_rates: number };
}

/** A finite number, or null (DuckDB NULL, NaN, ±Infinity, which getRowObjectsJson gives as strings). */
export function finiteOrNull(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

function count(value: unknown): number {
  return finiteOrNull(value) ?? 0;
}

function headline(row: Record<string, unknown> | undefined): CellHeadline | null {
  if (row === undefined) return null;
  return {
    value: finiteOrNull(row.value),
    n: count(row.n),
    nFlagged: count(row.n_flagged),
    moe: finiteOrNull(row.moe),
    ciLow: finiteOrNull(row.ci_low),
    ciHigh: finiteOrNull(row.ci_high),
    smallN: row.small_n === true,
  };
}

/** The overall cell of `metric` at `grain` in its latest complete period, with the change from the one before. */
async function latestChange(conn: DuckDBConnection, metric: HeadlineMetric, grain: Grain): Promise<PeriodChange | null> {
  const [latest] = grain === 'all' ? [] : await querySqlFile(conn, 'metrics/select-latest-change', { metric, grain });
  if (latest === undefined) return null;
  return {
    grain,
    period: String(latest.period),
    periodComplete: latest.period_complete === true,
    n: count(latest.n),
    value: finiteOrNull(latest.value),
    previousPeriod: latest.previous_period == null ? null : String(latest.previous_period),
    previousValue: finiteOrNull(latest.previous_value),
    change: finiteOrNull(latest.change),
    z: finiteOrNull(latest.z),
    pValue: finiteOrNull(latest.p_value),
    qValue: finiteOrNull(latest.q_value),
    significant: latest.significant === true,
  };
}

export async function readMetricsSummary(
  conn: DuckDBConnection,
  asOf: string,
  trendGrain: Grain,
  plan: ResponseRatePlan,
): Promise<MetricsSummary> {
  const headlines = await querySqlFile(conn, 'metrics/select-headline-cells');
  const byMetric = (metric: string) => headline(headlines.find((r) => r.metric === metric));
  const metric = headlineMetricOf({ nps: byMetric('nps'), csat: byMetric('csat'), ces: byMetric('ces') });
  const npsChange = await latestChange(conn, 'nps', trendGrain);
  const [counts] = await querySqlFile(conn, 'metrics/count-metric-cells');
  const [rate] = await querySqlFile(conn, 'metrics/select-overall-response-rate');
  return {
    asOf,
    nps: byMetric('nps'),
    npsChange,
    headlineMetric: metric,
    headlineChange: metric === null ? null : metric === 'nps' ? (npsChange === null ? null : { ...npsChange, metric }) : await latestChange(conn, metric, trendGrain).then((c) => (c === null ? null : { ...c, metric })),
    csat: byMetric('csat'),
    ces: byMetric('ces'),
    enps: byMetric('enps'),
    cells: { total: count(counts?.cells), small: count(counts?.small_cells) },
    responseRates: {
      computed: plan.computed,
      matchRule: plan.matchRule,
      reason: plan.reason,
      overall:
        rate === undefined
          ? null
          : {
              invitations: count(rate.invitations),
              responses: count(rate.responses),
              rate: finiteOrNull(rate.rate),
              moe: finiteOrNull(rate.moe),
              target: count(rate.target),
              belowTarget: typeof rate.below_target === 'boolean' ? rate.below_target : null,
            },
    },
    tables: {
      metric_cells: count(counts?.cells),
      metric_weighted: count(counts?.weighted_rows),
      response_rates: count(counts?.response_rate_rows),
    },
  };
}
