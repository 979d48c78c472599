/**
 * Hygiene that fits real exports: a "not rated" value and a missing-value text (NA) make one attribute
 * missing, not the whole response; the books still balance (field problems are not quarantined rows).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, csvText, quarantineLines, queryOut, reconciliation, type Fixture } from '../ingest/helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
});
afterEach(() => fx.cleanup());

const HEADER = ['id', 'submitted_at', 'score', 'staff', 'value', 'clean'];
const COLUMNS = { response_id: 'id', submitted_at: 'submitted_at', nps: 'score', ratings: { staff: 'staff', value: 'value', clean: 'clean' } };

describe('not rated and missing values', () => {
  it('a rating of 0 (not rated) and an NA keep the response with the attribute missing', async () => {
    fx.write(
      'responses.csv',
      csvText([
        HEADER,
        ['r1', '2024-05-01', '9', '5', '0', '4'],
        ['r2', '2024-05-02', '3', 'NA', '2', '1'],
        ['r3', '2024-05-03', 'NA', '4', '4', '3'],
        ['r4', '2024-05-04', '7', '0', 'N/A', '6'],
      ]),
    );
    fx.pipeline({ sources: { responses: { path: 'responses.csv', columns: COLUMNS, missing_values: ['', 'NA', 'N/A'], rating_scale: { min: 1, max: 5, not_rated: 0 } } } });
    const result = await fx.run();
    // r3 has no score left once NA is missing: the one quarantined row
    expect(await quarantineLines(result.outDir)).toEqual([[4, 'no_score', 'nps', null]]);
    expect(await reconciliation(result)).toEqual([4, 3, 1]);
    expect(await queryOut(result.outDir, 'SELECT response_id, nps, ratings FROM responses ORDER BY response_id')).toEqual([
      { response_id: 'r1', nps: 9, ratings: [4, 5, null] }, // attributes sorted: clean, staff, value
      { response_id: 'r2', nps: 3, ratings: [1, null, 2] },
      { response_id: 'r4', nps: 7, ratings: [null, null, null] },
    ]);
    expect(await queryOut(result.outDir, 'SELECT line::INTEGER AS line, row_id, field, reason_code, value FROM field_problems')).toEqual([
      { line: 2, row_id: 'r1', field: 'ratings.value', reason_code: 'not_rated', value: '0' },
      { line: 5, row_id: 'r4', field: 'ratings.clean', reason_code: 'out_of_range', value: '6' },
      { line: 5, row_id: 'r4', field: 'ratings.staff', reason_code: 'not_rated', value: '0' },
    ]);
    expect(result.summary.fieldProblems).toEqual({ total: 3, byReason: [
      { source: 'responses', reason: 'not_rated', count: 2, meaning: expect.any(String) as string },
      { source: 'responses', reason: 'out_of_range', count: 1, meaning: expect.any(String) as string },
    ] });
  });

  it('a rating\'s own not_rated replaces the scale\'s', async () => {
    fx.write('responses.csv', csvText([HEADER, ['r1', '2024-05-01', '9', '9', '9', '0']]));
    const columns = { ...COLUMNS, ratings: { staff: { column: 'staff', not_rated: [9] }, value: 'value', clean: 'clean' } };
    fx.pipeline({ sources: { responses: { path: 'responses.csv', columns, rating_scale: { min: 0, max: 10, not_rated: 0 } } } });
    const result = await fx.run();
    expect(await queryOut(result.outDir, 'SELECT ratings FROM responses')).toEqual([{ ratings: [null, null, 9] }]);
    expect(await queryOut(result.outDir, 'SELECT field, reason_code FROM field_problems')).toEqual([
      { field: 'ratings.clean', reason_code: 'not_rated' },
      { field: 'ratings.staff', reason_code: 'not_rated' },
    ]);
  });
});

describe('quality flags in the metrics', () => {
  it('flagged responses stay in the NPS, and the cell says how many of its n are flagged', async () => {
    const header = ['id', 'submitted_at', 'nps', 'secs', 'q1', 'q2', 'q3'];
    fx.write(
      'responses.csv',
      csvText([
        header,
        ['r1', '2024-05-01', '10', '5', '4', '5', '3'], // speeder
        ['r2', '2024-05-01', '9', '95', '5', '5', '5'], // straight-liner (all 5)
        ['r3', '2024-05-01', '2', '95', '1', '1', '1'], // straight-liner (all 1)
        ['r4', '2024-05-01', '7', '95', '4', '2', '3'],
      ]),
    );
    const responses = { path: 'responses.csv', columns: { response_id: 'id', submitted_at: 'submitted_at', nps: 'nps', duration_seconds: 'secs', ratings: { q1: 'q1', q2: 'q2', q3: 'q3' } } };
    fx.pipeline({ sources: { responses }, settings: { speeder_seconds: 30, straightline_min_ratings: 3 } });
    const result = await fx.run();
    expect(await reconciliation(result)).toEqual([4, 4, 0]);
    expect(result.summary.qualityFlags).toEqual({ speeder: 1, straight_liner: 2 });
    // promoters r1 r2, detractor r3, passive r4: NPS = 100 * (2 - 1) / 4 = 25
    expect(result.summary.metrics.nps).toMatchObject({ n: 4, nFlagged: 3, value: 25 });
    expect(await queryOut(result.outDir, "SELECT n, n_flagged FROM metric_cells WHERE metric = 'nps' AND grain = 'all' AND dimension = 'overall'")).toEqual([{ n: 4, n_flagged: 3 }]);
  });
});
