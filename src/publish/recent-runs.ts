/**
 * The last nights' status as the dashboard and the report show it: a short list drawn from the run
 * log before this run, written into the night as `run-history.json`. It describes the folder's past,
 * not the night's data, so it stays out of every other file of the night (which a run from scratch
 * must reproduce byte for byte): the dashboard loads it as `dashboard/run-history.js`, the report
 * links to `report/run-history-<lang>.html`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { HistoryEntry } from './run-history.ts';

export const RECENT_RUNS_FILE = 'run-history.json';
/** Runs listed. */
export const RECENT_RUNS = 14;

const recentRunSchema = z.object({
  asOf: z.string(),
  status: z.string(),
  exitCode: z.number(),
  startedAt: z.string(),
  seconds: z.number(),
  rowsRead: z.number(),
  rowsAccepted: z.number(),
  error: z.string().nullable(),
});
export type RecentRun = z.infer<typeof recentRunSchema>;

/** Newest first. */
export function recentRuns(entries: readonly HistoryEntry[], n = RECENT_RUNS): RecentRun[] {
  return entries
    .slice(-n)
    .reverse()
    .map((e) => ({
      asOf: e.asOf,
      status: e.status,
      exitCode: e.exitCode,
      startedAt: e.startedAt,
      seconds: Math.round((Date.parse(e.endedAt) - Date.parse(e.startedAt)) / 100) / 10,
      rowsRead: e.sources.reduce((s, x) => s + x.rowsRead, 0),
      rowsAccepted: e.sources.reduce((s, x) => s + x.rowsAccepted, 0),
      error: e.error === null ? null : (e.error.split('\n')[0] ?? '').slice(0, 200),
    }));
}

/** The list a night holds (empty for a night built outside an output folder, or the first one). */
export function readRecentRuns(runDir: string): RecentRun[] {
  const path = join(runDir, RECENT_RUNS_FILE);
  if (!existsSync(path)) return [];
  const parsed = z.array(recentRunSchema).safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.success ? parsed.data : [];
}
