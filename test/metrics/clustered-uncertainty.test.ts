/**
 * Account-clustered uncertainty of metric_cells against hand computations written here (no call to the SQL
 * formulas): the linearisation (sandwich) estimator of a ratio of totals with the account as cluster,
 * var = C/(C−1) · Σ_a u_a² / n², and the clustered SE of a change between two periods sharing accounts.
 * R's survey package gives the same figures (svydesign(ids = ~account, data = d); svymean(~unit, d) for a
 * cell; for a change, svyby(~unit, ~period, d, svymean, covmat = TRUE) then svycontrast). The figures R gives
 * for the first data set and the change below are pasted as R_* constants. Source: R 4.2.2 Patched
 * (2022-11-10 r83330), survey 4.1.1 (nps_frame and nps() as in clustered-se-r-reference.test.ts):
 *   d1 <- nps_frame(c("A","A","A","B","B","B","C"), c(10, 9, 3, 8, 6, 9, 10))
 *   nps(svydesign(ids = ~cluster, weights = ~w, data = d1))          # 0.28571428571428569, SE 0.19680919920393784
 *   d2 <- nps_frame(c("A","A","B","A","A","C"), c(10, 10, 0, 10, 0, 9)); d2$period <- c("jan","jan","jan","feb","feb","feb")
 *   by <- svyby(~unit, ~period, svydesign(ids = ~cluster, weights = ~w, data = d2), svymean, covmat = TRUE)
 *   svycontrast(by, c(feb = 1, jan = -1))                             # 0, SE 1.0183501544346309
 */
import { describe, it, expect, afterEach } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { computeMetrics } from '../../src/analyze/metrics/compute-metrics.ts';
import { benjaminiHochbergQValues } from '../../src/analyze/stats/benjamini-hochberg.ts';
import { openFixtureDatabase, fixtureSettings, insertResponses, insertAccount, cell, selectRows, type ResponseFixture } from './metrics-fixture.ts';
import { clusteredSe, npsClusters } from './cluster-se-reference.ts';

/** R survey figures for the first data set and the change (see the header), in NPS points. */
const R_SET1 = { nps: 28.571428571428569, se: 19.680919920393784 };
const R_CHANGE = { change: 0, se: 101.83501544346309 };

const scored = (account: string | null, at: string, scores: readonly number[]): ResponseFixture[] => scores.map((nps) => ({ account, at, nps }));

describe('clustered uncertainty in metric_cells', () => {
  let db: Database;
  afterEach(() => db?.close());

  it('3 accounts, 7 responses: the clustered SE and design effect equal the hand computation', async () => {
    db = await openFixtureDatabase();
    // A: 10, 9, 3 → +1 +1 −1 (s_A = 1, n_A = 3); B: 8, 6, 9 → 0 −1 +1 (s_B = 0, n_B = 3); C: 10 → +1 (s_C = 1).
    // θ = 2/7; u_A = 1 − 3·2/7 = 1/7, u_B = −6/7, u_C = 5/7; Σ u² = 62/49; var = 3/2 · (62/49) / 7² = 93/2401.
    await insertResponses(db.connection, [...scored('A', '2024-01-05', [10, 9, 3]), ...scored('B', '2024-01-06', [8, 6, 9]), ...scored('C', '2024-01-07', [10])]);
    await computeMetrics(db.connection, { asOf: '2024-01-31', settings: fixtureSettings({ min_n: 1 }) });
    const c = await cell(db.connection, { metric: 'nps' });
    const se = 100 * Math.sqrt(93 / 2401);
    expect(se).toBeCloseTo(100 * clusteredSe(npsClusters([[10, 9, 3], [8, 6, 9], [10]])).se, 12);
    expect(c.n).toBe(7);
    expect(c.clusters).toBe(3);
    expect(c.value).toBeCloseTo((100 * 2) / 7, 10);
    expect(c.se).toBeCloseTo(se, 10);
    expect(c.se).toBeCloseTo(19.680919920393787, 9);
    expect(Math.abs(Number(c.value) - R_SET1.nps)).toBeLessThan(1e-9);
    expect(Math.abs(Number(c.se) - R_SET1.se)).toBeLessThan(1e-9);
    // SRS: p = 4/7, d = 2/7: var = (6/7 − (2/7)²) / 7 = 38/343
    const srs = 100 * Math.sqrt(38 / 343);
    expect(c.se_srs).toBeCloseTo(srs, 10);
    expect(c.design_effect).toBeCloseTo(93 / 2401 / (38 / 343), 10);
    expect(c.moe).toBeCloseTo(1.96 * se, 10);
    // a cell with one account cannot estimate its own variance: NULL, never a confident 0
    db.close();
    db = await openFixtureDatabase();
    await insertResponses(db.connection, scored('A', '2024-01-05', [10, 9, 3, 0]));
    await computeMetrics(db.connection, { asOf: '2024-01-31', settings: fixtureSettings({ min_n: 1 }) });
    const single = await cell(db.connection, { metric: 'nps' });
    expect(single.clusters).toBe(1);
    expect(single.se).toBeNull();
    expect(single.moe).toBeNull();
  });

  it('responses without account are their own clusters: the SRS figures times sqrt(n/(n−1))', async () => {
    db = await openFixtureDatabase();
    const scores = [10, 9, 9, 8, 7, 6, 3, 0, 10, 5, 9];
    await insertResponses(db.connection, scored(null, '2024-01-10', scores));
    await computeMetrics(db.connection, { asOf: '2024-01-31', settings: fixtureSettings({ min_n: 1 }) });
    const c = await cell(db.connection, { metric: 'nps' });
    const n = scores.length;
    const p = scores.filter((x) => x >= 9).length / n;
    const d = scores.filter((x) => x <= 6).length / n;
    const srs = 100 * Math.sqrt((p + d - (p - d) ** 2) / n);
    expect(c.clusters).toBe(n);
    expect(c.se_srs).toBeCloseTo(srs, 10);
    expect(c.se).toBeCloseTo(srs * Math.sqrt(n / (n - 1)), 10);
    expect(c.design_effect).toBeCloseTo(n / (n - 1), 10);
    // the same answers each given its own account: identical figures
    db.close();
    db = await openFixtureDatabase();
    await insertResponses(db.connection, scores.map((nps, i) => ({ account: `acc-${i}`, at: '2024-01-10', nps })));
    await computeMetrics(db.connection, { asOf: '2024-01-31', settings: fixtureSettings({ min_n: 1 }) });
    expect((await cell(db.connection, { metric: 'nps' })).se).toBeCloseTo(srs * Math.sqrt(n / (n - 1)), 10);
  });

  it('a change between periods sharing accounts is linearised over the accounts of either period', async () => {
    db = await openFixtureDatabase();
    // January: A 10, 10; B 0.   February: A 10, 0; C 9.
    await insertResponses(db.connection, [
      ...scored('A', '2024-01-10', [10, 10]), ...scored('B', '2024-01-11', [0]),
      ...scored('A', '2024-02-10', [10, 0]), ...scored('C', '2024-02-11', [9]),
    ]);
    await computeMetrics(db.connection, { asOf: '2024-02-29', settings: fixtureSettings({ min_n: 1 }) });
    const feb = await cell(db.connection, { metric: 'nps', grain: 'month', period: '2024-02-01' });
    // θ_jan = 1/3 (n 3): u_A = 2 − 2·1/3 = 4/3, u_B = −1 − 1/3 = −4/3.  θ_feb = 1/3 (n 3): u_A = 0 − 2/3, u_C = 1 − 1/3.
    // change = feb − jan: u_a = u_a(feb)/3 − u_a(jan)/3 → A: −2/9 − 4/9 = −2/3, B: 4/9, C: 2/9.
    // Σ u² = 36/81 + 16/81 + 4/81 = 56/81; C = 3 accounts → var = 3/2 · 56/81 = 84/81.
    const changeSe = 100 * Math.sqrt(84 / 81);
    expect(feb.change).toBeCloseTo(0, 10);
    expect(feb.shared_clusters).toBe(1);
    expect(feb.change_se).toBeCloseTo(changeSe, 10);
    expect(Math.abs(Number(feb.change) - R_CHANGE.change)).toBeLessThan(1e-9);
    expect(Math.abs(Number(feb.change_se) - R_CHANGE.se)).toBeLessThan(1e-9);
    // had the periods been independent (each its own C/(C−1)): 2·(32/9)/9 + 2·(8/9)/9 = 80/81 — a different figure
    expect(Math.abs(Number(feb.change_se) - 100 * Math.sqrt(80 / 81))).toBeGreaterThan(1);
  });

  it('positively correlated accounts across periods shrink the SE of the change', async () => {
    db = await openFixtureDatabase();
    // each account answers the same way both months: the change is estimated much more precisely than two
    // independent samples would allow
    const accounts = ['A', 'B', 'C', 'D', 'E', 'F'];
    const profile = [[10, 10, 9], [0, 3, 6], [10, 8], [2, 1], [9, 9], [7, 5]];
    const rows = accounts.flatMap((a, i) => [...scored(a, '2024-01-10', profile[i]), ...scored(a, '2024-02-10', profile[i])]);
    await insertResponses(db.connection, rows);
    await computeMetrics(db.connection, { asOf: '2024-02-29', settings: fixtureSettings({ min_n: 1 }) });
    const feb = await cell(db.connection, { metric: 'nps', grain: 'month', period: '2024-02-01' });
    expect(feb.change).toBeCloseTo(0, 10);
    expect(feb.shared_clusters).toBe(6);
    // identical periods: u_a(feb)/n − u_a(jan)/n = 0 for every account
    expect(feb.change_se).toBeCloseTo(0, 10);
  });

  it('q-values of each family (metric × grain × dimension) are the Benjamini–Hochberg ones of its p-values', async () => {
    db = await openFixtureDatabase();
    // 8 owners over 3 months, owners O0..O3 with a planted drop in March, others noise
    const rows: ResponseFixture[] = [];
    for (let o = 0; o < 8; o++) {
      await insertAccount(db.connection, `acc-${o}`, 'SMB', 'EU', `O${o}`);
      for (const [month, day] of [['01', 10], ['02', 11], ['03', 12]] as const) {
        const drop = o < 4 && month === '03';
        for (let k = 0; k < 40; k++) {
          const nps = drop ? (k % 3 === 0 ? 9 : 2) : (k * 7 + o * 3 + Number(month)) % 11;
          rows.push({ account: `acc-${o}`, at: `2024-${month}-${day}`, nps });
          // a second account per owner so that every cell has two clusters
          if (k % 2 === 0) rows.push({ account: `acc-${o}-b`, at: `2024-${month}-${day}`, nps: (nps + 1) % 11 });
        }
      }
      await insertAccount(db.connection, `acc-${o}-b`, 'SMB', 'EU', `O${o}`);
    }
    await insertResponses(db.connection, rows);
    await computeMetrics(db.connection, { asOf: '2024-03-31', settings: fixtureSettings({ min_n: 5, fdr_level: 0.05 }) });
    const family = await selectRows(db.connection,
      "SELECT period, dimension_value, p_value, q_value, family_tests, significant, fdr_level FROM metric_cells WHERE metric = 'nps' AND grain = 'month' AND dimension = 'owner' AND p_value IS NOT NULL ORDER BY period, dimension_value");
    expect(family).toHaveLength(16);
    const p = family.map((r) => Number(r.p_value));
    const q = family.map((r) => Number(r.q_value));
    const expected = benjaminiHochbergQValues(p);
    q.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
    // the definition written out: q_i = min over tests j with p_j ≥ p_i of p_j · m / rank_j
    const m = p.length;
    const sorted = [...p].sort((a, b) => a - b);
    p.forEach((pi, i) => {
      const hand = Math.min(1, ...sorted.map((pj, j) => (pj >= pi ? (pj * m) / (j + 1) : Infinity)));
      expect(q[i]).toBeCloseTo(hand, 12);
    });
    expect(family.every((r) => r.family_tests === 16 && r.fdr_level === 0.05)).toBe(true);
    expect(family.every((r) => r.significant === (Number(r.q_value) < 0.05))).toBe(true);
    // the planted March drops are found
    const march = family.filter((r) => r.period === '2024-03-01' && ['O0', 'O1', 'O2', 'O3'].includes(String(r.dimension_value)));
    expect(march.every((r) => r.significant === true)).toBe(true);
  });
});
