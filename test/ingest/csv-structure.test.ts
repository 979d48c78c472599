import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { SourceFileError } from '../../src/run/errors.ts';
import { sourceFileProblem } from '../../src/ingest/messages.ts';
import { createFixture, column, csvText, caught, quarantined, quarantineLines, queryOut, reconciliation, responsesCsv, RESPONSES_HEADER, type Fixture } from './helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
});
afterEach(() => fx.cleanup());

describe('file structure', () => {
  it('a ";" file read with "," fails naming the file, the missing columns and the delimiter hint', async () => {
    const path = fx.write('responses.csv', csvText([RESPONSES_HEADER, ['r1', 'c1', 'a1', '2024-05-01', '9', 'ok']], ';'));
    fx.pipeline();
    const e = await caught(() => fx.run());
    expect(e).toBeInstanceOf(SourceFileError);
    const err = e as SourceFileError;
    expect(err.file).toBe(path);
    expect(err.source).toBe('responses');
    const header = RESPONSES_HEADER.join(';');
    const expected =
      sourceFileProblem.missingColumns(['id', 'contact', 'account', 'submitted_at', 'nps', 'comment'], [header]) +
      sourceFileProblem.delimiterHint(',', { ',': 0, ';': 5, '\t': 0, '|': 0 });
    expect(err.message).toBe(`${path}: ${expected}`);
    expect(err.message).toContain('set csv.delimiter to ";"?');
  });

  it('the same ";" file loads once csv.delimiter is ";"', async () => {
    fx.write('responses.csv', csvText([RESPONSES_HEADER, ['r1', 'c1', 'a1', '2024-05-01', '9', 'ok, really']], ';'));
    fx.pipeline({ sources: { responses: { path: 'responses.csv', csv: { delimiter: ';' }, columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', verbatim: 'comment' } } } });
    const result = await fx.run();
    expect(await reconciliation(result)).toEqual([1, 1, 0]);
    expect(await column(result.outDir, 'responses', 'verbatim')).toEqual(['ok, really']);
  });

  it('an unterminated quote in the middle is one unparseable row; later rows keep their line numbers', async () => {
    fx.write(
      'responses.csv',
      responsesCsv([
        ['r1', 'c1', 'a1', '2024-05-01', '9', 'fine'],
        ['r2', 'c2', 'a1', '2024-05-02', '8', '"never closed'],
        ['r3', 'c3', 'a1', '2024-05-03', '11', 'ok'],
        ['r4', 'c4', 'a1', '2024-05-04', '7', 'ok'],
      ]),
    );
    fx.pipeline();
    const result = await fx.run();
    const q = await quarantineLines(result.outDir);
    expect(q.map(([line, reason]) => [line, reason])).toEqual([
      [3, 'unparseable_row'],
      [4, 'out_of_range'],
    ]);
    expect(q[1]).toEqual([4, 'out_of_range', 'nps', '11']);
    expect(await column(result.outDir, 'responses', 'response_id')).toEqual(['r1', 'r4']);
    expect(await column(result.outDir, 'responses', '_line')).toEqual(['2', '5']);
    expect(await queryOut(result.outDir, "SELECT raw FROM quarantine WHERE reason_code = 'unparseable_row'")).toEqual([{ raw: 'r2,c2,a1,2024-05-02,8,"never closed' }]);
    expect(await reconciliation(result)).toEqual([4, 2, 2]);
  });

  it('a stray quote closed by a later quoted value costs one row, not the lines in between', async () => {
    fx.write(
      'responses.csv',
      responsesCsv([
        ['r1', 'c1', 'a1', '2024-05-01', '9', '"fine"'],
        ['r2', 'c2', 'a1', '2024-05-02', '8', '"stray'],
        ['r3', 'c3', 'a1', '2024-05-03', '11', 'ok'],
        ['r4', 'c4', 'a1', '2024-05-04', '7', '"quoted, really"'],
        ['r5', 'c5', 'a1', '2024-05-05', '6', 'ok'],
      ]),
    );
    fx.pipeline();
    const result = await fx.run();
    expect((await quarantineLines(result.outDir)).map(([line, reason]) => [line, reason])).toEqual([
      [3, 'unparseable_row'],
      [4, 'out_of_range'],
    ]);
    expect(await column(result.outDir, 'responses', "response_id || '@' || _line || ':' || verbatim")).toEqual(['r1@2:fine', 'r4@5:quoted, really', 'r5@6:ok']);
    expect(await reconciliation(result)).toEqual([5, 3, 2]);
  });

  it('a truncated last line (too few fields) is quarantined with its line', async () => {
    fx.write('responses.csv', `${RESPONSES_HEADER.join(',')}\nr1,c1,a1,2024-05-01,9,ok\nr2,c2,a1,2024-05-02,10,ok\nr3,c3,a1,2024-`);
    fx.pipeline();
    const result = await fx.run();
    expect((await quarantineLines(result.outDir)).map(([line, reason]) => [line, reason])).toEqual([[4, 'unparseable_row']]);
    expect(await column(result.outDir, 'responses', 'response_id')).toEqual(['r1', 'r2']);
    expect(await reconciliation(result)).toEqual([3, 2, 1]);
  });

  it('a quote opened on the last line and never closed is quarantined with its line', async () => {
    fx.write('responses.csv', `${RESPONSES_HEADER.join(',')}\nr1,c1,a1,2024-05-01,9,ok\nr2,c2,a1,2024-05-02,10,"cut in the mid`);
    fx.pipeline();
    const result = await fx.run();
    expect((await quarantineLines(result.outDir)).map(([line, reason]) => [line, reason])).toEqual([[3, 'unparseable_row']]);
    expect(await reconciliation(result)).toEqual([2, 1, 1]);
  });

  it('a quoted verbatim spanning lines keeps the physical line numbers of the rows after it', async () => {
    fx.write(
      'responses.csv',
      responsesCsv([
        ['r1', 'c1', 'a1', '2024-05-01', '9', '"first line\nsecond line\nthird line"'],
        ['r2', 'c2', 'a1', '2024-05-02', '8', 'ok'],
        ['r3', 'c3', 'a1', '2024-05-03', '12', 'ok'],
      ]),
    );
    fx.pipeline();
    const result = await fx.run();
    expect(await column(result.outDir, 'responses', '_line')).toEqual(['2', '5']);
    expect(await quarantineLines(result.outDir)).toEqual([[6, 'out_of_range', 'nps', '12']]);
  });

  it('CRLF line endings and blank lines keep physical line numbers', async () => {
    const lines = [RESPONSES_HEADER.join(','), 'r1,c1,a1,2024-05-01,9,ok', '', '', 'r2,c2,a1,2024-05-02,x,ok', 'r3,c3,a1,2024-05-03,8,ok'];
    fx.write('responses.csv', `${lines.join('\r\n')}\r\n`);
    fx.pipeline();
    const result = await fx.run();
    expect(await quarantineLines(result.outDir)).toEqual([[5, 'not_a_number', 'nps', 'x']]);
    expect(await column(result.outDir, 'responses', "response_id || '@' || _line")).toEqual(['r1@2', 'r3@6']);
    expect(await reconciliation(result)).toEqual([3, 2, 1]);
  });

  it('windows-1252 accents survive into DuckDB', async () => {
    const text = responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', 'très bien “merci” – €']]);
    fx.write('responses.csv', iconv.encode(text, 'win1252'));
    fx.pipeline({ sources: { responses: { path: 'responses.csv', csv: { encoding: 'windows-1252' }, columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', verbatim: 'comment' } } } });
    const result = await fx.run();
    expect(await column(result.outDir, 'responses', 'verbatim')).toEqual(['très bien “merci” – €']);
  });

  it('latin-1 accents survive into DuckDB', async () => {
    const text = responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', 'déçu à revoir']]);
    fx.write('responses.csv', iconv.encode(text, 'latin1'));
    fx.pipeline({ sources: { responses: { path: 'responses.csv', csv: { encoding: 'latin-1' }, columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', verbatim: 'comment' } } } });
    const result = await fx.run();
    expect(await column(result.outDir, 'responses', 'verbatim')).toEqual(['déçu à revoir']);
  });

  it('a UTF-16 file with its byte-order mark loads with encoding: utf-16', async () => {
    const text = responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', 'ça va'], ['r2', 'c2', 'a1', '2024-05-02', '12', 'non']]);
    fx.write('responses.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]));
    fx.pipeline({ sources: { responses: { path: 'responses.csv', csv: { encoding: 'utf-16' }, columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', verbatim: 'comment' } } } });
    const result = await fx.run();
    expect(await column(result.outDir, 'responses', 'verbatim')).toEqual(['ça va']);
    expect(await quarantineLines(result.outDir)).toEqual([[3, 'out_of_range', 'nps', '12']]);
  });

  it('a latin-1 file read as utf-8 quarantines the rows with invalid bytes instead of failing', async () => {
    const text = responsesCsv([
      ['r1', 'c1', 'a1', '2024-05-01', '9', 'plain'],
      ['r2', 'c2', 'a1', '2024-05-02', '9', 'déçu'],
    ]);
    fx.write('responses.csv', iconv.encode(text, 'latin1'));
    fx.pipeline();
    const result = await fx.run();
    expect((await quarantineLines(result.outDir)).map(([line, reason]) => [line, reason])).toEqual([[3, 'unparseable_row']]);
    expect(await reconciliation(result)).toEqual([2, 1, 1]);
  });

  it('a UTF-8 byte-order mark is ignored (the first column still matches) and reported', async () => {
    fx.write('responses.csv', `\ufeff${responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', 'ok']])}`);
    fx.pipeline();
    const result = await fx.run();
    expect(await column(result.outDir, 'responses', 'response_id')).toEqual(['r1']);
    expect(result.summary.sources[0]?.files[0]?.warnings).toEqual([sourceFileProblem.bomRemoved()]);
  });

  it('a missing required column fails naming the file and the column', async () => {
    const header = ['id', 'contact', 'account', 'nps', 'comment'];
    const path = fx.write('responses.csv', csvText([header, ['r1', 'c1', 'a1', '9', 'ok']]));
    fx.pipeline();
    const e = await caught(() => fx.run());
    expect(e).toBeInstanceOf(SourceFileError);
    expect((e as SourceFileError).file).toBe(path);
    expect(e.message).toBe(`${path}: ${sourceFileProblem.missingColumns(['submitted_at'], header)}`);
  });

  it('extra columns are ignored and listed as unmapped in the summary', async () => {
    fx.write('responses.csv', csvText([[...RESPONSES_HEADER, 'utm_source', 'internal note'], ['r1', 'c1', 'a1', '2024-05-01', '9', 'ok', 'mail', 'x']]));
    fx.pipeline();
    const result = await fx.run();
    expect(result.summary.sources[0]?.files[0]?.unmappedColumns).toEqual(['utm_source', 'internal note']);
    expect(await reconciliation(result)).toEqual([1, 1, 0]);
  });

  it('an empty file is a warning with 0 rows and the run continues', async () => {
    fx.write('responses.csv', '');
    fx.pipeline();
    const result = await fx.run();
    expect(result.summary.sources[0]?.files[0]?.warnings).toEqual([sourceFileProblem.empty()]);
    expect(await reconciliation(result)).toEqual([0, 0, 0]);
  });

  it('a header-only file loads 0 rows without warnings', async () => {
    fx.write('responses.csv', `${RESPONSES_HEADER.join(',')}\n`);
    fx.pipeline();
    const result = await fx.run();
    expect(result.summary.sources[0]?.files[0]?.warnings).toEqual([]);
    expect(await reconciliation(result)).toEqual([0, 0, 0]);
  });

  it('a binary file fails with the binary message', async () => {
    const path = fx.write('responses.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x21, 0x00]));
    fx.pipeline();
    const e = await caught(() => fx.run());
    expect(e).toBeInstanceOf(SourceFileError);
    expect(e.message).toBe(`${path}: ${sourceFileProblem.binary()}`);
  });

  it('a glob matching no file fails with the no-files message', async () => {
    fx.pipeline({ sources: { responses: { path: 'exports/responses-*.csv', columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps' } } } });
    const e = await caught(() => fx.run());
    expect(e).toBeInstanceOf(SourceFileError);
    expect((e as SourceFileError).file).toBe('exports/responses-*.csv');
    expect(e.message).toBe(`exports/responses-*.csv: ${sourceFileProblem.noFiles(fx.dir)}`);
  });

  it('a glob of monthly files is unioned with per-file line numbers', async () => {
    fx.write('exports/responses-2024-04.csv', responsesCsv([
      ['r1', 'c1', 'a1', '2024-04-01', '9', 'ok'],
      ['r2', 'c2', 'a1', '2024-04-02', 'x', 'ok'],
    ]));
    fx.write('exports/responses-2024-05.csv', responsesCsv([
      ['r3', 'c3', 'a1', '2024-05-01', '10', 'ok'],
      ['r4', 'c4', 'a1', '2024-05-02', '"open', 'ok'],
      ['r5', 'c5', 'a1', '2024-05-03', '-1', 'ok'],
      ['r6', 'c6', 'a1', '2024-05-04', '6', 'ok'],
    ]));
    fx.pipeline({ sources: { responses: { path: 'exports/responses-*.csv', columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', verbatim: 'comment' } } } });
    const result = await fx.run();
    const q = await quarantineLines(result.outDir);
    expect(q.map(([line, reason]) => [line, reason])).toEqual([
      [3, 'not_a_number'],
      [3, 'unparseable_row'],
      [4, 'out_of_range'],
    ]);
    const files = (await quarantined(result.outDir, 'responses')).map((q) => q.file);
    expect(files).toEqual([join('exports', 'responses-2024-04.csv'), join('exports', 'responses-2024-05.csv'), join('exports', 'responses-2024-05.csv')]);
    expect(await column(result.outDir, 'responses', "response_id || '@' || _line")).toEqual(['r1@2', 'r3@2', 'r6@5']);
    expect(result.summary.sources[0]?.reconciliation.files).toBe(2);
    expect(await reconciliation(result)).toEqual([6, 3, 3]);
  });
});
