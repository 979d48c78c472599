/**
 * Per-owner dashboards: for each account owner, dashboard/owners/<keyed hash>.html holding only that owner's
 * accounts (the run's headline score per account: NPS, else CSAT, else CES), trend (that score per quarter),
 * call-backs and verbatims (with their NPS answer, the column the call-back panel shares) — no other owner's figures,
 * no ranking of owners, no owner-monitoring panel — and dashboard/owners/index.html, the administrator's list
 * of owners and their pages. The pages use the main dashboard's app.js and vendor/ (one folder up), so the
 * main dashboard must be written beside them.
 */
import { join } from 'node:path';
import { runCesDirection, type OpenRun } from '../../charts/open-run.ts';
import { createThemeLabeler, type ThemeLabels } from '../../charts/theme-labels.ts';
import { querySqlFile, runSqlFile, streamSqlRuns } from '../../db/sql-file.ts';
import { redactPii } from '../../classify/pii/redact-pii.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import type { CallbackRow } from '../callback/callback-list.ts';
import { buildDashboardPayload } from '../dashboard/dashboard-payload.ts';
import { dashboardHtml } from '../dashboard/dashboard-page.ts';
import type { DashboardLang } from '../dashboard/dashboard-messages.ts';
import { ownerCharts, type OwnerAnswer } from './owner-charts.ts';
import { ownerPageName } from './owner-page-name.ts';
import { ownerIndexHtml } from './owner-index.ts';
import { readHeadlineMetric } from '../../charts/read-headline-metric.ts';
import { groupBy } from '../../util/group-by.ts';

export const OWNERS_FOLDER = 'owners';

export interface OwnerDashboardOptions {
  /** the main dashboard folder: pages go to <dashboardDir>/owners/ */
  readonly dashboardDir: string;
  readonly key: Buffer;
  readonly lang: DashboardLang;
  readonly asOf: string;
  readonly minN: number;
  readonly themeLabels?: ThemeLabels;
  /** verbatims per owner page (default 30) */
  readonly verbatims?: number;
}

export interface OwnerPage {
  readonly owner: string;
  readonly file: string;
  readonly accounts: number;
}

export async function writeOwnerDashboards(run: OpenRun, callbacks: readonly CallbackRow[], opts: OwnerDashboardOptions): Promise<{ files: string[]; pages: OwnerPage[] }> {
  const files: string[] = [];
  const pages: OwnerPage[] = [];
  if (!run.tables.get('accounts')?.has('owner')) return { files, pages };
  const conn = run.db.connection;
  await runSqlFile(conn, run.tables.has('theme_mentions') ? 'report/create-owner-mentions' : 'report/create-owner-mentions-empty');
  const label = createThemeLabeler(opts.themeLabels, opts.lang);
  const dir = join(opts.dashboardDir, OWNERS_FOLDER);
  const metric = await readHeadlineMetric(conn, run.tables);
  const cesDirection = runCesDirection(run.summary);
  // two passes over the responses for every owner, not two per owner; the answers are streamed in owner order and
  // each owner's page is written when their last answer is read, so one owner's answers are held at a time
  const examplesOf = groupBy(await querySqlFile(conn, 'report/select-owners-verbatims', { as_of: opts.asOf, limit: opts.verbatims ?? 30 }), (r) => String(r.owner));
  const engines = (run.summary.classification?.engines ?? []).map((e) => `${e.engine} · ${e.model}: ${e.description}`);
  const written = new Map<string, OwnerPage>();
  const writePage = (owner: string, rows: ReadonlyArray<Record<string, unknown>>): void => {
    const answers: OwnerAnswer[] = rows.map((r) => ({
      accountId: String(r.account_id), accountName: String(r.account_name), quarter: String(r.quarter), score: Number(r.score),
    }));
    const examples = (examplesOf.get(owner) ?? []).map((r) => ({
      responseId: String(r.response_id), text: redactPii(String(r.verbatim)), nps: r.nps === null ? null : Number(r.nps), submitted: String(r.submitted), segment: String(r.segment),
      theme: (Array.isArray(r.themes) ? r.themes.map((t) => label(String(t))) : []).join(', '),
    }));
    const payload = buildDashboardPayload({
      lang: opts.lang, pipeline: run.summary.pipeline, asOf: opts.asOf, currency: run.summary.reportingCurrency,
      charts: { lang: opts.lang, metric, cesDirection, charts: ownerCharts(answers, opts.lang, opts.minN, metric, cesDirection), omitted: [] },
      // no verbatim explorer on an owner's page (it holds every owner's verbatims): its own examples instead
      themeLabels: {}, languages: [],
      callbacks: callbacks.filter((c) => c.owner === owner), examples, engines,
    });
    const file = `${ownerPageName(opts.key, owner)}.html`;
    writeFileAtomic(join(dir, file), dashboardHtml({ ...payload, pipeline: `${run.summary.pipeline} · ${owner}` }, '../', false));
    written.set(owner, { owner, file, accounts: new Set(answers.map((a) => a.accountId)).size });
  };
  await streamSqlRuns(conn, 'report/select-owners-answers', { as_of: opts.asOf, metric }, (r) => String(r.owner), writePage);
  // owners of the CRM without an answer get their page too; the list is in owner name order
  for (const o of await querySqlFile(conn, 'report/select-owners')) {
    const owner = String(o.owner);
    if (!written.has(owner)) writePage(owner, []);
    const page = written.get(owner)!;
    pages.push(page);
    files.push(join(dir, page.file));
  }
  writeFileAtomic(join(dir, 'index.html'), ownerIndexHtml(pages, opts.lang, run.summary.pipeline, opts.asOf));
  files.push(join(dir, 'index.html'));
  return { files, pages };
}
