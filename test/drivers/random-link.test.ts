/**
 * Random link: the demo company's responses (score, comment and theme mentions together) are
 * reassigned to accounts by a random permutation, so what an account's respondents say cannot be
 * linked to whether it churns. The driver phase must then name no revenue dissatisfier, say so in
 * words (run messages and the report), keep the NPS drivers (the response-level link between
 * comments and scores is intact), and never show a negative estimate as ARR at risk.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../../src/demo/generate-demo.ts';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { computeDrivers, type DriversSummary } from '../../src/analyze/drivers/compute-drivers.ts';
import { driversConfigSchema } from '../../src/analyze/drivers/drivers-config-schema.ts';
import { driversMessages } from '../../src/analyze/drivers/drivers-messages.ts';
import { settingsSchema } from '../../src/config/pipeline-schema.ts';
import { listColumns } from '../../src/charts/load-chart-rows.ts';
import { runSummarySchema } from '../../src/charts/open-run.ts';
import { gatherReportFacts } from '../../src/report/executive/report-facts.ts';
import { composeReport } from '../../src/report/executive/compose-report.ts';
import { REPORT_MESSAGES } from '../../src/report/executive/report-messages.ts';
import { THEMES } from '../../src/demo/theme-catalog.ts';
import { loadDemo } from './load-demo.ts';

let dir: string;
let db: Database;
let summary: DriversSummary;
const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await db.connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ecoute-random-link-'));
  await generateDemo({ outDir: dir, seed: 8, scale: 0.1 });
  db = await openDatabase();
  await loadDemo(db.connection, dir);
  // permute the account ids over the responses (a fixed hash order: deterministic)
  await db.connection.run(`UPDATE responses SET account_id = p.account_id FROM (
      SELECT a.response_id, b.account_id
      FROM (SELECT response_id, row_number() OVER (ORDER BY response_id) AS k FROM responses) a
      JOIN (SELECT account_id, row_number() OVER (ORDER BY hash(response_id, 20261031)) AS k FROM responses) b USING (k)
    ) p WHERE responses.response_id = p.response_id`);
  summary = await computeDrivers(db.connection, {
    asOf: '2026-10-31', seed: 3, settings: settingsSchema.parse({}), config: driversConfigSchema.parse({ bootstrap_resamples: 300 }),
    themeLabels: Object.fromEntries(THEMES.map((t) => [t.id, t.labels.en])),
  });
}, 120_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('verbatims linked to accounts at random', () => {
  it('the link was broken: responses moved to other accounts', async () => {
    const [moved] = await rows('SELECT count(*)::INTEGER AS n FROM responses r JOIN contacts c USING (contact_id) WHERE r.account_id <> c.account_id');
    const [all] = await rows('SELECT count(*)::INTEGER AS n FROM responses');
    expect(Number(moved?.n) / Number(all?.n)).toBeGreaterThan(0.9);
  });

  it('names no revenue dissatisfier, and says so', async () => {
    const ranking = await rows('SELECT theme_id, arr_at_risk, arr_at_risk_ci_low, arr_at_risk_q_value, revenue_link, rank_by_arr_at_risk FROM dissatisfier_ranking');
    expect(ranking.length).toBe(THEMES.length);
    expect(ranking.filter((r) => r.revenue_link === 'revenue dissatisfier')).toEqual([]);
    expect(ranking.every((r) => r.rank_by_arr_at_risk === null)).toBe(true);
    expect(summary.topDissatisfiers).toEqual([]);
    expect(summary.revenueLinksTested).toBe(THEMES.length);
    expect(summary.messages).toContain(driversMessages.revenueLinks(0, THEMES.length, 0.05));
  });

  it('still names the NPS drivers (the comment–score link is intact)', () => {
    expect(summary.npsDrivers.length).toBeGreaterThan(0);
    expect(summary.npsDrivers[0]?.themeId).toBe('support_responsiveness');
    expect(summary.npsDrivers.every((d) => d.revenueLink !== 'revenue dissatisfier')).toBe(true);
  });

  it('the report says in words that no reliable revenue link was found, lists the NPS drivers, and shows no ARR at risk', async () => {
    const label = (id: string): string => THEMES.find((t) => t.id === id)?.labels.en ?? id;
    const facts = await gatherReportFacts(db.connection, await listColumns(db.connection), runSummarySchema.parse({ pipeline: 'random-link', asOf: '2026-10-31' }), {
      asOf: '2026-10-31', themeLabel: label,
    });
    expect(facts.dissatisfiers).toEqual([]);
    const doc = composeReport(facts, { svg: new Map(), omitted: [] }, 'en');
    const text = doc.blocks.map((b) => ('text' in b ? b.text : 'items' in b ? b.items.join('\n') : '')).join('\n');
    const m = REPORT_MESSAGES.en;
    expect(text).toContain(m.noRevenueLink(String(THEMES.length), '0.05'));
    expect(text).toContain(m.npsDrivers('NPS'));
    expect(text).toContain(label('support_responsiveness'));
    expect(text).toContain(m.linkNone);
    expect(text).not.toContain('ARR at risk:');
  });
});
