/**
 * Every chart of a run in one language: spec (data as a named placeholder), all rows (with the
 * dashboard's filter keys), and the static spec with the unfiltered rows inline — the one written
 * to specs/ and drawn in the report. Charts the run cannot feed are listed in `omitted`.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TopLevelSpec } from 'vega-lite';
import { chartCatalog, type ChartDefinition, type ChartFilters } from './chart-catalog.ts';
import { readHeadlineMetric } from './read-headline-metric.ts';
import type { CesDirection, HeadlineMetric } from '../analyze/metrics/headline-metric.ts';
import { CHART_MESSAGES, type ChartLang } from './chart-messages.ts';
import { listColumns, loadChartRows } from './load-chart-rows.ts';
import { withInlineData, withLocale, type ChartRow } from './spec-base.ts';
import { createThemeLabeler, type ThemeLabels } from './theme-labels.ts';

export interface BuiltChart {
  readonly id: string;
  readonly filters: ChartFilters;
  /** explorer filter → field of a clicked row (see ChartDefinition.drill) */
  readonly drill: Readonly<Record<string, string>>;
  /** spec with `data: { name: 'rows' }` */
  readonly spec: TopLevelSpec;
  /** every row, including per-period and per-segment slices */
  readonly rows: readonly ChartRow[];
  /** spec with the unfiltered rows (f_period = f_segment = 'all') inline, filter keys dropped */
  readonly staticSpec: TopLevelSpec;
}

export interface OmittedChart {
  readonly id: string;
  readonly reason: string;
}

export interface ChartSet {
  readonly lang: ChartLang;
  /** the run's headline score: the breakdowns are drawn on it, theme impact and key drivers labelled with it */
  readonly metric: HeadlineMetric;
  /** which way the run's CES answer runs: CES is worded as ease or as effort */
  readonly cesDirection: CesDirection;
  readonly charts: readonly BuiltChart[];
  readonly omitted: readonly OmittedChart[];
}

export const ALL = 'all';
/** The value a response gets for a dimension its pipeline does not map. */
export const UNKNOWN = '(unknown)';

/** Rows of the unfiltered view, without the filter keys. */
export function unfilteredRows(rows: readonly ChartRow[]): ChartRow[] {
  return rows
    .filter((r) => (r.f_period ?? ALL) === ALL && (r.f_segment ?? ALL) === ALL)
    .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'f_period' && k !== 'f_segment')));
}

export async function buildCharts(
  conn: DuckDBConnection,
  opts: { asOf: string; lang: ChartLang; cesDirection: CesDirection; themeLabels?: ThemeLabels; catalog?: readonly ChartDefinition[]; currency?: string },
): Promise<ChartSet> {
  const tables = await listColumns(conn);
  const messages = CHART_MESSAGES[opts.lang];
  const themeLabel = createThemeLabeler(opts.themeLabels, opts.lang);
  const charts: BuiltChart[] = [];
  const omitted: OmittedChart[] = [];
  const metric = await readHeadlineMetric(conn, tables);
  for (const def of opts.catalog ?? chartCatalog(metric, opts.cesDirection)) {
    const loaded = await loadChartRows(conn, def, tables, { asOf: opts.asOf, themeLabel });
    if (!loaded.ok) {
      omitted.push({ id: def.id, reason: loaded.reason });
      continue;
    }
    const spec = withLocale(def.build(messages), opts.lang, opts.currency);
    const staticRows = unfilteredRows(loaded.rows);
    if (staticRows.length === 0) {
      omitted.push({ id: def.id, reason: 'no rows for the whole period and all segments' });
      continue;
    }
    if (staticRows.every((r) => 'group' in r && (r.group === null || r.group === UNKNOWN))) {
      omitted.push({ id: def.id, reason: `${def.params?.dimension ?? 'the dimension'} is not mapped in this pipeline: every response is ${UNKNOWN}` });
      continue;
    }
    charts.push({ id: def.id, filters: def.filters, drill: def.drill ?? {}, spec, rows: loaded.rows, staticSpec: withInlineData(spec, staticRows) });
  }
  return { lang: opts.lang, metric, cesDirection: opts.cesDirection, charts, omitted };
}
