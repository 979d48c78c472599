import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { computeMetrics, METRIC_TABLES } from '../../src/analyze/metrics/compute-metrics.ts';
import { openFixtureDatabase, fixtureSettings, selectRows } from './metrics-fixture.ts';
import { insertSyntheticData } from './synthetic-data.ts';

const settings = fixtureSettings({ min_n: 30, periods: ['month', 'quarter', 'week'] });

async function runOnce(dir: string, tag: string): Promise<Record<string, string>> {
  const db = await openFixtureDatabase();
  try {
    await db.connection.run('SET threads = 2');
    await insertSyntheticData(db.connection, 30_000, 300);
    const summary = await computeMetrics(db.connection, { asOf: '2024-06-30', settings });
    const files: Record<string, string> = { summary: JSON.stringify(summary) };
    for (const table of METRIC_TABLES) {
      const path = join(dir, `${tag}-${table}.csv`);
      await db.connection.run(`COPY ${table} TO '${path}' (HEADER)`);
      files[table] = readFileSync(path, 'utf8');
    }
    return files;
  } finally {
    db.close();
  }
}

describe('determinism', () => {
  it('two runs on the same data export byte-identical tables and summaries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-metrics-'));
    try {
      const first = await runOnce(dir, 'a');
      const second = await runOnce(dir, 'b');
      for (const key of Object.keys(first)) expect(second[key], key).toBe(first[key]);
      expect(first.metric_cells.split('\n').length).toBeGreaterThan(1000);
      expect(first.response_rates.split('\n').length).toBeGreaterThan(10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('every table is ordered by its key columns', async () => {
    const db = await openFixtureDatabase();
    try {
      await insertSyntheticData(db.connection, 5_000, 50);
      await computeMetrics(db.connection, { asOf: '2024-06-30', settings });
      const keys: Record<string, string> = {
        metric_cells: 'metric, grain, period NULLS FIRST, dimension, dimension_value',
        metric_weighted: 'method, grain, period NULLS FIRST, dimension, dimension_value',
        response_rates: 'grain, period NULLS FIRST, dimension, dimension_value',
      };
      for (const table of METRIC_TABLES) {
        const stored = await selectRows(db.connection, `SELECT * FROM ${table}`);
        const sorted = await selectRows(db.connection, `SELECT * FROM ${table} ORDER BY ${keys[table]}`);
        expect(stored, table).toEqual(sorted);
        const [dupes] = await selectRows(
          db.connection,
          `SELECT count(*) - count(DISTINCT (${keys[table].replaceAll(' NULLS FIRST', '')})) AS d FROM ${table}`,
        );
        expect(dupes.d, `${table} key is unique`).toBe('0');
      }
    } finally {
      db.close();
    }
  }, 60_000);
});
