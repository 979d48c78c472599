import { describe, it, expect, afterEach } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { computeMetrics, METRIC_TABLES } from '../../src/analyze/metrics/compute-metrics.ts';
import { MetricOptionsError, metricGrains } from '../../src/analyze/metrics/metric-options.ts';
import { finiteOrNull } from '../../src/analyze/metrics/metrics-summary.ts';
import { openFixtureDatabase, fixtureSettings, insertResponses, selectRows } from './metrics-fixture.ts';

/** No NaN / Infinity anywhere in a table (getRowObjectsJson renders them as strings). */
async function expectOnlyFiniteNumbers(db: Database, table: string): Promise<void> {
  for (const row of await selectRows(db.connection, `SELECT * FROM ${table}`)) {
    for (const [column, value] of Object.entries(row)) {
      expect(['NaN', 'Infinity', '-Infinity'], `${table}.${column}`).not.toContain(value);
      if (typeof value === 'number') expect(Number.isFinite(value), `${table}.${column}`).toBe(true);
    }
  }
}

describe('empty and degenerate inputs', () => {
  let db: Database;
  afterEach(() => db?.close());

  it('empty canonical tables: empty metric tables, a JSON-clean summary', async () => {
    db = await openFixtureDatabase();
    const summary = await computeMetrics(db.connection, { asOf: '2024-01-31', settings: fixtureSettings() });
    for (const table of METRIC_TABLES) expect(await selectRows(db.connection, `SELECT * FROM ${table}`), table).toEqual([]);
    expect(summary).toMatchObject({ nps: null, npsChange: null, csat: null, ces: null, enps: null, cells: { total: 0, small: 0 } });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('single answers and identical answers: zero or NULL margins, never NaN', async () => {
    db = await openFixtureDatabase();
    await insertResponses(db.connection, [
      { at: '2024-01-10', nps: 10, ces: 3, csat: 5 },
      { at: '2024-02-10', nps: 10, ces: 3, csat: 5 },
      { at: '2024-02-11', nps: 10, ces: 3, csat: 5 },
      { at: '2024-02-12', nps: null, ces: null, csat: null, type: 'employee' },
    ]);
    const summary = await computeMetrics(db.connection, { asOf: '2024-02-29', settings: fixtureSettings() });
    for (const table of METRIC_TABLES) await expectOnlyFiniteNumbers(db, table);
    const [jan] = await selectRows(db.connection, "SELECT * FROM metric_cells WHERE metric = 'ces' AND period = DATE '2024-01-01' AND dimension = 'overall'");
    expect(jan.se).toBeNull(); // one answer: no sample SD
    expect(jan.moe).toBeNull();
    expect(jan.ci_low).toBeNull();
    const [feb] = await selectRows(db.connection, "SELECT * FROM metric_cells WHERE metric = 'nps' AND period = DATE '2024-02-01' AND dimension = 'overall'");
    expect(feb).toMatchObject({ value: 100, se: 0, change: 0, change_se: 0, z: null, p_value: null, significant: false });
    expect(summary.enps).toBeNull();
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    expect(summary.cells.small).toBe(summary.cells.total);
  });
});

describe('options', () => {
  it('rejects a bad run date and bad settings, naming every path', async () => {
    const db = await openFixtureDatabase();
    try {
      const bad = { asOf: '2024-02-30', settings: { ...fixtureSettings(), min_n: 0, periods: ['year'] } } as never;
      const error = await computeMetrics(db.connection, bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MetricOptionsError);
      const message = (error as Error).message;
      expect(message).toContain('metrics: asOf: not a calendar date');
      expect(message).toContain('metrics: settings.min_n:');
      expect(message).toContain('metrics: settings.periods.0:');
    } finally {
      db.close();
    }
  });

  it('grains are all plus the configured periods, deduplicated', () => {
    expect(metricGrains(fixtureSettings({ periods: ['quarter', 'month', 'quarter'] }))).toEqual(['all', 'quarter', 'month']);
  });

  it('finiteOrNull keeps finite numbers only', () => {
    expect([3, '4.5', 'NaN', 'Infinity', null, undefined, '', 'x'].map(finiteOrNull)).toEqual([3, 4.5, null, null, null, null, null, null]);
  });
});
