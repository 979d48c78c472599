/**
 * Issue 12, findings 5 and 6 (records lost or a whole file refused for one bad record): a record above
 * settings.max_record_bytes, mixed line endings, a stray CR, control bytes and huge lines in JSON lines,
 * compressed files and JSON arrays. Each case asserts the exact quarantine and the books.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { decompress } from 'fzstd';
import { SourceFileError } from '../../src/run/errors.ts';
import { sourceFileProblem, recordProblem } from '../../src/ingest/messages.ts';
import { validatePipeline } from '../../src/validate/check-sources.ts';
import { scanRecordLines } from '../../src/ingest/scan-record-lines.ts';
import { normalizeRecords, RAW_COPY_BYTES } from '../../src/ingest/normalize-records.ts';
import { createFixture, caught, column, quarantineLines, queryOut, reconciliation, RESPONSES_HEADER, type Fixture } from './helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
});
afterEach(() => fx.cleanup());

const HEADER = RESPONSES_HEADER.join(',');
const row = (i: number, comment = 'ok'): string => `r${i},c${i},a1,2024-05-0${i},9,${comment}`;
const json = (i: number, comment = 'ok'): string => JSON.stringify({ id: `r${i}`, contact: `c${i}`, account: 'a1', submitted_at: `2024-05-0${i}`, nps: 9, comment });
const jsonl = { path: 'r.jsonl', columns: { response_id: 'id', contact_id: 'contact', account_id: 'account', submitted_at: 'submitted_at', nps: 'nps', verbatim: 'comment' } };

describe('no record lost, whatever its size', () => {
  it('a 33 MB record is quarantined as record_too_large at its line (it disappeared: read 3 = 3 + 0 for 4 records)', async () => {
    const big = 'x'.repeat(33 * 1024 * 1024);
    fx.write('responses.csv', [HEADER, row(1), row(2, big), row(3), row(4)].join('\n') + '\n');
    fx.pipeline();
    const result = await fx.run();
    expect(await reconciliation(result)).toEqual([4, 3, 1]);
    const bytes = row(2, big).length;
    expect(await quarantineLines(result.outDir)).toEqual([[3, 'record_too_large', null, `RECORD TOO LARGE: ${recordProblem.tooLarge(bytes, 2 * 1024 * 1024)}`]]);
    const [q] = await queryOut(result.outDir, 'SELECT raw FROM quarantine');
    expect(q?.raw).toBe(row(2, big).slice(0, RAW_COPY_BYTES));
    // the next rows keep their own lines
    expect(await column(result.outDir, 'responses', "response_id || '@' || _line")).toEqual(['r1@2', 'r3@4', 'r4@5']);
  });

  it('settings.max_record_bytes: a quoted record over several lines above it is quarantined, the lines after it keep their numbers', async () => {
    const long = `"${'y'.repeat(700)}\n${'z'.repeat(700)}"`;
    fx.write('responses.csv', [HEADER, row(1), row(2, long), row(3)].join('\n') + '\n');
    fx.pipeline({ settings: { max_record_bytes: 1024 } });
    const result = await fx.run();
    expect(await reconciliation(result)).toEqual([3, 2, 1]);
    expect((await quarantineLines(result.outDir)).map(([line, reason]) => [line, reason])).toEqual([[3, 'record_too_large']]);
    expect(await column(result.outDir, 'responses', "response_id || '@' || _line")).toEqual(['r1@2', 'r3@5']);
  });

  it('mixed CRLF, LF and CR line endings are read record by record (the file was refused)', async () => {
    fx.write('responses.csv', `${HEADER}\r\n${row(1)}\r\n${row(2)}\n${row(3)}\r${row(4)}\n`);
    fx.pipeline();
    const result = await fx.run();
    expect(await reconciliation(result)).toEqual([4, 4, 0]);
    expect(await column(result.outDir, 'responses', "response_id || '@' || _line || ':' || verbatim")).toEqual(['r1@2:ok', 'r2@3:ok', 'r3@4:ok', 'r4@5:ok']);
  });

  it('a stray CR is a line break as an editor shows it: the line after it is quarantined, not the file', async () => {
    fx.write('responses.csv', `${HEADER}\n${row(1)}\n${row(2, 'a\rb')}\n${row(3)}\n`);
    fx.pipeline();
    const result = await fx.run();
    expect(await reconciliation(result)).toEqual([4, 3, 1]);
    expect((await quarantineLines(result.outDir)).map(([line, reason]) => [line, reason])).toEqual([[4, 'unparseable_row']]);
    expect(await column(result.outDir, 'responses', "response_id || '@' || _line")).toEqual(['r1@2', 'r2@3', 'r3@5']);
  });

  it('JSON lines: a 0x1F byte and a 5 MB line are per-record problems (they stopped the run with a raw CSV Error)', async () => {
    const lines = [json(1), json(2, 'a\u001fb').replace('\\u001f', '\u001f'), json(3, 'x'.repeat(5 * 1024 * 1024)), json(4)];
    fx.write('r.jsonl', `${lines.join('\r\n')}\n`);
    fx.pipeline({ sources: { responses: jsonl } });
    const result = await fx.run();
    expect(await reconciliation(result)).toEqual([4, 2, 2]);
    expect(await quarantineLines(result.outDir)).toEqual([
      [2, 'unparseable_row', null, `CONTROL CHARACTER: ${recordProblem.controlCharacter()}`],
      [3, 'record_too_large', null, `RECORD TOO LARGE: ${recordProblem.tooLarge(Buffer.byteLength(lines[2] as string), 2 * 1024 * 1024)}`],
    ]);
    expect(await column(result.outDir, 'responses', "response_id || '@' || _line")).toEqual(['r1@1', 'r4@4']);
  });

  it('ecoute validate reads the same JSON lines file without a raw reader error', async () => {
    fx.write('r.jsonl', `${json(1)}\n${json(2, 'a\u001fb').replace('\\u001f', '\u001f')}\n`);
    fx.pipeline({ sources: { responses: jsonl } });
    expect((await validatePipeline(fx.pipelineFile, { asOf: '2024-06-01' })).checks).toEqual([{ source: 'responses', file: 'r.jsonl', ok: true }]);
  });

  it('a gzip-compressed CSV and JSON lines file are read with their line numbers (.csv.gz was called binary)', async () => {
    fx.write('responses.csv.gz', gzipSync(Buffer.from([HEADER, row(1), row(2, '"two\nlines"'), row(3)].join('\n') + '\n')));
    fx.write('r.jsonl.gz', gzipSync(Buffer.from(`${json(1)}\n\n${json(2)}\n`)));
    fx.pipeline({ sources: { responses: { path: 'responses.csv.gz', columns: jsonl.columns } } });
    const csv = await fx.run('csv');
    expect(csv.summary.sources[0]?.files[0]).toMatchObject({ path: 'responses.csv.gz', format: 'csv' });
    expect(await column(csv.outDir, 'responses', "response_id || '@' || _line")).toEqual(['r1@2', 'r2@3', 'r3@5']);
    fx.pipeline({ sources: { responses: { ...jsonl, path: 'r.jsonl.gz' } } });
    const jl = await fx.run('jsonl');
    expect(await column(jl.outDir, 'responses', "response_id || '@' || _line")).toEqual(['r1@1', 'r2@3']);
  });

  it('a zstd-compressed CSV and JSON lines file are read with their line numbers; a truncated one is a clear error', async () => {
    // test/ingest/fixtures/*.zst: `zstd -19` (zstd 1.5.4) of the texts below, committed as bytes (fzstd only decodes)
    const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
    expect(Buffer.from(decompress(fixture('responses.csv.zst'))).toString('utf8')).toBe([HEADER, row(1), row(2, '"two\nlines"'), row(3)].join('\n') + '\n');
    expect(Buffer.from(decompress(fixture('r.jsonl.zst'))).toString('utf8')).toBe(`${json(1)}\n\n${json(2)}\n`);
    fx.write('responses.csv.zst', fixture('responses.csv.zst'));
    fx.write('r.jsonl.zst', fixture('r.jsonl.zst'));
    fx.pipeline({ sources: { responses: { path: 'responses.csv.zst', columns: jsonl.columns } } });
    const csv = await fx.run('csv');
    expect(csv.summary.sources[0]?.files[0]).toMatchObject({ path: 'responses.csv.zst', format: 'csv' });
    expect(await column(csv.outDir, 'responses', "response_id || '@' || _line")).toEqual(['r1@2', 'r2@3', 'r3@5']);
    fx.pipeline({ sources: { responses: { ...jsonl, path: 'r.jsonl.zst' } } });
    const jl = await fx.run('jsonl');
    expect(await column(jl.outDir, 'responses', "response_id || '@' || _line")).toEqual(['r1@1', 'r2@3']);
    // a frame cut short never becomes a shorter file read as complete
    const whole = fixture('responses.csv.zst');
    const cut = fx.write('cut.csv.zst', whole.subarray(0, whole.length - 6));
    fx.pipeline({ sources: { responses: { path: 'cut.csv.zst', columns: jsonl.columns } } });
    const e = await caught(() => fx.run('cut'));
    expect(e).toBeInstanceOf(SourceFileError);
    expect(e.message).toMatch(new RegExp(`^${cut.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot be read: zstd: `));
  });

  it('bzip2 / xz files and a JSON array are refused with a clear message (an array of 3 read as 5 records)', async () => {
    const bz = fx.write('responses.csv.bz2', Buffer.from([0x42, 0x5a, 0x68, 0x39, 0, 0, 0, 0]));
    fx.pipeline({ sources: { responses: { path: 'responses.csv.bz2', columns: jsonl.columns } } });
    const e1 = await caught(() => fx.run('bz2'));
    expect(e1).toBeInstanceOf(SourceFileError);
    expect(e1.message).toBe(`${bz}: ${sourceFileProblem.compressed('bzip2')}`);
    const array = fx.write('r.json', JSON.stringify([1, 2, 3].map((i) => JSON.parse(json(i)) as unknown), null, 1));
    fx.pipeline({ sources: { responses: { ...jsonl, path: 'r.json' } } });
    const e2 = await caught(() => fx.run('array'));
    expect(e2.message).toBe(`${array}: ${sourceFileProblem.jsonArray()}`);
  });
});

describe('normalizeRecords', () => {
  it('keeps every physical line: CR LF and CR become LF, a record taken out becomes empty lines', async () => {
    const path = fx.write('f.csv', 'h\r\na\rBIG1\nBIG2\r\nb\n');
    const scan = await scanRecordLines(path, { delimiter: ',', quote: '"' }, 0, 1, { maxRecordBytes: 3 });
    expect(scan.starts).toEqual([1, 2, 3, 4, 5]);
    expect(scan.badRecords.map((r) => r.record)).toEqual([2, 3]);
    const removed = await normalizeRecords(path, scan.badRecords, fx.write('out.csv', ''));
    expect(readFileSync(`${fx.dir}/out.csv`, 'utf8')).toBe('h\na\n\n\nb\n');
    expect(removed.map((r) => [r.raw, r.bytes])).toEqual([
      ['BIG1', 4],
      ['BIG2', 4],
    ]);
  });
});
