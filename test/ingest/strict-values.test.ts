/**
 * Issue 12, finding 4 (values read wrongly, silently): the number grammar per source (number_locale),
 * integer scores, ISO 8601 dates within 1900-2100 with offsets converted to UTC, control characters in
 * ids, duplicate headers, currency cells that are no code, and config sanity (rating_scale, strptime).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/open-database.ts';
import { loadPipeline } from '../../src/config/load-pipeline.ts';
import { badStrptimeSpecifier } from '../../src/config/pipeline-schema.ts';
import { ConfigError, SourceFileError } from '../../src/run/errors.ts';
import { sourceFileProblem } from '../../src/ingest/messages.ts';
import { validatePipeline } from '../../src/validate/check-sources.ts';
import { createFixture, caught, column, csvText, defaultResponses, quarantineLines, queryOut, reconciliation, responsesCsv, type Fixture } from './helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
});
afterEach(() => fx.cleanup());

const revenueColumns = { account_id: 'account', period: 'month', arr: 'arr', currency: 'cur' };

/** Revenue rows a1, a2... each in its own account, all in January 2024, currency EUR unless given. */
function revenueCsv(arrs: readonly string[], currencies: readonly string[] = []): string {
  return csvText([['account', 'month', 'arr', 'cur'], ...arrs.map((a, i) => [`a${i + 1}`, '2024-01-01', a, currencies[i] ?? 'EUR'])]);
}

async function runRevenue(outName: string, locale: string | undefined): Promise<string> {
  fx.pipeline({ sources: { responses: defaultResponses(), revenue: { path: 'revenue.csv', columns: revenueColumns, ...(locale === undefined ? {} : { number_locale: locale }) } } });
  return (await fx.run(outName)).outDir;
}

describe('numbers by an explicit grammar', () => {
  it('ARR without number_locale: 12,500 and 1,000 are ambiguous_number (never 12.5 and 1), thousands spaces too; plain decimals are read', async () => {
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', '']]));
    fx.write('revenue.csv', revenueCsv(['"12,500"', '"1,000"', '12 500', '"1,000,000.5"', '12.5', '"1,5"', '1e3', '0x10', 'inf', '_1']));
    const out = await runRevenue('none', undefined);
    expect(await quarantineLines(out, 'revenue')).toEqual([
      [2, 'ambiguous_number', 'arr', '12,500'],
      [3, 'ambiguous_number', 'arr', '1,000'],
      [4, 'ambiguous_number', 'arr', '12 500'],
      [5, 'ambiguous_number', 'arr', '1,000,000.5'],
      [8, 'not_a_number', 'arr', '1e3'],
      [9, 'not_a_number', 'arr', '0x10'],
      [10, 'not_a_number', 'arr', 'inf'],
      [11, 'not_a_number', 'arr', '_1'],
    ]);
    expect(await queryOut(out, 'SELECT account_id, arr FROM revenue ORDER BY _line')).toEqual([
      { account_id: 'a5', arr: 12.5 },
      { account_id: 'a6', arr: 1.5 },
    ]);
  });

  it('number_locale en: 12,500 = 12500 and 1,234.5 = 1234.5; a decimal comma or a space is not_a_number', async () => {
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', '']]));
    fx.write('revenue.csv', revenueCsv(['"12,500"', '"1,234.5"', '"7,5"', '12 500', '"12,50"', '800']));
    const out = await runRevenue('en', 'en');
    expect(await queryOut(out, 'SELECT account_id, arr FROM revenue ORDER BY _line')).toEqual([
      { account_id: 'a1', arr: 12500 },
      { account_id: 'a2', arr: 1234.5 },
      { account_id: 'a6', arr: 800 },
    ]);
    expect(await quarantineLines(out, 'revenue')).toEqual([
      [4, 'not_a_number', 'arr', '7,5'],
      [5, 'not_a_number', 'arr', '12 500'],
      [6, 'not_a_number', 'arr', '12,50'],
    ]);
  });

  it('number_locale fr: "12 500,50" = 12500.5 with a space or a no-break space; 12,500 = 12.5; a decimal point is not_a_number', async () => {
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', '']]));
    fx.write('revenue.csv', revenueCsv(['"12 500,50"', '12\u00a0500', '12\u202f000\u202f000', '"12,500"', '12.5', '1 2345']));
    const out = await runRevenue('fr', 'fr');
    expect(await queryOut(out, 'SELECT account_id, arr FROM revenue ORDER BY _line')).toEqual([
      { account_id: 'a1', arr: 12500.5 },
      { account_id: 'a2', arr: 12500 },
      { account_id: 'a3', arr: 12000000 },
      { account_id: 'a4', arr: 12.5 },
    ]);
    expect(await quarantineLines(out, 'revenue')).toEqual([
      [6, 'not_a_number', 'arr', '12.5'],
      [7, 'not_a_number', 'arr', '1 2345'],
    ]);
  });

  it('currency cells *, " and [0] are invalid_value, not a crash (they were JSON paths)', async () => {
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', '']]));
    fx.write('revenue.csv', revenueCsv(['10', '20', '30', '40'], ['*', '""""', '[0]', 'EUR']));
    fx.pipeline({ sources: { responses: defaultResponses(), revenue: { path: 'revenue.csv', columns: revenueColumns } }, settings: { fx_rates: { USD: 0.9 } } });
    const result = await fx.run();
    expect(result.summary.reportingCurrency).toBe('EUR');
    expect(await quarantineLines(result.outDir, 'revenue')).toEqual([
      [2, 'invalid_value', 'currency', '*'],
      [3, 'invalid_value', 'currency', '"'],
      [4, 'invalid_value', 'currency', '[0]'],
    ]);
    expect(await reconciliation(result, 'revenue')).toEqual([4, 1, 3]);
  });

  it('NPS 1e1, 1_0, .9e1, 0x0A and inf are not_a_number (they were 10, 10, 9, 10); 10 and 7,0 are read; 1,000 is ambiguous', async () => {
    const scores = ['1e1', '1_0', '.9e1', '0x0A', 'inf', '10', '"7,0"', '"1,000"'];
    fx.write('responses.csv', responsesCsv(scores.map((s, i) => [`r${i + 1}`, `c${i + 1}`, 'a1', '2024-05-01', s, ''])));
    fx.pipeline();
    const result = await fx.run();
    expect(await quarantineLines(result.outDir)).toEqual([
      [2, 'not_a_number', 'nps', '1e1'],
      [3, 'not_a_number', 'nps', '1_0'],
      [4, 'not_a_number', 'nps', '.9e1'],
      [5, 'not_a_number', 'nps', '0x0A'],
      [6, 'not_a_number', 'nps', 'inf'],
      [9, 'ambiguous_number', 'nps', '1,000'],
    ]);
    expect(await column(result.outDir, 'responses', "response_id || ':' || nps")).toEqual(['r6:10', 'r7:7']);
    expect(await reconciliation(result)).toEqual([8, 2, 6]);
  });
});

describe('dates by the configured formats and ISO 8601 only', () => {
  it('epoch, infinity, BC, 24-06-01 and 1899 are invalid_date; offsets are converted to UTC, not dropped', async () => {
    const dates = [
      'epoch',
      'infinity',
      '2024-01-01 (BC)',
      '24-06-01',
      '1899-12-31',
      '2024-05-01T10:00:00+02:00',
      '2024-05-01T23:30:00-02:00',
      '2024-05-01T10:00:00Z',
      '01/05/2024 10:00 +0200',
      '02/05/2024',
    ];
    fx.write('responses.csv', responsesCsv(dates.map((d, i) => [`r${i + 1}`, `c${i + 1}`, 'a1', d, '9', ''])));
    fx.pipeline({ sources: { responses: defaultResponses({ date_formats: ['%d/%m/%Y %H:%M %z', '%d/%m/%Y'] }) } });
    const result = await fx.run();
    expect(await quarantineLines(result.outDir)).toEqual([
      [2, 'invalid_date', 'submitted_at', 'epoch'],
      [3, 'invalid_date', 'submitted_at', 'infinity'],
      [4, 'invalid_date', 'submitted_at', '2024-01-01 (BC)'],
      [5, 'invalid_date', 'submitted_at', '24-06-01'],
      [6, 'invalid_date', 'submitted_at', '1899-12-31'],
    ]);
    expect(await column(result.outDir, 'responses', "response_id || '@' || submitted_at")).toEqual([
      'r6@2024-05-01 08:00:00',
      'r7@2024-05-02 01:30:00',
      'r8@2024-05-01 10:00:00',
      'r9@2024-05-01 08:00:00',
      'r10@2024-05-02 00:00:00',
    ]);
  });
});

describe('ids and headers', () => {
  it('a NUL byte or a control character in an id is invalid_id naming the field (shown with U+FFFD)', async () => {
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', ''], ['r\u00002', 'c2', 'a1', '2024-05-01', '9', ''], ['r3', 'c\u00013', 'a1', '2024-05-01', '9', ''], ['r4', 'c4', 'a\u001f1', '2024-05-01', '9', '']]));
    fx.pipeline();
    const result = await fx.run();
    expect(await quarantineLines(result.outDir)).toEqual([
      [3, 'invalid_id', 'response_id', 'r\ufffd2'],
      [4, 'invalid_id', 'contact_id', 'c\ufffd3'],
      [5, 'invalid_id', 'account_id', 'a\ufffd1'],
    ]);
    expect(await reconciliation(result)).toEqual([4, 1, 3]);
  });

  it('a CSV header with nps and NPS is an error naming both columns', async () => {
    const path = fx.write('responses.csv', csvText([['id', 'submitted_at', 'nps', 'NPS'], ['r1', '2024-05-01', '9', '3']]));
    fx.pipeline({ sources: { responses: { path: 'responses.csv', columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps' } } } });
    const e = await caught(() => fx.run());
    expect(e).toBeInstanceOf(SourceFileError);
    expect(e.message).toBe(`${path}: ${sourceFileProblem.duplicateHeader([['nps', 'NPS']])}`);
  });

  it('JSON lines whose objects use nps and NPS are an error naming both keys', async () => {
    const path = fx.write('r.jsonl', `${JSON.stringify({ id: 'r1', submitted_at: '2024-05-01', nps: 9 })}\n${JSON.stringify({ id: 'r2', submitted_at: '2024-05-01', NPS: 3 })}\n`);
    fx.pipeline({ sources: { responses: { path: 'r.jsonl', columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps' } } } });
    const e = await caught(() => fx.run());
    expect(e.message).toBe(`${path}: ${sourceFileProblem.duplicateHeader([['nps', 'NPS']])}`);
  });

  it('a Parquet file with columns nps and NPS is an error naming both (DuckDB would rename the second NPS_1)', async () => {
    const path = join(fx.dir, 'r.parquet');
    const db = await openDatabase();
    try {
      await db.connection.run(`COPY (SELECT 'r1' AS id, DATE '2024-05-01' AS submitted_at, 9 AS nps, 3 AS zzz) TO $path (FORMAT parquet)`, { path });
    } finally {
      db.close();
    }
    // the name as written by a tool that allows it: same length, so the footer stays valid
    const bytes = readFileSync(path);
    let at = bytes.indexOf('zzz');
    while (at >= 0) {
      bytes.write('NPS', at);
      at = bytes.indexOf('zzz', at + 3);
    }
    writeFileSync(path, bytes);
    fx.pipeline({ sources: { responses: { path: 'r.parquet', columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps' } } } });
    const e = await caught(() => fx.run());
    expect(e.message).toBe(`${path}: ${sourceFileProblem.duplicateHeader([['nps', 'NPS']])}`);
  });
});

describe('config sanity', () => {
  it('rating_scale min above max and an unknown strptime specifier are config errors with their paths (run and validate)', async () => {
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', '']]));
    const file = fx.pipeline({ sources: { responses: defaultResponses({ rating_scale: { min: 5, max: 1 }, date_formats: ['%d/%m/%Y', '%d/%m/%Q'] }) } });
    for (const attempt of [() => fx.run(), () => validatePipeline(file, { asOf: '2024-06-01' }), async () => loadPipeline(file)]) {
      const e = await caught(attempt);
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems;
      expect(problems.map((p) => ({ path: p.path, message: p.message }))).toEqual([
        { path: 'sources.responses.date_formats.1', message: 'unknown strptime specifier "%Q" in "%d/%m/%Q"' },
        { path: 'sources.responses.rating_scale.max', message: 'rating_scale.min must be below rating_scale.max' },
      ]);
      // each with the line of its value in the pipeline file (the YAML line of `max:` and of the second format)
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(lines[problems[0]!.line! - 1]).toContain('%d/%m/%Q');
      expect(lines[problems[1]!.line! - 1]).toMatch(/max/);
    }
  });

  it('the specifiers the config accepts are exactly those DuckDB parses', async () => {
    const db = await openDatabase();
    try {
      for (const dash of ['', '-']) {
        for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ%') {
          const format = `%${dash}${c}`;
          let duckdb = true;
          try {
            await db.connection.run('SELECT try_strptime($v, [$format])', { v: 'x', format });
          } catch {
            duckdb = false;
          }
          expect(badStrptimeSpecifier(format) === undefined, format).toBe(duckdb);
        }
      }
    } finally {
      db.close();
    }
  });
});
