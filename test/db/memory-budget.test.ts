import { describe, expect, it } from 'vitest';
import { DUCKDB_MEMORY_SHARE, duckdbMemoryLimit, parseMemorySize, runDatabaseLimits } from '../../src/db/memory-budget.ts';
import { openDatabase } from '../../src/db/open-database.ts';

describe('memory budget (settings.memory_limit is the whole run, DuckDB gets a share)', () => {
  it('reads sizes as DuckDB does: MB = 10^6 bytes, MiB = 2^20, case and space free', () => {
    expect(parseMemorySize('512MB')).toBe(512e6);
    expect(parseMemorySize('1.5 GiB')).toBe(1.5 * 2 ** 30);
    expect(parseMemorySize('4gb')).toBe(4e9);
    expect(() => parseMemorySize('lots')).toThrow(/expected a size such as 4GB/);
  });

  it('gives DuckDB 70 % of the limit, in whole KB', () => {
    expect(DUCKDB_MEMORY_SHARE).toBe(0.7);
    expect(duckdbMemoryLimit('512MB')).toBe('358400KB');
    expect(duckdbMemoryLimit('1GiB')).toBe('751619KB');
    expect(duckdbMemoryLimit('512MB', 0.5)).toBe('256000KB');
  });

  it('DuckDB takes the share as its memory_limit', async () => {
    const db = await openDatabase(':memory:', runDatabaseLimits({ memoryLimit: '512MB', threads: 1 }, '/tmp/unused-spill'));
    try {
      const row = (await db.connection.runAndReadAll("SELECT current_setting('memory_limit')::VARCHAR, current_setting('threads')::INTEGER")).getRows()[0]!;
      expect(row).toEqual(['341.7 MiB', 1]);
    } finally {
      db.close();
    }
  });

  it("leaves DuckDB's defaults when the run sets neither", () => {
    expect(runDatabaseLimits({ memoryLimit: null, threads: null }, '/tmp/s')).toEqual({ tempDirectory: '/tmp/s' });
  });
});
