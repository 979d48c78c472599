/**
 * The effect of a call-back on a constructed data set with a known effect: detractors in four strata (segment ×
 * triggering NPS), called back in very different shares per stratum; within every stratum the called-back
 * accounts' next answer is exactly 2 points higher and their renewal rate 20 points higher. The stratified
 * estimate must find 2 and 0.2 (the naive difference of means does not: the shares called are confounded with
 * the strata), with the normal-approximation interval computed here by hand; too few units say "not enough data".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { canonicalDatabase } from '../support/canonical-database.ts';
import { listColumns } from '../../src/charts/load-chart-rows.ts';
import { buildCallbackLoop, EFFECT_CAVEAT, NOT_ENOUGH_DATA } from '../../src/report/callback/callback-loop.ts';

const AS_OF = '2024-06-30';
/** segment, triggering NPS, accounts called back, accounts not called back */
const STRATA: ReadonlyArray<readonly [string, number, number, number]> = [
  ['SMB', 3, 30, 10],
  ['Enterprise', 5, 10, 30],
  ['SMB', 5, 20, 20],
  ['Enterprise', 3, 20, 40],
];

interface Unit { stratum: number; called: boolean; nextNps: number; renewed: number }
const units: Unit[] = [];

let db: Database;
let tables: Map<string, Set<string>>;

beforeAll(async () => {
  db = await canonicalDatabase();
  const conn = db.connection;
  await conn.run("INSERT INTO reconciliation VALUES ('followups', 1, 0, 0, 0, 0)");
  let k = 0;
  for (const [s, [segment, nps, nCalled, nNot]] of STRATA.entries()) {
    for (const [called, count, lift, renewShare] of [[true, nCalled, 3, 0.9], [false, nNot, 1, 0.7]] as const) {
      for (let j = 0; j < count; j++) {
        k++;
        const account = `A${k}`;
        const at = new Date(Date.parse('2024-03-01T00:00:00Z') + k * 3_600_000).toISOString();
        const nextNps = nps + lift + (j % 2 === 0 ? -1 : 1);
        const renewed = j < renewShare * count ? 1 : 0;
        units.push({ stratum: s, called, nextNps, renewed });
        await conn.run("INSERT INTO accounts (account_id, segment, owner) VALUES ($a, $segment, 'Ana')", { a: account, segment });
        await conn.run("INSERT INTO revenue (account_id, period, arr, currency) VALUES ($a, DATE '2024-01-01', 50000, 'EUR')", { a: account });
        await conn.run(
          `INSERT INTO responses (response_id, contact_id, account_id, submitted_at, nps) VALUES
           ($r1, $c, $a, $at::TIMESTAMP, $nps), ($r2, $c, $a, TIMESTAMP '2024-04-15 12:00:00', $next)`,
          { r1: `R${k}`, r2: `N${k}`, c: `C${k}`, a: account, at, nps, next: nextNps },
        );
        await conn.run("INSERT INTO churn_events (account_id, event_date, outcome) VALUES ($a, DATE '2024-05-01', $o)", { a: account, o: renewed === 1 ? 'renewed' : 'churned' });
        if (called) {
          await conn.run("INSERT INTO followups (response_id, contact_id, account_id, called_at, outcome) VALUES ($r, $c, $a, $at::TIMESTAMP + INTERVAL 2 HOUR, 'reached')", { r: `R${k}`, c: `C${k}`, a: account, at });
        }
      }
    }
  }
  tables = await listColumns(conn);
});

afterAll(() => db.close());

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: readonly number[]): number => xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1);

/** The stratified difference and its normal interval, by hand. */
function byHand(y: (u: Unit) => number) {
  let sumW = 0;
  let sumDiff = 0;
  let sumVar = 0;
  STRATA.forEach((_s, s) => {
    const c = units.filter((u) => u.stratum === s && u.called).map(y);
    const n = units.filter((u) => u.stratum === s && !u.called).map(y);
    sumW += c.length;
    sumDiff += c.length * (mean(c) - mean(n));
    sumVar += c.length ** 2 * (variance(c) / c.length + variance(n) / n.length);
  });
  const diff = sumDiff / sumW;
  const se = Math.sqrt(sumVar) / sumW;
  return { diff, low: diff - 1.96 * se, high: diff + 1.96 * se };
}

describe('the effect of a call-back', () => {
  it('finds the planted effect within strata, not the confounded naive difference', async () => {
    const loop = await buildCallbackLoop(db.connection, tables, { asOf: AS_OF, minN: 30 });
    // the loop starts on the day of the first follow-up by default
    expect(loop.since).toBe('2024-03-01');
    const e = loop.effect!;
    expect(e.caveat).toBe(EFFECT_CAVEAT);
    expect(e.caveat).toMatch(/not random/);

    const nps = byHand((u) => u.nextNps);
    expect(nps.diff).toBeCloseTo(2, 12);
    expect(e.nextNps).toMatchObject({ status: 'estimated', strata: 4, difference: 2, low: Number(nps.low.toFixed(2)), high: Number(nps.high.toFixed(2)) });
    const calledNps = units.filter((u) => u.called).map((u) => u.nextNps);
    const notNps = units.filter((u) => !u.called).map((u) => u.nextNps);
    expect(e.nextNps.called).toEqual({ n: calledNps.length, nAll: calledNps.length, mean: Number(mean(calledNps).toFixed(2)) });
    expect(e.nextNps.notCalled).toEqual({ n: notNps.length, nAll: notNps.length, mean: Number(mean(notNps).toFixed(2)) });
    // the naive difference is confounded by who was called in which stratum
    expect(mean(calledNps) - mean(notNps)).not.toBeCloseTo(2, 1);

    const renewal = byHand((u) => u.renewed);
    expect(renewal.diff).toBeCloseTo(0.2, 12);
    expect(e.renewal).toMatchObject({ status: 'estimated', strata: 4, difference: 0.2, low: Number(renewal.low.toFixed(4)), high: Number(renewal.high.toFixed(4)) });
    expect(e.renewal.called.n).toBe(80);
    expect(e.renewal.notCalled.n).toBe(100);
  });

  it('says "not enough data" instead of a number when a group is smaller than min n', async () => {
    const loop = await buildCallbackLoop(db.connection, tables, { asOf: AS_OF, minN: 90 });
    expect(loop.effect?.nextNps).toMatchObject({ status: NOT_ENOUGH_DATA, difference: null, low: null, high: null, called: { n: 80 }, notCalled: { n: 100 } });
    expect(loop.effect?.renewal.status).toBe(NOT_ENOUGH_DATA);
  });
});
