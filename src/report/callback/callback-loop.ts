/**
 * The closed loop (callback-loop.json, the report's "Closed loop" section, the dashboard's loop panel): with a
 * followups source, how the call-backs of the `callbacks:` rule were followed up since the loop's start.
 *
 *   callback_items (callback-items.ts) ─► select-loop-compliance ─► share called back within within_hours,
 *                                      │                            overall / per assignee / per segment (Wilson 95 %),
 *                                      │                            median hours to the first follow-up
 *                                      ├► select-loop-overdue    ─► overdue items, oldest first (overdue since, days)
 *                                      ├► select-loop-outcomes   ─► what the first follow-ups found
 *                                      └► create-callback-effect-units + select-callback-effect
 *                                           ─► called-back vs not-called-back detractors: next NPS answer, renewal
 *
 * Every figure is computed from the run's database and its as-of date: a rerun of the same night gives the same file.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonIfValid } from '../../util/read-json-if-valid.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { listValue, LIST, DOUBLE } from '@duckdb/node-api';
import { querySqlFile, runSqlFile, streamSqlFile, type SqlParams } from '../../db/sql-file.ts';
import { withAtomicFile } from '../atomic-write.ts';
import { wilsonInterval } from '../../analyze/stats/proportion-lift.ts';
import { EXPLORER_ARR_BANDS } from '../explorer/write-explorer-script.ts';
import { DEFAULT_CALLBACK_SETTINGS, type CallbackSettings } from './callback-config-schema.ts';
import { prepareCallbackItems, type CallbackItemsScope } from './callback-items.ts';
import { LOOP_MESSAGES } from './loop-messages.ts';

export const CALLBACK_LOOP_JSON = 'callback-loop.json';

/** The words every effect figure carries. */
export const EFFECT_CAVEAT = LOOP_MESSAGES.en.caveat;
export const NOT_ENOUGH_DATA = 'not enough data';

export interface LoopShare {
  /** assignee or segment; null for the overall figure */
  readonly key: string | null;
  /** tracked items (open ones included) */
  readonly items: number;
  /** decided items: called in time + called late + overdue (the share's n) */
  readonly n: number;
  readonly inTime: number;
  readonly late: number;
  readonly overdue: number;
  readonly open: number;
  /** share of the decided items called back within within_hours, with its Wilson 95 % interval (null when n = 0) */
  readonly share: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** median hours from the response to the first follow-up (called items), and how many were called */
  readonly medianHours: number | null;
  readonly called: number;
}

export interface OverdueItem {
  readonly response_id: string;
  readonly account_id: string | null;
  readonly account_name: string | null;
  readonly segment: string | null;
  readonly assignee: string | null;
  readonly nps: number | null;
  readonly csat: number | null;
  readonly submitted_at: string;
  /** overdue since */
  readonly due_by: string;
  /** whole days from due_by to the end of the run date */
  readonly days_overdue: number;
}

export interface EffectEstimate {
  readonly outcome: 'next_nps' | 'renewal';
  /** what y is: the next NPS answer (0-10), or 1 = renewed (or downgraded), 0 = churned */
  readonly measure: string;
  /** estimated, or not enough data (fewer than minN units in a group of the usable strata) */
  readonly status: 'estimated' | typeof NOT_ENOUGH_DATA;
  /** units (one per account) in the strata holding both groups; *_all: every unit */
  readonly called: { readonly n: number; readonly nAll: number; readonly mean: number | null };
  readonly notCalled: { readonly n: number; readonly nAll: number; readonly mean: number | null };
  readonly strata: number;
  /** called minus not called, weighted by the called units of each stratum; 95 % normal interval */
  readonly difference: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly minN: number;
}

/** callback-loop.json: the loop's figures and every overdue item, oldest first. */
export interface CallbackLoopFile {
  readonly asOf: string;
  /** the pipeline maps a followups source */
  readonly tracked: boolean;
  /** first day of the tracked items (null: not tracked, or no follow-up yet) */
  readonly since: string | null;
  readonly dueAfterHours: number;
  readonly compliance: { readonly overall: LoopShare; readonly byAssignee: LoopShare[]; readonly bySegment: LoopShare[] } | null;
  readonly outcomes: Record<string, number>;
  readonly overdue: OverdueItem[];
  readonly effect: { readonly nextNps: EffectEstimate; readonly renewal: EffectEstimate; readonly caveat: string } | null;
}

/**
 * The loop as the report and the dashboard use it: the overdue items are counted, the oldest kept. The list
 * itself (hundreds of thousands of items in a large run) is streamed from DuckDB into callback-loop.json by
 * writeCallbackLoop, never held in memory.
 */
export interface CallbackLoop extends Omit<CallbackLoopFile, 'overdue'> {
  readonly overdue: { readonly count: number; readonly oldest: OverdueItem | null; readonly query: SqlParams | null };
}

export interface LoopOptions {
  readonly asOf: string;
  readonly settings?: CallbackSettings;
  /** fewest units per group for an effect figure (settings.min_n) */
  readonly minN?: number;
  /** the items prepareCallbackItems already built on this connection for the same asOf and settings (not built again) */
  readonly items?: CallbackItemsScope;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const round = (x: number | null, digits: number): number | null => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));

function loopShare(r: Record<string, unknown>): LoopShare {
  const n = Number(r.n_due);
  const inTime = Number(r.n_in_time);
  const late = Number(r.n_late);
  const ci = n > 0 ? wilsonInterval(inTime, n) : undefined;
  return {
    key: str(r.level_value),
    items: Number(r.n_items),
    n,
    inTime,
    late,
    overdue: Number(r.n_overdue),
    open: Number(r.n_open),
    share: n > 0 ? round(inTime / n, 6) : null,
    low: ci === undefined ? null : round(ci.low, 6),
    high: ci === undefined ? null : round(ci.high, 6),
    medianHours: round(num(r.median_hours), 2),
    called: inTime + late,
  };
}

function effectEstimate(r: Record<string, unknown> | undefined, outcome: EffectEstimate['outcome'], minN: number): EffectEstimate {
  const nCalled = Number(r?.n_called ?? 0);
  const nNot = Number(r?.n_not_called ?? 0);
  const diff = num(r?.difference);
  const se = num(r?.se);
  const enough = nCalled >= minN && nNot >= minN && diff !== null && se !== null && Number.isFinite(se);
  const digits = outcome === 'next_nps' ? 2 : 4;
  return {
    outcome,
    measure: outcome === 'next_nps' ? 'NPS of the next answer (0-10)' : 'renewal rate (renewed or downgraded, vs churned)',
    status: enough ? 'estimated' : NOT_ENOUGH_DATA,
    called: { n: nCalled, nAll: Number(r?.n_called_all ?? 0), mean: round(num(r?.mean_called), digits) },
    notCalled: { n: nNot, nAll: Number(r?.n_not_called_all ?? 0), mean: round(num(r?.mean_not_called), digits) },
    strata: Number(r?.strata ?? 0),
    difference: enough ? round(diff, digits) : null,
    low: enough ? round(diff - 1.96 * se, digits) : null,
    high: enough ? round(diff + 1.96 * se, digits) : null,
    minN,
  };
}

export async function buildCallbackLoop(conn: DuckDBConnection, tables: ReadonlyMap<string, ReadonlySet<string>>, opts: LoopOptions): Promise<CallbackLoop> {
  const settings = opts.settings ?? DEFAULT_CALLBACK_SETTINGS;
  const scope = opts.items ?? (await prepareCallbackItems(conn, tables, opts.asOf, settings));
  const base = { asOf: opts.asOf, tracked: scope.tracked, since: scope.loopStart, dueAfterHours: settings.within_hours };
  if (scope.loopStart === null) return { ...base, compliance: null, outcomes: {}, overdue: { count: 0, oldest: null, query: null }, effect: null };
  const params = { as_of: opts.asOf, loop_start: scope.loopStart, assign_to: settings.assign_to };
  const shares = (await querySqlFile(conn, 'callbacks/select-loop-compliance', { loop_start: scope.loopStart, assign_to: settings.assign_to })).map((r) => ({ level: String(r.level), share: loopShare(r) }));
  const overall = shares.find((s) => s.level === 'overall')?.share;
  let count = 0;
  let oldest: OverdueItem | null = null;
  await streamSqlFile(conn, 'callbacks/select-loop-overdue', params, (rows) => {
    if (oldest === null && rows[0] !== undefined) oldest = overdueItem(rows[0]);
    count += rows.length;
  });
  const overdue = { count, oldest, query: params };
  const outcomes = Object.fromEntries((await querySqlFile(conn, 'callbacks/select-loop-outcomes', { loop_start: scope.loopStart })).map((r) => [String(r.outcome), Number(r.n)]));
  await runSqlFile(conn, 'callbacks/create-callback-effect-units', { ...params, arr_bands: listValue([...EXPLORER_ARR_BANDS]) }, { arr_bands: LIST(DOUBLE) });
  const effects = await querySqlFile(conn, 'callbacks/select-callback-effect');
  const minN = opts.minN ?? 30;
  return {
    ...base,
    compliance: overall === undefined ? null : {
      overall,
      byAssignee: shares.filter((s) => s.level === 'assignee').map((s) => s.share),
      bySegment: shares.filter((s) => s.level === 'segment').map((s) => s.share),
    },
    outcomes,
    overdue,
    effect: {
      nextNps: effectEstimate(effects.find((r) => r.outcome === 'next_nps'), 'next_nps', minN),
      renewal: effectEstimate(effects.find((r) => r.outcome === 'renewal'), 'renewal', minN),
      caveat: EFFECT_CAVEAT,
    },
  };
}

function overdueItem(r: Record<string, unknown>): OverdueItem {
  return {
    response_id: String(r.response_id), account_id: str(r.account_id), account_name: str(r.account_name), segment: str(r.segment), assignee: str(r.assignee),
    nps: num(r.nps), csat: num(r.csat), submitted_at: String(r.submitted_at), due_by: String(r.due_by), days_overdue: Number(r.days_overdue),
  };
}

/** stands for the overdue list in the text of the figures, then is replaced by the streamed list */
const OVERDUE_SLOT = '"overdue": "\\u0000overdue"';

/**
 * Writes callback-loop.json (atomically): the same bytes as `toJsonText` of the whole file, but the overdue
 * items are streamed from DuckDB and written a chunk at a time (an item is indented as JSON.stringify nests it).
 */
export async function writeCallbackLoop(conn: DuckDBConnection, path: string, loop: CallbackLoop): Promise<void> {
  const { asOf, tracked, since, dueAfterHours, compliance, outcomes, overdue, effect } = loop;
  // the keys in the file's order (CallbackLoopFile)
  const text = `${JSON.stringify({ asOf, tracked, since, dueAfterHours, compliance, outcomes, overdue: '\u0000overdue', effect }, null, 2)}\n`;
  const at = text.indexOf(OVERDUE_SLOT);
  if (at < 0) throw new Error('callback-loop.json: the overdue slot is missing');
  await withAtomicFile(path, async (tmp) => {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, `${text.slice(0, at)}"overdue": [`);
      let first = true;
      if (overdue.query !== null && overdue.count > 0) {
        await streamSqlFile(conn, 'callbacks/select-loop-overdue', overdue.query, (rows) => {
          if (rows.length === 0) return;
          const items = rows.map((r) => `\n    ${JSON.stringify(overdueItem(r), null, 2).replaceAll('\n', '\n    ')}`);
          writeSync(fd, `${first ? '' : ','}${items.join(',')}`);
          first = false;
        });
      }
      writeSync(fd, `${first ? '' : '\n  '}]${text.slice(at + OVERDUE_SLOT.length)}`);
    } finally {
      closeSync(fd);
    }
  });
}

const recordedMinN = z.object({ effect: z.object({ nextNps: z.object({ minN: z.number().int().min(1) }) }).nullable() });

/** The min n a run's callback-loop.json was computed with (settings.min_n of its pipeline), for a report rebuilt from the run folder. */
export function readLoopMinN(runDir: string): number | undefined {
  return readJsonIfValid(join(runDir, CALLBACK_LOOP_JSON), recordedMinN)?.effect?.nextNps.minN;
}
