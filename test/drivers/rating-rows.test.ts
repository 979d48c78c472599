/**
 * Per-response rating rows from drivers_ratings (one GROUP BY, no pivot): coverage counts,
 * complete rows, and the moments (per account, the resampling clusters, and in hashed groups of
 * accounts) against sums computed by hand.
 */
import { describe, it, expect } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import { runSqlFile } from '../../src/db/sql-file.ts';
import { createRatingRows, countCompleteRows, ratingRowsSql, completeRowsCondition } from '../../src/analyze/drivers/rating-rows.ts';
import { readRatingMoments, momentsCorrelation } from '../../src/analyze/drivers/rating-moments.ts';
import { loadFixture, day, type FixtureRow } from './fixture.ts';

// R1..R5 in scope; R6 after the run date; R4 misses 'speed'; R5 misses 'price'; R3 has a NaN price.
// Accounts: R1, R2, R6 → A; R3, R4 → B; R5 has none (its own cluster).
const accountOf = ['A', 'A', 'B', 'B', null, 'A'];
const responses: FixtureRow[] = [1, 2, 3, 4, 5, 6].map((i) => ({ response_id: `R${i}`, account_id: accountOf[i - 1], submitted_at: day(i === 6 ? 400 : i), nps: [9, 3, 7, 10, 6, 8][i - 1] }));
const ratings: FixtureRow[] = [
  ['R1', 'ease', 4], ['R1', 'price', 2], ['R2', 'ease', 1], ['R2', 'price', 5], ['R3', 'ease', 3], ['R3', 'price', 'NaN'],
  ['R4', 'ease', 5], ['R4', 'price', 3], ['R5', 'ease', 2], ['R6', 'ease', 1], ['R6', 'price', 1],
  ['R1', 'speed', 5], ['R2', 'speed', 2], ['R3', 'speed', 4], ['R5', 'speed', 3],
].map(([response_id, attribute, rating]) => ({ response_id, attribute, rating }));

async function setUp(groups = 10): Promise<Awaited<ReturnType<typeof openDatabase>>> {
  const db = await openDatabase();
  await loadFixture(db.connection, { accounts: [{ account_id: 'A', segment: 'S' }, { account_id: 'B', segment: 'S' }], responses, ratings });
  await runSqlFile(db.connection, 'drivers/create-scope-responses', { as_of: '2025-06-30', window_days: 0, metric: 'nps' });
  await runSqlFile(db.connection, 'drivers/create-cluster-groups', { groups, seed: 7 });
  await runSqlFile(db.connection, 'drivers/create-rating-scope');
  return db;
}

describe('rating rows', () => {
  it('counts, per attribute, the in-scope responses that rated it (NaN and missing ratings ignored)', async () => {
    const db = await setUp();
    const coverage = await createRatingRows(db.connection, ['ease', 'price', 'speed']);
    expect(coverage.ratedResponses).toBe(5);
    expect(coverage.nRated).toEqual([5, 3, 4]);
    // complete rows: ease and price → R1, R2, R4 (R3 price is NaN, R5 has no price); ease and speed → R1, R2, R3, R5
    expect(await countCompleteRows(db.connection, [0, 1])).toBe(3);
    expect(await countCompleteRows(db.connection, [0, 2])).toBe(4);
    db.close();
  });

  it('sums the moments of the complete rows per account (a response without one is its own), or in hashed groups of accounts', async () => {
    const db = await setUp();
    await createRatingRows(db.connection, ['ease', 'price', 'speed']);
    // ease, speed, y over R1 (4, 5, 9), R2 (1, 2, 3), R3 (3, 4, 7), R5 (2, 3, 6); clusters in key order:
    // R5 (no account), account A = R1 + R2, account B = R3
    const perAccount = await readRatingMoments(db.connection, [0, 2], 4);
    expect(perAccount.groups).toBe(3);
    expect(Array.from(perAccount.n)).toEqual([1, 2, 1]);
    expect(Array.from(perAccount.sums)).toEqual([2, 3, 6, 4 + 1, 5 + 2, 9 + 3, 3, 4, 7]);
    // cross products of account A: upper triangle of (4, 5, 9)ᵀ(4, 5, 9) + (1, 2, 3)ᵀ(1, 2, 3)
    expect(Array.from(perAccount.cross.subarray(6, 12))).toEqual([16 + 1, 20 + 2, 36 + 3, 25 + 4, 45 + 6, 81 + 9]);
    db.close();
    const grouped = await setUp(2);
    await createRatingRows(grouped.connection, ['ease', 'price', 'speed']);
    const hashed = await readRatingMoments(grouped.connection, [0, 2], 4);
    expect(hashed.groups).toBeLessThanOrEqual(2);
    const total = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);
    expect(total(hashed.n)).toBe(4);
    expect(total(hashed.sums)).toBe(total(perAccount.sums));
    expect(total(hashed.cross)).toBe(total(perAccount.cross));
    // the correlation from grouped sums equals the one from the accounts
    const a = momentsCorrelation(perAccount);
    const b = momentsCorrelation(hashed);
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 12));
    grouped.close();
  });

  it('builds SQL from indices only and binds the attribute names', () => {
    const sql = ratingRowsSql(2);
    expect(sql).toContain('$a0');
    expect(sql).toContain('$a1');
    expect(sql).not.toContain("'");
    expect(completeRowsCondition([0, 3])).toBe('c0 = 1 AND c3 = 1');
    expect(() => completeRowsCondition([1.5])).toThrow(RangeError);
    expect(() => completeRowsCondition([-1])).toThrow(RangeError);
  });

  it('keeps hostile attribute names as values', async () => {
    const db = await openDatabase();
    await loadFixture(db.connection, {
      responses: [{ response_id: 'R1', account_id: 'A', submitted_at: day(1), nps: 9 }],
      ratings: [{ response_id: 'R1', attribute: "x'); DROP TABLE responses; --", rating: 3 }],
    });
    await runSqlFile(db.connection, 'drivers/create-scope-responses', { as_of: '2025-06-30', window_days: 0, metric: 'nps' });
    await runSqlFile(db.connection, 'drivers/create-cluster-groups', { groups: 10, seed: 1 });
    await runSqlFile(db.connection, 'drivers/create-rating-scope');
    const coverage = await createRatingRows(db.connection, ["x'); DROP TABLE responses; --"]);
    expect(coverage.nRated).toEqual([1]);
    expect((await db.connection.runAndReadAll('SELECT count(*) AS n FROM responses')).getRows()[0]?.[0]).toBe(1n);
    db.close();
  });
});
