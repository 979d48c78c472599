/**
 * The facts an executive report states, read from a run: the headline score (NPS, else CSAT, else CES) with margin and trend,
 * top dissatisfiers with their evidence and redacted verbatims, what changed, freshness, sample
 * sizes and the classifier. Every verbatim is passed through `redactPii` here, at the edge.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile, sqlFile } from '../../db/sql-file.ts';
import { redactPii } from '../../classify/pii/redact-pii.ts';
import { runCesDirection, type RunSummaryView } from '../../charts/open-run.ts';
import { gatherBenchmarkFacts, type BenchmarkFacts } from './benchmark-facts.ts';
import { selectThemeQuotes } from './theme-quotes.ts';
import { loadThemeCandidates } from '../../classify/discovery/theme-candidates-store.ts';
import { HEADLINE_METRICS, headlineMetricOf, worseDirection, type CesDirection, type HeadlineMetric } from '../../analyze/metrics/headline-metric.ts';

type Row = Record<string, unknown>;
type WindowEstimate = NonNullable<NonNullable<RunSummaryView['metrics']>['nps']>;

export interface Verbatim {
  readonly responseId: string;
  readonly text: string;
  readonly nps: number | null;
  /** the respondent's CSAT and CES answers (absent where the query does not read them) */
  readonly csat?: number | null;
  readonly ces?: number | null;
  readonly submitted: string;
  readonly segment: string;
  /** the verbatim around the clause that mentions the theme (each part redacted), to highlight it */
  readonly highlight?: { readonly before: string; readonly clause: string; readonly after: string };
}

/** A quoted verbatim with its mentioning clause split out for highlighting; every part redacted. */
export function quotedVerbatim(e: Row): Verbatim {
  const text = String(e.verbatim);
  const start = Number(e.clause_start);
  const end = Number(e.clause_end);
  const valid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length;
  return {
    responseId: String(e.response_id),
    text: redactPii(text),
    nps: e.nps === null ? null : Number(e.nps),
    ...(e.csat !== undefined ? { csat: e.csat === null ? null : Number(e.csat) } : {}),
    ...(e.ces !== undefined ? { ces: e.ces === null ? null : Number(e.ces) } : {}),
    submitted: String(e.submitted),
    segment: String(e.segment),
    ...(valid ? { highlight: { before: redactPii(text.slice(0, start)), clause: redactPii(text.slice(start, end)), after: redactPii(text.slice(end)) } } : {}),
  };
}

export interface Dissatisfier {
  readonly themeId: string;
  readonly label: string;
  /** from the revenue-at-risk ranking, or only negative mention counts when the run has none */
  readonly evidence: Row;
  readonly verbatims: readonly Verbatim[];
}

export interface ReportFacts {
  readonly pipeline: string;
  readonly asOf: string;
  readonly currency: string;
  /** NPS when the run has NPS answers, else CSAT, else CES: what the Headline section leads with */
  readonly headlineMetric: HeadlineMetric;
  /** which way the run's CES answer runs (recorded in run-summary.json): CES is read as ease or as effort */
  readonly cesDirection: CesDirection;
  readonly headline: Row | undefined;
  /** the headline metric over the whole window */
  readonly overall: WindowEstimate | null;
  /** the run's other scores (CSAT, CES, or NPS when another metric leads), whole window */
  readonly otherMetrics: ReadonlyArray<{ readonly metric: HeadlineMetric; readonly estimate: WindowEstimate }>;
  readonly changes: readonly Row[];
  /** how many change tests `changes` were chosen from (sql/report/select-change-tests), undefined without metric_cells */
  readonly changeTests: Row | undefined;
  readonly freshness: Row;
  /** revenue dissatisfiers (ARR-at-risk interval above zero, q below the FDR level), or the most mentioned themes without driver tables */
  readonly dissatisfiers: readonly Dissatisfier[];
  /** 'arr_at_risk' when the driver tables are there (even if no theme passes), 'negative_mentions' when they are absent */
  readonly rankedBy: 'arr_at_risk' | 'negative_mentions';
  /** the "How we compare" figures; undefined without a benchmark comparison */
  readonly benchmark?: BenchmarkFacts;
  /** the biggest NPS drivers (negative mentions with a reliable negative impact), with their revenue link */
  readonly npsDrivers: readonly Dissatisfier[];
  /** the revenue-link test: themes tested, the FDR level, and the themes without a reliable link (ids); null without a churn model */
  /** false-discovery level of the driver findings (null without driver tables) */
  readonly fdrLevel: number | null;
  /** display label of a theme id (the report names themes without a reliable revenue link) */
  readonly themeLabel: (id: string) => string;
  readonly revenueLinks: { readonly tested: number; readonly fdrLevel: number; readonly noReliableLink: readonly string[]; readonly lowerChurn: readonly string[] } | null;
  /** ARR at risk per segment × theme of the top revenue dissatisfiers (arr_at_risk_by_segment); empty without that table */
  readonly arrBySegment: readonly Row[];
  readonly engines: ReadonlyArray<{ engine: string; model: string; description: string }>;
  readonly responseRate: Row | undefined;
  /** the top candidate themes with negative clauses (theme_candidates, priority > 0); undefined when the run discovered none (no taxonomy, or a run from before priorities) */
  readonly emergingThemes?: readonly EmergingTheme[];
}

export interface EmergingTheme {
  readonly candidateId: string;
  readonly name: string;
  readonly size: number;
  readonly negativeShare: number;
  /** the clause closest to its centroid, redacted */
  readonly example: string;
}

/** Candidate themes the report lists at most. */
export const EMERGING_THEMES = 3;

/** The top candidates by priority that have negative clauses; nothing when the run has no ranked candidates. */
async function emergingSection(conn: DuckDBConnection, tables: ReadonlyMap<string, ReadonlySet<string>>): Promise<Pick<ReportFacts, 'emergingThemes'>> {
  if (!(tables.get('theme_candidates')?.has('priority') ?? false)) return {};
  const candidates = (await loadThemeCandidates(conn)).filter((c) => c.priority > 0).slice(0, EMERGING_THEMES);
  return {
    emergingThemes: candidates.map((c) => ({ candidateId: c.candidateId, name: c.name, size: c.size, negativeShare: c.negativeShare, example: redactPii(c.representatives[0]?.clause ?? '') })),
  };
}

async function rows(conn: DuckDBConnection, name: string, params: Record<string, string | number>): Promise<Row[]> {
  const sql = sqlFile(name);
  const used = Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(sql)));
  return (await conn.runAndReadAll(sql, used)).getRowObjectsJson() as Row[];
}

const has = (tables: ReadonlyMap<string, ReadonlySet<string>>, ...names: string[]): boolean => names.every((n) => tables.has(n));

export async function gatherReportFacts(
  conn: DuckDBConnection,
  tables: ReadonlyMap<string, ReadonlySet<string>>,
  summary: RunSummaryView,
  opts: { asOf: string; themeLabel: (id: string) => string; top?: number; verbatimsPerTheme?: number },
): Promise<ReportFacts> {
  const top = opts.top ?? 3;
  const asOf = opts.asOf;
  const windowCells = { nps: summary.metrics?.nps ?? null, csat: summary.metrics?.csat ?? null, ces: summary.metrics?.ces ?? null };
  const headlineMetric = headlineMetricOf(windowCells) ?? 'nps';
  const cesDirection = runCesDirection(summary);
  const headline = has(tables, 'metric_cells') ? (await rows(conn, 'report/select-headline-metric', { metric: headlineMetric }))[0] : undefined;
  if (has(tables, 'metric_cells')) await runSqlFile(conn, 'report/create-change-period');
  const changes = has(tables, 'metric_cells') ? await rows(conn, 'report/select-significant-changes', { limit: 8 }) : [];
  const changeTests = has(tables, 'metric_cells') ? (await rows(conn, 'report/select-change-tests', {}))[0] : undefined;
  const freshness = (await rows(conn, 'report/select-freshness', { as_of: asOf }))[0] ?? {};
  let ranked: Row[] = [];
  let rankedBy: ReportFacts['rankedBy'] = 'arr_at_risk';
  let npsRows: Row[] = [];
  let revenueLinks: ReportFacts['revenueLinks'] = null;
  let fdrLevel: number | null = null;
  const driverTables = has(tables, 'dissatisfier_ranking', 'theme_impact', 'churn_theme_lift') && (tables.get('dissatisfier_ranking')?.has('revenue_link') ?? false);
  if (driverTables) {
    ranked = await rows(conn, 'report/select-top-dissatisfiers', { limit: top });
    npsRows = await rows(conn, 'report/select-nps-drivers', { limit: top, worse: worseDirection(headlineMetric, cesDirection) });
    const all = await rows(conn, 'report/select-revenue-links', {});
    if (all.length > 0) fdrLevel = Number(all[0]?.fdr_level);
    const links = all.filter((l) => l.revenue_link !== null);
    if (links.length > 0) {
      revenueLinks = {
        tested: links.filter((l) => l.tested === true).length,
        fdrLevel: Number(links[0]?.fdr_level),
        noReliableLink: links.filter((l) => l.revenue_link === 'no reliable revenue link').map((l) => String(l.theme_id)),
        lowerChurn: links.filter((l) => l.revenue_link === 'associated with lower churn').map((l) => String(l.theme_id)),
      };
    }
  }
  if (!driverTables || (revenueLinks === null && ranked.length === 0 && npsRows.length === 0)) {
    if (has(tables, 'theme_mentions')) {
      rankedBy = 'negative_mentions';
      ranked = (await rows(conn, 'report/select-negative-theme-counts', { as_of: asOf })).slice(0, top);
    }
  }
  const examples = has(tables, 'theme_mentions') ? await selectThemeQuotes(conn, asOf, opts.verbatimsPerTheme ?? 3) : [];
  const withVerbatims = (r: Row): Dissatisfier => {
    const themeId = String(r.theme_id);
    return {
      themeId,
      label: opts.themeLabel(themeId),
      evidence: r,
      verbatims: examples.filter((e) => e.theme_id === themeId).map(quotedVerbatim),
    };
  };
  const dissatisfiers = ranked.map(withVerbatims);
  const topIds = new Set(rankedBy === 'arr_at_risk' ? dissatisfiers.map((d) => d.themeId) : []);
  const arrBySegment = topIds.size > 0 && has(tables, 'arr_at_risk_by_segment')
    ? (await rows(conn, 'report/select-arr-at-risk-by-segment', {})).filter((r) => topIds.has(String(r.theme_id)))
    : [];
  const npsDrivers = npsRows.map(withVerbatims);
  const responseRate = has(tables, 'response_rates')
    ? (await conn.runAndReadAll("SELECT invitations, responses, rate, moe, target, below_target FROM response_rates WHERE grain = 'all' AND dimension = 'overall'")).getRowObjectsJson()[0] as Row | undefined
    : undefined;
  return {
    pipeline: summary.pipeline,
    asOf,
    currency: summary.reportingCurrency,
    headlineMetric,
    cesDirection,
    headline,
    overall: windowCells[headlineMetric],
    otherMetrics: HEADLINE_METRICS.filter((m) => m !== headlineMetric && (windowCells[m]?.n ?? 0) > 0).map((m) => ({ metric: m, estimate: windowCells[m]! })),
    changes,
    changeTests,
    freshness,
    dissatisfiers,
    rankedBy,
    npsDrivers,
    revenueLinks,
    fdrLevel,
    themeLabel: opts.themeLabel,
    arrBySegment,
    engines: summary.classification?.engines ?? [],
    responseRate,
    benchmark: await gatherBenchmarkFacts(conn, tables),
    ...(await emergingSection(conn, tables)),
  };
}
