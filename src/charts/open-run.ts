/**
 * Opens a run directory for reading: its DuckDB file attached READ_ONLY to an in-memory database
 * (so temp views can be created beside it without touching the file), and its run-summary.json
 * checked with zod where it is used. Visuals only ever read a run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { openDatabase, type Database, type DatabaseLimits } from '../db/open-database.ts';
import { DEFAULT_RESOURCE_SETTINGS, MEMORY_SIZE_PATTERN, runDatabaseLimits, scratchSpillDirectory } from '../db/memory-budget.ts';
import { listColumns } from './load-chart-rows.ts';
import { callbackConfigSchema } from '../report/callback/callback-config-schema.ts';
import { CES_DIRECTIONS, UNRECORDED_CES_DIRECTION, type CesDirection } from '../analyze/metrics/headline-metric.ts';
import { DEFAULT_EMBED_MAX_VERBATIMS } from '../config/pipeline-schema.ts';

export const RUN_DATABASE = 'ecoute.duckdb';

const engineSchema = z.object({ engine: z.string(), model: z.string(), revision: z.string(), description: z.string() });
const changeSchema = z.object({
  grain: z.string(), period: z.string(), periodComplete: z.boolean().nullable().optional(), n: z.number(), value: z.number().nullable(),
  previousPeriod: z.string().nullable(), previousValue: z.number().nullable(), change: z.number().nullable(), pValue: z.number().nullable(), qValue: z.number().nullable().optional(), significant: z.boolean(),
}).nullable();
const estimateSchema = z.object({ value: z.number().nullable(), n: z.number(), moe: z.number().nullable(), ciLow: z.number().nullable(), ciHigh: z.number().nullable(), smallN: z.boolean() }).nullable();

/** The parts of run-summary.json the visuals read; everything else is passed through untouched. */
export const runSummarySchema = z.looseObject({
  pipeline: z.string(),
  asOf: z.string(),
  reportingCurrency: z.string().optional().default('EUR'),
  metrics: z.looseObject({
    nps: estimateSchema.optional().default(null),
    npsChange: changeSchema.optional().default(null),
    csat: estimateSchema.optional().default(null),
    ces: estimateSchema.optional().default(null),
    responseRates: z.looseObject({ computed: z.boolean(), reason: z.string().optional() }).optional(),
  }).optional(),
  classification: z.looseObject({ engines: z.array(engineSchema), notices: z.array(z.string()).optional().default([]) }).optional(),
  /** the `callbacks:` settings the run's call-back list was computed with (absent in runs before they were recorded) */
  callbacks: callbackConfigSchema.optional(),
  /** which way the run's CES answer runs (sources.responses.ces_direction; absent in runs before it was recorded) */
  cesDirection: z.enum(CES_DIRECTIONS).optional(),
  /** the `settings.dashboard` the run's dashboard was written with (absent in runs before it was recorded) */
  dashboard: z.looseObject({ embed_max_verbatims: z.number().int().min(0) }).optional(),
  /** settings.memory_limit and threads of the run (absent in runs before they were recorded: DuckDB's defaults) */
  resourceSettings: z.object({ memoryLimit: z.string().regex(MEMORY_SIZE_PATTERN).nullable(), threads: z.number().int().min(1).nullable() }).optional(),
});
export type RunSummaryView = z.infer<typeof runSummarySchema>;

/** The most verbatims a run's dashboard embeds: given (a pipeline file, a flag), else as the run recorded it, else the default. */
export function runEmbedMaxVerbatims(summary: Pick<RunSummaryView, 'dashboard'>, given?: number): number {
  return given ?? summary.dashboard?.embed_max_verbatims ?? DEFAULT_EMBED_MAX_VERBATIMS;
}

/** The CES direction a run was computed with: recorded in its summary, else that of the runs before the setting (effort, lower is easier). */
export function runCesDirection(summary: Pick<RunSummaryView, 'cesDirection'>): CesDirection {
  return summary.cesDirection ?? UNRECORDED_CES_DIRECTION;
}

export class RunDirectoryError extends Error {}

export interface OpenRun {
  readonly db: Database;
  readonly summary: RunSummaryView;
  readonly tables: Map<string, Set<string>>;
  close(): void;
}

export function readRunSummary(runDir: string): RunSummaryView {
  const path = join(runDir, 'run-summary.json');
  if (!existsSync(path)) throw new RunDirectoryError(`${path}: not found (is ${runDir} a run directory? run \`ecoute run <pipeline>\` first)`);
  const parsed = runSummarySchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new RunDirectoryError(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** DuckDB limits for a command that reads a run after it (report, dashboard, notebook, notify, the erasure purge): the run's own settings, a scratch spill folder */
export function recordedRunLimits(summary: Pick<RunSummaryView, 'resourceSettings'>): DatabaseLimits {
  return runDatabaseLimits(summary.resourceSettings ?? DEFAULT_RESOURCE_SETTINGS, scratchSpillDirectory());
}

/**
 * `limits`: DuckDB's memory limit, threads and spill folder, so the in-memory database that reads the run stays
 * inside the bound the pipeline set (without them DuckDB takes 80 % of the RAM). The run passes its own; by
 * default those recorded in run-summary.json (recordedRunLimits).
 */
export async function openRun(runDir: string, limits?: DatabaseLimits): Promise<OpenRun> {
  const dbPath = join(runDir, RUN_DATABASE);
  if (!existsSync(dbPath)) throw new RunDirectoryError(`${dbPath}: not found (is ${runDir} a run directory?)`);
  const summary = readRunSummary(runDir);
  const db = await openDatabase(':memory:', limits ?? recordedRunLimits(summary));
  try {
    // ATTACH takes no bound parameters: the path is quoted as a string literal
    await db.connection.run(`ATTACH '${dbPath.replaceAll("'", "''")}' AS run (READ_ONLY)`);
    await db.connection.run('USE run');
    const tables = await listColumns(db.connection);
    return { db, summary, tables, close: () => db.close() };
  } catch (e) {
    db.close();
    throw e;
  }
}
