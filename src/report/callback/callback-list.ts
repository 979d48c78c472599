/**
 * The closed-loop call-back list, by the pipeline's `callbacks:` settings (callback-config-schema.ts;
 * default: detractors, and passives with a negative theme mention, from the last 14 days up to the run
 * date, each due for a call 48 hours after the response, assigned to the account owner), sorted by ARR
 * at risk (the churn model's when the run has one, else the account's ARR). Every rule value reaches
 * the SQL as a bound parameter. Verbatims are PII-redacted (`redactPii`) as they leave DuckDB.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlFile } from '../../db/sql-file.ts';
import { redactPii } from '../../classify/pii/redact-pii.ts';
import { arrBand } from '../../analyze/drivers/design-matrix.ts';
import { EXPLORER_ARR_BANDS } from '../explorer/write-explorer-script.ts';
import { DEFAULT_CALLBACK_SETTINGS, type CallbackSettings } from './callback-config-schema.ts';
import { prepareCallbackItems, type CallbackItemsScope } from './callback-items.ts';

/** Why a response is on the list: its NPS (rule.nps_max), a passive with a negative theme, its CSAT (rule.csat_max), its CES (rule.ces_max / ces_min). */
export type CallbackReason = 'nps' | 'passive_negative_theme' | 'csat' | 'ces';
const REASONS: readonly CallbackReason[] = ['nps', 'passive_negative_theme', 'csat', 'ces'];

/** Where a call-back stands at the end of the run date (sql/callbacks/create-callback-items.sql). */
export type CallbackStatus = 'called_in_time' | 'called_late' | 'open' | 'overdue';
const STATUSES: readonly CallbackStatus[] = ['called_in_time', 'called_late', 'open', 'overdue'];

export interface CallbackRow {
  readonly response_id: string;
  readonly account_id: string | null;
  readonly account_name: string | null;
  readonly segment: string | null;
  readonly region: string | null;
  readonly owner: string | null;
  /** who calls back: the account owner (assign_to: owner) or the fixed team / person of assign_to */
  readonly assignee: string | null;
  readonly contact_id: string | null;
  readonly submitted_at: string;
  readonly due_by: string;
  /** open (not yet due), overdue (due, not called), called_in_time or called_late (with a followups source) */
  readonly status: CallbackStatus;
  /** the first follow-up (followups source): when, hours after the response, what it found, who called, its notes (PII-redacted) */
  readonly called_at: string | null;
  readonly hours_to_call: number | null;
  readonly call_outcome: string | null;
  readonly called_by: string | null;
  readonly call_notes: string | null;
  readonly nps: number | null;
  /** the NPS category of the score (null without an NPS: a CSAT call-back) */
  readonly nps_category: 'detractor' | 'passive' | 'promoter' | null;
  readonly csat: number | null;
  readonly ces: number | null;
  readonly reasons: CallbackReason[];
  readonly journey_stage: string | null;
  readonly touchpoint: string | null;
  readonly survey_type: string | null;
  readonly language: string | null;
  readonly arr: number | null;
  /** the account's ARR band (the dashboard's filter bands, EXPLORER_ARR_BANDS) */
  readonly arr_band: string;
  readonly churn_probability: number | null;
  readonly arr_at_risk: number | null;
  readonly arr_at_risk_source: 'churn_model' | 'arr' | 'none';
  readonly negative_themes: string[];
  readonly themes: string[];
  readonly verbatim: string | null;
}

export interface CallbackOptions {
  readonly asOf: string;
  /** the pipeline's `callbacks:` section (default: DEFAULT_CALLBACK_SETTINGS) */
  readonly settings?: CallbackSettings;
  /** theme id → display label */
  readonly themeLabel?: (id: string) => string;
  /** the items prepareCallbackItems already built on this connection for the same asOf and settings (not built again) */
  readonly items?: CallbackItemsScope;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export async function buildCallbackList(conn: DuckDBConnection, tables: ReadonlyMap<string, ReadonlySet<string>>, opts: CallbackOptions): Promise<CallbackRow[]> {
  const settings = opts.settings ?? DEFAULT_CALLBACK_SETTINGS;
  if (opts.items === undefined) await prepareCallbackItems(conn, tables, opts.asOf, settings);
  const reader = await conn.runAndReadAll(sqlFile('report/select-callback-list'), { as_of: opts.asOf, window_days: settings.window_days });
  const label = opts.themeLabel ?? ((id: string) => id);
  return reader.getRowObjectsJson().map((r) => ({
    response_id: String(r.response_id),
    account_id: str(r.account_id),
    account_name: str(r.account_name),
    segment: str(r.segment),
    region: str(r.region),
    owner: str(r.owner),
    assignee: settings.assign_to === 'owner' ? str(r.owner) : settings.assign_to,
    contact_id: str(r.contact_id),
    submitted_at: String(r.submitted_at),
    due_by: String(r.due_by),
    status: STATUSES.find((x) => x === r.status) ?? 'open',
    called_at: str(r.called_at),
    hours_to_call: num(r.hours_to_call),
    call_outcome: str(r.call_outcome),
    called_by: str(r.called_by),
    call_notes: r.call_notes === null || r.call_notes === undefined ? null : redactPii(String(r.call_notes)),
    nps: num(r.nps),
    nps_category: r.nps_category === 'detractor' || r.nps_category === 'passive' || r.nps_category === 'promoter' ? r.nps_category : null,
    csat: num(r.csat),
    ces: num(r.ces),
    reasons: REASONS.filter((x) => list(r.reasons).includes(x)),
    journey_stage: str(r.journey_stage),
    touchpoint: str(r.touchpoint),
    survey_type: str(r.survey_type),
    language: str(r.language),
    arr: num(r.arr),
    arr_band: arrBand(num(r.arr) ?? Number.NaN, EXPLORER_ARR_BANDS),
    churn_probability: num(r.churn_probability),
    arr_at_risk: num(r.arr_at_risk),
    arr_at_risk_source: r.arr_at_risk_source === 'churn_model' ? 'churn_model' : r.arr_at_risk_source === 'arr' ? 'arr' : 'none',
    negative_themes: list(r.negative_themes).map(label),
    themes: list(r.themes).map(label),
    verbatim: r.verbatim === null || r.verbatim === undefined ? null : redactPii(String(r.verbatim)),
  }));
}
