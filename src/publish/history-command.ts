/**
 * `ecoute history <pipeline | output folder>`: the run log of an output folder, newest last.
 *
 * **Example:**
 * ```ts
 * const h = historyCommand('pipelines/demo.yaml', { limit: 2 });
 * h.entries.map((e) => [e.asOf, e.status, e.exitCode]);
 * // [['2026-10-31', 'failed', 1], ['2026-11-01', 'published', 0]]
 * ```
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPipeline, resolveOutputDir } from '../config/load-pipeline.ts';
import { EcouteError, UsageError } from '../run/errors.ts';
import { outputLayout, publishedNightDir } from './output-layout.ts';
import { readHistory, type HistoryEntry } from './run-history.ts';

export interface HistoryResult {
  readonly folder: string;
  /** real path of the night `current` points to, or null */
  readonly current: string | null;
  readonly entries: HistoryEntry[];
  readonly problems: Array<{ line: number; message: string }>;
}

export function historyCommand(target: string, opts: { limit?: number } = {}): HistoryResult {
  const limit = opts.limit ?? 30;
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`history: --limit must be a positive integer, got ${limit}`);
  const folder = /\.ya?ml$/i.test(target) ? resolveOutputDir(loadPipeline(target)) : resolve(target);
  if (!existsSync(folder)) throw new EcouteError(`${folder}: no output folder (no run yet?)`);
  const layout = outputLayout(folder);
  const history = readHistory(layout.history);
  return { folder, current: publishedNightDir(folder) ?? null, entries: history.entries.slice(-limit), problems: history.problems };
}
