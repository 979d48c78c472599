import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import { openRun, RUN_DATABASE } from '../../src/charts/open-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecoute-open-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function makeRun(summary: Record<string, unknown> = {}): Promise<void> {
  const db = await openDatabase(join(dir, RUN_DATABASE));
  await db.connection.run('CREATE OR REPLACE TABLE responses AS SELECT range AS id FROM range(3)');
  db.close();
  writeFileSync(join(dir, 'run-summary.json'), JSON.stringify({ pipeline: 'p', asOf: '2026-11-01', ...summary }));
}

async function settingsOf(limits: Parameters<typeof openRun>[1]): Promise<string[]> {
  const run = await openRun(dir, limits);
  try {
    const rows = (await run.db.connection.runAndReadAll("SELECT current_setting('memory_limit')::VARCHAR, current_setting('threads')::VARCHAR, current_setting('temp_directory')::VARCHAR, current_setting('allocator_flush_threshold')::VARCHAR, (SELECT count(*) FROM responses)::VARCHAR")).getRows();
    return rows[0]!.map(String);
  } finally {
    run.close();
  }
}

describe('openRun limits (the visuals phase of a run)', () => {
  it('opens the run with the memory limit, threads and spill folder the run passes', async () => {
    await makeRun();
    const spill = join(dir, '.work', 'duckdb-spill');
    const [limit, threads, temp, flush, n] = await settingsOf({ memoryLimit: '300MB', threads: 1, tempDirectory: spill });
    expect(limit).toBe('286.1 MiB'); // 300 MB as DuckDB reports it
    expect(threads).toBe('1');
    expect(temp).toBe(spill);
    expect(flush).toBe('7.6 MiB'); // the allocator gives freed memory back soon under a limit (default 128 MiB)
    expect(n).toBe('3');
  });

  it("keeps DuckDB's defaults without limits for a run that recorded none (80 % of RAM: not 300MB)", async () => {
    await makeRun();
    const [limit, , , flush] = await settingsOf(undefined);
    expect(limit).not.toBe('286.1 MiB');
    expect(flush).toBe('128.0 MiB');
  });

  it('report, dashboard, notebook and notify (no limits passed) take the run\'s recorded settings, spilling under the temp folder', async () => {
    await makeRun({ resourceSettings: { memoryLimit: '500MB', threads: 1 } });
    const [limit, threads, temp, flush, n] = await settingsOf(undefined);
    expect(limit).toBe('333.7 MiB'); // 70 % of 500MB
    expect(threads).toBe('1');
    expect(temp.startsWith(join(tmpdir(), 'ecoute-duckdb-spill-'))).toBe(true);
    expect(existsSync(temp)).toBe(false); // created only when DuckDB spills, removed at close
    expect(flush).toBe('7.6 MiB');
    expect(n).toBe('3');
  });

  it('a recorded memory limit that is not a size is an error naming the field', async () => {
    await makeRun({ resourceSettings: { memoryLimit: 'lots', threads: 1 } });
    await expect(openRun(dir)).rejects.toThrow(/run-summary\.json: resourceSettings\.memoryLimit: /);
  });
});
