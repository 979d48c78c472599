import { describe, expect, it } from 'vitest';
import { DUCKDB_MEMORY_SHARE, duckdbMemoryLimit, parseMemorySize } from '../../src/db/duckdb-memory-share.ts';
import { openDatabase } from '../../src/db/open-database.ts';

describe('DuckDB share of settings.memory_limit', () => {
  it('reads sizes as DuckDB does: KB, MB, GB in powers of 1000, KiB, MiB, GiB in powers of 1024, any case', () => {
    expect(parseMemorySize('512MB')).toBe(512e6);
    expect(parseMemorySize('1.5 GB')).toBe(1.5e9);
    expect(parseMemorySize('2GiB')).toBe(2 * 2 ** 30);
    expect(parseMemorySize('100kb')).toBe(1e5);
    expect(() => parseMemorySize('lots')).toThrow(/expected a size such as 4GB or 512MB/);
    expect(() => parseMemorySize('12 parsecs')).toThrow(/got "12 parsecs"/);
  });

  it('gives DuckDB 60 % of the limit, in whole KB, which DuckDB accepts', async () => {
    expect(DUCKDB_MEMORY_SHARE).toBe(0.6);
    expect(duckdbMemoryLimit('512MB')).toBe('307200KB');
    expect(duckdbMemoryLimit('1GiB')).toBe(`${Math.floor((2 ** 30 * 0.6) / 1000)}KB`);
    const db = await openDatabase(':memory:', { memoryLimit: duckdbMemoryLimit('512MB') });
    try {
      const reader = await db.connection.runAndReadAll("SELECT current_setting('memory_limit')::VARCHAR");
      expect(reader.getRows()[0]?.[0]).toBe('292.9 MiB');
    } finally {
      db.close();
    }
  });
});
