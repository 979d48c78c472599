/**
 * `ecoute drivers <pipeline> [--target nps|churn] [--json]`: prints the ranked driver tables of an
 * existing run, from its DuckDB file opened read-only (the run is not repeated). Returns plain
 * JSON-friendly rows; the CLI prints them as tables or JSON.
 *
 * **Example:** `await driversCommand({ pipelineFile: 'pipelines/demo.yaml', target: 'churn' })`
 * → { database: '…/out/demo/ecoute.duckdb', target: 'churn', tables: [{ name: 'dissatisfier_ranking', title, rows }, …] }
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadPipeline, resolveOutputDir } from '../../config/load-pipeline.ts';
import { sqlFile } from '../../db/sql-file.ts';
import { EcouteError, UsageError } from '../../run/errors.ts';

export type DriversTarget = 'nps' | 'churn';

export interface DriversCommandOptions {
  /** pipeline file: the database is <output.dir>/ecoute.duckdb */
  readonly pipelineFile?: string;
  /** or the run's output folder directly */
  readonly runDir?: string;
  readonly target: DriversTarget;
  /** rows per table (default 20) */
  readonly limit?: number;
}

export interface DriversCommandTable {
  readonly name: string;
  readonly title: string;
  readonly rows: Record<string, unknown>[];
}

export interface DriversCommandResult {
  readonly database: string;
  readonly target: DriversTarget;
  readonly tables: DriversCommandTable[];
}

const QUERIES: Readonly<Record<DriversTarget, readonly { name: string; table: string; title: string }[]>> = {
  nps: [
    { name: 'command-nps-theme-impact', table: 'theme_impact', title: 'Impact of negative mentions on NPS (points; NPS_all − NPS_without, 95 % account-bootstrap CI, q-value)' },
    { name: 'command-nps-driver-weights', table: 'driver_weights', title: 'Key drivers of NPS (share of R², significant = beats a random noise driver)' },
    { name: 'command-nps-kano', table: 'kano_attributes', title: 'Penalty-reward (Kano) per attribute (NPS points)' },
  ],
  churn: [
    { name: 'command-churn-dissatisfiers', table: 'dissatisfier_ranking', title: 'Dissatisfiers: revenue link (ARR at risk only where its interval is above zero, q below the FDR level), then NPS impact' },
    { name: 'command-churn-lift', table: 'churn_theme_lift', title: 'Churn of training accounts (latest renewal decision) mentioning a theme negatively vs not' },
    { name: 'command-churn-roi', table: 'roi_nps_categories', title: 'Churn and lifetime value by NPS category' },
    { name: 'command-churn-scenario', table: 'roi_scenario', title: 'Revenue kept by moving detractors to passive' },
    { name: 'command-churn-accounts', table: 'account_churn_risk', title: 'Accounts with the most ARR at risk' },
  ],
};

export function resolveRunDatabase(opts: Pick<DriversCommandOptions, 'pipelineFile' | 'runDir'>): string {
  if (opts.runDir === undefined && opts.pipelineFile === undefined) throw new UsageError('drivers: give a pipeline file or a run folder');
  const dir = opts.runDir !== undefined ? resolve(opts.runDir) : resolveOutputDir(loadPipeline(opts.pipelineFile as string));
  const file = join(dir, 'ecoute.duckdb');
  if (!existsSync(file)) throw new EcouteError(`${file}: no run database; run \`ecoute run\` first`);
  return file;
}

export async function driversCommand(opts: DriversCommandOptions): Promise<DriversCommandResult> {
  if (opts.target !== 'nps' && opts.target !== 'churn') throw new UsageError(`drivers: --target must be nps or churn, got ${String(opts.target)}`);
  const limit = opts.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`drivers: --limit must be a positive integer, got ${limit}`);
  const database = resolveRunDatabase(opts);
  const instance = await DuckDBInstance.create(database, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const present = new Set(
      ((await conn.runAndReadAll('SELECT table_name FROM duckdb_tables()')).getRowObjectsJson() as Record<string, unknown>[]).map((r) => String(r.table_name)),
    );
    const tables: DriversCommandTable[] = [];
    for (const q of QUERIES[opts.target]) {
      if (!present.has(q.table)) throw new EcouteError(`${database}: table ${q.table} is missing; the run predates the driver phase, run \`ecoute run\` again`);
      const reader = await conn.runAndReadAll(sqlFile(`drivers/${q.name}`), { limit });
      tables.push({ name: q.table, title: q.title, rows: reader.getRowObjectsJson() as Record<string, unknown>[] });
    }
    return { database, target: opts.target, tables };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
