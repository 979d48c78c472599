/**
 * metric_cells against a straightforward recomputation written here, on a generated data set where accounts
 * answer in consecutive months (shared accounts), some responses have no account (their own clusters), some
 * accounts are missing from the accounts table ('(unknown)' attributes) and employee answers feed eNPS only.
 * For every cell (metric × grain × period × dimension × value): n, clusters, value, the clustered SE
 * (C/(C−1) · Σ_a (s_a − θ n_a)² / n²) and, against the previous period, shared accounts and the clustered SE
 * of the change (u_a = u_a(t)/n_t − u_a(t−1)/n_{t−1} over the clusters of either period), to 1e-9.
 * The SQL sums per account and finest key and rolls them up; the reference groups the responses of each cell
 * directly, so the roll-up is checked against the definition.
 */
import { describe, it, expect, afterEach } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { computeMetrics } from '../../src/analyze/metrics/compute-metrics.ts';
import { openFixtureDatabase, fixtureSettings, insertResponses, insertAccount, selectRows, type ResponseFixture } from './metrics-fixture.ts';

/** mulberry32: a small seeded generator, so the data set is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Row {
  readonly cluster: string;
  readonly account: string | null;
  readonly month: string;
  readonly employee: boolean;
  readonly nps: number | null;
  readonly csat: number | null;
  readonly ces: number | null;
  readonly dims: Record<string, string>;
}

const METRICS = ['nps', 'enps', 'csat', 'ces'] as const;
type Metric = (typeof METRICS)[number];
const DIMENSIONS = ['overall', 'segment', 'region', 'owner', 'journey_stage', 'touchpoint', 'channel'] as const;
const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04'];

/** The per-response (answers, score) of a metric, or null when the response does not answer it. */
function unit(metric: Metric, r: Row): number | null {
  if (metric === 'nps' || metric === 'enps') {
    if (r.nps === null || r.employee !== (metric === 'enps')) return null;
    return r.nps >= 9 ? 1 : r.nps <= 6 ? -1 : 0;
  }
  if (r.employee) return null;
  if (metric === 'csat') return r.csat === null ? null : r.csat >= 4 ? 1 : 0;
  return r.ces;
}

interface Totals { n: number; s: number; byCluster: Map<string, { n: number; s: number; account: boolean }> }

function totals(metric: Metric, rows: readonly Row[]): Totals {
  const byCluster = new Map<string, { n: number; s: number; account: boolean }>();
  let n = 0;
  let s = 0;
  for (const r of rows) {
    const x = unit(metric, r);
    if (x === null) continue;
    n += 1;
    s += x;
    const c = byCluster.get(r.cluster) ?? { n: 0, s: 0, account: r.account !== null };
    c.n += 1;
    c.s += x;
    byCluster.set(r.cluster, c);
  }
  return { n, s, byCluster };
}

/** Clustered variance of θ = s / n (null below two clusters). */
function clusterVariance(t: Totals): number | null {
  const c = t.byCluster.size;
  if (c < 2) return null;
  const theta = t.s / t.n;
  let sum = 0;
  for (const a of t.byCluster.values()) sum += (a.s - theta * a.n) ** 2;
  return ((c / (c - 1)) * sum) / (t.n * t.n);
}

/** Clustered variance of θ_t − θ_{t−1}, linearised over the clusters of either period. */
function changeVariance(cur: Totals, prev: Totals): { variance: number | null; shared: number } {
  const clusters = new Set([...cur.byCluster.keys(), ...prev.byCluster.keys()]);
  const thetaCur = cur.s / cur.n;
  const thetaPrev = prev.s / prev.n;
  let sum = 0;
  let shared = 0;
  for (const id of clusters) {
    const a = cur.byCluster.get(id);
    const b = prev.byCluster.get(id);
    if (a !== undefined && b !== undefined && a.account) shared += 1;
    const u = (a === undefined ? 0 : (a.s - thetaCur * a.n) / cur.n) - (b === undefined ? 0 : (b.s - thetaPrev * b.n) / prev.n);
    sum += u * u;
  }
  const c = clusters.size;
  return { variance: c < 2 ? null : ((c / (c - 1)) * sum), shared };
}

function generate(): { rows: Row[]; accounts: Array<[string, string, string, string]> } {
  const rand = seeded(20_241_205);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  // 10 accounts in the accounts table, 2 more that are not (their attributes are '(unknown)')
  const accounts: Array<[string, string, string, string]> = Array.from({ length: 10 }, (_, i) => [`acc-${i}`, pick(['SMB', 'ENT']), pick(['EU', 'NA', 'APAC']), `owner-${i % 3}`]);
  const known = new Map(accounts.map(([id, segment, region, owner]) => [id, { segment, region, owner }]));
  const ids = [...accounts.map(([id]) => id), 'ghost-1', 'ghost-2'];
  const rows: Row[] = [];
  let response = 0;
  for (const month of MONTHS) {
    for (const id of ids) {
      if (rand() < 0.25) continue; // most accounts answer in consecutive months: shared clusters
      const answers = 1 + Math.floor(rand() * 4);
      for (let k = 0; k < answers; k++) rows.push(makeRow(id, month));
    }
    for (let k = 0; k < 4; k++) rows.push(makeRow(null, month)); // no account: own cluster
  }
  return { rows, accounts };

  function makeRow(account: string | null, month: string): Row {
    const attributes = account === null ? undefined : known.get(account);
    const employee = rand() < 0.15;
    return {
      cluster: account ?? `response-${response++}`,
      account,
      month,
      employee,
      nps: rand() < 0.9 ? Math.floor(rand() * 11) : null,
      csat: !employee && rand() < 0.6 ? 1 + Math.floor(rand() * 5) : null,
      ces: !employee && rand() < 0.5 ? 1 + Math.floor(rand() * 7) : null,
      dims: {
        overall: 'all',
        segment: attributes?.segment ?? '(unknown)',
        region: attributes?.region ?? '(unknown)',
        owner: attributes?.owner ?? '(unknown)',
        journey_stage: pick(['onboarding', 'support', '(unknown)']),
        touchpoint: pick(['email', 'call']),
        channel: pick(['web', 'app', '(unknown)']),
      },
    };
  }
}

function toFixture(rows: readonly Row[]): ResponseFixture[] {
  return rows.map((r, i) => ({
    id: `ref-${i}`,
    account: r.account,
    at: `${r.month}-${String(1 + (i % 27)).padStart(2, '0')}`,
    type: r.employee ? 'employee' : 'relational',
    nps: r.nps,
    csat: r.csat,
    ces: r.ces,
    journey: r.dims.journey_stage === '(unknown)' ? null : r.dims.journey_stage,
    touchpoint: r.dims.touchpoint,
    channel: r.dims.channel === '(unknown)' ? null : r.dims.channel,
  }));
}

const close = (actual: unknown, expected: number | null, label: string): void => {
  if (expected === null) expect(actual, label).toBeNull();
  else expect(Math.abs(Number(actual) - expected), `${label}: ${String(actual)} vs ${expected}`).toBeLessThan(1e-9);
};

describe('metric_cells roll-up vs a direct recomputation (generated data, shared accounts)', () => {
  let db: Database;
  afterEach(() => db?.close());

  it('every cell: n, clusters, value, clustered SE, shared accounts and change SE to 1e-9', async () => {
    db = await openFixtureDatabase();
    const { rows, accounts } = generate();
    for (const [id, segment, region, owner] of accounts) await insertAccount(db.connection, id, segment, region, owner);
    await insertResponses(db.connection, toFixture(rows));
    await computeMetrics(db.connection, { asOf: '2024-04-30', settings: fixtureSettings({ min_n: 1, periods: ['month'] }) });
    const cells = await selectRows(db.connection, 'SELECT * FROM metric_cells');

    let expectedCells = 0;
    let sharedSeen = 0;
    let changesChecked = 0;
    for (const metric of METRICS) {
      const k = metric === 'ces' ? 1 : 100;
      for (const dimension of DIMENSIONS) {
        const values = [...new Set(rows.map((r) => r.dims[dimension]))];
        for (const value of values) {
          const inValue = rows.filter((r) => r.dims[dimension] === value);
          const periods: Array<[string | null, Row[]]> = [[null, inValue], ...MONTHS.map((m): [string, Row[]] => [`${m}-01`, inValue.filter((r) => r.month === m)])];
          for (const [i, [period, periodRows]] of periods.entries()) {
            const t = totals(metric, periodRows);
            if (t.n === 0) continue;
            expectedCells += 1;
            const label = `${metric} ${period ?? 'all'} ${dimension}=${value}`;
            const found = cells.filter((c) => c.metric === metric && c.dimension === dimension && c.dimension_value === value && c.period === period);
            expect(found, label).toHaveLength(1);
            const c = found[0];
            expect(c.n, label).toBe(t.n);
            expect(c.clusters, label).toBe(t.byCluster.size);
            close(c.value, metric === 'ces' ? t.s / t.n : (k * t.s) / t.n, `${label} value`);
            const variance = clusterVariance(t);
            close(c.se, variance === null ? null : k * Math.sqrt(variance), `${label} se`);
            if (period === null || i === 1) continue;
            const prev = totals(metric, periods[i - 1][1]);
            if (prev.n === 0) {
              expect(c.change_se, label).toBeNull();
              continue;
            }
            const change = changeVariance(t, prev);
            expect(c.shared_clusters, label).toBe(change.shared);
            close(c.change_se, change.variance === null ? null : k * Math.sqrt(change.variance), `${label} change_se`);
            sharedSeen += change.shared;
            changesChecked += 1;
          }
        }
      }
    }
    expect(cells).toHaveLength(expectedCells);
    // the data set does exercise the shared-account terms
    expect(changesChecked).toBeGreaterThan(100);
    expect(sharedSeen).toBeGreaterThan(100);
  });
});
