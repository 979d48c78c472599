/**
 * `ecoute export <run-dir> --format arrow`: every tables/*.parquet of a run as an Arrow IPC file,
 * read back with apache-arrow and compared with the values written (hand-listed below).
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { openDatabase } from '../../src/db/open-database.ts';
import { exportArrowTables } from '../../src/report/export-arrow.ts';
import { main } from '../../src/cli/main.ts';

async function runDirWithTables(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-arrow-'));
  mkdirSync(join(dir, 'tables'));
  const db = await openDatabase();
  try {
    await db.connection.run(`COPY (
      SELECT * FROM (VALUES
        (1, 9007199254740993::BIGINT, 12.5::DECIMAL(9,2), 0.25::DOUBLE, 'Nord', DATE '2024-02-29', TIMESTAMP '2024-03-01 10:30:00', true, [1, 2]),
        (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
        (3, -4::BIGINT, -0.5::DECIMAL(9,2), 1e-3::DOUBLE, 'Île "quoted"', DATE '1969-12-31', TIMESTAMP '1970-01-01 00:00:00.001', false, [])
      ) AS t(id, big, amount, share, region, day, stamp, flag, list)
    ) TO $path (FORMAT parquet)`, { path: join(dir, 'tables', 'mixed.parquet') });
    await db.connection.run('COPY (SELECT 1::INTEGER AS "Score (0-10)" WHERE false) TO $path (FORMAT parquet)', { path: join(dir, 'tables', 'empty.parquet') });
  } finally {
    db.close();
  }
  return dir;
}

describe('Arrow IPC export of a run\'s tables', () => {
  it('writes one .arrow file per table with the values and types of the Parquet file', async () => {
    const dir = await runDirWithTables();
    const out = join(dir, 'arrow');
    const result = await exportArrowTables(dir, out);
    expect(result.tables).toEqual([
      { table: 'empty', rows: 0, file: join(out, 'empty.arrow') },
      { table: 'mixed', rows: 3, file: join(out, 'mixed.arrow') },
    ]);
    const mixed = tableFromIPC(readFileSync(join(out, 'mixed.arrow')));
    expect(mixed.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'id:Int32', 'big:Int64', 'amount:Float64', 'share:Float64', 'region:Utf8', 'day:Date32<DAY>', 'stamp:Timestamp<MILLISECOND>', 'flag:Bool', 'list:Utf8',
    ]);
    const col = (name: string): unknown[] => [...(mixed.getChild(name) ?? [])];
    expect(col('id')).toEqual([1, 2, 3]);
    expect(col('big')).toEqual([9007199254740993n, null, -4n]); // beyond 2^53: kept exact as Int64
    expect(col('amount')).toEqual([12.5, null, -0.5]);
    expect(col('share')).toEqual([0.25, null, 0.001]);
    expect(col('region')).toEqual(['Nord', null, 'Île "quoted"']);
    // DateDay and TimestampMillisecond read back as epoch milliseconds
    expect(col('day')).toEqual([Date.UTC(2024, 1, 29), null, Date.UTC(1969, 11, 31)]);
    expect(col('stamp')).toEqual([Date.UTC(2024, 2, 1, 10, 30), null, 1]);
    expect(col('flag')).toEqual([true, null, false]);
    expect(col('list')).toEqual(['[1, 2]', null, '[]']);
    const empty = tableFromIPC(readFileSync(join(out, 'empty.arrow')));
    expect(empty.numRows).toBe(0);
    expect(empty.schema.fields.map((f) => f.name)).toEqual(['Score (0-10)']);
  });

  it('through the CLI; a folder without tables and an unknown format are clear errors', async () => {
    const dir = await runDirWithTables();
    let text = '';
    let errors = '';
    const out = { write: (t: string) => void (text += t) };
    const err = (t: string): void => void (errors += t);
    expect(await main(['node', 'ecoute', 'export', dir, '--out', join(dir, 'x'), '--json'], out, err)).toBe(0);
    expect((JSON.parse(text) as { tables: Array<{ table: string; rows: number }> }).tables.map((t) => [t.table, t.rows])).toEqual([['empty', 0], ['mixed', 3]]);
    text = '';
    const nowhere = mkdtempSync(join(tmpdir(), 'ecoute-arrow-none-'));
    expect(await main(['node', 'ecoute', 'export', nowhere, '--out', join(nowhere, 'x')], out, err)).toBe(1);
    expect(errors).toContain(`${join(nowhere, 'tables')}: not found`);
    expect(await main(['node', 'ecoute', 'export', dir, '--out', join(dir, 'y'), '--format', 'feather'], out, err)).toBe(2);
    expect(errors).toContain('--format expects one of arrow, got "feather"');
  });
});
