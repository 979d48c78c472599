/**
 * CSV exports prefix a text cell with a single quote when a spreadsheet would run it as a formula: it starts with
 * = + - @ tab or carriage return (formulaSafeSelect, src/report/export-table.ts). Every trigger, and none else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { formulaSafeSelect } from '../../src/report/export-table.ts';

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
});
afterAll(() => db.close());

const CASES: Array<[string | null, string | null]> = [
  ['=1+1', "'=1+1"],
  ['+33 6 12', "'+33 6 12"],
  ['-x', "'-x"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\tcmd', "'\tcmd"],
  ['\rcmd', "'\rcmd"],
  ['a=1', 'a=1'],
  [' =1', ' =1'],
  ['é=1', 'é=1'],
  ['\n=1', '\n=1'],
  ['', ''],
  [null, null],
];

describe('formulaSafeSelect', () => {
  it('quotes a text cell that starts with a formula trigger, and only that', async () => {
    const conn = db.connection;
    await conn.run('CREATE OR REPLACE TABLE cells (i INTEGER, "value" VARCHAR, n INTEGER)');
    for (const [i, [text]] of CASES.entries()) await conn.run('INSERT INTO cells VALUES ($i, $v, 1)', { i, v: text });
    const select = formulaSafeSelect([{ name: 'i', type: 'INTEGER' }, { name: 'value', type: 'VARCHAR' }, { name: 'n', type: 'INTEGER' }]);
    const rows = (await conn.runAndReadAll(`SELECT ${select} FROM cells ORDER BY i`)).getRows();
    expect(rows.map((r) => r[1])).toEqual(CASES.map(([, out]) => out));
    expect(rows.every((r) => r[2] === 1)).toBe(true);
  });
});
