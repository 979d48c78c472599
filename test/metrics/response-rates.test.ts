import { describe, it, expect, afterEach } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { computeMetrics } from '../../src/analyze/metrics/compute-metrics.ts';
import { planResponseRates, responseRateMessages } from '../../src/analyze/metrics/response-rate-plan.ts';
import {
  openFixtureDatabase,
  fixtureSettings,
  insertResponses,
  insertAccount,
  insertContact,
  insertInvitation,
  selectRows,
} from './metrics-fixture.ts';

async function rate(db: Database, grain: string, period: string | null, dimension = 'overall', value = 'all') {
  const rows = await selectRows(
    db.connection,
    `SELECT * FROM response_rates WHERE grain = $grain AND period IS NOT DISTINCT FROM $period::DATE
       AND dimension = $dimension AND dimension_value = $value`,
    { grain, period, dimension, value },
  );
  expect(rows, `${grain} ${period} ${dimension}=${value}`).toHaveLength(1);
  return rows[0];
}

describe('response_rates', () => {
  let db: Database;
  afterEach(() => db?.close());

  it('matches responses to invitations by contact (else account), once per invitation', async () => {
    db = await openFixtureDatabase();
    const c = db.connection;
    await insertAccount(c, 'A', 'SMB');
    await insertAccount(c, 'B', 'ENT');
    await insertContact(c, 'c1', 'A', 'user');
    await insertContact(c, 'c2', 'A', 'user');
    await insertContact(c, 'c3', 'B', 'user');
    await insertInvitation(c, { id: 'inv1', contact: 'c1', at: '2024-01-05' });
    await insertInvitation(c, { id: 'inv1', contact: 'c1', at: '2024-01-12' }); // reminder: same invitation
    await insertInvitation(c, { id: 'inv2', contact: 'c2', at: '2024-01-06' }); // never answered
    await insertInvitation(c, { id: 'inv3', contact: 'c3', at: '2024-01-20' }); // c3 answered the day before: not a match
    await insertInvitation(c, { id: 'inv4', account: 'B', at: '2024-02-02' }); // account-level invitation
    await insertInvitation(c, { id: 'inv5', contact: 'c1', at: '2024-02-10' });
    await insertInvitation(c, { id: null, contact: 'c2', at: '2024-02-25' }); // answered after asOf
    await insertInvitation(c, { id: 'late', contact: 'c2', at: '2024-03-05' }); // after asOf: ignored
    await insertResponses(c, [
      { contact: 'c1', account: 'A', at: '2024-01-13', nps: 9 },
      { contact: 'c3', account: 'B', at: '2024-01-19', nps: 9 },
      { contact: 'c9', account: 'B', at: '2024-02-03', nps: 9 },
      { contact: 'c1', account: 'A', at: '2024-02-11', nps: 9 },
      { contact: 'c2', account: 'A', at: '2024-03-02', nps: 9 },
    ]);
    const summary = await computeMetrics(c, { asOf: '2024-02-29', settings: fixtureSettings({ min_n: 3, response_rate_target: 0.65 }) });

    const all = await rate(db, 'all', null);
    expect(all.invitations).toBe(6);
    expect(all.responses).toBe(3); // inv1, inv4, inv5
    expect(all.rate).toBeCloseTo(0.5, 12);
    expect(all.se).toBeCloseTo(Math.sqrt(0.25 / 6), 12);
    expect(all.moe).toBeCloseTo(1.96 * Math.sqrt(0.25 / 6), 12);
    expect(all.target).toBe(0.65);
    expect(all.below_target).toBe(true);
    expect(all.clearly_below_target).toBe(false); // 0.5 + 0.40 > 0.65
    expect(all.match_rule).toBe('id_match');

    expect(await rate(db, 'month', '2024-01-01')).toMatchObject({ invitations: 3, responses: 1, small_n: false });
    expect(await rate(db, 'month', '2024-02-01')).toMatchObject({ invitations: 3, responses: 2 });
    expect(await rate(db, 'all', null, 'segment', 'SMB')).toMatchObject({ invitations: 4, responses: 2 });
    expect(await rate(db, 'all', null, 'segment', 'ENT')).toMatchObject({ invitations: 2, responses: 1, small_n: true });

    expect(summary.responseRates).toMatchObject({ computed: true, matchRule: 'id_match' });
    expect(summary.responseRates.overall).toMatchObject({ invitations: 6, responses: 3, rate: 0.5, target: 0.65, belowTarget: true });
  });

  it('falls back to counting responses per segment-period when invitations carry no ids', async () => {
    db = await openFixtureDatabase();
    const c = db.connection;
    for (const at of ['2024-01-03', '2024-01-04', '2024-01-05', '2024-02-01']) await insertInvitation(c, { at });
    await insertInvitation(c, { id: 'dup', at: '2024-01-06' });
    await insertInvitation(c, { id: 'dup', at: '2024-02-06' }); // reminder: still one January invitation
    await insertResponses(c, [
      { contact: 'x', at: '2024-01-10', nps: 9 },
      { contact: 'y', at: '2024-01-11', csat: 4 },
      { at: '2024-01-12', nps: 2 },
      { at: '2024-02-12', nps: 2 },
      { at: '2024-02-13', nps: 2 },
      { at: '2024-03-13', nps: 2 }, // month without invitations: no cell
    ]);
    const summary = await computeMetrics(c, { asOf: '2024-03-31', settings: fixtureSettings({ min_n: 3 }) });
    expect(summary.responseRates.matchRule).toBe('count_ratio');
    expect(summary.responseRates.reason).toBe(responseRateMessages.unkeyedInvitations(6, 6));
    expect(await rate(db, 'month', '2024-01-01')).toMatchObject({ invitations: 4, responses: 3, rate: 0.75, match_rule: 'count_ratio' });
    const feb = await rate(db, 'month', '2024-02-01');
    expect(feb).toMatchObject({ invitations: 1, responses: 2, rate: 2, se: null, moe: null, ci_low: null, small_n: true });
    expect((await selectRows(c, "SELECT * FROM response_rates WHERE period = DATE '2024-03-01'")).length).toBe(0);
  });

  it('creates an empty table and says why when there are no invitations', async () => {
    db = await openFixtureDatabase();
    await insertResponses(db.connection, [{ at: '2024-01-10', nps: 9 }]);
    const summary = await computeMetrics(db.connection, { asOf: '2024-01-31', settings: fixtureSettings() });
    expect(summary.responseRates).toEqual({
      computed: false,
      matchRule: null,
      reason: responseRateMessages.noInvitations('2024-01-31'),
      overall: null,
    });
    expect(await selectRows(db.connection, 'SELECT * FROM response_rates')).toEqual([]);
    const columns = await selectRows(db.connection, "SELECT column_name FROM information_schema.columns WHERE table_name = 'response_rates'");
    expect(columns.map((r) => r.column_name)).toContain('below_target');
  });
});

describe('planResponseRates', () => {
  it('chooses id matching only when every invitation and some response carry an id', () => {
    expect(planResponseRates({ invitations: 0, keyed_invitations: 0, keyed_responses: 9 }, '2024-01-01').computed).toBe(false);
    expect(planResponseRates({ invitations: 4, keyed_invitations: 4, keyed_responses: 1 }, '2024-01-01').matchRule).toBe('id_match');
    expect(planResponseRates({ invitations: 4, keyed_invitations: 3, keyed_responses: 1 }, '2024-01-01').matchRule).toBe('count_ratio');
    const noIds = planResponseRates({ invitations: 4, keyed_invitations: 4, keyed_responses: 0 }, '2024-01-01');
    expect(noIds).toEqual({ computed: true, matchRule: 'count_ratio', reason: responseRateMessages.unkeyedResponses(4) });
  });
});
