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
 *          │                                    + field_problems (ratings set missing on accepted rows)
 *          ▼
 *   evaluateGates (validate/) ─► min accepted rows, max quarantined share, max change vs the previous run:
 *                                a failed gate publishes nothing (exit code 3), keeps out/failed/<as-of>/
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
 *   computeBenchmark (analyze/benchmark/) ─► "How we compare": brand NPS per quarter and segment, gaps with
 *                                           competitors (interval, q-value), their trend, attribute comparison
 *          │
 *          ▼
 *   writeOutputs (report/) ─► ecoute.duckdb, tables as Parquet + CSV, quarantine.csv, run-summary.json;
 *                             explorer_rows (every verbatim redacted and folded, for `ecoute serve`)
 *          │
 *          ▼
 *   emitVisuals (report/dashboard/) ─► Vega-Lite specs, offline dashboard, executive report (en, fr),
 *                                      48-hour call-back list, closed-loop figures (followups source) — read from the finished database
 *          │
 *          ▼
 *   publishRun (publish/) ─► all of the above is built in <out>/staging/<run-id>/ under the folder's lock,
 *                            then frozen and published at once (runs/<run-id>, `current` switched);
 *                            a failed run publishes nothing and is kept in failed/; history.jsonl logs both
 *
 * The run date (`asOf`) is an input: nothing inside reads the clock, so the same inputs give
 * byte-identical output files (timings go to run-timings.json, the one file that differs).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadOwnerKey } from '../report/owners/owner-page-name.ts';
import { loadPipeline, resolveOutputDir, type LoadedPipeline } from '../config/load-pipeline.ts';
import { lintRunTaxonomy } from '../classify/lint/lint-run-taxonomy.ts';
import { openDatabase } from '../db/open-database.ts';
import { runDatabaseLimits, type ResourceSettings } from '../db/memory-budget.ts';
import { runSqlFile } from '../db/sql-file.ts';
import { loadSources, type SourceReport } from '../ingest/load-sources.ts';
import { computeMetrics, type MetricsSummary } from '../analyze/metrics/compute-metrics.ts';
import { writeRunTables } from '../report/write-outputs.ts';
import { writeExplorerRows } from '../report/explorer/write-explorer-rows.ts';
import { toJsonText, writeFileAtomic } from '../report/atomic-write.ts';
import { createStopwatch, type Timings } from './stopwatch.ts';
import { versions, type Versions } from './versions.ts';
import { fieldProblemSummary, quarantineSummary, type QuarantineSummary } from '../validate/quarantine-summary.ts';
import { evaluateGates, failedGates, type GateResult } from '../validate/evaluate-gates.ts';
import { SOURCE_NAMES, type Settings } from '../config/pipeline-schema.ts';
import { GateError } from './errors.ts';
import { previousRowsRead } from './previous-run.ts';
import { keepFailedRun } from './keep-failed-run.ts';
import { qualityFlagCounts } from '../validate/quality-flag-counts.ts';
import type { ProgressOutput } from '../classify/pipeline/progress-bar.ts';
import { classifyPhase, type ClassifySummary, type ClassifyWork } from './classify-phase.ts';
import { emitVisuals, type ExplorerMode, type LoopHeadline } from '../report/dashboard/emit-visuals.ts';
import type { CallbackSettings } from '../report/callback/callback-config-schema.ts';
import { computeDrivers, type DriversSummary } from '../analyze/drivers/compute-drivers.ts';
import type { CesDirection } from '../analyze/metrics/headline-metric.ts';
import { themeLabelsFromTaxonomy } from '../charts/theme-labels.ts';
import { publishRun, type NightContext } from '../publish/publish-run.ts';
import { copyPreviousDatabase } from '../publish/previous-database.ts';
import { recentRuns, RECENT_RUNS_FILE } from '../publish/recent-runs.ts';
import { computeBenchmark, type BenchmarkSummary } from '../analyze/benchmark/compute-benchmark.ts';
import { erasureHashes, erasureListPath, readErasureList } from '../erase/erasure-list.ts';
import { rewriteDatabase } from '../erase/rewrite-database.ts';

export interface RunOptions {
  readonly pipelineFile: string;
  /** output folder; default: the pipeline's output.dir */
  readonly outDir?: string;
  /** run date YYYY-MM-DD */
  readonly asOf: string;
  /** one message per phase (a timestamped line on stderr in the CLI); silent in tests */
  readonly log?: (message: string) => void;
  /** finer messages: counts per source, engines, notices (the CLI prints them with --verbose) */
  readonly detail?: (message: string) => void;
  /** no progress bar (the CLI's --quiet and --json); default: quiet when there is no `log` */
  readonly quiet?: boolean;
  /** where the classification progress bar is drawn (default: stderr, when it is a terminal) */
  readonly progressOutput?: ProgressOutput;
  /** folder of model directories for transformer engines (default: models/) */
  readonly modelsRoot?: string;
  /** wait for a run that holds the output folder instead of failing at once */
  readonly wait?: boolean;
  /** Redis address: classify on `ecoute worker` processes (overrides classify.queue.redis) */
  readonly queue?: string;
}

/** No progress bar when asked (--quiet, --json) or, by default, when nobody reads the log (tests, library use). */
export function progressQuiet(opts: Pick<RunOptions, 'quiet' | 'log'>): boolean {
  return opts.quiet ?? opts.log === undefined;
}

export interface RunSummary {
  readonly pipeline: string;
  readonly asOf: string;
  readonly reportingCurrency: string;
  readonly sources: SourceReport[];
  readonly quarantine: QuarantineSummary;
  /** fields of accepted rows set missing (field_problems): not quarantined rows, not in the reconciliation */
  readonly fieldProblems: QuarantineSummary;
  /** every quality gate checked after validation (all passed, or the run would have stopped) */
  readonly gates: GateResult[];
  /** accepted responses per quality flag (settings.quality: flag keeps them; metric_cells.n_flagged counts them per cell) */
  readonly qualityFlags: Record<string, number>;
  /** which way the CES answer runs (sources.responses.ces_direction): reused by `ecoute report` / `dashboard` on this run */
  readonly cesDirection: CesDirection;
  readonly metrics: MetricsSummary;
  readonly classification: ClassifySummary;
  readonly drivers: DriversSummary;
  readonly benchmark: BenchmarkSummary;
  readonly outputs: string[];
  readonly visuals?: {
    readonly charts: number; readonly omitted: ReadonlyArray<{ id: string; reason: string }>; readonly callbacks: number; readonly loop?: LoopHeadline;
    /** whether the dashboard embeds the verbatims or its explorer is served (`ecoute serve`), with the count and the threshold */
    readonly explorer: ExplorerMode;
  };
  /** the pipeline's `settings.dashboard` (reused by `ecoute dashboard` and the erasure purge) */
  readonly dashboard: Settings['dashboard'];
  /** the pipeline's `callbacks:` settings the call-back list was computed with (reused by `ecoute dashboard` and the erasure purge) */
  readonly callbacks: CallbackSettings;
  /** settings.memory_limit and settings.threads of the run (reused by `ecoute report`, `dashboard`, `notebook`, `notify` and the erasure purge on this run) */
  readonly resourceSettings: ResourceSettings;
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
  /** the output folder: its fixed links (ecoute.duckdb, dashboard/, …) show the published night */
  readonly outDir: string;
  /** the published night itself, runs/<run-id> */
  readonly nightDir: string;
  readonly runId: string;
  readonly timings: Timings;
  readonly resources: RunResources;
  /** texts taken from the cache vs classified by this run (also in run-timings.json) */
  readonly classifyWork: ClassifyWork;
}

export const DATABASE_FILE = 'ecoute.duckdb';
/** Seed of every bootstrap and simulation in the driver analyses: runs are reproducible. */
const DRIVER_SEED = 20_240_601;

export async function runPipeline(opts: RunOptions): Promise<RunResult> {
  const log = opts.log ?? (() => undefined);
  const loaded = loadPipeline(opts.pipelineFile);
  const { pipeline } = loaded;
  const outDir = resolveOutputDir(loaded, opts.outDir);
  const published = await publishRun(
    {
      root: outDir, pipelineFile: opts.pipelineFile, pipelineName: pipeline.name, asOf: opts.asOf,
      keepRuns: pipeline.output.keep_runs, keepFailed: pipeline.output.keep_failed, log, ...(opts.wait !== undefined ? { wait: opts.wait } : {}),
    },
    (night) => buildNight(loaded, night, opts, log),
  );
  return { ...published.result, outDir, nightDir: published.nightDir, runId: published.runId };
}

/** Builds every file of the night in `night.dir` (the staging folder): nothing outside it is written. */
async function buildNight(loaded: LoadedPipeline, night: NightContext, opts: RunOptions, log: (message: string) => void): Promise<Omit<RunResult, 'outDir' | 'nightDir' | 'runId'>> {
  const detail = opts.detail ?? (() => undefined);
  const watch = createStopwatch();
  const { pipeline, baseDir } = loaded;
  const dir = night.dir;
  const dbPath = join(dir, DATABASE_FILE);
  const previous = await copyPreviousDatabase(night.previousNight, DATABASE_FILE, dbPath);
  if (previous.notice !== undefined) log(previous.notice); // a warning, not a detail: the caches were not reused
  // DuckDB spills inside the staging folder (.work is scratch: never published)
  mkdirSync(join(dir, '.work'), { recursive: true });
  const resourceSettings: ResourceSettings = { memoryLimit: pipeline.settings.memory_limit ?? null, threads: pipeline.settings.threads ?? null };
  const dbLimits = runDatabaseLimits(resourceSettings, join(dir, '.work', 'duckdb-spill'));
  const db = await openDatabase(dbPath, dbLimits);
  let open = true;
  try {
    const conn = db.connection;
    night.facts.versions = { ...(await versions(conn)) };
    log(`loading sources of ${pipeline.name} (as of ${opts.asOf})`);
    const loadedSources = await watch.time('ingest_validate', () =>
      loadSources({ conn, pipeline, baseDir, workDir: join(dir, '.work'), asOf: opts.asOf, erasureHashes: erasureHashes(readErasureList(erasureListPath(night.root))) }),
    );
    night.facts.sources = loadedSources.sources.map((s) => ({
      source: s.reconciliation.source, rowsRead: s.reconciliation.rowsRead, rowsAccepted: s.reconciliation.rowsAccepted, rowsQuarantined: s.reconciliation.rowsQuarantined,
    }));
    for (const s of loadedSources.sources) {
      const r = s.reconciliation;
      detail(`${r.source}: read ${r.rowsRead} = accepted ${r.rowsAccepted} + quarantined ${r.rowsQuarantined}${r.rowsErased > 0 ? ` + erased ${r.rowsErased}` : ''}`);
    }
    const quarantine = await quarantineSummary(conn);
    const fieldProblems = await fieldProblemSummary(conn);
    const configured = SOURCE_NAMES.filter((s) => pipeline.sources[s] !== undefined);
    const gates = evaluateGates(loadedSources.sources.map((s) => s.reconciliation), previousRowsRead(night.previousNight), pipeline.settings.gates, configured);
    night.facts.gates = gates;
    const failed = failedGates(gates);
    const qualityFlags = await qualityFlagCounts(conn);
    if (failed.length > 0) {
      // the staging folder becomes failed/<run-id> (publishRun): the quarantine and summary are kept there
      await keepFailedRun(conn, dir, {
        pipeline: pipeline.name, asOf: opts.asOf, status: 'gated', sources: loadedSources.sources, quarantine, fieldProblems, gates, versions: await versions(conn),
      });
      throw new GateError(failed.map((g) => g.message), join(night.failedDir, night.runId));
    }
    log('computing metrics');
    const metrics = await watch.time('metrics', () => computeMetrics(conn, { asOf: opts.asOf, settings: pipeline.settings }));
    log('classifying verbatims');
    const { summary: classification, work: classifyWork } = await watch.time('classify', () =>
      classifyPhase(conn, pipeline, {
        asOf: opts.asOf, quiet: progressQuiet(opts), log: detail,
        ...(opts.progressOutput !== undefined ? { progressOutput: opts.progressOutput } : {}),
        ...(opts.modelsRoot !== undefined ? { modelsRoot: opts.modelsRoot } : {}), ...(opts.queue !== undefined ? { queue: opts.queue } : {}),
      }),
    );
    night.facts.engines = classification.engines.map((e) => `${e.engine} ${e.model}`);
    for (const e of classification.engines) detail(`${e.engine} ${e.model}: ${e.description}`);
    for (const n of classification.notices) detail(n);
    const q = classifyWork.queue;
    if (q !== undefined) detail(`classify queue: ${q.chunks} chunks, ${q.remote} by workers, ${q.local} here (fallback), ${q.stalled} stalled and retried`);
    if (pipeline.taxonomy !== undefined) {
      const taxonomy = pipeline.taxonomy;
      const lint = await watch.time('themes_lint', () => lintRunTaxonomy(conn, taxonomy));
      for (const f of lint.findings) detail(`warning (themes lint): ${f.message}`);
    }
    log('computing driver analyses');
    const cesDirection = pipeline.sources.responses.ces_direction;
    const themeLabels = Object.fromEntries((pipeline.taxonomy?.themes ?? []).map((t) => [t.id, t.labels.en ?? t.labels.fr ?? t.id]));
    const drivers = await watch.time('drivers', () =>
      computeDrivers(conn, { asOf: opts.asOf, seed: DRIVER_SEED, settings: pipeline.settings, config: pipeline.drivers, themeLabels, metric: metrics.headlineMetric ?? 'nps', cesDirection }),
    );
    log('comparing with competitors');
    const benchmark = await watch.time('benchmark', () =>
      computeBenchmark(conn, { seed: DRIVER_SEED, minN: pipeline.settings.min_n, fdrLevel: pipeline.settings.fdr_level }),
    );
    if (!benchmark.computed && benchmark.answers > 0) log(`  benchmark not compared: ${benchmark.reason ?? ''}`);
    log('writing outputs');
    const outputs = await watch.time('outputs', async () => {
      const files = await writeRunTables(conn, dir);
      await writeExplorerRows(db, opts.asOf); // the explorer's redacted texts, for `ecoute serve`
      return files;
    });
    const summary: RunSummary = {
      pipeline: pipeline.name,
      asOf: opts.asOf,
      reportingCurrency: loadedSources.reportingCurrency,
      sources: loadedSources.sources,
      quarantine,
      fieldProblems,
      gates,
      qualityFlags,
      cesDirection,
      metrics,
      classification,
      drivers,
      benchmark,
      callbacks: pipeline.callbacks,
      dashboard: pipeline.settings.dashboard,
      resourceSettings,
      outputs: [DATABASE_FILE, ...outputs, 'run-summary.json', 'run-timings.json', RECENT_RUNS_FILE],
      versions: await versions(conn),
    };
    const limits = (await conn.runAndReadAll("SELECT current_setting('memory_limit')::VARCHAR, current_setting('threads')::INTEGER")).getRows()[0];
    await conn.run('CHECKPOINT');
    db.close();
    open = false;
    // rows dropped at ingest for the erasure list were written, then deleted: their bytes would linger in the file
    if (loadedSources.sources.some((x) => x.reconciliation.rowsErased > 0)) await watch.time('erasure_rewrite', () => rewriteDatabase(dbPath, dbLimits));
    writeFileAtomic(join(dir, 'run-summary.json'), toJsonText(summary));
    writeFileAtomic(join(dir, RECENT_RUNS_FILE), toJsonText(recentRuns(night.history)));
    log('writing charts, dashboard, reports and the call-back list');
    const perOwner = pipeline.output.per_owner;
    const ownerKey = perOwner === undefined ? undefined : loadOwnerKey(resolve(resolveOutputDir(loaded, opts.outDir), perOwner.key_file)).key;
    const visuals = await watch.time('visuals', () =>
      emitVisuals(dir, {
        asOf: opts.asOf, minN: pipeline.settings.min_n, callbacks: pipeline.callbacks, limits: dbLimits, embedMaxVerbatims: pipeline.settings.dashboard.embed_max_verbatims,
        ...(ownerKey !== undefined ? { ownerKey } : {}),
        ...(pipeline.taxonomy !== undefined ? { themeLabels: themeLabelsFromTaxonomy(pipeline.taxonomy.themes) } : {}),
      }),
    );
    const finalSummary: RunSummary = {
      ...summary,
      outputs: [...summary.outputs, ...visuals.files].sort(),
      visuals: { charts: visuals.charts, omitted: visuals.omitted, callbacks: visuals.callbacks, ...(visuals.loop !== undefined ? { loop: visuals.loop } : {}), explorer: visuals.explorer },
    };
    writeFileAtomic(join(dir, 'run-summary.json'), toJsonText(finalSummary));
    const timings = watch.timings();
    const resources: RunResources = {
      duckdb_memory_limit: String(limits?.[0]),
      duckdb_threads: Number(limits?.[1]),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    writeFileAtomic(join(dir, 'run-timings.json'), toJsonText({ ...timings, resources, classification: classifyWork }));
    return { summary: finalSummary, timings, resources, classifyWork };
  } finally {
    if (open) db.close();
  }
}
