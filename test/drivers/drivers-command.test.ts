/** driversCommand reads the ranked tables of an existing run from its DuckDB file, read-only. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/open-database.ts';
import { computeDrivers } from '../../src/analyze/drivers/compute-drivers.ts';
import { driversCommand } from '../../src/analyze/drivers/drivers-command.ts';
import { driversConfigSchema } from '../../src/analyze/drivers/drivers-config-schema.ts';
import { settingsSchema } from '../../src/config/pipeline-schema.ts';
import { EcouteError, UsageError } from '../../src/run/errors.ts';
import { loadFixture } from './fixture.ts';
import { smallCompany } from './small-company.ts';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ecoute-drivers-cmd-'));
  const db = await openDatabase(join(dir, 'ecoute.duckdb'));
  await loadFixture(db.connection, smallCompany());
  await computeDrivers(db.connection, { asOf: '2026-06-30', seed: 1, settings: settingsSchema.parse({ min_n: 20 }), config: driversConfigSchema.parse({ bootstrap_resamples: 100 }) });
  db.close();
});
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('driversCommand', () => {
  it('prints the churn tables, billing first by ARR at risk, support first by frequency', async () => {
    const result = await driversCommand({ runDir: dir, target: 'churn', limit: 5 });
    expect(result.tables.map((t) => t.name)).toEqual(['dissatisfier_ranking', 'churn_theme_lift', 'roi_nps_categories', 'roi_scenario', 'account_churn_risk']);
    const ranking = result.tables[0]?.rows ?? [];
    expect(ranking[0]).toMatchObject({ theme_id: 'billing', rank_by_arr_at_risk: '1' });
    expect(ranking.find((r) => r.theme_id === 'support')).toMatchObject({ rank_by_frequency: '1' });
    expect(result.tables[4]?.rows.length).toBe(5);
    expect(() => JSON.stringify(result)).not.toThrow();
  });

  it('prints the NPS tables, found through the pipeline file', async () => {
    const pipelineFile = join(dir, 'p.yaml');
    writeFileSync(pipelineFile, `name: t\nsources:\n  responses:\n    path: r.csv\n    columns: { response_id: id, submitted_at: at }\noutput:\n  dir: ${JSON.stringify(dir)}\n`);
    const result = await driversCommand({ pipelineFile, target: 'nps' });
    expect(result.tables.map((t) => t.name)).toEqual(['theme_impact', 'driver_weights', 'kano_attributes']);
    expect(result.tables[1]?.rows.filter((r) => r.status === 'analysed').map((r) => r.attribute)).toEqual(['a', 'b', 'c']);
    expect(result.tables[0]?.rows[0]?.theme_id).toBe('support'); // the frequent complaint costs the most NPS points
  });

  it('refuses a bad target, a missing run and a run without driver tables', async () => {
    await expect(driversCommand({ runDir: dir, target: 'revenue' as 'nps' })).rejects.toBeInstanceOf(UsageError);
    await expect(driversCommand({ runDir: join(dir, 'nowhere'), target: 'nps' })).rejects.toBeInstanceOf(EcouteError);
    const other = mkdtempSync(join(tmpdir(), 'ecoute-drivers-empty-'));
    const db2 = await openDatabase(join(other, 'ecoute.duckdb'));
    await db2.connection.run('CREATE TABLE responses (x INTEGER)');
    db2.close();
    await expect(driversCommand({ runDir: other, target: 'nps' })).rejects.toThrow(/theme_impact is missing/);
    rmSync(other, { recursive: true, force: true });
  });
});
