import { describe, it, expect, afterEach } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { computeMetrics } from '../../src/analyze/metrics/compute-metrics.ts';
import { openFixtureDatabase, fixtureSettings, insertResponses, insertAccount, insertContact, selectRows } from './metrics-fixture.ts';
import { clusteredSe, npsClusters } from './cluster-se-reference.ts';

const npsSe = (p: number, d: number, n: number) => 100 * Math.sqrt((p + d - (p - d) ** 2) / n);

async function weightedRow(db: Database, method: string, dimension = 'overall', value = 'all') {
  const rows = await selectRows(
    db.connection,
    "SELECT * FROM metric_weighted WHERE method = $method AND grain = 'all' AND dimension = $dimension AND dimension_value = $value",
    { method, dimension, value },
  );
  expect(rows, `${method} ${dimension}=${value}`).toHaveLength(1);
  return rows[0];
}

/**
 * Account A (SMB): decision maker (w 1) scores 10, user (w 0.25) scores 6.
 * Account B (ENT): influencer (w 0.5) scores 9, contact with an unlisted role (default w 1) scores 6,
 * a respondent without a contact record (default w 1) scores 8.
 */
async function seed(db: Database): Promise<void> {
  const c = db.connection;
  await insertAccount(c, 'A', 'SMB');
  await insertAccount(c, 'B', 'ENT');
  await insertContact(c, 'a-dm', 'A', 'decision_maker');
  await insertContact(c, 'a-user', 'A', 'user');
  await insertContact(c, 'b-inf', 'B', 'influencer');
  await insertContact(c, 'b-other', 'B', 'procurement');
  await insertResponses(c, [
    { contact: 'a-dm', account: 'A', at: '2024-01-10', nps: 10 },
    { contact: 'a-user', account: 'A', at: '2024-01-11', nps: 6 },
    { contact: 'b-inf', account: 'B', at: '2024-01-12', nps: 9 },
    { contact: 'b-other', account: 'B', at: '2024-01-13', nps: 6 },
    { contact: 'b-ghost', account: 'B', at: '2024-01-14', nps: 8 },
    { contact: null, account: null, at: '2024-01-14', nps: 10, type: 'employee' }, // eNPS: not in weighted NPS
  ]);
}

describe('metric_weighted', () => {
  let db: Database;
  afterEach(() => db?.close());

  it('unweighted NPS counts every respondent once', async () => {
    db = await openFixtureDatabase();
    await seed(db);
    await computeMetrics(db.connection, { asOf: '2024-01-31', settings: fixtureSettings({ min_n: 3 }) });
    const r = await weightedRow(db, 'unweighted');
    expect(r.n).toBe(5);
    expect(r.n_eff).toBe(5);
    expect(r.value).toBeCloseTo(0, 12); // 2 promoters, 1 passive, 2 detractors
    // clustered by account: A (+1, −1) and B (+1, −1, 0) both sum to 0 = θ · n_a, so every u_a is 0
    expect(r.se).toBeCloseTo(0, 12);
    expect(r.se).toBeCloseTo(100 * clusteredSe(npsClusters([[10, 6], [9, 6, 8]])).se, 12);
    expect(r.se_srs).toBeCloseTo(npsSe(0.4, 0.4, 5), 10);
    expect(r.design_effect).toBeCloseTo(0, 12);
    expect(r.small_n).toBe(false);
  });

  it('role-weighted NPS and Kish n_eff match the hand computation', async () => {
    db = await openFixtureDatabase();
    await seed(db);
    await computeMetrics(db.connection, { asOf: '2024-01-31', settings: fixtureSettings({ min_n: 5 }) });
    const w = [1, 0.25, 0.5, 1, 1];
    const sumW = 3.75;
    const sumW2 = w.reduce((a, x) => a + x * x, 0); // 3.3125
    const nEff = (sumW * sumW) / sumW2; // 4.2453
    const p = (1 + 0.5) / sumW; // promoters 10 (w 1) and 9 (w 0.5)
    const d = (0.25 + 1) / sumW; // detractors 6 (w 0.25) and 6 (w 1)
    const r = await weightedRow(db, 'role_weighted');
    expect(r.n).toBe(5);
    expect(r.sum_weight).toBeCloseTo(sumW, 12);
    expect(r.n_eff).toBeCloseTo(nEff, 10);
    expect(r.n_eff).toBeCloseTo(4.245283018867925, 10);
    expect(r.promoters).toBeCloseTo(0.4, 12);
    expect(r.detractors).toBeCloseTo(1 / 3, 12);
    expect(r.value).toBeCloseTo(100 * (p - d), 10);
    // clustered: W_A = 1.25, S_A = 1 − 0.25 = 0.75; W_B = 2.5, S_B = 0.5 − 1 = −0.5; θ = 0.25 / 3.75 = 1/15;
    // u_A = 0.75 − 1.25/15 = 2/3, u_B = −0.5 − 2.5/15 = −2/3; var = 2/1 · (8/9) / 3.75² = 0.126420
    const clustered = 100 * Math.sqrt((2 * (8 / 9)) / 3.75 ** 2);
    expect(clustered).toBeCloseTo(100 * clusteredSe([[[1, 1], [0.25, -1]], [[0.5, 1], [1, -1], [1, 0]]]).se, 12);
    expect(r.se).toBeCloseTo(clustered, 10);
    expect(r.se).toBeCloseTo(35.55555555555556, 10);
    expect(r.se_srs).toBeCloseTo(npsSe(p, d, nEff), 10);
    expect(r.design_effect).toBeCloseTo(clustered ** 2 / npsSe(p, d, nEff) ** 2, 10);
    expect(r.moe).toBeCloseTo(1.96 * clustered, 10);
    expect(r.small_n).toBe(true); // n = 5 but n_eff = 4.25 < min_n 5

    const ent = await weightedRow(db, 'role_weighted', 'segment', 'ENT');
    expect(ent.n).toBe(3);
    expect(ent.value).toBeCloseTo(100 * (0.5 - 1) / 2.5, 10);
    expect(ent.n_eff).toBeCloseTo(2.5 ** 2 / 2.25, 10);
  });

  it('account roll-up averages each account, then classifies the averages (optionally role weighted)', async () => {
    db = await openFixtureDatabase();
    await seed(db);
    await computeMetrics(db.connection, { asOf: '2024-01-31', settings: fixtureSettings({ min_n: 2 }) });
    // A: mean (10 + 6) / 2 = 8 → passive; B: (9 + 6 + 8) / 3 = 7.67 → passive.
    const plain = await weightedRow(db, 'account_rollup');
    expect(plain.n).toBe(2);
    expect(plain.value).toBeCloseTo(0, 12);
    expect(plain.passives).toBeCloseTo(1, 12);
    // Weighted: A = (10 + 0.25 * 6) / 1.25 = 9.2 → promoter; B = (4.5 + 6 + 8) / 2.5 = 7.4 → passive.
    const weighted = await weightedRow(db, 'account_rollup_role_weighted');
    expect(weighted.n).toBe(2);
    expect(weighted.value).toBeCloseTo(50, 10);
    // every account is one unit: C/(C−1) = 2 times the SRS variance of the two account classes
    expect(weighted.se_srs).toBeCloseTo(npsSe(0.5, 0, 2), 10);
    expect(weighted.se).toBeCloseTo(npsSe(0.5, 0, 2) * Math.sqrt(2), 10);
    expect(weighted.se).toBeCloseTo(50, 10);
    expect(weighted.small_n).toBe(false);
    const smb = await weightedRow(db, 'account_rollup_role_weighted', 'segment', 'SMB');
    expect(smb.n).toBe(1);
    expect(smb.value).toBeCloseTo(100, 10);
    expect(smb.small_n).toBe(true);
  });

  it('an averaged score below 7 is a detractor, 9 or more a promoter', async () => {
    db = await openFixtureDatabase();
    await insertResponses(db.connection, [
      { account: 'X', at: '2024-01-10', nps: 7 },
      { account: 'X', at: '2024-01-10', nps: 6 }, // mean 6.5 → detractor
      { account: 'Y', at: '2024-01-10', nps: 9 },
      { account: 'Y', at: '2024-01-10', nps: 9 }, // mean 9 → promoter
      { account: 'Z', at: '2024-01-10', nps: 9 },
      { account: 'Z', at: '2024-01-10', nps: 8 }, // mean 8.5 → passive
    ]);
    await computeMetrics(db.connection, { asOf: '2024-01-31', settings: fixtureSettings() });
    const r = await weightedRow(db, 'account_rollup');
    expect(r.promoters).toBeCloseTo(1 / 3, 12);
    expect(r.passives).toBeCloseTo(1 / 3, 12);
    expect(r.detractors).toBeCloseTo(1 / 3, 12);
    expect(r.value).toBeCloseTo(0, 12);
  });

  it('weights of zero give NULL values, not NaN, and custom role weights apply', async () => {
    db = await openFixtureDatabase();
    await insertContact(db.connection, 'u1', null, 'user');
    await insertResponses(db.connection, [{ contact: 'u1', at: '2024-01-10', nps: 10 }]);
    await computeMetrics(db.connection, {
      asOf: '2024-01-31',
      settings: fixtureSettings({ role_weights: { user: 0 }, default_role_weight: 1 }),
    });
    const r = await weightedRow(db, 'role_weighted');
    expect(r.n).toBe(1);
    expect(r.value).toBeNull();
    expect(r.se).toBeNull();
    expect(r.n_eff).toBeNull();
    expect(r.small_n).toBe(true);
    // no account: no roll-up rows
    expect(await selectRows(db.connection, "SELECT * FROM metric_weighted WHERE method LIKE 'account%'")).toHaveLength(0);
  });
});
