import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { runSqlFile } from '../../src/db/sql-file.ts';
import { selectRows } from './metrics-fixture.ts';

// Reference values from Python's math.erfc (double precision).
describe('statistics macros (sql/metrics/create-stat-macros.sql)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase();
    await runSqlFile(db.connection, 'metrics/create-stat-macros');
  });
  afterAll(() => db.close());

  const one = async (expr: string): Promise<unknown> => (await selectRows(db.connection, `SELECT ${expr} AS v`))[0].v;

  it('two-sided p-values match erfc(|z|/sqrt 2) to 1e-7 relative', async () => {
    const cases: [number, number][] = [
      [1.96, 0.04999579029644087],
      [2.5758293035489, 0.01],
      [3.2905267314919, 0.001],
      [1.0, 0.31731050786291415],
      [-3.5082320772281173, 0.0004510953476143051],
    ];
    for (const [z, p] of cases) {
      const got = Number(await one(`metric_two_sided_p(${z})`));
      expect(Math.abs(got - p) / p).toBeLessThan(2e-7);
    }
  });

  it('normal CDF is symmetric and bounded', async () => {
    expect(Number(await one('metric_normal_cdf(1.0)'))).toBeCloseTo(0.8413447460685429, 7);
    expect(Number(await one('metric_normal_cdf(-1.5)'))).toBeCloseTo(0.06680720126885809, 7);
    expect(Number(await one('metric_normal_cdf(0)'))).toBeLessThanOrEqual(1);
    expect(Number(await one('metric_two_sided_p(0)'))).toBe(1);
    expect(Number(await one('metric_normal_cdf(40)'))).toBe(1);
  });

  it('NULL in gives NULL out (no confident 0 or 1 from an unknown)', async () => {
    for (const expr of [
      'metric_two_sided_p(NULL)',
      'metric_normal_cdf(NULL)',
      'metric_nps_se_points(NULL, 0.2, 10)',
      'metric_proportion_se(NULL, 10)',
      'metric_clamp(NULL, 0, 1)',
      'metric_non_negative(NULL)',
    ]) {
      expect(await one(expr), expr).toBeNull();
    }
  });

  it('divisions by zero give NULL, never Infinity or NaN', async () => {
    expect(await one('metric_ratio(3, 0)')).toBeNull();
    expect(await one('metric_nps_se_points(0.5, 0.2, 0)')).toBeNull();
    expect(await one('metric_effective_n(0.0, 0.0)')).toBeNull();
    expect(await one('metric_sample_variance(3, 9, 1)')).toBeNull();
  });

  it('NPS SE follows sqrt((p + d - (p - d)^2) / n) in points', async () => {
    const p = 0.5;
    const d = 0.2;
    const expected = 100 * Math.sqrt((p + d - (p - d) ** 2) / 40);
    expect(Number(await one(`metric_nps_se_points(${p}, ${d}, 40)`))).toBeCloseTo(expected, 10);
  });

  it('sample variance from integer sums equals the textbook formula', async () => {
    const xs = [1, 2, 2, 5, 7];
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
    const sx = xs.reduce((a, b) => a + b, 0);
    const sxx = xs.reduce((a, b) => a + b * b, 0);
    expect(Number(await one(`metric_sample_variance(${sx}, ${sxx}, ${xs.length})`))).toBeCloseTo(variance, 12);
  });

  it('shifts periods by calendar grain', async () => {
    expect(await one(`metric_period_shift('month', DATE '2024-03-01', -1)`)).toBe('2024-02-01');
    expect(await one(`metric_period_shift('quarter', DATE '2024-01-01', -1)`)).toBe('2023-10-01');
    expect(await one(`metric_period_shift('week', DATE '2024-01-01', -1)`)).toBe('2023-12-25');
    expect(await one(`metric_period_start('week', TIMESTAMP '2024-01-03 12:00')`)).toBe('2024-01-01');
    expect(await one(`metric_period_start('all', TIMESTAMP '2024-01-03 12:00')`)).toBeNull();
  });
});
