/**
 * The call-back items of a run (temp table callback_items, sql/callbacks/create-callback-items.sql): every
 * response that met the `callbacks:` rule, with its due date, its first follow-up and its status
 * (called_in_time, called_late, overdue, open). The call-back list shows the items of the last window_days;
 * the closed-loop figures (callback-loop.ts) follow the items since the loop's start.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { querySqlFile, runSqlFile } from '../../db/sql-file.ts';
import type { CallbackSettings } from './callback-config-schema.ts';

export interface CallbackItemsScope {
  /** the pipeline has a followups source (the run loaded it): the loop is tracked */
  readonly tracked: boolean;
  /** first day of the tracked items (callbacks.loop_since, else the earliest follow-up's day); null when not tracked or without follow-ups */
  readonly loopStart: string | null;
  /** first day of the call-back list's window (window_days up to the run date) */
  readonly windowStart: string;
}

const DAY_MS = 86_400_000;

/** The first day of the `days` days up to and including `asOf` (YYYY-MM-DD, UTC calendar arithmetic). */
export function windowStart(asOf: string, days: number): string {
  return new Date(Date.parse(`${asOf}T00:00:00Z`) + DAY_MS - days * DAY_MS).toISOString().slice(0, 10);
}

async function isFollowupsLoaded(conn: DuckDBConnection, tables: ReadonlyMap<string, ReadonlySet<string>>): Promise<boolean> {
  if (!tables.has('followups') || !tables.has('reconciliation')) return false;
  return (await conn.runAndReadAll("SELECT count(*) FROM reconciliation WHERE source = 'followups'")).getRows()[0]?.[0] !== 0n;
}

/** Creates callback_items (and the temp views it reads) for the run date and settings. */
export async function prepareCallbackItems(
  conn: DuckDBConnection,
  tables: ReadonlyMap<string, ReadonlySet<string>>,
  asOf: string,
  settings: CallbackSettings,
): Promise<CallbackItemsScope> {
  const risk = tables.get('account_churn_risk');
  const hasModel = risk !== undefined && ['account_id', 'churn_probability', 'arr_at_risk'].every((c) => risk.has(c));
  await runSqlFile(conn, hasModel ? 'report/create-callback-risk-from-model' : 'report/create-callback-risk-empty');
  await runSqlFile(conn, tables.has('theme_mentions') ? 'report/create-callback-mentions' : 'report/create-callback-mentions-empty');
  const tracked = await isFollowupsLoaded(conn, tables);
  await runSqlFile(conn, tables.has('followups') ? 'callbacks/create-callback-followups' : 'callbacks/create-callback-followups-empty');
  const firstCall = tracked ? (await querySqlFile(conn, 'callbacks/select-loop-start'))[0]?.loop_start : undefined;
  const loopStart = !tracked ? null : (settings.loop_since ?? (typeof firstCall === 'string' ? firstCall : null));
  const start = windowStart(asOf, settings.window_days);
  const since = loopStart !== null && loopStart < start ? loopStart : start;
  const { rule } = settings;
  await runSqlFile(conn, 'callbacks/create-callback-items', {
    as_of: asOf, since, within_hours: settings.within_hours,
    nps_max: rule.nps_max, passives_negative: rule.passives_with_negative_theme, csat_max: rule.csat_max, ces_max: rule.ces_max, ces_min: rule.ces_min, min_arr: rule.min_arr,
  });
  return { tracked, loopStart, windowStart: start };
}
