import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/open-database.ts';
import { createFixture, column, quarantineLines, reconciliation, type Fixture } from './helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
});
afterEach(() => fx.cleanup());

const columns = { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', verbatim: 'comment' };

describe('Parquet and JSON lines sources', () => {
  it('a Parquet file with typed columns is read, its bad values quarantined by row number', async () => {
    const path = join(fx.dir, 'responses.parquet');
    const db = await openDatabase();
    try {
      await db.connection.run(
        `COPY (SELECT * FROM (VALUES ('r1', TIMESTAMP '2024-05-01 10:00:00', 9, 'bien'), ('r2', TIMESTAMP '2024-05-02 11:00:00', 14, 'trop'), ('r3', NULL, 3, NULL))
           AS t(id, submitted_at, nps, comment)) TO $path (FORMAT parquet)`,
        { path },
      );
    } finally {
      db.close();
    }
    fx.pipeline({ sources: { responses: { path: 'responses.parquet', columns } } });
    const result = await fx.run();
    expect(result.summary.sources[0]?.files[0]?.format).toBe('parquet');
    expect(await column(result.outDir, 'responses', "response_id || '@' || submitted_at")).toEqual(['r1@2024-05-01 10:00:00']);
    expect(await quarantineLines(result.outDir)).toEqual([
      [2, 'out_of_range', 'nps', '14'],
      [3, 'missing_date', 'submitted_at', null],
    ]);
    expect(await reconciliation(result)).toEqual([3, 1, 2]);
  });

  it('a malformed JSON line is quarantined as unparseable_row with its line; later lines keep theirs', async () => {
    const lines = [
      JSON.stringify({ id: 'r1', submitted_at: '2024-05-01', nps: 9, comment: 'ok' }),
      '{"id": "r2", "submitted_at": "2024-05-02", "nps": 8, "comment": "cut',
      JSON.stringify({ id: 'r3', submitted_at: '2024-05-03', nps: 'x', comment: 'é "quoted" \\ back' }),
      JSON.stringify({ id: 'r4', submitted_at: '2024-05-04', nps: 10, comment: 'line\nbreak' }),
    ];
    fx.write('responses.jsonl', `${lines.join('\n')}\n`);
    fx.pipeline({ sources: { responses: { path: 'responses.jsonl', columns } } });
    const result = await fx.run();
    const q = await quarantineLines(result.outDir);
    expect(q.map(([line, reason, field]) => [line, reason, field])).toEqual([
      [2, 'unparseable_row', null],
      [3, 'not_a_number', 'nps'],
    ]);
    expect(await column(result.outDir, 'responses', "response_id || '@' || _line")).toEqual(['r1@1', 'r4@4']);
    expect(await column(result.outDir, 'responses', 'verbatim')).toEqual(['ok', 'line\nbreak']);
    expect(await reconciliation(result)).toEqual([4, 2, 2]);
  });

  it('a blank line in a JSON lines file does not shift the line numbers after it', async () => {
    const row = (id: string, nps: number) => JSON.stringify({ id, submitted_at: '2024-05-01', nps, comment: '' });
    fx.write('responses.jsonl', `${row('r1', 9)}\n\n${row('r2', 99)}\n`);
    fx.pipeline({ sources: { responses: { path: 'responses.jsonl', columns } } });
    const result = await fx.run();
    expect(await quarantineLines(result.outDir)).toEqual([[3, 'out_of_range', 'nps', '99']]);
  });
});
