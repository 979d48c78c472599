import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, column, csvText, quarantined, quarantineLines, queryOut, reconciliation, responsesCsv, type Fixture } from './helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
});
afterEach(() => fx.cleanup());

describe('score values', () => {
  it('NPS 11, -1, 7.5, "dix" and blanks: each quarantined with its reason, field, line and value', async () => {
    fx.write(
      'responses.csv',
      csvText([
        ['id', 'submitted_at', 'nps', 'csat'],
        ['r1', '2024-05-01', '11', ''],
        ['r2', '2024-05-01', '-1', ''],
        ['r3', '2024-05-01', '7.5', ''],
        ['r4', '2024-05-01', 'dix', ''],
        ['r5', '2024-05-01', '', ''],
        ['r6', '2024-05-01', '', '4'],
        ['r7', '2024-05-01', '10', ''],
        ['r8', '2024-05-01', ' 0 ', ''],
      ]),
    );
    fx.pipeline({ sources: { responses: { path: 'responses.csv', columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', csat: 'csat' } } } });
    const result = await fx.run();
    expect(await quarantineLines(result.outDir)).toEqual([
      [2, 'out_of_range', 'nps', '11'],
      [3, 'out_of_range', 'nps', '-1'],
      [4, 'out_of_range', 'nps', '7.5'],
      [5, 'not_a_number', 'nps', 'dix'],
      [6, 'no_score', 'nps', null],
    ]);
    expect(await column(result.outDir, 'responses', "response_id || ':' || coalesce(nps::VARCHAR, '-') || ':' || coalesce(csat::VARCHAR, '-')")).toEqual(['r6:-:4', 'r7:10:-', 'r8:0:-']);
    expect(await reconciliation(result)).toEqual([8, 3, 5]);
  });

  it('a decimal comma "7,0" is accepted as 7, "7,5" is out of range', async () => {
    fx.write('responses.csv', 'id;submitted_at;nps\nr1;2024-05-01;7,0\nr2;2024-05-01;7,5\n');
    fx.pipeline({ sources: { responses: { path: 'responses.csv', csv: { delimiter: ';' }, columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps' } } } });
    const result = await fx.run();
    expect(await column(result.outDir, 'responses', 'nps')).toEqual(['7']);
    expect(await quarantineLines(result.outDir)).toEqual([[3, 'out_of_range', 'nps', '7,5']]);
  });

  it('a row with several problems is quarantined for the first, listing the others', async () => {
    fx.write('responses.csv', csvText([['id', 'submitted_at', 'nps', 'csat'], ['', 'yesterday', '12', 'x']]));
    fx.pipeline({ sources: { responses: { path: 'responses.csv', columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', csat: 'csat' } } } });
    const result = await fx.run();
    const [q] = await quarantined(result.outDir);
    expect(q?.reason).toBe('missing_id');
    expect(q?.others).toEqual(['invalid_date:submitted_at', 'out_of_range:nps', 'not_a_number:csat']);
  });
});

describe('dates', () => {
  it('31/02/2024 is invalid, 2099-01-01 is in the future of the as-of date, the as-of day itself is fine', async () => {
    fx.write(
      'responses.csv',
      responsesCsv([
        ['r1', 'c1', 'a1', '31/02/2024', '9', ''],
        ['r2', 'c2', 'a1', '2099-01-01', '9', ''],
        ['r3', 'c3', 'a1', '2024-06-30 23:59:59', '9', ''],
        ['r4', 'c4', 'a1', '2024-07-01', '9', ''],
        ['r5', 'c5', 'a1', '2024-02-30', '9', ''],
      ]),
    );
    fx.pipeline();
    const result = await fx.run();
    expect(await quarantineLines(result.outDir)).toEqual([
      [2, 'invalid_date', 'submitted_at', '31/02/2024'],
      [3, 'future_date', 'submitted_at', '2099-01-01'],
      [5, 'future_date', 'submitted_at', '2024-07-01'],
      [6, 'invalid_date', 'submitted_at', '2024-02-30'],
    ]);
    expect(await column(result.outDir, 'responses', 'submitted_at')).toEqual(['2024-06-30 23:59:59']);
  });

  it('mixed date formats: two date_formats parse both, one format quarantines the other', async () => {
    const rows = [
      ['r1', 'c1', 'a1', '15/05/2024', '9', ''],
      ['r2', 'c2', 'a1', '16.05.2024 10:30', '9', ''],
    ];
    fx.write('responses.csv', responsesCsv(rows));
    const responses = (formats: string[]) => ({ path: 'responses.csv', columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps' }, date_formats: formats });
    fx.pipeline({ sources: { responses: responses(['%d/%m/%Y', '%d.%m.%Y %H:%M']) } });
    const both = await fx.run('out-two');
    expect(await column(both.outDir, 'responses', 'submitted_at')).toEqual(['2024-05-15 00:00:00', '2024-05-16 10:30:00']);
    fx.pipeline({ sources: { responses: responses(['%d/%m/%Y']) } });
    const one = await fx.run('out-one');
    expect(await column(one.outDir, 'responses', 'response_id')).toEqual(['r1']);
    expect(await quarantineLines(one.outDir)).toEqual([[3, 'invalid_date', 'submitted_at', '16.05.2024 10:30']]);
  });

  it('an ISO 8601 date is still accepted when date_formats lists only a day-first format', async () => {
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-16 10:30', '9', '']]));
    fx.pipeline({ sources: { responses: { path: 'responses.csv', columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps' }, date_formats: ['%d/%m/%Y'] } } });
    const result = await fx.run();
    expect(await column(result.outDir, 'responses', 'submitted_at')).toEqual(['2024-05-16 10:30:00']);
  });

  it('a day-first format does not silently swap day and month of an ambiguous ISO-like date', async () => {
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '03/04/2024', '9', '']]));
    fx.pipeline({ sources: { responses: { path: 'responses.csv', columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps' }, date_formats: ['%d/%m/%Y'] } } });
    const result = await fx.run();
    expect(await column(result.outDir, 'responses', 'submitted_at')).toEqual(['2024-04-03 00:00:00']);
  });
});

describe('duplicates and respondent quality', () => {
  it('a duplicate response id keeps the first and quarantines the second with its line', async () => {
    fx.write(
      'responses.csv',
      responsesCsv([
        ['r1', 'c1', 'a1', '2024-05-01', '9', 'first'],
        ['r2', 'c2', 'a1', '2024-05-02', '8', ''],
        ['r1', 'c3', 'a1', '2024-05-03', '3', 'second'],
      ]),
    );
    fx.pipeline();
    const result = await fx.run();
    expect(await quarantineLines(result.outDir)).toEqual([[4, 'duplicate_id', 'response_id', 'r1']]);
    expect(await column(result.outDir, 'responses', "response_id || ':' || verbatim")).toEqual(['r1:first', null]);
  });

  it('the same respondent with the same answers within the window is a duplicate submission; outside it is kept', async () => {
    fx.write(
      'responses.csv',
      responsesCsv([
        ['r1', 'c1', 'a1', '2024-03-01', '9', 'great'],
        ['r2', 'c1', 'a1', '2024-03-11', '9', 'great'],
        ['r3', 'c1', 'a1', '2024-05-01', '9', 'great'],
        ['r4', 'c1', 'a1', '2024-05-02', '8', 'great'],
      ]),
    );
    fx.pipeline({ settings: { duplicate_window_days: 30 } });
    const result = await fx.run();
    expect(await quarantineLines(result.outDir)).toEqual([[3, 'duplicate_submission', 'contact_id', 'c1']]);
    expect(await column(result.outDir, 'responses', 'response_id')).toEqual(['r1', 'r3', 'r4']);
  });

  it('speeders and straight-liners are flagged by default, quarantined when settings.quality asks (and kept without the rules)', async () => {
    const header = ['id', 'submitted_at', 'nps', 'secs', 'q1', 'q2', 'q3'];
    fx.write(
      'responses.csv',
      csvText([
        header,
        ['r1', '2024-05-01', '9', '12', '4', '5', '3'],
        ['r2', '2024-05-01', '9', '95', '4', '4', '4'],
        ['r3', '2024-05-01', '9', '95', '4', '5', '3'],
        ['r4', '2024-05-01', '9', '95', '4', '', '4'],
        ['r5', '2024-05-01', '9', 'NaN', '1', '2', '3'],
      ]),
    );
    const responses = {
      path: 'responses.csv',
      columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', duration_seconds: 'secs', ratings: { q1: 'q1', q2: 'q2', q3: 'q3' } },
    };
    fx.pipeline({ sources: { responses }, settings: { speeder_seconds: 30, straightline_min_ratings: 3 } });
    const flagged = await fx.run('flagged');
    expect(await quarantineLines(flagged.outDir)).toEqual([[6, 'not_a_number', 'duration_seconds', 'NaN']]);
    expect(await reconciliation(flagged)).toEqual([5, 4, 1]);
    expect(await queryOut(flagged.outDir, 'SELECT response_id, quality_flags FROM responses ORDER BY response_id')).toEqual([
      { response_id: 'r1', quality_flags: ['speeder'] },
      { response_id: 'r2', quality_flags: ['straight_liner'] },
      { response_id: 'r3', quality_flags: [] },
      { response_id: 'r4', quality_flags: [] },
    ]);
    fx.pipeline({ sources: { responses }, settings: { speeder_seconds: 30, straightline_min_ratings: 3, quality: { speeder: 'quarantine', straight_liner: 'quarantine' } } });
    const strict = await fx.run('strict');
    expect(await quarantineLines(strict.outDir)).toEqual([
      [2, 'speeder', 'duration_seconds', '12'],
      [3, 'straight_liner', 'ratings', '4.0'],
      [6, 'not_a_number', 'duration_seconds', 'NaN'],
    ]);
    expect(await column(strict.outDir, 'responses', 'response_id')).toEqual(['r3', 'r4']);
    fx.pipeline({ sources: { responses } });
    const lenient = await fx.run('lenient');
    expect(await reconciliation(lenient)).toEqual([5, 4, 1]);
    expect(await queryOut(lenient.outDir, "SELECT count(*)::INTEGER AS n FROM response_ratings WHERE response_id = 'r4'")).toEqual([{ n: 2 }]);
  });

  it('a rating outside rating_scale is set missing and listed in field_problems as out_of_range; the response stays', async () => {
    fx.write('responses.csv', csvText([['id', 'submitted_at', 'nps', 'ease'], ['r1', '2024-05-01', '9', '6'], ['r2', '2024-05-01', '9', '5']]));
    fx.pipeline({ sources: { responses: { path: 'responses.csv', columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', ratings: { ease: 'ease' } } } } });
    const result = await fx.run();
    expect(await quarantineLines(result.outDir)).toEqual([]);
    expect(await reconciliation(result)).toEqual([2, 2, 0]);
    expect(await queryOut(result.outDir, 'SELECT line::INTEGER AS line, row_id, field, reason_code, value FROM field_problems')).toEqual([
      { line: 2, row_id: 'r1', field: 'ratings.ease', reason_code: 'out_of_range', value: '6' },
    ]);
    expect(await queryOut(result.outDir, 'SELECT response_id, ratings FROM responses ORDER BY response_id')).toEqual([
      { response_id: 'r1', ratings: [null] },
      { response_id: 'r2', ratings: [5] },
    ]);
  });
});

describe('rating values', () => {
  it('ratings with spaces, a decimal comma or no-break spaces are read; blanks are missing; every bad rating is set missing and listed', async () => {
    const nbsp = '\u00a0';
    const header = ['id', 'submitted_at', 'nps', 'q1', 'q2', 'q3'];
    fx.write(
      'responses.csv',
      csvText([
        header,
        ['r1', '2024-05-01', '9', ' 4 ', '"3,5"', `${nbsp}2`],
        ['r2', '2024-05-01', '9', '5', 'bof', '7'],
        ['r3', '2024-05-01', '9', ' ', '', '1'],
        ['r4', '2024-05-01', '9', '2', '9', 'x'],
      ]),
    );
    const columns = { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', ratings: { q1: 'q1', q2: 'q2', q3: 'q3' } };
    fx.pipeline({ sources: { responses: { path: 'responses.csv', columns } } });
    const result = await fx.run();
    expect(await quarantineLines(result.outDir)).toEqual([]);
    expect(await queryOut(result.outDir, 'SELECT line::INTEGER AS line, field, reason_code, value FROM field_problems')).toEqual([
      { line: 3, field: 'ratings.q2', reason_code: 'not_a_number', value: 'bof' },
      { line: 3, field: 'ratings.q3', reason_code: 'out_of_range', value: '7' },
      { line: 5, field: 'ratings.q2', reason_code: 'out_of_range', value: '9' },
      { line: 5, field: 'ratings.q3', reason_code: 'not_a_number', value: 'x' },
    ]);
    expect(await queryOut(result.outDir, 'SELECT response_id, attribute, rating FROM response_ratings ORDER BY response_id, attribute')).toEqual([
      { response_id: 'r1', attribute: 'q1', rating: 4 },
      { response_id: 'r1', attribute: 'q2', rating: 3.5 },
      { response_id: 'r1', attribute: 'q3', rating: 2 },
      { response_id: 'r2', attribute: 'q1', rating: 5 },
      { response_id: 'r3', attribute: 'q3', rating: 1 },
      { response_id: 'r4', attribute: 'q1', rating: 2 },
    ]);
  });
});

describe('verbatims', () => {
  it('a 100 kB verbatim is kept, truncated to max_verbatim_chars and flagged', async () => {
    const long = 'lent '.repeat(20_000);
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '4', `"${long}"`], ['r2', 'c2', 'a1', '2024-05-02', '9', 'short']]));
    fx.pipeline({ settings: { max_verbatim_chars: 500 } });
    const result = await fx.run();
    const rows = await queryOut(result.outDir, 'SELECT response_id, length(verbatim)::INTEGER AS n, verbatim_truncated AS t FROM responses ORDER BY _line');
    expect(rows).toEqual([
      { response_id: 'r1', n: 500, t: true },
      { response_id: 'r2', n: 5, t: false },
    ]);
    expect(await reconciliation(result)).toEqual([2, 2, 0]);
  });

  it('an emoji-only verbatim is kept intact', async () => {
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '10', '👍🏽🎉❤️‍🔥']]));
    fx.pipeline();
    const result = await fx.run();
    expect(await column(result.outDir, 'responses', 'verbatim')).toEqual(['👍🏽🎉❤️‍🔥']);
  });

  it('control characters in a verbatim are removed, tabs and line breaks inside quotes survive as text', async () => {
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '6', 'bad\u0007 bell\u0000 and \u001bescape'], ['r2', 'c2', 'a1', '2024-05-02', '6', '"two\nlines"']]));
    fx.pipeline();
    const result = await fx.run();
    const verbatims = await column(result.outDir, 'responses', 'verbatim');
    expect(verbatims[0]).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(verbatims[0]?.replace(/\s+/g, ' ')).toBe('bad bell and escape');
    expect(verbatims[1]).toBe('two\nlines');
  });
});
