/**
 * `ecoute dashboard <run-dir> [--out DIR]`: an offline dashboard folder (index.html in English,
 * index-fr.html in French, app.js, explorer.js and verbatims.js — every verbatim of the run, PII-redacted —
 * and vendor/ with vega, vega-lite and vega-embed copied from node_modules): opens from disk, no CDN,
 * no request leaves the machine. A run with more verbatims than settings.dashboard.embed_max_verbatims gets no
 * verbatims.js: its pages say so (payload.explorer.served) and their explorer is answered by `ecoute serve`.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCharts, type ChartSet } from '../../charts/build-charts.ts';
import { openRun, runCesDirection, runEmbedMaxVerbatims, type OpenRun } from '../../charts/open-run.ts';
import { queryNumber, runSqlFile, sqlFile } from '../../db/sql-file.ts';
import type { ExplorerDimension } from '../explorer/explorer-columns.ts';
import { readExplorerDimensions } from '../explorer/read-explorer-dimensions.ts';
import { createThemeLabeler, type ThemeLabels } from '../../charts/theme-labels.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { buildCallbackList, type CallbackRow } from '../callback/callback-list.ts';
import { DEFAULT_CALLBACK_SETTINGS, type CallbackSettings } from '../callback/callback-config-schema.ts';
import { prepareCallbackItems } from '../callback/callback-items.ts';
import { DASHBOARD_APP_JS } from './dashboard-app.ts';
import { dashboardFile, dashboardHtml, EXPLORER_SCRIPT, RUN_HISTORY_SCRIPT, runHistoryScript, VENDOR_SCRIPTS, VERBATIMS_SCRIPT } from './dashboard-page.ts';
import { EXPLORER_APP_JS } from '../explorer/explorer-app.ts';
import { HELPERS_APP_JS, HELPERS_SCRIPT } from './browser-helpers-app.ts';
import { DERIVED_ROWS_JS, DERIVED_ROWS_SCRIPT } from './derived-rows-app.ts';
import { CALLBACK_PANEL_JS, CALLBACK_PANEL_SCRIPT } from './callback-panel-app.ts';
import { LOOP_PANEL_JS, LOOP_PANEL_SCRIPT } from './loop-panel-app.ts';
import { buildCallbackLoop, type CallbackLoop } from '../callback/callback-loop.ts';
import { OWNER_TABLE_JS, OWNER_TABLE_SCRIPT } from './owner-table-app.ts';
import { readMentionCodes, writeExplorerScript } from '../explorer/write-explorer-script.ts';
import { readRecentRuns, type RecentRun } from '../../publish/recent-runs.ts';
import { buildDashboardPayload } from './dashboard-payload.ts';
import type { DashboardLang } from './dashboard-messages.ts';
import { writeOwnerDashboards } from '../owners/write-owner-dashboards.ts';

const VENDOR_SOURCES: Readonly<Record<(typeof VENDOR_SCRIPTS)[number], string>> = {
  'vega.min.js': '../../../node_modules/vega/build/vega.min.js',
  'vega-lite.min.js': '../../../node_modules/vega-lite/build/vega-lite.min.js',
  'vega-embed.min.js': '../../../node_modules/vega-embed/build/vega-embed.min.js',
};

export interface DashboardOptions {
  readonly outDir: string;
  readonly lang?: DashboardLang;
  readonly asOf?: string;
  readonly themeLabels?: ThemeLabels;
  /** also write one dashboard per owner (dashboard/owners/), names keyed by this secret */
  readonly ownerKey?: Buffer;
  readonly minN?: number;
  /** the pipeline's `callbacks:` settings (default: those run-summary.json records, else the defaults) */
  readonly callbacks?: CallbackSettings;
  /** settings.dashboard.embed_max_verbatims (default: what run-summary.json records, else 200,000) */
  readonly embedMaxVerbatims?: number;
}

/**
 * What the pages need of the explorer: the themes of the run's mentions (their labels go in each page), and for a
 * run over the threshold (verbatims not embedded) the threshold and the filters' values.
 */
export interface ExplorerSummary {
  readonly n: number;
  readonly themes: readonly string[];
  /** settings.dashboard.embed_max_verbatims the run was compared with */
  readonly max: number;
  readonly mode: 'embedded' | 'served';
  /** served: the values of the explorer's filters (the page's filter bar) */
  readonly dims?: Readonly<Record<ExplorerDimension, readonly string[]>>;
}

/**
 * The dashboard's files every language shares: vendor scripts, app.js, the explorer (script, and every verbatim
 * streamed from the run into verbatims.js — none past `embedMax` verbatims: a verbatims.js of an earlier build is
 * removed), the run history.
 */
export async function writeDashboardShared(
  outDir: string, run: OpenRun, asOf: string, recentRuns: readonly RecentRun[], embedMax: number,
): Promise<{ files: string[]; explorer: ExplorerSummary }> {
  const files: string[] = [];
  const write = (name: string, content: string): void => {
    const path = join(outDir, name);
    writeFileAtomic(path, content);
    files.push(path);
  };
  for (const script of VENDOR_SCRIPTS) write(`vendor/${script}`, readFileSync(fileURLToPath(new URL(VENDOR_SOURCES[script], import.meta.url)), 'utf8'));
  write('app.js', DASHBOARD_APP_JS);
  write(HELPERS_SCRIPT, HELPERS_APP_JS);
  write(EXPLORER_SCRIPT, EXPLORER_APP_JS);
  write(DERIVED_ROWS_SCRIPT, DERIVED_ROWS_JS);
  write(CALLBACK_PANEL_SCRIPT, CALLBACK_PANEL_JS);
  write(LOOP_PANEL_SCRIPT, LOOP_PANEL_JS);
  write(OWNER_TABLE_SCRIPT, OWNER_TABLE_JS);
  const verbatims = join(outDir, VERBATIMS_SCRIPT);
  const explorer = await writeExplorerData(run, verbatims, asOf, embedMax);
  if (explorer.mode === 'embedded') files.push(verbatims);
  write(RUN_HISTORY_SCRIPT, runHistoryScript(recentRuns));
  return { files, explorer };
}

/** verbatims.js when the run has at most embedMax verbatims; else none, and what a served page needs instead. */
async function writeExplorerData(run: OpenRun, path: string, asOf: string, embedMax: number): Promise<ExplorerSummary> {
  const conn = run.db.connection;
  const n = run.tables.has('responses') ? await countExplorerVerbatims(run, asOf) : 0;
  if (n <= embedMax) {
    const written = await writeExplorerScript(conn, run.tables, path, { asOf });
    return { ...written, max: embedMax, mode: 'embedded' };
  }
  rmSync(path, { force: true });
  const { dims } = await readExplorerDimensions(conn, asOf);
  return { n, themes: (await readMentionCodes(conn, run.tables)).themes, max: embedMax, mode: 'served', dims };
}

async function countExplorerVerbatims(run: OpenRun, asOf: string): Promise<number> {
  await runSqlFile(run.db.connection, 'report/create-explorer-verbatims-macro');
  return queryNumber(run.db.connection, sqlFile('report/count-explorer-verbatims'), { as_of: asOf });
}

/** The page of one language (index.html, index-fr.html): its payload (charts, words, theme labels) and links to the others. */
export async function writeDashboardPage(
  run: OpenRun, charts: ChartSet, callbacks: readonly CallbackRow[],
  opts: { outDir: string; lang: DashboardLang; asOf: string; themeLabels?: ThemeLabels; explorer: ExplorerSummary; languages: readonly DashboardLang[]; loop?: CallbackLoop },
): Promise<string> {
  const label = createThemeLabeler(opts.themeLabels, opts.lang);
  const payload = buildDashboardPayload({
    lang: opts.lang, pipeline: run.summary.pipeline, asOf: opts.asOf, currency: run.summary.reportingCurrency, charts, callbacks,
    engines: (run.summary.classification?.engines ?? []).map((e) => `${e.engine} · ${e.model}: ${e.description}`),
    themeLabels: Object.fromEntries(opts.explorer.themes.map((id) => [id, label(id)])),
    languages: opts.languages.filter((l) => l !== opts.lang).map((l) => ({ lang: l, file: dashboardFile(l) })),
    ...(opts.loop !== undefined ? { loop: opts.loop } : {}),
    ...(opts.explorer.mode === 'served' && opts.explorer.dims !== undefined ? { servedExplorer: { n: opts.explorer.n, max: opts.explorer.max, dims: opts.explorer.dims } } : {}),
  });
  const path = join(opts.outDir, dashboardFile(opts.lang));
  writeFileAtomic(path, dashboardHtml(payload));
  return path;
}

export async function buildDashboard(runDir: string, opts: DashboardOptions): Promise<{ files: string[] }> {
  const run = await openRun(runDir);
  try {
    const lang = opts.lang ?? 'en';
    const asOf = opts.asOf ?? run.summary.asOf;
    const themeLabels = opts.themeLabels;
    const charts = await buildCharts(run.db.connection, { asOf, lang, cesDirection: runCesDirection(run.summary), currency: run.summary.reportingCurrency, ...(themeLabels ? { themeLabels } : {}) });
    const settings = opts.callbacks ?? run.summary.callbacks ?? DEFAULT_CALLBACK_SETTINGS;
    // the list and the loop read the same call-back items: built once
    const items = await prepareCallbackItems(run.db.connection, run.tables, asOf, settings);
    const callbacks = await buildCallbackList(run.db.connection, run.tables, { asOf, items, settings, themeLabel: createThemeLabeler(themeLabels, lang) });
    const { files, explorer } = await writeDashboardShared(opts.outDir, run, asOf, readRecentRuns(runDir), runEmbedMaxVerbatims(run.summary, opts.embedMaxVerbatims));
    const loop = await buildCallbackLoop(run.db.connection, run.tables, { asOf, items, settings, ...(opts.minN !== undefined ? { minN: opts.minN } : {}) });
    files.push(await writeDashboardPage(run, charts, callbacks, { outDir: opts.outDir, lang, asOf, explorer, languages: [lang], loop, ...(themeLabels ? { themeLabels } : {}) }));
    if (opts.ownerKey !== undefined) {
      files.push(...(await writeOwnerDashboards(run, callbacks, { dashboardDir: opts.outDir, key: opts.ownerKey, lang, asOf, minN: opts.minN ?? 30, ...(themeLabels ? { themeLabels } : {}) })).files);
    }
    return { files };
  } finally {
    run.close();
  }
}
