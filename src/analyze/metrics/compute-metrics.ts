/**
 * CX metrics with honest margins, computed inside DuckDB from the canonical tables.
 *
 *   responses ⨝ accounts ⨝ contacts, invitations (canonical tables, filled by ingest)
 *     → create-stat-macros            the statistics formulas, each defined once (SE, margins, erfc, p-values)
 *     → metric_cells                  nps | csat | ces | enps × grain × period × dimension, with the account-
 *                                     clustered SE, design effect, 95 % CI, small-n flag and the change vs the
 *                                     previous period (clustered z, p, Benjamini–Hochberg q, significant)
 *     → metric_weighted               NPS unweighted / role-weighted (Kish n_eff) / account roll-up
 *     → response_rates                invitations → responses, vs settings.response_rate_target
 *     → MetricsSummary                a small JSON-friendly headline read from those tables
 *
 * Row-level data never leaves DuckDB; every table is ordered by its key columns and built from exact
 * integer aggregates (or order-fixed float sums), so exported files are byte-identical across runs.
 *
 * **Example:**
 * ```ts
 * const summary = await computeMetrics(db.connection, { asOf: '2024-06-30', settings });
 * summary.nps; // { value: 23.4, n: 1250, nFlagged: 12, moe: 5.1, ciLow: 18.3, ciHigh: 28.5, smallN: false }
 * ```
 */
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile, querySqlFile } from '../../db/sql-file.ts';
import { parseMetricOptions, metricGrains, type MetricOptions, type Grain } from './metric-options.ts';
import { planResponseRates, type InvitationCounts, type ResponseRatePlan } from './response-rate-plan.ts';
import { readMetricsSummary, finiteOrNull, type MetricsSummary } from './metrics-summary.ts';

export type { MetricOptions } from './metric-options.ts';
export type { MetricsSummary } from './metrics-summary.ts';

/** The tables computeMetrics creates (CREATE OR REPLACE), in creation order. */
export const METRIC_TABLES = ['metric_cells', 'metric_weighted', 'response_rates'] as const;

export async function computeMetrics(conn: DuckDBConnection, opts: MetricOptions): Promise<MetricsSummary> {
  const { asOf, settings } = parseMetricOptions(opts);
  const grains = listValue(metricGrains(settings));
  const minN = settings.min_n;

  await runSqlFile(conn, 'metrics/create-stat-macros');
  await runSqlFile(conn, 'metrics/create-metric-cells', { as_of: asOf, grains, min_n: minN, fdr_level: settings.fdr_level });

  await runSqlFile(conn, 'metrics/create-role-weights');
  for (const [role, weight] of Object.entries(settings.role_weights).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    await runSqlFile(conn, 'metrics/insert-role-weight', { role, weight });
  }
  await runSqlFile(conn, 'metrics/create-metric-weighted', {
    as_of: asOf,
    grains,
    min_n: minN,
    default_weight: settings.default_role_weight,
  });

  const rateGrain: Grain = settings.periods[0];
  const plan = await createResponseRates(conn, asOf, ['all', rateGrain], minN, settings.response_rate_target);
  return readMetricsSummary(conn, asOf, rateGrain, plan);
}

async function createResponseRates(
  conn: DuckDBConnection,
  asOf: string,
  grains: Grain[],
  minN: number,
  target: number,
): Promise<ResponseRatePlan> {
  const [row] = await querySqlFile(conn, 'metrics/count-invitations', { as_of: asOf });
  const counts: InvitationCounts = {
    invitations: finiteOrNull(row?.invitations) ?? 0,
    keyed_invitations: finiteOrNull(row?.keyed_invitations) ?? 0,
    keyed_responses: finiteOrNull(row?.keyed_responses) ?? 0,
  };
  const plan = planResponseRates(counts, asOf);
  if (plan.matchRule === null) {
    await runSqlFile(conn, 'metrics/create-response-rate-counts-empty');
  } else {
    const file = plan.matchRule === 'id_match' ? 'create-response-rate-counts-matched' : 'create-response-rate-counts-counted';
    await runSqlFile(conn, `metrics/${file}`, { as_of: asOf });
    await runSqlFile(conn, 'metrics/roll-up-response-rate-counts', { grains: listValue(grains) });
  }
  await runSqlFile(conn, 'metrics/create-response-rates', {
    min_n: minN,
    target,
    match_rule: plan.matchRule ?? 'none',
  });
  return plan;
}
