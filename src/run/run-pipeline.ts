/**
 * runPipeline — start reading here. One nightly run, phase by phase:
 *
 *   pipelines/x.yaml ─► loadPipeline (config/)          every mistake reported at once, with its path
 *          │
 *          ▼
 *   source files ─► stageSource (ingest/) ─► validateSource (validate/)
 *   CSV / Parquet /   DuckDB's own readers     sql/validate/check-*.sql: typed canonical tables
 *   JSON lines, globs  into stg_<source>        + quarantine (file, line, field, reason)
 *                                               rows read = accepted + quarantined, per source
 *          │
 *          ▼
 *   computeMetrics (analyze/metrics/) ─► NPS / CSAT / CES / eNPS cells with SE, margins, change significance
 *          │
 *          ▼
 *   classifyPhase (classify/) ─► language, sentiment, theme mentions with their own sentiment;
 *                                only new texts are classified (cache in the DuckDB file); candidate themes
 *          │
 *          ▼
 *   computeDrivers (analyze/drivers/) ─► theme impact on NPS, key drivers, churn lift and model,
 *                                        ARR at risk per account and per theme, ROI, owner monitoring
 *          │
 *          ▼
 *   writeOutputs (report/) ─► out/ecoute.duckdb, tables as Parquet + CSV, quarantine.csv, run-summary.json
 *          │
 *          ▼
 *   emitVisuals (report/dashboard/) ─► Vega-Lite specs, offline dashboard, executive report (en, fr),
 *                                      48-hour call-back list — read from the finished database
 *
 * The run date (`asOf`) is an input: nothing inside reads the clock, so the same inputs give
 * byte-identical output files (timings go to run-timings.json, the one file that differs).
 * The DuckDB file is built under a temporary name and renamed at the end: a failed run leaves the
 * previous night's database untouched.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadPipeline } from '../config/load-pipeline.ts';
import { openDatabase } from '../db/open-database.ts';
import { runSqlFile } from '../db/sql-file.ts';
import { loadSources, type SourceReport } from '../ingest/load-sources.ts';
import { computeMetrics, type MetricsSummary } from '../analyze/metrics/compute-metrics.ts';
import { writeRunTables } from '../report/write-outputs.ts';
import { toJsonText, writeFileAtomic } from '../report/atomic-write.ts';
import { createStopwatch, type Timings } from './stopwatch.ts';
import { versions, type Versions } from './versions.ts';
import { quarantineSummary, type QuarantineSummary } from '../validate/quarantine-summary.ts';
import { classifyPhase, type ClassifySummary } from './classify-phase.ts';
import { emitVisuals } from '../report/dashboard/emit-visuals.ts';
import { computeDrivers, type DriversSummary } from '../analyze/drivers/compute-drivers.ts';
import { themeLabelsFromTaxonomy } from '../charts/theme-labels.ts';
import { erasureHashes, erasureListPath, readErasureList } from '../erase/erasure-list.ts';
import { rewriteDatabase } from '../erase/rewrite-database.ts';

export interface RunOptions {
  readonly pipelineFile: string;
  /** output folder; default: the pipeline's output.dir */
  readonly outDir?: string;
  /** run date YYYY-MM-DD */
  readonly asOf: string;
  /** progress messages (stderr in the CLI); silent in tests */
  readonly log?: (message: string) => void;
  /** folder of model directories for transformer engines (default: models/) */
  readonly modelsRoot?: string;
}

export interface RunSummary {
  readonly pipeline: string;
  readonly asOf: string;
  readonly reportingCurrency: string;
  readonly sources: SourceReport[];
  readonly quarantine: QuarantineSummary;
  readonly metrics: MetricsSummary;
  readonly classification: ClassifySummary;
  readonly drivers: DriversSummary;
  readonly outputs: string[];
  readonly visuals?: { readonly charts: number; readonly omitted: ReadonlyArray<{ id: string; reason: string }>; readonly callbacks: number };
  readonly versions: Versions;
}

/** What the run had and used, beside the timings in run-timings.json (machine facts, not in the summary). */
export interface RunResources {
  /** DuckDB's memory limit as it reports it (settings.memory_limit, or its default of 80 % of RAM) */
  readonly duckdb_memory_limit: string;
  readonly duckdb_threads: number;
  /** peak resident memory of the whole process, DuckDB included */
  readonly peak_rss_mb: number;
}

export interface RunResult {
  readonly summary: RunSummary;
  readonly outDir: string;
  readonly timings: Timings;
  readonly resources: RunResources;
}

export const DATABASE_FILE = 'ecoute.duckdb';
/** Seed of every bootstrap and simulation in the driver analyses: runs are reproducible. */
const DRIVER_SEED = 20_240_601;

export async function runPipeline(opts: RunOptions): Promise<RunResult> {
  const log = opts.log ?? (() => undefined);
  const watch = createStopwatch();
  const { pipeline, baseDir } = loadPipeline(opts.pipelineFile);
  const outDir = resolve(opts.outDir ?? pipeline.output.dir);
  mkdirSync(outDir, { recursive: true });
  const dbPath = join(outDir, DATABASE_FILE);
  const dbTmp = `${dbPath}.tmp`;
  rmSync(dbTmp, { force: true });
  rmSync(`${dbTmp}.wal`, { force: true });
  if (existsSync(dbPath)) copyFileSync(dbPath, dbTmp);
  const db = await openDatabase(dbTmp, { memoryLimit: pipeline.settings.memory_limit, threads: pipeline.settings.threads });
  try {
    const conn = db.connection;
    log(`loading sources of ${pipeline.name} (as of ${opts.asOf})`);
    const loaded = await watch.time('ingest_validate', () =>
      loadSources({ conn, pipeline, baseDir, workDir: join(outDir, '.work'), asOf: opts.asOf, erasureHashes: erasureHashes(readErasureList(erasureListPath(outDir))) }),
    );
    for (const s of loaded.sources) {
      const r = s.reconciliation;
      log(`  ${r.source}: read ${r.rowsRead} = accepted ${r.rowsAccepted} + quarantined ${r.rowsQuarantined}${r.rowsErased > 0 ? ` + erased ${r.rowsErased}` : ''}`);
    }
    log('computing metrics');
    const metrics = await watch.time('metrics', () => computeMetrics(conn, { asOf: opts.asOf, settings: pipeline.settings }));
    log('classifying verbatims');
    const classification = await watch.time('classify', () =>
      classifyPhase(conn, pipeline, { asOf: opts.asOf, quiet: opts.log === undefined, ...(opts.modelsRoot !== undefined ? { modelsRoot: opts.modelsRoot } : {}) }),
    );
    for (const e of classification.engines) log(`  ${e.engine} ${e.model}: ${e.description}`);
    for (const n of classification.notices) log(`  ${n}`);
    log('computing driver analyses');
    const themeLabels = Object.fromEntries((pipeline.taxonomy?.themes ?? []).map((t) => [t.id, t.labels.en ?? t.labels.fr ?? t.id]));
    const drivers = await watch.time('drivers', () =>
      computeDrivers(conn, { asOf: opts.asOf, seed: DRIVER_SEED, settings: pipeline.settings, config: pipeline.drivers, themeLabels }),
    );
    const quarantine = await quarantineSummary(conn);
    log('writing outputs');
    const outputs = await watch.time('outputs', () => writeRunTables(conn, outDir));
    const summary: RunSummary = {
      pipeline: pipeline.name,
      asOf: opts.asOf,
      reportingCurrency: loaded.reportingCurrency,
      sources: loaded.sources,
      quarantine,
      metrics,
      classification,
      drivers,
      outputs: [DATABASE_FILE, ...outputs, 'run-summary.json', 'run-timings.json'],
      versions: await versions(conn),
    };
    const limits = (await conn.runAndReadAll("SELECT current_setting('memory_limit')::VARCHAR, current_setting('threads')::INTEGER")).getRows()[0];
    await conn.run('CHECKPOINT');
    db.close();
    // rows dropped at ingest for the erasure list were written, then deleted: their bytes would linger in the file
    if (loaded.sources.some((x) => x.reconciliation.rowsErased > 0)) await watch.time('erasure_rewrite', () => rewriteDatabase(dbTmp));
    renameSync(dbTmp, dbPath);
    rmSync(join(outDir, '.work'), { recursive: true, force: true });
    writeFileAtomic(join(outDir, 'run-summary.json'), toJsonText(summary));
    log('writing charts, dashboard, reports and the call-back list');
    const visuals = await watch.time('visuals', () =>
      emitVisuals(outDir, { asOf: opts.asOf, ...(pipeline.taxonomy !== undefined ? { themeLabels: themeLabelsFromTaxonomy(pipeline.taxonomy.themes) } : {}) }),
    );
    const finalSummary: RunSummary = {
      ...summary,
      outputs: [...summary.outputs, ...visuals.files].sort(),
      visuals: { charts: visuals.charts, omitted: visuals.omitted, callbacks: visuals.callbacks },
    };
    writeFileAtomic(join(outDir, 'run-summary.json'), toJsonText(finalSummary));
    const timings = watch.timings();
    const resources: RunResources = {
      duckdb_memory_limit: String(limits?.[0]),
      duckdb_threads: Number(limits?.[1]),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    writeFileAtomic(join(outDir, 'run-timings.json'), toJsonText({ ...timings, resources }));
    return { summary: finalSummary, outDir, timings, resources };
  } catch (e) {
    db.close();
    rmSync(join(outDir, '.work'), { recursive: true, force: true });
    rmSync(dbTmp, { force: true });
    rmSync(`${dbTmp}.wal`, { force: true });
    throw e;
  }
}
