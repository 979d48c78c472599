/**
 * The demo company's planted effects are recovered by the driver phase, with theme mentions taken
 * from truth-mentions.csv (independent of classifier quality): billing_errors (rare, drives churn
 * among high-ARR accounts) ranks first by ARR at risk while support_responsiveness (the most
 * frequent complaint, no churn effect) ranks first by count and last by ARR at risk.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../../src/demo/generate-demo.ts';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { computeDrivers, DRIVER_TABLES, type DriversSummary } from '../../src/analyze/drivers/compute-drivers.ts';
import { driversConfigSchema } from '../../src/analyze/drivers/drivers-config-schema.ts';
import { settingsSchema } from '../../src/config/pipeline-schema.ts';
import { THEMES } from '../../src/demo/theme-catalog.ts';
import { loadDemo } from './load-demo.ts';
import { listColumns } from '../../src/charts/load-chart-rows.ts';
import { runSummarySchema } from '../../src/charts/open-run.ts';
import { gatherReportFacts } from '../../src/report/executive/report-facts.ts';
import { composeReport } from '../../src/report/executive/compose-report.ts';
import { REPORT_MESSAGES } from '../../src/report/executive/report-messages.ts';

let dir: string;
let db: Database;
let summary: DriversSummary;
let truth: { drivers: { weights: Record<string, { weight: number }> } };

const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await db.connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ecoute-drivers-'));
  await generateDemo({ outDir: dir, seed: 42, scale: 0.2 });
  truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as typeof truth;
  db = await openDatabase();
  await loadDemo(db.connection, dir);
  summary = await computeDrivers(db.connection, {
    asOf: '2026-10-31', seed: 7, settings: settingsSchema.parse({}),
    config: driversConfigSchema.parse({ bootstrap_resamples: 200 }),
    themeLabels: Object.fromEntries(THEMES.map((t) => [t.id, t.labels.en])),
  });
});

afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('planted effects of the demo company', () => {
  it('creates every driver table, nothing skipped', async () => {
    expect(summary.skipped).toEqual([]);
    for (const table of DRIVER_TABLES) expect(summary.rows[table], table).toBeGreaterThan(0);
    const names = (await rows('SELECT table_name FROM duckdb_tables() WHERE NOT temporary')).map((r) => r.table_name);
    for (const table of DRIVER_TABLES) expect(names).toContain(table);
  });

  it('ranks billing_errors first by ARR at risk and support_responsiveness first by frequency', async () => {
    const ranking = await rows('SELECT theme_id, rank_by_arr_at_risk, rank_by_frequency, arr_at_risk, arr_at_risk_ci_low, arr_at_risk_q_value, revenue_link FROM dissatisfier_ranking');
    const billing = ranking.find((r) => r.theme_id === 'billing_errors');
    const support = ranking.find((r) => r.theme_id === 'support_responsiveness');
    expect(Number(billing?.rank_by_arr_at_risk)).toBe(1);
    expect(Number(support?.rank_by_frequency)).toBe(1);
    expect(Number(billing?.rank_by_frequency)).toBeGreaterThan(1);
    // support has no reliable positive revenue link: it is not ranked by ARR at risk at all
    expect(support?.revenue_link).not.toBe('revenue dissatisfier');
    expect(support?.rank_by_arr_at_risk).toBeNull();
    // billing's attributable ARR at risk is clearly positive, support's interval covers 0 or is negative
    expect(Number(billing?.arr_at_risk_ci_low)).toBeGreaterThan(0);
    expect(billing?.revenue_link).toBe('revenue dissatisfier');
    // every ranked theme passed the gate; the ranking holds nothing else
    for (const r of ranking.filter((x) => x.rank_by_arr_at_risk !== null)) {
      expect(Number(r.arr_at_risk_ci_low)).toBeGreaterThan(0);
      expect(Number(r.arr_at_risk_q_value)).toBeLessThan(0.05);
    }
    expect(Number(support?.arr_at_risk)).toBeLessThan(Number(billing?.arr_at_risk) / 2);
    expect(summary.topDissatisfiers[0]?.themeId).toBe('billing_errors');
  });

  it('splits ARR at risk by segment: the cells add up to the ranking\'s figure; the report tables the reliable cells of the top dissatisfiers', async () => {
    const sums = await rows(`SELECT d.theme_id, d.arr_at_risk AS overall, sum(s.arr_at_risk) AS summed, sum(s.active_accounts_mentioning)::INTEGER AS accounts, d.active_accounts_mentioning AS overall_accounts
      FROM dissatisfier_ranking d JOIN arr_at_risk_by_segment s USING (theme_id) GROUP BY ALL`);
    expect(sums.length).toBe(THEMES.length);
    for (const r of sums) {
      expect(Math.abs(Number(r.summed) - Number(r.overall)) / Math.max(1, Math.abs(Number(r.overall))), String(r.theme_id)).toBeLessThan(1e-6);
      expect(r.accounts).toBe(Number(r.overall_accounts));
    }
    const cells = await rows("SELECT segment, theme_id, revenue_link FROM arr_at_risk_by_segment WHERE theme_id = 'billing_errors' ORDER BY segment");
    expect(cells.some((c) => c.revenue_link === 'revenue dissatisfier')).toBe(true);
    const facts = await gatherReportFacts(db.connection, await listColumns(db.connection), runSummarySchema.parse({ pipeline: 'planted', asOf: '2026-10-31' }), {
      asOf: '2026-10-31', themeLabel: (id) => THEMES.find((t) => t.id === id)?.labels.en ?? id,
    });
    const m = REPORT_MESSAGES.en;
    const doc = composeReport(facts, { svg: new Map(), omitted: [] }, 'en');
    const at = doc.blocks.findIndex((b) => b.kind === 'h3' && b.text === m.arrBySegment);
    expect(at).toBeGreaterThan(0);
    const table = doc.blocks[at + 2];
    if (table?.kind !== 'table') throw new Error('no ARR-at-risk-by-segment table after its heading');
    const segments = [...new Set((await rows('SELECT segment FROM arr_at_risk_by_segment ORDER BY segment')).map((r) => String(r.segment)))];
    expect(table.head).toEqual([m.themeColumn, ...segments]);
    expect(table.rows.map((r) => r[0])).toEqual(facts.dissatisfiers.map((d) => d.label));
    const billing = table.rows.find((r) => r[0] === facts.themeLabel('billing_errors'))!;
    segments.forEach((segment, i) => {
      const reliable = cells.find((c) => c.segment === segment)?.revenue_link === 'revenue dissatisfier';
      expect(billing[i + 1] === m.noReliableLinkIn(segment), `${segment}: ${billing[i + 1]}`).toBe(!reliable);
      if (reliable) expect(billing[i + 1]).toMatch(/^€[\d.]+[kMm] \(€[\d.]+[kMm]? to €[\d.]+[kMm]?; q [<=] [\d.]+; [\d,]+ accounts\)$/);
    });
  });

  it('recovers the churn model: billing raises churn, detractors churn more than promoters', async () => {
    const model = await rows("SELECT term, odds_ratio, odds_ratio_ci_low, odds_ratio_ci_high FROM churn_model WHERE status = 'fitted'");
    const or = (term: string): Record<string, unknown> | undefined => model.find((r) => r.term === term);
    expect(Number(or('theme:billing_errors:negative')?.odds_ratio_ci_low)).toBeGreaterThan(1);
    expect(Number(or('nps_band:detractor')?.odds_ratio)).toBeGreaterThan(1);
    expect(Number(or('nps_band:promoter')?.odds_ratio)).toBeLessThan(1);
    const roi = await rows("SELECT nps_category, churn_rate FROM roi_nps_categories WHERE segment = 'all'");
    const rate = (c: string): number => Number(roi.find((r) => r.nps_category === c)?.churn_rate);
    expect(rate('detractor')).toBeGreaterThan(rate('passive'));
    expect(rate('passive')).toBeGreaterThan(rate('promoter'));
    // within each segment, the bands partition the segment's training accounts, and the segments the whole
    const bySegment = await rows("SELECT segment, sum(training_accounts)::INTEGER AS n FROM roi_nps_categories GROUP BY segment ORDER BY segment");
    const all = Number(bySegment.find((r) => r.segment === 'all')?.n);
    expect(bySegment.filter((r) => r.segment !== 'all').reduce((acc, r) => acc + Number(r.n), 0)).toBe(all);
    expect(bySegment.length).toBeGreaterThan(2);
    const [scenario] = await rows('SELECT annual_revenue_gained, annual_revenue_gained_ci_low FROM roi_scenario');
    expect(Number(scenario?.annual_revenue_gained_ci_low)).toBeGreaterThan(0);
  });

  it('recovers the key-driver order of the planted rating weights, every driver beating noise', async () => {
    const weights = await rows("SELECT attribute, share_pct, significant FROM driver_weights WHERE method = 'shapley' AND status = 'analysed' ORDER BY share_pct DESC");
    const planted = Object.entries(truth.drivers.weights).sort((a, b) => b[1].weight - a[1].weight).map(([name]) => name);
    expect(weights.map((w) => w.attribute)).toEqual(planted);
    expect(weights.every((w) => w.significant === true)).toBe(true);
  });

  it('support complaints cost the most NPS points (theme impact), with an interval excluding 0', async () => {
    const impact = await rows("SELECT theme_id, impact, impact_ci_high FROM theme_impact WHERE dimension = 'overall' AND sentiment = 'negative' ORDER BY impact");
    expect(impact[0]?.theme_id).toBe('support_responsiveness');
    expect(Number(impact[0]?.impact_ci_high)).toBeLessThan(0);
  });
});
