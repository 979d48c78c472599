/**
 * Account-clustered SEs of metric_cells and metric_weighted against figures from R's survey package, pasted
 * here (R is not needed to run the tests); sets 1 and 2 are the data sets of clustered-uncertainty.test.ts,
 * whose R figures are asserted there. Source: R 4.2.2 Patched (2022-11-10 r83330), survey 4.1.1:
 *
 *   library(survey); options(digits = 17)
 *   nps_frame <- function(cluster, score, w = rep(1, length(score))) {
 *     d <- data.frame(cluster = cluster, score = score, w = w)
 *     d$promoter <- as.numeric(d$score >= 9); d$detractor <- as.numeric(d$score <= 6)
 *     d$unit <- d$promoter - d$detractor; d }
 *   # NPS = mean(promoter) − mean(detractor), by a contrast (svymean(~unit, des) gives the same figures)
 *   nps <- function(des) svycontrast(svymean(~promoter + detractor, des), c(promoter = 1, detractor = -1))
 *   # set 1: A 10 9 3, B 8 6 9, C 10
 *   d1 <- nps_frame(c("A","A","A","B","B","B","C"), c(10, 9, 3, 8, 6, 9, 10))
 *   nps(svydesign(ids = ~cluster, weights = ~w, data = d1))          # 0.28571428571428569, SE 0.19680919920393784
 *   # set 2: January A 10 10, B 0; February A 10 0, C 9 (A answers in both months)
 *   d2 <- nps_frame(c("A","A","B","A","A","C"), c(10, 10, 0, 10, 0, 9))
 *   d2$period <- c("jan","jan","jan","feb","feb","feb")
 *   by <- svyby(~unit, ~period, svydesign(ids = ~cluster, weights = ~w, data = d2), svymean, covmat = TRUE)
 *   svycontrast(by, c(feb = 1, jan = -1))                             # 0, SE 1.0183501544346309
 *   # set 3: five accounts and a response without account (its own cluster), role weights
 *   cl3 <- c("A","A","A", "B","B", "C","C","C","C", "D","D", "E","E","E", "r-none")
 *   sc3 <- c(10, 9, 3,   7, 0,   9, 9, 6, 10,   5, 8,   10, 2, 9,   8)
 *   w3  <- c(1, 0.25, 0.25,  0.5, 1,  1, 0.5, 0.25, 0.25,  1, 0.25,  0.5, 1, 0.25,  1)
 *   nps(svydesign(ids = ~cluster, weights = ~1, data = nps_frame(cl3, sc3)))   # 0.13333333333333334, SE 0.18033713284146856
 *   d3 <- nps_frame(cl3, sc3, w3)
 *   nps(svydesign(ids = ~cluster, weights = ~w, data = d3))                     # 0.027777777777777777, SE 0.27889948416579575
 *   nps(svydesign(ids = ~cluster, weights = ~w, data = d3[d3$cluster %in% c("C","D"), ]))  # 0.15384615384615385, SE 0.73372781065088759
 *
 * R's one-stage cluster design with replacement (no fpc) estimates the variance as C/(C−1) · Σ_a (z_a − z̄)²
 * over the cluster totals z_a of the linearised ratio; those totals sum to zero, so it is the C/(C−1) · Σ_a z_a²
 * of create-stat-macros.sql: the same factor, the same figure. A segment cell is its own data set (the subset
 * of R's last line), not a domain of the whole design.
 */
import { describe, it, expect, afterEach } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { computeMetrics } from '../../src/analyze/metrics/compute-metrics.ts';
import { openFixtureDatabase, fixtureSettings, insertResponses, insertAccount, insertContact, cell, selectRows, type ResponseFixture } from './metrics-fixture.ts';

const R_SET3_UNWEIGHTED = { nps: 13.333333333333334, se: 18.033713284146856 };
const R_SET3_WEIGHTED = { nps: 2.7777777777777777, se: 27.889948416579575 };
const R_SET3_WEIGHTED_ENT = { nps: 15.384615384615385, se: 73.372781065088759 };

/** Set 3: [account, segment, [role, score][]]; contacts are created per respondent with their role. */
const SET3: ReadonlyArray<readonly [string, string, ReadonlyArray<readonly [string, number]>]> = [
  ['A', 'SMB', [['decision_maker', 10], ['user', 9], ['user', 3]]],
  ['B', 'SMB', [['influencer', 7], ['decision_maker', 0]]],
  ['C', 'ENT', [['decision_maker', 9], ['influencer', 9], ['user', 6], ['user', 10]]],
  ['D', 'ENT', [['decision_maker', 5], ['user', 8]]],
  ['E', 'MM', [['influencer', 10], ['decision_maker', 2], ['user', 9]]],
];

async function seedSet3(db: Database): Promise<void> {
  const rows: ResponseFixture[] = [];
  for (const [account, segment, answers] of SET3) {
    await insertAccount(db.connection, account, segment);
    for (const [i, [role, nps]] of answers.entries()) {
      const contact = `${account}-${i}`;
      await insertContact(db.connection, contact, account, role);
      rows.push({ contact, account, at: '2024-01-10', nps });
    }
  }
  // no account and no contact record: its own cluster, the default weight 1
  rows.push({ contact: null, account: null, at: '2024-01-11', nps: 8 });
  await insertResponses(db.connection, rows);
}

const settings3 = () => fixtureSettings({ min_n: 1, role_weights: { decision_maker: 1, influencer: 0.5, user: 0.25 }, default_role_weight: 1 });

async function weighted(db: Database, method: string, dimension: string, value: string): Promise<Record<string, unknown>> {
  const rows = await selectRows(db.connection,
    "SELECT * FROM metric_weighted WHERE method = $method AND grain = 'all' AND dimension = $dimension AND dimension_value = $value",
    { method, dimension, value });
  expect(rows).toHaveLength(1);
  return rows[0];
}

describe('clustered SEs agree with R survey (svydesign(ids = ~account))', () => {
  let db: Database;
  afterEach(() => db?.close());

  it('set 3: 5 accounts and a response without account, 15 responses, unweighted and role-weighted', async () => {
    db = await openFixtureDatabase();
    await seedSet3(db);
    await computeMetrics(db.connection, { asOf: '2024-01-31', settings: settings3() });
    const c = await cell(db.connection, { metric: 'nps' });
    expect(c.n).toBe(15);
    expect(c.clusters).toBe(6);
    expect(Math.abs(Number(c.value) - R_SET3_UNWEIGHTED.nps)).toBeLessThan(1e-9);
    expect(Math.abs(Number(c.se) - R_SET3_UNWEIGHTED.se)).toBeLessThan(1e-9);
    const unweighted = await weighted(db, 'unweighted', 'overall', 'all');
    expect(Math.abs(Number(unweighted.se) - R_SET3_UNWEIGHTED.se)).toBeLessThan(1e-9);
    const w = await weighted(db, 'role_weighted', 'overall', 'all');
    expect(Math.abs(Number(w.value) - R_SET3_WEIGHTED.nps)).toBeLessThan(1e-9);
    expect(Math.abs(Number(w.se) - R_SET3_WEIGHTED.se)).toBeLessThan(1e-9);
    const ent = await weighted(db, 'role_weighted', 'segment', 'ENT');
    expect(Math.abs(Number(ent.value) - R_SET3_WEIGHTED_ENT.nps)).toBeLessThan(1e-9);
    expect(Math.abs(Number(ent.se) - R_SET3_WEIGHTED_ENT.se)).toBeLessThan(1e-9);
  });
});
