/**
 * `ecoute report <run-dir> [--lang fr|en] [--out DIR] [--pdf [--chromium PATH]]`: the executive driver
 * report of a run as one self-contained HTML file (charts as inline SVG, no script), the same content
 * as Markdown with the SVGs beside it, and with --pdf the HTML printed to PDF by headless Chromium. Deterministic: the date is the run's asOf, never the clock.
 */
import { join } from 'node:path';
import { buildCharts, type ChartSet } from '../../charts/build-charts.ts';
import { renderSvg } from '../../charts/compile-spec.ts';
import { openRun, runCesDirection, type OpenRun } from '../../charts/open-run.ts';
import { createThemeLabeler, type ThemeLabels } from '../../charts/theme-labels.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { chartTitle, composeReport } from './compose-report.ts';
import { gatherReportFacts } from './report-facts.ts';
import { renderHtml, renderMarkdown } from './report-document.ts';
import type { ReportLang } from './report-messages.ts';
import type { PdfOptions } from './print-pdf.ts';
import { composeRunHistory } from './run-history-page.ts';
import { readRecentRuns, type RecentRun } from '../../publish/recent-runs.ts';
import { buildCallbackLoop, readLoopMinN, type CallbackLoop } from '../callback/callback-loop.ts';

/** The charts the report draws: the headline score's trend (nps-trend, csat-trend or ces-trend), then these. */
export const REPORT_CHARTS = ['dissatisfier-ranking', 'theme-impact', 'response-rate'] as const;

export interface ReportOptions {
  readonly lang: ReportLang;
  readonly outDir: string;
  /** run date; default the run summary's asOf */
  readonly asOf?: string;
  readonly themeLabels?: ThemeLabels;
  /** also print report-<lang>.html to report-<lang>.pdf with headless Chromium (print-pdf.ts); never in a nightly run by default */
  readonly pdf?: PdfOptions;
}

/** Writes report-<lang>.html, report-<lang>.md and svg-<lang>/*.svg from an open run and its charts. */
export async function writeReport(run: OpenRun, charts: ChartSet, opts: ReportOptions & { asOf: string; recentRuns?: readonly RecentRun[]; loop?: CallbackLoop }): Promise<string[]> {
  const facts = await gatherReportFacts(run.db.connection, run.tables, run.summary, {
    asOf: opts.asOf,
    themeLabel: createThemeLabeler(opts.themeLabels, opts.lang),
  });
  const drawn = [`${facts.headlineMetric}-trend`, ...REPORT_CHARTS];
  const svg = new Map<string, { title: string; svg: string }>();
  for (const c of charts.charts) {
    if (!drawn.includes(c.id)) continue;
    svg.set(c.id, { title: chartTitle(c), svg: (await renderSvg(c.staticSpec)).svg });
  }
  const doc = composeReport(facts, { svg, omitted: charts.omitted }, opts.lang, opts.loop);
  const svgDir = `svg-${opts.lang}`;
  const files = [join(opts.outDir, `report-${opts.lang}.html`), join(opts.outDir, `report-${opts.lang}.md`)];
  writeFileAtomic(files[0]!, renderHtml(doc));
  writeFileAtomic(files[1]!, renderMarkdown(doc, svgDir));
  const history = composeRunHistory(opts.recentRuns ?? [], run.summary.pipeline, opts.lang);
  files.push(join(opts.outDir, `run-history-${opts.lang}.html`), join(opts.outDir, `run-history-${opts.lang}.md`));
  writeFileAtomic(files[2]!, renderHtml(history));
  writeFileAtomic(files[3]!, renderMarkdown(history, svgDir));
  for (const [id, c] of svg) {
    const path = join(opts.outDir, svgDir, `${id}.svg`);
    writeFileAtomic(path, `${c.svg}\n`);
    files.push(path);
  }
  return files;
}

export async function buildReport(runDir: string, opts: ReportOptions): Promise<{ files: string[] }> {
  const run = await openRun(runDir);
  try {
    const asOf = opts.asOf ?? run.summary.asOf;
    const charts = await buildCharts(run.db.connection, { asOf, lang: opts.lang, cesDirection: runCesDirection(run.summary), currency: run.summary.reportingCurrency, ...(opts.themeLabels ? { themeLabels: opts.themeLabels } : {}) });
    const minN = readLoopMinN(runDir);
    const loop = await buildCallbackLoop(run.db.connection, run.tables, {
      asOf, ...(run.summary.callbacks !== undefined ? { settings: run.summary.callbacks } : {}), ...(minN !== undefined ? { minN } : {}),
    });
    const files = await writeReport(run, charts, { ...opts, asOf, recentRuns: readRecentRuns(runDir), loop });
    if (opts.pdf !== undefined) {
      const { printPdfs } = await import('./print-pdf.ts');
      files.push(...(await printPdfs([files[0]!], opts.pdf)).map((p) => p.file));
    }
    return { files };
  } finally {
    run.close();
  }
}
