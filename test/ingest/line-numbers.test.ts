import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanRecordLines } from '../../src/ingest/scan-record-lines.ts';
import { lineShifts, recordAtReaderLine } from '../../src/ingest/line-shifts.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { loadSources } from '../../src/ingest/load-sources.ts';
import { parsePipelineText } from '../../src/config/load-pipeline.ts';
import { createFixture, type Fixture } from './helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
});
afterEach(() => fx.cleanup());

const CSV = { delimiter: ',', quote: '"' };

describe('scanRecordLines', () => {
  it('counts line breaks inside quotes as lines, not as records; blank lines are no records', async () => {
    const path = fx.write('a.csv', 'h1,h2\n\nr1,"multi\n\nline"\n\nr2,x\r\nr3,"say ""hi""\nthere"\nr4,y');
    const scan = await scanRecordLines(path, CSV);
    expect(scan.starts).toEqual([1, 3, 7, 8, 10]);
    // the reader's numbering: header 1, blank 2, r1 3, blank 4, r2 5, r3 6, r4 7 (what DuckDB's rejects report)
    expect(scan.readerLines).toEqual([1, 3, 5, 6, 7]);
    expect(scan.unterminated).toBeUndefined();
  });

  it('a quote in the middle of an unquoted value is literal, as for the reader', async () => {
    const path = fx.write('b.csv', 'h1,h2\nr1,he said "no\nr2,ok\n');
    expect((await scanRecordLines(path, CSV)).starts).toEqual([1, 2, 3]);
  });

  it('a quote never closed marks the record and where the next line starts', async () => {
    const text = 'h\nr1,"open\nr2,x\n';
    const path = fx.write('c.csv', text);
    const scan = await scanRecordLines(path, CSV);
    expect(scan.starts).toEqual([1, 2]);
    expect(scan.unterminated).toEqual({ record: 1, resumeByte: text.indexOf('r2') });
  });

  it('a quote closed on a later line and followed by text is a stray quote; spaces after a closing quote are fine', async () => {
    const text = 'h1,h2\nr1,"ok\nstill ok" ,x\nr2,"stray\nr3,y\nr4,"z"\nr5,w\n';
    const scan = await scanRecordLines(fx.write('f.csv', text), CSV);
    expect(scan.strayQuote).toEqual({ record: 2, resumeByte: text.indexOf('r3') });
    expect(scan.starts).toEqual([1, 2, 4, 7]);
  });

  it('honours a backslash escape, multi-character delimiters and a starting line', async () => {
    const path = fx.write('d.csv', 'a||"x\\"\ny"||b\nc||d\n');
    const scan = await scanRecordLines(path, { delimiter: '||', quote: '"', escape: '\\' }, 0, 10);
    expect(scan.starts).toEqual([10, 12]);
  });

  it('JSON lines: every non-blank line is a record, quotes do not matter', async () => {
    const path = fx.write('e.jsonl', '{"a":"x\n\n{"a":1}\n');
    expect((await scanRecordLines(path, {})).starts).toEqual([1, 3]);
  });
});

describe('lineShifts', () => {
  it('records one shift where records stop sitting one per line', () => {
    // header line 1; records start at 2, 3, 6 (multi-line before), 7 rejected, 8
    expect(lineShifts([2, 3, 6, 7, 8], new Set([3]), 1)).toEqual([
      { acceptedBefore: 2, cumSpan: 2 },
      { acceptedBefore: 3, cumSpan: 3 },
    ]);
    expect(lineShifts([2, 3, 4], new Set(), 1)).toEqual([]);
  });

  it('finds a record by its reader line', () => {
    expect(recordAtReaderLine([1, 3, 5, 6], 5)).toBe(2);
    expect(recordAtReaderLine([1, 3, 5, 6], 4)).toBe(-1);
  });
});

describe('line numbers at scale', () => {
  it('150,000 records with a multi-line record and a reject keep exact lines (no argument-count limits)', async () => {
    const rows: string[] = ['id,submitted_at,nps'];
    for (let i = 0; i < 150_000; i++) rows.push(i === 5 ? `r${i},"2024-05-01\n",9` : i === 100_000 ? `r${i},2024-05-01,9,extra` : `r${i},2024-05-01,${i % 11}`);
    fx.write('responses.csv', `${rows.join('\n')}\n`);
    const { value } = parsePipelineText('name: big\nsources:\n  responses:\n    path: responses.csv\n    columns: { response_id: id, submitted_at: submitted_at, nps: nps }\n');
    if (value === undefined) throw new Error('pipeline');
    const db = await openDatabase();
    try {
      const loaded = await loadSources({ conn: db.connection, pipeline: value, baseDir: fx.dir, workDir: `${fx.dir}/work`, asOf: '2024-06-30' });
      expect(loaded.sources[0]?.reconciliation).toMatchObject({ rowsRead: 150_000, rowsAccepted: 149_999, rowsQuarantined: 1 });
      const q = (await db.connection.runAndReadAll('SELECT line::INTEGER AS line, reason_code FROM quarantine')).getRowObjectsJson();
      expect(q).toEqual([{ line: 100_003, reason_code: 'unparseable_row' }]);
      const lines = (await db.connection.runAndReadAll("SELECT response_id, _line::INTEGER AS line FROM responses WHERE response_id IN ('r4', 'r6', 'r100001', 'r149999') ORDER BY _line")).getRowObjectsJson();
      expect(lines).toEqual([
        { response_id: 'r4', line: 6 },
        { response_id: 'r6', line: 9 },
        { response_id: 'r100001', line: 100_004 },
        { response_id: 'r149999', line: 150_002 },
      ]);
    } finally {
      db.close();
    }
  }, 30_000);
});
