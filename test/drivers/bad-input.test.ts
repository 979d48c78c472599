/**
 * Bad input for the driver phase: no churn events, nobody churned, accounts without ARR, a single
 * segment, no theme_mentions table, a theme whose mentions are all promoters, no ratings, no
 * responses. Each analysis the data cannot support is skipped with its stated reason; the rest run.
 */
import { describe, it, expect } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import { computeDrivers, DRIVER_TABLES, type DriversSummary } from '../../src/analyze/drivers/compute-drivers.ts';
import { driversConfigSchema } from '../../src/analyze/drivers/drivers-config-schema.ts';
import { driversMessages } from '../../src/analyze/drivers/drivers-messages.ts';
import { settingsSchema } from '../../src/config/pipeline-schema.ts';
import { loadFixture, type FixtureData } from './fixture.ts';
import { smallCompany } from './small-company.ts';

async function run(data: FixtureData, themeLabels?: Record<string, string>): Promise<{ summary: DriversSummary; rows: (sql: string) => Promise<Record<string, unknown>[]>; close: () => void }> {
  const db = await openDatabase();
  await loadFixture(db.connection, data);
  const summary = await computeDrivers(db.connection, {
    asOf: '2026-06-30', seed: 1, settings: settingsSchema.parse({ min_n: 20 }), config: driversConfigSchema.parse({ bootstrap_resamples: 100 }), themeLabels,
  });
  return { summary, rows: async (sql) => (await db.connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[], close: () => db.close() };
}

describe('driver phase on bad input', () => {
  it('no churn events: churn analyses skipped with the reason, NPS analyses still run, every table exists', async () => {
    const { summary, rows, close } = await run(smallCompany({ withChurn: false }));
    expect(summary.skipped).toEqual([{ analysis: 'churn', reason: driversMessages.noChurnEvents() }]);
    expect(summary.rows.theme_impact).toBeGreaterThan(0);
    expect(summary.rows.driver_weights).toBeGreaterThan(0);
    expect(summary.rows.churn_model).toBe(0);
    for (const t of DRIVER_TABLES) expect((await rows(`SELECT count(*) AS n FROM ${t}`)).length).toBe(1);
    // the dissatisfier ranking still shows the ranking by frequency
    const ranking = await rows('SELECT theme_id, rank_by_frequency, arr_at_risk FROM dissatisfier_ranking');
    expect(ranking.find((r) => r.theme_id === 'support')).toMatchObject({ rank_by_frequency: '1', arr_at_risk: null });
    close();
  });

  it('nobody churned: churn skipped with the count of decisions', async () => {
    const data = smallCompany();
    const { summary, close } = await run({ ...data, churn: (data.churn ?? []).map((c) => ({ ...c, outcome: 'renewed' })) });
    expect(summary.skipped).toEqual([{ analysis: 'churn', reason: driversMessages.noChurned(data.churn?.length ?? 0) }]);
    close();
  });

  it('accounts without ARR and a single segment: probability reported, ARR at risk left NULL, no segment column', async () => {
    const { summary, rows, close } = await run(smallCompany({ singleSegment: true, arrMissingEvery: 4 }));
    expect(summary.skipped).toEqual([]);
    const missing = await rows('SELECT count(*) AS n FROM account_churn_risk WHERE arr IS NULL AND arr_at_risk IS NULL AND churn_probability BETWEEN 0 AND 1');
    expect(Number(missing[0]?.n)).toBeGreaterThan(0);
    expect(summary.messages).toContain(driversMessages.accountsWithoutArr(summary.churn?.activeAccountsWithoutArr ?? -1));
    const terms = (await rows('SELECT term FROM churn_model')).map((r) => String(r.term));
    expect(terms.some((t) => t.startsWith('segment:'))).toBe(false);
    expect(terms).toContain('arr_band:unknown');
    const segments = await rows("SELECT DISTINCT dimension_value FROM theme_impact WHERE dimension = 'segment'");
    expect(segments).toEqual([{ dimension_value: 'SMB' }]);
    close();
  });

  it('accounts with no segment or owner are "(unknown)", the label the dashboard and its explorer use (a click on such a cell finds its verbatims)', async () => {
    const data = smallCompany();
    const accounts = (data.accounts ?? []).map((a, i) => (i % 4 === 0 ? { ...a, segment: null, owner: null } : a));
    const { rows, close } = await run({ ...data, accounts });
    const segments = (await rows("SELECT DISTINCT dimension_value AS v FROM theme_impact WHERE dimension = 'segment' ORDER BY 1")).map((r) => r.v);
    expect(segments).toContain('(unknown)');
    expect(segments).not.toContain('unknown');
    const atRisk = (await rows('SELECT DISTINCT segment FROM arr_at_risk_by_segment ORDER BY 1')).map((r) => r.segment);
    expect(atRisk).not.toContain('unknown');
    close();
  });

  it('no theme_mentions table: theme analyses skipped, key drivers and owners still run', async () => {
    const data = smallCompany();
    const { summary, close } = await run({ ...data, mentions: undefined });
    expect(summary.skipped).toContainEqual({ analysis: 'theme_impact', reason: driversMessages.noThemes() });
    expect(summary.rows.driver_weights).toBeGreaterThan(0);
    expect(summary.rows.owner_monitoring).toBe(5);
    expect(summary.rows.churn_model).toBeGreaterThan(0);
    close();
  });

  it('a theme mentioned only by promoters: NPS with = 100 and a positive impact', async () => {
    const data = smallCompany();
    const promoters = (data.responses ?? []).filter((r) => Number(r.nps) >= 9).slice(0, 15);
    const mentions = [...(data.mentions ?? []), ...promoters.map((r) => ({ response_id: r.response_id, theme_id: 'delight', sentiment_label: 'positive' }))];
    const { rows, close } = await run({ ...data, mentions });
    const [row] = await rows("SELECT * FROM theme_impact WHERE theme_id = 'delight' AND dimension = 'overall' AND sentiment = 'any'");
    expect(Number(row?.nps_with)).toBe(100);
    expect(Number(row?.impact)).toBeGreaterThan(0);
    expect(row?.small_n).toBe(true);
    close();
  });

  it('no attribute ratings: key drivers skipped with the reason', async () => {
    const { summary, close } = await run({ ...smallCompany(), ratings: [] });
    expect(summary.skipped).toContainEqual({ analysis: 'key_drivers', reason: driversMessages.noRatings() });
    expect(summary.rows.kano_attributes).toBe(0);
    close();
  });

  it('no responses at all: every analysis states why, tables still exist', async () => {
    const { summary, rows, close } = await run({ accounts: smallCompany().accounts });
    expect(summary.skipped.map((s) => s.analysis)).toEqual(['theme_impact', 'key_drivers', 'churn', 'owner_monitoring']);
    for (const t of DRIVER_TABLES) expect(Number((await rows(`SELECT count(*) AS n FROM ${t}`))[0]?.n)).toBe(0);
    close();
  });

  it('rejects a malformed run date', async () => {
    const db = await openDatabase();
    await loadFixture(db.connection, {});
    await expect(computeDrivers(db.connection, { asOf: '31/10/2026', seed: 1, settings: settingsSchema.parse({}) })).rejects.toThrow(/YYYY-MM-DD/);
    db.close();
  });
});
