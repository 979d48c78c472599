/**
 * computeDrivers — the driver phase of a run, after classification. Heavy row work stays in
 * DuckDB (sql/drivers/); only aggregates and the account-level design matrix reach TypeScript.
 *
 *   responses + accounts ─► drivers_responses (scope: up to asOf, driver score answered: NPS, else CSAT, else CES)
 *   theme_mentions ───────► drivers_mentions (response × theme × sentiment, + 'any')
 *        │
 *        ├─ score sums per theme (NPS, CSAT, CES) ► theme_impact, journey_strengths_weaknesses
 *        ├─ rating moments per group ────────► driver_weights (relative weights, Shapley, noise), kano_attributes
 *        ├─ account units (latest renewal) ──► churn_model, churn_theme_lift, account_churn_risk,
 *        │                                     dissatisfier_ranking, arr_at_risk_by_segment (per segment × theme),
 *        │                                     roi_nps_categories, roi_scenario
 *        └─ per-owner counts (NPS) ──────────► owner_monitoring
 *
 * The driver score is the run's headline metric (`metric`): NPS when the run has NPS answers, else CSAT
 * (a share: satisfied = top class, the others middle, so every NPS estimator serves it unchanged), else
 * CES (a mean on 1–7: theme impact and penalty-reward run on its sums, Σ score, Σ score², n; which way it
 * gets worse follows sources.responses.ces_direction, worseDirection: a theme that lowers ease has a negative
 * impact, one that adds effort a positive one). The tables keep their column names
 * (nps_with, nps_impact …): they hold the driver score, named in the summary.
 *
 * Deterministic: every interval is seeded from `seed` and the cell's key; the run date is `asOf`.
 * An analysis the data cannot support is skipped with its reason in the summary; its table is
 * still created (empty) so downstream exports and charts find every table.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Settings } from '../../config/pipeline-schema.ts';
import { runSqlFile } from '../../db/sql-file.ts';
import { driversConfigSchema, type DriversConfig } from './drivers-config-schema.ts';
import { driversMessages } from './drivers-messages.ts';
import { queryRows, num, str, tableExists } from './read-rows.ts';
import { compareText } from './compare-text.ts';
import { writeRows, type TableColumns, type TableRow } from './write-rows.ts';
import { computeThemeImpact, THEME_IMPACT_COLUMNS } from './theme-impact-table.ts';
import { journeyStrengthsWeaknesses, JOURNEY_COLUMNS } from './journey-strengths.ts';
import { computeDriverWeights, DRIVER_WEIGHTS_COLUMNS } from './driver-weights-table.ts';
import { computeKano, KANO_COLUMNS } from './kano-table.ts';
import { analyzeChurn, type ChurnModelSummary, type ChurnStep } from './churn-analysis.ts';
import { CHURN_MODEL_COLUMNS } from './churn-model-table.ts';
import { CHURN_LIFT_COLUMNS } from './churn-theme-lift.ts';
import { ROI_CATEGORY_COLUMNS, ROI_SCENARIO_COLUMNS } from './roi-tables.ts';
import { dissatisfierRanking, DISSATISFIER_COLUMNS, type NpsImpact } from './dissatisfier-ranking.ts';
import { ARR_BY_SEGMENT_COLUMNS } from './arr-at-risk-by-segment.ts';
import { computeOwnerMonitoring, OWNER_COLUMNS } from './owner-monitoring.ts';
import { DEFAULT_CES_DIRECTION, worseDirection, type CesDirection, type HeadlineMetric } from '../metrics/headline-metric.ts';

export const DRIVER_TABLES = [
  'theme_impact',
  'journey_strengths_weaknesses',
  'driver_weights',
  'kano_attributes',
  'churn_theme_lift',
  'churn_model',
  'account_churn_risk',
  'dissatisfier_ranking',
  'arr_at_risk_by_segment',
  'roi_nps_categories',
  'roi_scenario',
  'owner_monitoring',
] as const;
export type DriverTable = (typeof DRIVER_TABLES)[number];

export const ACCOUNT_RISK_COLUMNS: TableColumns = {
  account_id: 'VARCHAR', segment: 'VARCHAR', owner: 'VARCHAR', arr: 'DOUBLE', arr_band: 'VARCHAR', nps_band: 'VARCHAR', nps_responses: 'BIGINT',
  churn_probability: 'DOUBLE', churn_probability_ci_low: 'DOUBLE', churn_probability_ci_high: 'DOUBLE',
  arr_at_risk: 'DOUBLE', arr_at_risk_ci_low: 'DOUBLE', arr_at_risk_ci_high: 'DOUBLE',
  negative_themes: 'VARCHAR[]', positive_themes: 'VARCHAR[]', top_theme: 'VARCHAR',
};

const COLUMNS: Readonly<Record<DriverTable, TableColumns>> = {
  theme_impact: THEME_IMPACT_COLUMNS,
  journey_strengths_weaknesses: JOURNEY_COLUMNS,
  driver_weights: DRIVER_WEIGHTS_COLUMNS,
  kano_attributes: KANO_COLUMNS,
  churn_theme_lift: CHURN_LIFT_COLUMNS,
  churn_model: CHURN_MODEL_COLUMNS,
  account_churn_risk: ACCOUNT_RISK_COLUMNS,
  dissatisfier_ranking: DISSATISFIER_COLUMNS,
  arr_at_risk_by_segment: ARR_BY_SEGMENT_COLUMNS,
  roi_nps_categories: ROI_CATEGORY_COLUMNS,
  roi_scenario: ROI_SCENARIO_COLUMNS,
  owner_monitoring: OWNER_COLUMNS,
};

export interface DriverOptions {
  /** run date YYYY-MM-DD: responses and events after it are ignored */
  readonly asOf: string;
  readonly seed: number;
  readonly settings: Settings;
  /** the driver score, the run's headline metric (default nps) */
  readonly metric?: HeadlineMetric;
  /** which way the CES answer runs (sources.responses.ces_direction; default higher_is_easier) */
  readonly cesDirection?: CesDirection;
  /** the pipeline's `drivers:` section (parsed; `driversConfigSchema.parse({})` for defaults) */
  readonly config?: DriversConfig;
  /** display label per theme id (the taxonomy's labels); every key gets a row even without mentions */
  readonly themeLabels?: Readonly<Record<string, string>>;
  /** called as each step ends (benchmarks time the steps; the analysis never reads the clock) */
  readonly onStep?: (step: DriverStep) => void;
}

export type DriverStep = 'scope' | 'theme_impact' | 'key_drivers' | 'kano' | ChurnStep | 'churn' | 'owner_monitoring' | 'write_tables';

export interface SkippedAnalysis {
  readonly analysis: 'theme_impact' | 'key_drivers' | 'churn' | 'owner_monitoring';
  readonly reason: string;
}

export interface DriversSummary {
  readonly asOf: string;
  /** the score the drivers explain (theme impact, key drivers, penalty-reward): the run's headline metric */
  readonly metric: HeadlineMetric;
  readonly seed: number;
  readonly responses: number;
  readonly themes: number;
  readonly rows: Readonly<Record<DriverTable, number>>;
  readonly skipped: readonly SkippedAnalysis[];
  readonly messages: readonly string[];
  readonly keyDrivers: { readonly responses: number; readonly rSquared: number | null } | null;
  readonly churn: ChurnModelSummary | null;
  /** revenue dissatisfiers (ARR-at-risk interval above zero, q < fdr_level), by ARR at risk; empty when none holds */
  readonly topDissatisfiers: readonly {
    readonly themeId: string; readonly arrAtRisk: number | null; readonly low: number | null; readonly high: number | null; readonly qValue: number | null; readonly rankByFrequency: number;
  }[];
  /** the biggest NPS drivers: negative-mention NPS impact below zero with q < fdr_level, most negative first */
  /** (named npsDrivers for NPS programs; the impact is in points of `metric`; for CES above zero, most positive first) */
  readonly npsDrivers: readonly { readonly themeId: string; readonly impact: number; readonly low: number; readonly high: number; readonly revenueLink: string | null }[];
  /** themes whose revenue link was tested (null without a churn model) and the FDR level of every finding */
  readonly revenueLinksTested: number | null;
  readonly fdrLevel: number;
  readonly flaggedOwners: readonly string[];
}

const TEMP_TABLES = ['drivers_accounts', 'drivers_responses', 'drivers_cluster_groups', 'drivers_mentions', 'drivers_ratings', 'drivers_rating_rows', 'drivers_churn_units'];

export async function computeDrivers(conn: DuckDBConnection, opts: DriverOptions): Promise<DriversSummary> {
  const config = opts.config ?? driversConfigSchema.parse({});
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) throw new RangeError(`asOf must be YYYY-MM-DD, got ${opts.asOf}`);
  const minN = config.min_n ?? opts.settings.min_n;
  const level = config.confidence_level;
  const replicates = config.bootstrap_resamples;
  const skipped: SkippedAnalysis[] = [];
  const messages: string[] = [];
  const tables: Partial<Record<DriverTable, TableRow[]>> = {};
  const labels = opts.themeLabels ?? {};
  const label = (id: string): string => labels[id] ?? id;
  const step = opts.onStep ?? ((): void => undefined);
  const metric = opts.metric ?? 'nps';
  const worse = worseDirection(metric, opts.cesDirection ?? DEFAULT_CES_DIRECTION);

  const createdMentions = !(await tableExists(conn, 'theme_mentions'));
  if (createdMentions) await runSqlFile(conn, 'drivers/create-empty-mentions');
  await runSqlFile(conn, 'drivers/create-scope-responses', { as_of: opts.asOf, window_days: config.analysis_window_days ?? 0, metric });
  await runSqlFile(conn, 'drivers/create-scope-mentions');
  const count = await conn.runAndReadAll('SELECT count(*)::INTEGER AS n, count(account_id)::INTEGER AS with_account FROM drivers_responses');
  const responses = Number(count.getRowObjectsJson()[0]?.n ?? 0);
  const clustered = Number(count.getRowObjectsJson()[0]?.with_account ?? 0) > 0;
  await runSqlFile(conn, 'drivers/create-cluster-groups', { groups: config.bootstrap_groups, seed: opts.seed >>> 0 });
  const observed = (await queryRows(conn, 'drivers/select-theme-ids')).map((r) => str(r, 'theme_id'));
  const themes = [...new Set([...Object.keys(labels), ...observed])].sort(compareText);
  step('scope');

  // 1. theme impact on the driver score
  if (responses === 0) skipped.push({ analysis: 'theme_impact', reason: driversMessages.noResponses(metric) });
  else if (themes.length === 0) skipped.push({ analysis: 'theme_impact', reason: driversMessages.noThemes() });
  else {
    tables.theme_impact = await computeThemeImpact(conn, { seed: opts.seed, replicates, level, minN, themes, label, fdrLevel: config.fdr_level, clustered, metric, worse });
    tables.journey_strengths_weaknesses = journeyStrengthsWeaknesses(tables.theme_impact, 3, worse);
  }
  step('theme_impact');

  // 2. key drivers and penalty-reward
  let keyDrivers: DriversSummary['keyDrivers'] = null;
  if (responses > 0) {
    await runSqlFile(conn, 'drivers/create-rating-scope');
    const weights = await computeDriverWeights(conn, {
      seed: opts.seed, replicates, level, minN, minCoverage: config.min_attribute_coverage,
    });
    messages.push(...weights.messages);
    if (weights.skipped) skipped.push({ analysis: 'key_drivers', reason: weights.skipped });
    else keyDrivers = { responses: weights.responses, rSquared: weights.rSquared };
    tables.driver_weights = weights.rows;
    step('key_drivers');
    const scale = config.rating_scale ?? (await observedScale(conn));
    if (scale) tables.kano_attributes = await computeKano(conn, { scale, level, minN, metric, worse });
    step('kano');
  } else skipped.push({ analysis: 'key_drivers', reason: driversMessages.noResponses(metric) });

  // 3-5. churn linkage, revenue at risk, ROI
  const mentionCounts = await queryRows(conn, 'drivers/select-negative-mentions');
  const negativeMentions = new Map(mentionCounts.map((r) => [str(r, 'theme_id'), num(r, 'negative_mentions')]));
  const churn = await analyzeChurn(conn, { asOf: opts.asOf, seed: opts.seed, config, level, minN, fdrLevel: config.fdr_level, themes, label, onStep: step });
  let churnSummary: ChurnModelSummary | null = null;
  if ('skipped' in churn) skipped.push({ analysis: 'churn', reason: churn.skipped });
  else {
    const t = churn.tables;
    Object.assign(tables, {
      churn_model: t.churnModel, churn_theme_lift: t.churnThemeLift, account_churn_risk: t.accountChurnRisk, arr_at_risk_by_segment: t.arrAtRiskBySegment,
      roi_nps_categories: t.roiCategories, roi_scenario: t.roiScenario,
    });
    churnSummary = t.summary;
    messages.push(...t.summary.messages);
  }
  const npsImpact = new Map<string, NpsImpact>((tables.theme_impact ?? [])
    .filter((r) => r.dimension === 'overall' && r.sentiment === 'negative')
    .map((r) => [String(r.theme_id), {
      impact: Number(r.impact), low: Number(r.impact_ci_low), high: Number(r.impact_ci_high), qValue: Number(r.q_value), significant: r.significant === true,
    }]));
  if (themes.length > 0) {
    tables.dissatisfier_ranking = dissatisfierRanking({
      themes, negativeMentions, npsImpact, risk: 'tables' in churn ? churn.tables.arrAtRisk : null, label, minN, fdrLevel: config.fdr_level, worse,
    });
  }
  const ranking = tables.dissatisfier_ranking ?? [];
  const revenueLinksTested = 'tables' in churn ? ranking.filter((r) => r.arr_at_risk_q_value !== null && Number.isFinite(r.arr_at_risk_q_value)).length : null;
  if (revenueLinksTested !== null) messages.push(driversMessages.revenueLinks(ranking.filter((r) => r.revenue_link === 'revenue dissatisfier').length, revenueLinksTested, config.fdr_level));
  step('churn');

  // 6. owner monitoring (of NPS answers)
  if (responses > 0 && metric !== 'nps') skipped.push({ analysis: 'owner_monitoring', reason: driversMessages.ownerMonitoringNps(metric) });
  else if (responses > 0) {
    tables.owner_monitoring = await computeOwnerMonitoring(conn, {
      level, minN, alpha: config.gaming.alpha, minExcessShare: config.gaming.min_excess_share,
      repeatDays: config.gaming.repeat_window_days, maxResponses: config.gaming.max_responses_per_contact,
    });
    messages.push(driversMessages.bunchingNotCheckable());
    if (tables.owner_monitoring.length === 1) messages.push(driversMessages.singleOwner());
  } else skipped.push({ analysis: 'owner_monitoring', reason: driversMessages.noResponses(metric) });
  step('owner_monitoring');

  for (const name of DRIVER_TABLES) await writeRows(conn, name, COLUMNS[name], tables[name] ?? []);
  for (const name of TEMP_TABLES) await conn.run(`DROP TABLE IF EXISTS temp.main.${name}`);
  if (createdMentions) await conn.run('DROP TABLE IF EXISTS temp.main.theme_mentions');
  step('write_tables');

  const number = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    asOf: opts.asOf,
    metric,
    seed: opts.seed,
    responses,
    themes: themes.length,
    rows: Object.fromEntries(DRIVER_TABLES.map((name) => [name, tables[name]?.length ?? 0])) as Record<DriverTable, number>,
    skipped,
    messages,
    keyDrivers,
    churn: churnSummary,
    topDissatisfiers: ranking.filter((r) => r.revenue_link === 'revenue dissatisfier').slice(0, 5).map((r) => ({
      themeId: String(r.theme_id), arrAtRisk: number(r.arr_at_risk), low: number(r.arr_at_risk_ci_low), high: number(r.arr_at_risk_ci_high),
      qValue: number(r.arr_at_risk_q_value), rankByFrequency: Number(r.rank_by_frequency),
    })),
    npsDrivers: ranking.filter((r) => r.nps_driver === true)
      .sort((a, b) => worse * (Number(b.nps_impact) - Number(a.nps_impact)))
      .slice(0, 5)
      .map((r) => ({ themeId: String(r.theme_id), impact: Number(r.nps_impact), low: Number(r.nps_impact_ci_low), high: Number(r.nps_impact_ci_high), revenueLink: r.revenue_link === null ? null : String(r.revenue_link) })),
    revenueLinksTested,
    fdrLevel: config.fdr_level,
    flaggedOwners: (tables.owner_monitoring ?? []).filter((r) => Array.isArray(r.flags) && r.flags.length > 0).map((r) => String(r.owner)),
  };
}

async function observedScale(conn: DuckDBConnection): Promise<{ min: number; max: number } | null> {
  const reader = await conn.runAndReadAll('SELECT min(rating) AS lo, max(rating) AS hi FROM response_ratings WHERE isfinite(rating)');
  const row = reader.getRowObjectsJson()[0] ?? {};
  const lo = Number(row.lo);
  const hi = Number(row.hi);
  return row.lo !== null && row.hi !== null && hi > lo ? { min: lo, max: hi } : null;
}
