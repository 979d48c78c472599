/**
 * Why `ecoute erase` rewrites the database file: rows deleted from a DuckDB file stay readable in its
 * bytes after DELETE + CHECKPOINT + VACUUM (checked here, so the test fails if DuckDB ever stops doing so
 * and the rewrite becomes unnecessary, or if the rewrite stops removing them).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import { rewriteDatabase } from '../../src/erase/rewrite-database.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('rewriteDatabase', () => {
  it('deleted rows linger in the file after CHECKPOINT and VACUUM; the rewritten file keeps only live rows', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecoute-rewrite-'));
    const path = join(dir, 'ecoute.duckdb');
    const db = await openDatabase(path);
    await db.connection.run("CREATE TABLE t AS SELECT 'KEEP-' || (i % 50) AS id, 'verbatim number ' || i AS v FROM range(20000) r(i)");
    await db.connection.run("INSERT INTO t SELECT 'GONE-PERSON-77', 'secret ' || i FROM range(3) r(i)");
    await db.connection.run('CREATE VIEW kept AS SELECT * FROM t WHERE id LIKE \'KEEP-%\'');
    await db.connection.run('CHECKPOINT');
    expect(readFileSync(path).includes('GONE-PERSON-77')).toBe(true);
    await db.connection.run("DELETE FROM t WHERE id = 'GONE-PERSON-77'");
    await db.connection.run('CHECKPOINT');
    await db.connection.run('VACUUM');
    await db.connection.run('CHECKPOINT');
    db.close();
    expect(readFileSync(path).includes('GONE-PERSON-77')).toBe(true);

    await rewriteDatabase(path);
    const bytes = readFileSync(path);
    expect(bytes.includes('GONE-PERSON-77')).toBe(false);
    expect(bytes.includes('KEEP-7')).toBe(true);
    const again = await openDatabase(path);
    try {
      const rows = (await again.connection.runAndReadAll("SELECT count(*), count(DISTINCT id), (SELECT count(*) FROM kept) FROM t")).getRows();
      expect(rows).toEqual([[20000n, 50n, 20000n]]);
    } finally {
      again.close();
    }
  });
});
