/**
 * settings.memory_limit (DuckDB gets 70 % of it) and settings.threads reach DuckDB, and what the run had and used
 * is written to run-timings.json (machine facts stay out of the deterministic run-summary.json, the settings are in it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, reconciliation, responsesCsv, type Fixture } from '../ingest/helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
  fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', 'bien'], ['r2', 'c2', 'a1', '2024-05-02', '11', '']]));
});
afterEach(() => fx.cleanup());

describe('run resources', () => {
  it('a run with memory_limit and threads uses them and reports them beside its timings', async () => {
    fx.pipeline({ settings: { memory_limit: '200MB', threads: 1 } });
    const result = await fx.run();
    expect(await reconciliation(result)).toEqual([2, 1, 1]);
    expect(result.resources.duckdb_threads).toBe(1);
    expect(result.resources.duckdb_memory_limit).toBe('133.5 MiB'); // 70 % of 200MB: the rest is the process around DuckDB
    expect(result.resources.peak_rss_mb).toBeGreaterThan(0);
    const written = JSON.parse(readFileSync(join(result.outDir, 'run-timings.json'), 'utf8')) as { resources: unknown; total_seconds: number };
    expect(written.resources).toEqual(result.resources);
    expect(readFileSync(join(result.outDir, 'run-summary.json'), 'utf8')).not.toContain('MiB');
    // the settings themselves are recorded: ecoute report / dashboard / notebook / notify open the run with them
    expect(result.summary.resourceSettings).toEqual({ memoryLimit: '200MB', threads: 1 });
    const summary = JSON.parse(readFileSync(join(result.outDir, 'run-summary.json'), 'utf8')) as { resourceSettings: unknown };
    expect(summary.resourceSettings).toEqual({ memoryLimit: '200MB', threads: 1 });
  });

  it('a run without them records nulls (DuckDB\'s defaults)', async () => {
    fx.pipeline({});
    const result = await fx.run();
    expect(result.summary.resourceSettings).toEqual({ memoryLimit: null, threads: null });
  });
});
