import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { streamSqlRuns } from '../../src/db/sql-file.ts';

describe('streamSqlRuns', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase(':memory:');
    const c = db.connection;
    // 5,000 responses, every third with three mentions: 8,334 rows, so runs straddle DuckDB's 2,048-row chunks
    await c.run(`CREATE TABLE responses AS SELECT printf('r%05d', i) AS response_id, 'text ' || i AS verbatim, TIMESTAMP '2026-01-01' AS submitted_at FROM range(5000) t(i)`);
    await c.run(`CREATE TABLE verbatim_sentiment AS SELECT response_id, 'en' AS language FROM responses`);
    await c.run(`CREATE TABLE theme_mentions AS SELECT response_id, k * 10 AS clause_start, k * 10 + 5 AS clause_end FROM responses, range(3) m(k) WHERE CAST(substr(response_id, 2) AS INTEGER) % 3 = 0`);
  });
  afterAll(() => db.close());

  it('visits each run of a key once, whole, in order, across chunks', async () => {
    const runs: Array<[string, number]> = [];
    await streamSqlRuns(db.connection, 'classify/select-clause-sources', {}, (r) => String(r.response_id), (key, rows) => {
      expect(rows.every((r) => r.response_id === key)).toBe(true);
      runs.push([key, rows.length]);
    });
    expect(runs).toHaveLength(5000);
    expect(runs.map(([k]) => k)).toEqual(Array.from({ length: 5000 }, (_, i) => `r${String(i).padStart(5, '0')}`));
    expect(runs.map(([, n]) => n)).toEqual(Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? 3 : 1)));
  });

  it('visits nothing for an empty result', async () => {
    await db.connection.run('DELETE FROM verbatim_sentiment');
    let visits = 0;
    await streamSqlRuns(db.connection, 'classify/select-clause-sources', {}, (r) => String(r.response_id), () => visits++);
    expect(visits).toBe(0);
  });
});
