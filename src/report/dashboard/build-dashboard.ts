/**
 * `ecoute dashboard <run-dir> [--out DIR]`: an offline dashboard folder (index.html, app.js,
 * vendor/ with vega, vega-lite and vega-embed copied from node_modules): opens from disk, no CDN,
 * no request leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCharts, type ChartSet } from '../../charts/build-charts.ts';
import { openRun, type OpenRun } from '../../charts/open-run.ts';
import { createThemeLabeler, type ThemeLabels } from '../../charts/theme-labels.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { buildCallbackList, type CallbackRow } from '../callback/callback-list.ts';
import { themeExamples } from '../executive/report-facts.ts';
import { DASHBOARD_APP_JS } from './dashboard-app.ts';
import { dashboardHtml, RUN_HISTORY_SCRIPT, runHistoryScript, VENDOR_SCRIPTS } from './dashboard-page.ts';
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
}

export async function writeDashboard(
  run: OpenRun, charts: ChartSet, callbacks: readonly CallbackRow[],
  opts: { outDir: string; lang: DashboardLang; asOf: string; themeLabels?: ThemeLabels; recentRuns?: readonly RecentRun[] },
): Promise<string[]> {
  const label = createThemeLabeler(opts.themeLabels, opts.lang);
  const examples = (await themeExamples(run.db.connection, run.tables, opts.asOf, 5)).map((e) => ({ ...e, theme: label(e.themeId) }));
  const payload = buildDashboardPayload({
    lang: opts.lang, pipeline: run.summary.pipeline, asOf: opts.asOf, currency: run.summary.reportingCurrency, charts, callbacks, examples,
    engines: (run.summary.classification?.engines ?? []).map((e) => `${e.engine} · ${e.model}: ${e.description}`),
  });
  const files: string[] = [];
  const write = (name: string, content: string): void => {
    const path = join(opts.outDir, name);
    writeFileAtomic(path, content);
    files.push(path);
  };
  for (const script of VENDOR_SCRIPTS) write(`vendor/${script}`, readFileSync(fileURLToPath(new URL(VENDOR_SOURCES[script], import.meta.url)), 'utf8'));
  write('app.js', DASHBOARD_APP_JS);
  write(RUN_HISTORY_SCRIPT, runHistoryScript(opts.recentRuns ?? []));
  write('index.html', dashboardHtml(payload));
  return files;
}

export async function buildDashboard(runDir: string, opts: DashboardOptions): Promise<{ files: string[] }> {
  const run = await openRun(runDir);
  try {
    const lang = opts.lang ?? 'en';
    const asOf = opts.asOf ?? run.summary.asOf;
    const themeLabels = opts.themeLabels;
    const charts = await buildCharts(run.db.connection, { asOf, lang, ...(themeLabels ? { themeLabels } : {}) });
    const callbacks = await buildCallbackList(run.db.connection, run.tables, { asOf, themeLabel: createThemeLabeler(themeLabels, lang) });
    const files = await writeDashboard(run, charts, callbacks, { outDir: opts.outDir, lang, asOf, recentRuns: readRecentRuns(runDir), ...(themeLabels ? { themeLabels } : {}) });
    if (opts.ownerKey !== undefined) {
      files.push(...(await writeOwnerDashboards(run, callbacks, { dashboardDir: opts.outDir, key: opts.ownerKey, lang, asOf, minN: opts.minN ?? 30, ...(themeLabels ? { themeLabels } : {}) })).files);
    }
    return { files };
  } finally {
    run.close();
  }
}
