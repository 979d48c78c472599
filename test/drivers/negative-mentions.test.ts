/**
 * One definition of a dissatisfier: its NPS impact, churn lift and ARR at risk all count negative
 * mentions. Hand-built data where the two definitions disagree in sign: theme x is praised by
 * promoters (positive mentions) and criticised by a few detractors, so its impact over mentions of
 * any sentiment is positive while the impact of its negative mentions is negative. Hand-computed
 * (per 100 responses, each from its own account):
 *   all: 50 promoters, 20 passives, 30 detractors → NPS 20
 *   any mention of x: 30 promoters + 10 detractors; without: 20 P, 20 Pa, 20 D → NPS 0; impact +20
 *   negative mention of x: 10 detractors; without: 50 P, 20 Pa, 20 D → NPS 33.33; impact −13.33
 * Employee survey answers mentioning x are in the data and must not count (they feed eNPS only).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { computeDrivers } from '../../src/analyze/drivers/compute-drivers.ts';
import { driversConfigSchema } from '../../src/analyze/drivers/drivers-config-schema.ts';
import { settingsSchema } from '../../src/config/pipeline-schema.ts';
import { listColumns } from '../../src/charts/load-chart-rows.ts';
import { runSummarySchema } from '../../src/charts/open-run.ts';
import { gatherReportFacts } from '../../src/report/executive/report-facts.ts';
import { loadFixture, day, type FixtureRow } from './fixture.ts';

let db: Database;
const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await db.connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];

beforeAll(async () => {
  const accounts: FixtureRow[] = [];
  const responses: FixtureRow[] = [];
  const mentions: FixtureRow[] = [];
  const revenue: FixtureRow[] = [];
  const churn: FixtureRow[] = [];
  // per block of 100: 30 praising promoters, 10 critical detractors, 20 P / 20 Pa / 20 D without x; 3 blocks
  const kinds: { nps: number; x: 'positive' | 'negative' | null; n: number }[] = [
    { nps: 10, x: 'positive', n: 30 }, { nps: 2, x: 'negative', n: 10 }, { nps: 10, x: null, n: 20 }, { nps: 8, x: null, n: 20 }, { nps: 3, x: null, n: 20 },
  ];
  let i = 0;
  for (let block = 0; block < 3; block++) {
    for (const k of kinds) {
      for (let j = 0; j < k.n; j++, i++) {
        const id = `A${i}`;
        accounts.push({ account_id: id, segment: 'S' });
        responses.push({ response_id: `R${i}`, account_id: id, submitted_at: day(100 + (i % 200)), nps: k.nps });
        if (k.x !== null) mentions.push({ response_id: `R${i}`, theme_id: 'x', sentiment_label: k.x });
        revenue.push({ account_id: id, period: '2025-01-01', arr: 10_000 });
        churn.push({ account_id: id, event_date: '2026-03-01', outcome: i % 4 === 0 ? 'churned' : 'renewed' });
      }
    }
  }
  // employee survey answers (they only feed eNPS): would change every figure below if they were counted
  for (let e = 0; e < 40; e++) {
    responses.push({ response_id: `E${e}`, account_id: 'A0', survey_type: 'employee', submitted_at: day(150), nps: 0 });
    mentions.push({ response_id: `E${e}`, theme_id: 'x', sentiment_label: 'negative' });
  }
  db = await openDatabase();
  await loadFixture(db.connection, { accounts, responses, mentions, revenue, churn });
  await computeDrivers(db.connection, {
    asOf: '2026-06-30', seed: 1, settings: settingsSchema.parse({ min_n: 10 }), config: driversConfigSchema.parse({ bootstrap_resamples: 400 }),
  });
});
afterAll(() => db?.close());

describe('a dissatisfier is a negative mention, in every figure', () => {
  it('theme_impact keeps both definitions apart: +20 over any mention, −13.33 over negative mentions', async () => {
    const impact = await rows("SELECT sentiment, impact FROM theme_impact WHERE dimension = 'overall' AND theme_id = 'x'");
    const of = (s: string): number => Number(impact.find((r) => r.sentiment === s)?.impact);
    expect(of('any')).toBeCloseTo(20, 9);
    expect(of('negative')).toBeCloseTo(20 - 100 / 3, 9);
    const [n] = await rows("SELECT n_all FROM theme_impact WHERE dimension = 'overall' AND theme_id = 'x' AND sentiment = 'any'");
    expect(Number(n?.n_all)).toBe(300);
  });

  it('dissatisfier_ranking and the report take the negative-mention figure', async () => {
    const [d] = await rows("SELECT nps_impact, nps_driver, negative_mentions FROM dissatisfier_ranking WHERE theme_id = 'x'");
    expect(Number(d?.nps_impact)).toBeCloseTo(20 - 100 / 3, 9);
    expect(d?.nps_driver).toBe(true);
    expect(Number(d?.negative_mentions)).toBe(30);
    const facts = await gatherReportFacts(db.connection, await listColumns(db.connection), runSummarySchema.parse({ pipeline: 'fixture', asOf: '2026-06-30' }), {
      asOf: '2026-06-30', themeLabel: (id) => id,
    });
    expect(facts.npsDrivers.map((x) => x.themeId)).toEqual(['x']);
    expect(Number(facts.npsDrivers[0]?.evidence.impact)).toBeCloseTo(20 - 100 / 3, 9);
    // the churn lift beside it counts negative mentions too: 30 training accounts
    const [lift] = await rows("SELECT training_accounts_with FROM churn_theme_lift WHERE theme_id = 'x' AND sentiment = 'negative'");
    expect(Number(lift?.training_accounts_with)).toBe(30);
  });
});
