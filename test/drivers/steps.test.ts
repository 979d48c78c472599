/**
 * computeDrivers reports its steps, in order, to the caller's onStep (benchmarks time them).
 */
import { describe, it, expect } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import { computeDrivers, type DriverStep } from '../../src/analyze/drivers/compute-drivers.ts';
import { driversConfigSchema } from '../../src/analyze/drivers/drivers-config-schema.ts';
import { writeRows } from '../../src/analyze/drivers/write-rows.ts';
import { settingsSchema } from '../../src/config/pipeline-schema.ts';
import { loadFixture } from './fixture.ts';
import { smallCompany } from './small-company.ts';

describe('computeDrivers steps', () => {
  it('calls onStep once per step, in order', async () => {
    const db = await openDatabase();
    await loadFixture(db.connection, smallCompany());
    const steps: DriverStep[] = [];
    await computeDrivers(db.connection, {
      asOf: '2026-06-30', seed: 1, settings: settingsSchema.parse({ min_n: 20 }), config: driversConfigSchema.parse({ bootstrap_resamples: 50 }),
      onStep: (step) => steps.push(step),
    });
    expect(steps).toEqual(['scope', 'theme_impact', 'key_drivers', 'kano', 'churn_units', 'churn_model', 'churn_scoring', 'churn', 'owner_monitoring', 'write_tables']);
    db.close();
  });

  it('writes rows across several data chunks, NaN as NULL, lists kept, and refuses a mistyped cell', async () => {
    const db = await openDatabase();
    const rows = Array.from({ length: 5000 }, (_, i) => ({ id: `r${i}`, v: i % 10 === 0 ? Number.NaN : i / 2, n: i, ok: i % 2 === 0, tags: i % 3 === 0 ? [] : [`t${i % 7}`, 'x'] }));
    const columns = { id: 'VARCHAR', v: 'DOUBLE', n: 'BIGINT', ok: 'BOOLEAN', tags: 'VARCHAR[]' } as const;
    await writeRows(db.connection, 'chunked', columns, rows);
    const read = (await db.connection.runAndReadAll('SELECT id, v, n::INTEGER AS n, ok, tags FROM chunked')).getRowObjectsJson();
    expect(read.length).toBe(5000);
    expect(read[0]).toEqual({ id: 'r0', v: null, n: 0, ok: true, tags: [] });
    expect(read[4097]).toEqual({ id: 'r4097', v: 2048.5, n: 4097, ok: false, tags: ['t2', 'x'] });
    await expect(writeRows(db.connection, 'bad', { n: 'BIGINT' }, [{ n: 1.5 }])).rejects.toThrow('bad.n: 1.5 is not a BIGINT');
    db.close();
  });
});
