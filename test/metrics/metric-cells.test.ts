import { describe, it, expect, afterEach } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { computeMetrics } from '../../src/analyze/metrics/compute-metrics.ts';
import {
  openFixtureDatabase,
  fixtureSettings,
  insertResponses,
  insertAccount,
  npsResponses,
  repeatScores,
  cell,
  selectRows,
} from './metrics-fixture.ts';

const npsSe = (p: number, d: number, n: number) => 100 * Math.sqrt((p + d - (p - d) ** 2) / n);

describe('metric_cells', () => {
  let db: Database;
  afterEach(() => db?.close());

  it('NPS, its SE, margin and CI match the hand computation', async () => {
    db = await openFixtureDatabase();
    // 5 promoters (9, 10), 3 passives (7, 8), 2 detractors (0, 6): NPS = 30.
    await insertResponses(db.connection, npsResponses([10, 10, 9, 9, 9, 8, 7, 7, 6, 0], { at: '2024-01-10' }));
    await computeMetrics(db.connection, { asOf: '2024-01-31', settings: fixtureSettings() });
    const c = await cell(db.connection, { metric: 'nps' });
    const srs = npsSe(0.5, 0.2, 10); // 100 * sqrt(0.61 / 10) = 24.698
    // no account id: every response is its own cluster, so the clustered SE is the SRS one times sqrt(C/(C−1))
    const se = srs * Math.sqrt(10 / 9);
    expect(c.n).toBe(10);
    expect(c.clusters).toBe(10);
    expect(c.value).toBeCloseTo(30, 10);
    expect(c.promoters).toBeCloseTo(0.5, 12);
    expect(c.passives).toBeCloseTo(0.3, 12);
    expect(c.detractors).toBeCloseTo(0.2, 12);
    expect(c.se_srs).toBeCloseTo(srs, 10);
    expect(c.se_srs).toBeCloseTo(24.698178070456937, 10);
    expect(c.se).toBeCloseTo(se, 10);
    expect(c.design_effect).toBeCloseTo(10 / 9, 10);
    expect(c.moe).toBeCloseTo(1.96 * se, 10);
    expect(c.ci_low).toBeCloseTo(30 - 1.96 * se, 10);
    expect(c.ci_high).toBeCloseTo(30 + 1.96 * se, 10);
    expect(c.small_n).toBe(false);
  });

  it('CSAT is the top-2-box share (4-5 of 1..5) with a binomial SE; CES the mean with SD/sqrt(n)', async () => {
    db = await openFixtureDatabase();
    const csat = [5, 4, 4, 3, 2, 1, 5, 5];
    const ces = [1, 2, 3, 4, 5, 6, 7, 2];
    await insertResponses(
      db.connection,
      csat.map((v, i) => ({ at: '2024-01-10', csat: v, ces: ces[i] })),
    );
    await computeMetrics(db.connection, { asOf: '2024-01-31', settings: fixtureSettings() });
    const c = await cell(db.connection, { metric: 'csat' });
    expect(c.n).toBe(8);
    expect(c.top2box).toBeCloseTo(5 / 8, 12);
    expect(c.value).toBeCloseTo(62.5, 10);
    expect(c.se_srs).toBeCloseTo(100 * Math.sqrt((0.625 * 0.375) / 8), 10);
    expect(c.se).toBeCloseTo(100 * Math.sqrt((0.625 * 0.375) / 8) * Math.sqrt(8 / 7), 10);

    const e = await cell(db.connection, { metric: 'ces' });
    const mean = ces.reduce((a, b) => a + b, 0) / ces.length;
    const sd = Math.sqrt(ces.reduce((a, x) => a + (x - mean) ** 2, 0) / (ces.length - 1));
    expect(e.mean).toBeCloseTo(mean, 12);
    expect(e.value).toBeCloseTo(mean, 12);
    // CES: the SRS SE already uses the sample variance (n − 1), so singleton clusters give it exactly
    expect(e.se).toBeCloseTo(sd / Math.sqrt(ces.length), 12);
    expect(e.se_srs).toBeCloseTo(sd / Math.sqrt(ces.length), 12);
    expect(e.design_effect).toBeCloseTo(1, 12);
    // no NPS answered: no NPS cell at all
    expect(await selectRows(db.connection, "SELECT * FROM metric_cells WHERE metric = 'nps'")).toHaveLength(0);
  });

  it('flags cells below min_n, splits dimensions through accounts, keeps eNPS apart', async () => {
    db = await openFixtureDatabase();
    await insertAccount(db.connection, 'A', 'SMB', 'EU', "O'Brien \"x\"; DROP TABLE accounts; --");
    await insertAccount(db.connection, 'B', 'ENT', 'US', 'bob');
    await insertResponses(db.connection, [
      ...npsResponses([10, 9, 9, 8, 2], { at: '2024-01-05', account: 'A', channel: 'email' }),
      ...npsResponses([10, 3, 4, 5], { at: '2024-01-06', account: 'B', channel: 'web' }),
      ...npsResponses([9, 1], { at: '2024-01-07', account: 'Z', channel: 'web' }), // account not in CRM
      ...npsResponses([10, 10, 0], { at: '2024-01-08', type: 'employee' }),
    ]);
    await computeMetrics(db.connection, { asOf: '2024-01-31', settings: fixtureSettings({ min_n: 5 }) });
    const overall = await cell(db.connection, { metric: 'nps' });
    expect(overall.n).toBe(11); // employee answers are not in NPS
    const smb = await cell(db.connection, { metric: 'nps', dimension: 'segment', value: 'SMB' });
    expect(smb.n).toBe(5);
    expect(smb.small_n).toBe(false);
    expect(smb.value).toBeCloseTo(40, 10);
    const ent = await cell(db.connection, { metric: 'nps', dimension: 'segment', value: 'ENT' });
    expect(ent.n).toBe(4);
    expect(ent.small_n).toBe(true);
    expect(ent.value).toBeCloseTo(-50, 10);
    expect((await cell(db.connection, { metric: 'nps', dimension: 'segment', value: '(unknown)' })).n).toBe(2);
    expect((await cell(db.connection, { metric: 'nps', dimension: 'owner', value: "O'Brien \"x\"; DROP TABLE accounts; --" })).n).toBe(5);
    expect((await cell(db.connection, { metric: 'nps', dimension: 'channel', value: 'web' })).n).toBe(6);
    expect((await cell(db.connection, { metric: 'nps', dimension: 'region', value: 'US' })).n).toBe(4);
    const enps = await cell(db.connection, { metric: 'enps' });
    expect(enps.n).toBe(3);
    expect(enps.value).toBeCloseTo(100 * (2 / 3 - 1 / 3), 10);
    expect(enps.small_n).toBe(true);
    const dims = await selectRows(db.connection, "SELECT DISTINCT dimension FROM metric_cells WHERE metric = 'nps' ORDER BY 1");
    expect(dims.map((r) => r.dimension)).toEqual(['channel', 'journey_stage', 'overall', 'owner', 'region', 'segment', 'touchpoint']);
    expect(await selectRows(db.connection, 'SELECT count(*) AS n FROM accounts')).toEqual([{ n: '2' }]);
  });

  it('tests the change vs the previous period: known z and p-value', async () => {
    db = await openFixtureDatabase();
    // January: 50 promoters, 30 passives, 20 detractors → NPS 30. February: 30 / 30 / 40 → NPS -10.
    await insertResponses(db.connection, npsResponses(repeatScores({ 10: 50, 8: 30, 3: 20 }), { at: '2024-01-15' }));
    await insertResponses(db.connection, npsResponses(repeatScores({ 9: 30, 7: 30, 0: 40 }), { at: '2024-02-15' }));
    const summary = await computeMetrics(db.connection, { asOf: '2024-02-29', settings: fixtureSettings({ min_n: 30 }) });
    const feb = await cell(db.connection, { metric: 'nps', grain: 'month', period: '2024-02-01' });
    const se1 = npsSe(0.5, 0.2, 100);
    const se2 = npsSe(0.3, 0.4, 100);
    // no accounts: 200 singleton clusters over both months, so var = 200/199 · (se1² + se2²)
    const changeSe = Math.sqrt(se1 ** 2 + se2 ** 2) * Math.sqrt(200 / 199);
    expect(feb.previous_period).toBe('2024-01-01');
    expect(feb.previous_value).toBeCloseTo(30, 10);
    expect(feb.change).toBeCloseTo(-40, 10);
    expect(feb.change_se).toBeCloseTo(changeSe, 10);
    // z = −3.5082320772281173 · sqrt(199/200); p = math.erfc(|z| / sqrt 2) in Python
    expect(feb.z).toBeCloseTo(-3.4994505063157915, 9);
    expect(Number(feb.p_value) / 0.0004662181481251787).toBeCloseTo(1, 6);
    expect(feb.shared_clusters).toBe(0);
    // one test in the family (nps × month × overall): q = p
    expect(feb.family_tests).toBe(1);
    expect(feb.q_value).toBeCloseTo(Number(feb.p_value), 15);
    expect(feb.significant).toBe(true);
    expect(feb.period_end).toBe('2024-02-29');
    expect(feb.period_complete).toBe(true);
    const jan = await cell(db.connection, { metric: 'nps', grain: 'month', period: '2024-01-01' });
    expect(jan.previous_value).toBeNull();
    expect(jan.p_value).toBeNull();
    expect(jan.significant).toBe(false);
    expect(summary.npsChange).toMatchObject({ grain: 'month', period: '2024-02-01', previousPeriod: '2024-01-01', significant: true });
    expect(summary.npsChange?.change).toBeCloseTo(-40, 10);
  });

  it('a significant-looking change is not significant when a cell is small; gaps have no previous value', async () => {
    db = await openFixtureDatabase();
    await insertResponses(db.connection, npsResponses(repeatScores({ 10: 9, 0: 1 }), { at: '2024-01-15' }));
    await insertResponses(db.connection, npsResponses(repeatScores({ 10: 1, 0: 9 }), { at: '2024-02-15' }));
    await insertResponses(db.connection, npsResponses([10, 10], { at: '2024-04-15' }));
    await computeMetrics(db.connection, { asOf: '2024-04-30', settings: fixtureSettings({ min_n: 30 }) });
    const feb = await cell(db.connection, { metric: 'nps', grain: 'month', period: '2024-02-01' });
    expect(Number(feb.p_value)).toBeLessThan(0.001);
    expect(feb.small_n).toBe(true);
    expect(feb.significant).toBe(false);
    const apr = await cell(db.connection, { metric: 'nps', grain: 'month', period: '2024-04-01' });
    expect(apr.previous_period).toBeNull(); // March has no answers: no comparison with February
    expect(apr.se).toBe(0);
    expect(apr.z).toBeNull();
  });

  it('ignores answers after asOf and marks the running period incomplete', async () => {
    db = await openFixtureDatabase();
    await insertResponses(db.connection, npsResponses([10, 9, 0], { at: '2024-03-10' }));
    await insertResponses(db.connection, npsResponses([0, 0], { at: '2024-03-16 00:00:01' }));
    const summary = await computeMetrics(db.connection, {
      asOf: '2024-03-15',
      settings: fixtureSettings({ periods: ['month', 'week', 'quarter'] }),
    });
    expect(summary.nps?.n).toBe(3);
    const march = await cell(db.connection, { metric: 'nps', grain: 'month', period: '2024-03-01' });
    expect(march.period_complete).toBe(false);
    expect(summary.npsChange).toMatchObject({ period: '2024-03-01', periodComplete: false });
    expect((await cell(db.connection, { metric: 'nps', grain: 'week', period: '2024-03-04' })).n).toBe(3);
    expect((await cell(db.connection, { metric: 'nps', grain: 'quarter', period: '2024-01-01' })).n).toBe(3);
  });
});
