/**
 * emitVisuals — everything visual of a run, in one call (wired into runPipeline and the CLI):
 *
 *   runDir/ecoute.duckdb (read-only) ─► buildCharts per language ─► specs/<lang>/<chart>.vl.json
 *                                     ├► writeReport            ─► report/report-<lang>.html|.md, svg-<lang>/
 *                                     ├► writeDashboardPage per language ─► dashboard/index.html, index-fr.html
 *                                     ├► writeExplorerScript ─► dashboard/verbatims.js (every verbatim, streamed; shared;
 *                                     │                          none past settings.dashboard.embed_max_verbatims: `ecoute serve`)
 *                                     ├► buildCallbackList      ─► callback-list.csv, callback-list.json,
 *                                     │                            restricted/callback-contacts.csv (contact details, 0600)
 *                                     └► buildCallbackLoop      ─► callback-loop.json (a run with a followups source)
 *
 * Deterministic: same run and asOf → byte-identical files; timings are returned, never written
 * into the files. Every file is written atomically (temp + rename).
 */
import { join } from 'node:path';
import { buildCharts } from '../../charts/build-charts.ts';
import { openRun, runCesDirection, runEmbedMaxVerbatims } from '../../charts/open-run.ts';
import type { DatabaseLimits } from '../../db/open-database.ts';
import { createThemeLabeler, type ThemeLabels } from '../../charts/theme-labels.ts';
import { toJsonText, writeFileAtomic } from '../atomic-write.ts';
import { buildCallbackList } from '../callback/callback-list.ts';
import { prepareCallbackItems } from '../callback/callback-items.ts';
import { callbackCsv } from '../callback/callback-csv.ts';
import { CALLBACK_LIST_JSON, callbackListFile } from '../callback/callback-list-file.ts';
import { buildCallbackLoop, CALLBACK_LOOP_JSON, writeCallbackLoop, type CallbackLoop } from '../callback/callback-loop.ts';
import { writeCallbackContacts } from '../callback/callback-contacts.ts';
import { DEFAULT_CALLBACK_SETTINGS, type CallbackSettings } from '../callback/callback-config-schema.ts';
import { writeReport } from '../executive/build-report.ts';
import { writeDashboardPage, writeDashboardShared } from './build-dashboard.ts';
import { readRecentRuns } from '../../publish/recent-runs.ts';
import { writeOwnerDashboards } from '../owners/write-owner-dashboards.ts';

export interface VisualsOptions {
  readonly asOf: string;
  readonly langs?: ('fr' | 'en')[];
  /** theme id → labels (the pipeline's taxonomy); default: readable ids */
  readonly themeLabels?: ThemeLabels;
  /** the pipeline's `callbacks:` settings (default: those run-summary.json records, else the defaults) */
  readonly callbacks?: CallbackSettings;
  /** write one dashboard per account owner (dashboard/owners/), file names keyed by this secret */
  readonly ownerKey?: Buffer;
  /** minimum sample size of the owner pages' cells (settings.min_n) */
  readonly minN?: number;
  /** the run's DuckDB limits (settings.memory_limit, threads, spill folder); DuckDB's defaults where absent */
  readonly limits?: DatabaseLimits;
  /** settings.dashboard.embed_max_verbatims (default: what run-summary.json records, else 200,000) */
  readonly embedMaxVerbatims?: number;
}

/** Whether the dashboard embeds the run's verbatims or leaves its explorer to `ecoute serve` (run-summary.json: visuals.explorer). */
export interface ExplorerMode {
  readonly mode: 'embedded' | 'served';
  readonly verbatims: number;
  readonly embed_max_verbatims: number;
}

export interface VisualsSummary {
  /** files written, relative to runDir */
  readonly files: string[];
  readonly charts: number;
  readonly omitted: ReadonlyArray<{ id: string; reason: string }>;
  readonly callbacks: number;
  /** the closed loop's headline (a run with a followups source and follow-ups): share called back in time, its n, overdue items */
  readonly loop?: LoopHeadline;
  readonly explorer: ExplorerMode;
  readonly timings: { specs_seconds: number; report_seconds: number; dashboard_seconds: number; callback_seconds: number; total_seconds: number };
}

export interface LoopHeadline {
  readonly share: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly n: number;
  readonly overdue: number;
  readonly medianHours: number | null;
}

function loopHeadline(loop: CallbackLoop): LoopHeadline | undefined {
  const o = loop.compliance?.overall;
  return o === undefined ? undefined : { share: o.share, low: o.low, high: o.high, n: o.n, overdue: o.overdue, medianHours: o.medianHours };
}

const seconds = (ms: number): number => Math.round(ms) / 1000;

export async function emitVisuals(runDir: string, opts: VisualsOptions): Promise<VisualsSummary> {
  const start = performance.now();
  const langs = opts.langs && opts.langs.length > 0 ? [...new Set(opts.langs)] : (['en', 'fr'] as const);
  const labels = opts.themeLabels;
  const run = await openRun(runDir, opts.limits);
  const recentRuns = readRecentRuns(runDir);
  const files: string[] = [];
  const t = { specs: 0, report: 0, dashboard: 0, callback: 0 };
  let charts = 0;
  let omitted: Array<{ id: string; reason: string }> = [];
  let callbacks = 0;
  let loop: CallbackLoop | undefined;
  let explorerMode: ExplorerMode | undefined;
  try {
    let mark = performance.now();
    const settings = opts.callbacks ?? run.summary.callbacks ?? DEFAULT_CALLBACK_SETTINGS;
    // the list and the loop read the same call-back items: built once
    const items = await prepareCallbackItems(run.db.connection, run.tables, opts.asOf, settings);
    const callbackRows = await buildCallbackList(run.db.connection, run.tables, { asOf: opts.asOf, settings, items, themeLabel: createThemeLabeler(labels, langs[0]!) });
    writeFileAtomic(join(runDir, 'callback-list.csv'), callbackCsv(callbackRows));
    writeFileAtomic(join(runDir, CALLBACK_LIST_JSON), toJsonText(callbackListFile(opts.asOf, settings, callbackRows)));
    files.push('callback-list.csv', CALLBACK_LIST_JSON);
    files.push(...(await writeCallbackContacts(runDir, run.db.connection, run.tables, callbackRows)));
    callbacks = callbackRows.length;
    loop = await buildCallbackLoop(run.db.connection, run.tables, { asOf: opts.asOf, settings, items, ...(opts.minN !== undefined ? { minN: opts.minN } : {}) });
    if (loop.tracked) {
      await writeCallbackLoop(run.db.connection, join(runDir, CALLBACK_LOOP_JSON), loop);
      files.push(CALLBACK_LOOP_JSON);
    }
    t.callback += performance.now() - mark;

    mark = performance.now();
    const dashboardDir = join(runDir, 'dashboard');
    const relative = (f: string): string => f.slice(runDir.length).replace(/^[/\\]+/, '');
    const shared = await writeDashboardShared(dashboardDir, run, opts.asOf, recentRuns, runEmbedMaxVerbatims(run.summary, opts.embedMaxVerbatims));
    const explorer = shared.explorer;
    explorerMode = { mode: explorer.mode, verbatims: explorer.n, embed_max_verbatims: explorer.max };
    files.push(...shared.files.map(relative));
    t.dashboard += performance.now() - mark;

    for (const lang of langs) {
      mark = performance.now();
      const set = await buildCharts(run.db.connection, { asOf: opts.asOf, lang, cesDirection: runCesDirection(run.summary), currency: run.summary.reportingCurrency, ...(labels ? { themeLabels: labels } : {}) });
      for (const c of set.charts) {
        const name = join('specs', lang, `${c.id}.vl.json`);
        writeFileAtomic(join(runDir, name), toJsonText(c.staticSpec));
        files.push(name);
      }
      charts = set.charts.length;
      omitted = [...set.omitted];
      t.specs += performance.now() - mark;

      mark = performance.now();
      const reportFiles = await writeReport(run, set, { lang, outDir: join(runDir, 'report'), asOf: opts.asOf, recentRuns, loop, ...(labels ? { themeLabels: labels } : {}) });
      files.push(...reportFiles.map(relative));
      t.report += performance.now() - mark;

      mark = performance.now();
      const page = await writeDashboardPage(run, set, callbackRows, { outDir: dashboardDir, lang, asOf: opts.asOf, explorer, languages: langs, loop, ...(labels ? { themeLabels: labels } : {}) });
      files.push(relative(page));
      t.dashboard += performance.now() - mark;
      if (opts.ownerKey !== undefined && lang === langs[0]) {
        mark = performance.now();
        const owners = await writeOwnerDashboards(run, callbackRows, { dashboardDir, key: opts.ownerKey, lang, asOf: opts.asOf, minN: opts.minN ?? 30, ...(labels ? { themeLabels: labels } : {}) });
        files.push(...owners.files.map(relative));
        t.dashboard += performance.now() - mark;
      }
    }
  } finally {
    run.close();
  }
  return {
    files,
    charts,
    omitted,
    callbacks,
    ...(loop !== undefined && loopHeadline(loop) !== undefined ? { loop: loopHeadline(loop) } : {}),
    explorer: explorerMode!,
    timings: {
      specs_seconds: seconds(t.specs), report_seconds: seconds(t.report), dashboard_seconds: seconds(t.dashboard),
      callback_seconds: seconds(t.callback), total_seconds: seconds(performance.now() - start),
    },
  };
}
