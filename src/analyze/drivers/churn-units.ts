/**
 * The account-level rows of the churn analysis, read from DuckDB (select-churn-features.sql):
 * 'train' units are accounts with a renewal decision, 'score' units the accounts still active.
 */
import { LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { runSqlFile, sqlFile } from '../../db/sql-file.ts';
import { queryRows, num, str } from './read-rows.ts';

export interface ChurnUnit {
  readonly unit: 'train' | 'score';
  readonly accountId: string;
  readonly refDate: string;
  /** 1 churned, 0 stayed; null for score units */
  readonly churned: number | null;
  readonly segment: string;
  readonly owner: string;
  /** latest ARR on or before the reference date; NaN when unknown */
  readonly arr: number;
  /** NaN when unknown */
  readonly tenureYears: number;
  /** the start is the first revenue period of the export: the true tenure may be longer */
  readonly tenureTruncated?: boolean;
  readonly npsResponses: number;
  /** NaN without an NPS answer in the window */
  readonly meanNps: number;
  readonly negativeThemes: readonly string[];
  readonly positiveThemes: readonly string[];
  readonly anyThemes: readonly string[];
}

export type NpsBand = 'detractor' | 'passive' | 'promoter' | 'no_response';
export const NPS_BANDS: readonly NpsBand[] = ['detractor', 'passive', 'promoter', 'no_response'];

/** Band of the account's mean NPS in the window (as the CX team reads it: < 7 detractor, < 9 passive). */
export function npsBand(u: Pick<ChurnUnit, 'npsResponses' | 'meanNps'>): NpsBand {
  if (u.npsResponses === 0 || Number.isNaN(u.meanNps)) return 'no_response';
  return u.meanNps >= 9 ? 'promoter' : u.meanNps >= 7 ? 'passive' : 'detractor';
}

export interface ChurnUnitOptions {
  readonly asOf: string;
  readonly windowDays: number;
  readonly downgradeIsChurn: boolean;
  readonly tenureSource: 'first_revenue_period' | 'first_response' | 'none';
  /** earliest decision date used for training (YYYY-MM-DD) */
  readonly coveredFrom: string;
  /** the themes analysed: the units' theme lists hold these ids, in this order */
  readonly themes: readonly string[];
}

export interface FeedbackCoverage {
  /** decisions up to the run date */
  readonly events: number;
  /** of which with a feedback window inside the survey history */
  readonly coveredEvents: number;
  /** first decision date with a complete window ('0001-01-01' when every decision is used) */
  readonly coveredFrom: string;
}

/** Decisions whose window lies inside the survey history are used; all of them when none does. */
export async function feedbackCoverage(conn: DuckDBConnection, asOf: string, windowDays: number): Promise<FeedbackCoverage> {
  const [row] = await queryRows(conn, 'drivers/select-feedback-start', { as_of: asOf, window_days: windowDays });
  const events = num(row ?? {}, 'events');
  const covered = num(row ?? {}, 'covered_events');
  const first = str(row ?? {}, 'first_response');
  if (first === '' || !(covered > 0)) return { events: events || 0, coveredEvents: 0, coveredFrom: '0001-01-01' };
  const from = new Date(`${first}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() + windowDays);
  return { events, coveredEvents: covered, coveredFrom: from.toISOString().slice(0, 10) };
}

/**
 * Units with their features. The rows are read column by column as DuckDB values (the JSON row
 * objects cost ~8 µs a row on 185k units); themes arrive as bit strings over `themes`.
 */
export async function loadChurnUnits(conn: DuckDBConnection, o: ChurnUnitOptions): Promise<ChurnUnit[]> {
  await runSqlFile(conn, 'drivers/create-churn-units', { as_of: o.asOf, downgrade_is_churn: o.downgradeIsChurn, covered_from: o.coveredFrom });
  const reader = await conn.runAndReadAll(
    sqlFile('drivers/select-churn-features'),
    { window_days: o.windowDays, tenure_source: o.tenureSource, themes: listValue([...o.themes]), theme_count: Math.max(1, o.themes.length) },
    { themes: LIST(VARCHAR) },
  );
  const names = reader.columnNames();
  const columns = reader.getColumns();
  const column = (name: string): DuckDBValue[] => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`select-churn-features has no column ${name}`);
    return columns[i];
  };
  const decoded = new Map<string, readonly string[]>();
  const themes = (v: DuckDBValue): string[] => {
    if (typeof v !== 'string') return [];
    let list = decoded.get(v);
    if (list === undefined) {
      list = themesOfBits(v, o.themes);
      decoded.set(v, list);
    }
    return [...list];
  };
  const text = (v: DuckDBValue): string => (v === null ? '' : String(v));
  const number = (v: DuckDBValue): number => (v === null ? Number.NaN : Number(v));
  const [unit, accountId, refDate, churned, segment, owner, arr, tenure, truncated, npsResponses, meanNps, negative, positive, any] = [
    'unit', 'account_id', 'ref_date', 'churned', 'segment', 'owner', 'arr', 'tenure_years', 'tenure_truncated', 'nps_responses', 'mean_nps', 'negative_themes', 'positive_themes', 'any_themes',
  ].map(column);
  return unit.map((u, i): ChurnUnit => ({
    unit: u === 'train' ? 'train' : 'score',
    accountId: text(accountId[i]),
    refDate: text(refDate[i]),
    churned: churned[i] === null ? null : number(churned[i]),
    segment: text(segment[i]),
    owner: text(owner[i]),
    arr: number(arr[i]),
    tenureYears: number(tenure[i]),
    tenureTruncated: truncated[i] === true,
    npsResponses: number(npsResponses[i]),
    meanNps: number(meanNps[i]),
    negativeThemes: themes(negative[i]),
    positiveThemes: themes(positive[i]),
    anyThemes: themes(any[i]),
  }));
}

/** The ids whose bit is set in a bit string ('0110…', bit j ↔ themes[j]). */
export function themesOfBits(bits: string, themes: readonly string[]): string[] {
  const out: string[] = [];
  for (let j = 0; j < bits.length && j < themes.length; j++) if (bits.charCodeAt(j) === 49) out.push(themes[j]);
  return out;
}
