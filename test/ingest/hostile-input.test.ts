import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/open-database.ts';
import { createFixture, column, csvText, queryOut, readOut, reconciliation, type Fixture } from './helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
});
afterEach(() => fx.cleanup());

/** Parses a CSV output with DuckDB's reader, every cell as text. */
async function csvCells(path: string): Promise<string[][]> {
  const db = await openDatabase();
  try {
    const reader = await db.connection.runAndReadAll('SELECT * FROM read_csv($path, all_varchar = true, header = true)', { path });
    const header = reader.columnNames();
    return [header, ...reader.getRows().map((r) => r.map((v) => (v === null ? '' : String(v))))];
  } finally {
    db.close();
  }
}

describe('hostile identifiers and values', () => {
  it('column names with a quote, a semicolon or SQL in them map real headers without injection', async () => {
    const drop = '"; DROP TABLE responses; --';
    const header = ['"a;b"', '"Score ""NPS"""', '"""; DROP TABLE responses; --"', "it's"];
    fx.write('responses.csv', csvText([header, ['r1', '9', 'fine', '2024-05-01'], ['r2', '3', 'meh', '2024-05-02']]));
    fx.pipeline({ sources: { responses: { path: 'responses.csv', columns: { response_id: 'a;b', nps: 'Score "NPS"', verbatim: drop, submitted_at: "it's" } } } });
    const result = await fx.run();
    expect(await reconciliation(result)).toEqual([2, 2, 0]);
    expect(await queryOut(result.outDir, 'SELECT response_id, nps, verbatim FROM responses ORDER BY _line')).toEqual([
      { response_id: 'r1', nps: 9, verbatim: 'fine' },
      { response_id: 'r2', nps: 3, verbatim: 'meh' },
    ]);
  });

  it('quotes, backslashes, SQL and parameter-like text in values are loaded literally', async () => {
    const values = ["Robert'); DROP TABLE responses;--", 'C:\\temp\\new', 'she said "no"', '$as_of ? %s {0}', '\\N'];
    const cell = (v: string) => `"${v.replaceAll('"', '""')}"`;
    fx.write('responses.csv', csvText([['id', 'submitted_at', 'nps', 'comment'], ...values.map((v, i) => [`r${i}`, '2024-05-01', '7', cell(v)])]));
    fx.pipeline({ sources: { responses: { path: 'responses.csv', columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', verbatim: 'comment' } } } });
    const result = await fx.run();
    expect(await column(result.outDir, 'responses', 'verbatim')).toEqual(values);
  });

  it('quarantine.csv starts no cell with = + - @ while the DuckDB quarantine keeps the original value', async () => {
    const formula = '=HYPERLINK("http://x","click")';
    fx.write(
      'responses.csv',
      csvText([
        ['id', 'submitted_at', 'nps', 'comment'],
        ['"=HYPERLINK(""http://x"",""click"")"', '2024-05-01', '11', 'a'],
        ['+r2', '2024-05-01', '-1', '@SUM(A1)'],
        ['r3', '2024-05-01', '=1+1', '-x'],
      ]),
    );
    fx.pipeline({ sources: { responses: { path: 'responses.csv', columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', verbatim: 'comment' } } } });
    const result = await fx.run();
    expect(await queryOut(result.outDir, 'SELECT value FROM quarantine ORDER BY line')).toEqual([{ value: '11' }, { value: '-1' }, { value: '=1+1' }]);
    expect(await queryOut(result.outDir, "SELECT json_extract_string(raw, '$.response_id') AS id FROM quarantine ORDER BY line")).toEqual([{ id: formula }, { id: '+r2' }, { id: 'r3' }]);
    const csvFiles = [join(result.outDir, 'quarantine.csv'), ...readdirSync(join(result.outDir, 'tables')).filter((f) => f.endsWith('.csv')).map((f) => join(result.outDir, 'tables', f))];
    for (const file of csvFiles) {
      for (const row of await csvCells(file)) for (const cell of row) expect(cell, file).not.toMatch(/^[=+\-@]/);
    }
    const cells = await csvCells(join(result.outDir, 'quarantine.csv'));
    expect(cells.slice(1).map((r) => r[5])).toEqual(['11', "'-1", "'=1+1"]);
    expect(readOut(result, 'quarantine.csv')).toContain("'=1+1");
  });
});
