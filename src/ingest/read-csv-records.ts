/**
 * Reads one CSV file into a staging table with DuckDB's reader, keeping every record's physical line:
 * the rejects go to `stg_rejects` at the line an editor shows, the accepted records get line shifts
 * (`stg_line_shifts`). A quote opened and never closed makes the reader swallow the rest of the file as
 * one rejected record, and a stray quote swallows lines up to the next quote; in both cases the lines after
 * that record's first line are read again (as a new segment) so one stray quote costs one row, not the lines after it.
 */
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline as streamPipeline } from 'node:stream/promises';
import { BIGINT, LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { CsvOptions } from '../config/pipeline-schema.ts';
import { runSqlFile, queryNumber } from '../db/sql-file.ts';
import { scanRecordLines, type RecordScan } from './scan-record-lines.ts';
import { lineShifts, recordAtReaderLine } from './line-shifts.ts';
import { countLines } from './count-lines.ts';
import { READER_MAX_LINE_BYTES } from './reader-limits.ts';
import { normalizeRecords, type RemovedRecord } from './normalize-records.ts';
import { recordProblem } from './messages.ts';
import { EcouteError } from '../run/errors.ts';

export interface CsvRead {
  readonly conn: DuckDBConnection;
  readonly source: string;
  readonly fileId: number;
  /** `INSERT INTO stg_x SELECT <projection> FROM read_csv($path, ...)`: bound with $path, $header and the reader options */
  readonly insertSql: string;
  readonly params: Record<string, DuckDBValue>;
  /** the file DuckDB reads (UTF-8 or latin-1 copy) */
  readonly path: string;
  readonly csv: CsvOptions;
  /** scratch folder for the remainder after an unterminated quote */
  readonly workDir: string;
  /** settings.max_record_bytes: a longer record is quarantined as record_too_large */
  readonly maxRecordBytes: number;
}

const BIGINT_LIST = LIST(BIGINT);

/** Copies bytes [start, end) of a file (to its end when `end` is undefined). */
async function copyRange(path: string, start: number, end: number | undefined, target: string): Promise<string> {
  await streamPipeline(createReadStream(path, end === undefined ? { start } : { start, end: end - 1 }), createWriteStream(target));
  return target;
}

/** A list of numbers as a DuckDB BIGINT[] parameter value. */
export function bigintList(values: readonly number[]): DuckDBValue {
  return listValue(values.map((v) => BigInt(v)));
}

/**
 * The common case, without scanning the file in JavaScript: DuckDB reads it, and when it rejected nothing and
 * the file has exactly one physical line per record (counted natively), record k is on line header + 1 + k.
 * Otherwise the rows are taken back out and undefined is returned, for the scanning path.
 */
async function readSimpleFile(read: CsvRead, table: string): Promise<number | undefined> {
  const { conn } = read;
  const [{ lines, longestLine }, before] = await Promise.all([countLines(read.path), queryNumber(conn, `SELECT count(*) FROM ${table}`, {})]);
  if (longestLine > Math.min(read.maxRecordBytes, READER_MAX_LINE_BYTES)) return undefined;
  let readerFailed = false;
  try {
    await conn.run(read.insertSql, { ...read.params, path: read.path, header: read.csv.header, max_line_size: READER_MAX_LINE_BYTES });
  } catch {
    readerFailed = true; // e.g. mixed line endings: the scanning path normalizes them, and reports what it cannot read
  }
  const inserted = (await queryNumber(conn, `SELECT count(*) FROM ${table}`, {})) - before;
  const rejects = readerFailed ? 0 : await queryNumber(conn, 'SELECT count(*) FROM ecoute_rejects', {});
  await conn.run('DROP TABLE IF EXISTS ecoute_rejects');
  await conn.run('DROP TABLE IF EXISTS ecoute_reject_scans');
  if (!readerFailed && rejects === 0 && lines === inserted + (read.csv.header ? 1 : 0)) return inserted;
  await conn.run(`DELETE FROM ${table} WHERE _file_id = $file_id`, { file_id: read.fileId });
  return undefined;
}

/**
 * Scans the file for records the reader must not see (longer than maxRecordBytes) and for carriage returns;
 * when there are any, writes the normalized copy (normalize-records.ts), records the records taken out as
 * rejects at their line, and returns the copy's path. Otherwise returns the file's own path.
 */
async function takeOutBadRecords(read: CsvRead): Promise<string> {
  const dialect = { delimiter: read.csv.delimiter, quote: read.csv.quote, escape: read.csv.escape };
  const scan = await scanRecordLines(read.path, dialect, 0, 1, { maxRecordBytes: read.maxRecordBytes });
  const bad = scan.badRecords.filter((r) => !(read.csv.header && r.record === 0));
  if (bad.length === 0 && !scan.hasCr) return read.path;
  mkdirSync(read.workDir, { recursive: true });
  const target = join(read.workDir, `${read.fileId}-normalized.csv`);
  const removed = await normalizeRecords(read.path, bad, target);
  await recordRemovedRecords(read.conn, read.source, read.fileId, removed, scan.starts, read.maxRecordBytes);
  return target;
}

/** Rejects for the records normalizeRecords took out, at the physical line where each starts. */
export async function recordRemovedRecords(
  conn: DuckDBConnection,
  source: string,
  fileId: number,
  removed: readonly RemovedRecord[],
  starts: readonly number[],
  maxRecordBytes: number,
): Promise<void> {
  if (removed.length === 0) return;
  const list = LIST(VARCHAR);
  await runSqlFile(
    conn,
    'ingest/record-removed-records',
    {
      source,
      file_id: fileId,
      lines: bigintList(removed.map((r) => starts[r.record] as number)),
      error_types: listValue(removed.map((r) => (r.kind === 'too_large' ? RECORD_TOO_LARGE : CONTROL_CHARACTER))),
      messages: listValue(removed.map((r) => (r.kind === 'too_large' ? recordProblem.tooLarge(r.bytes, maxRecordBytes) : recordProblem.controlCharacter()))),
      raws: listValue(removed.map((r) => r.raw)),
    },
    { lines: BIGINT_LIST, error_types: list, messages: list, raws: list },
  );
}

/** error_type of a rejected record too large for the reader (quarantined as record_too_large) */
export const RECORD_TOO_LARGE = 'RECORD TOO LARGE';
const CONTROL_CHARACTER = 'CONTROL CHARACTER';

/** Returns the number of records staged for the file (its rejects are in stg_rejects). Reader errors propagate. */
export async function readCsvRecords(read: CsvRead, table: string): Promise<number> {
  const { conn, csv } = read;
  const trackLines = csv.encoding !== 'utf-16';
  if (trackLines) {
    const simple = await readSimpleFile(read, table);
    if (simple !== undefined) return simple;
  }
  const dataStarts: number[] = [];
  const rejected = new Set<number>();
  let records = 0;
  let segmentPath = trackLines ? await takeOutBadRecords(read) : read.path;
  let header = csv.header;
  let firstLine = 1;
  for (let segment = 0; ; segment++) {
    const dialect = { delimiter: csv.delimiter, quote: csv.quote, escape: csv.escape };
    let scan: RecordScan | undefined = trackLines ? await scanRecordLines(segmentPath, dialect, 0, firstLine) : undefined;
    if (segment > 0 && scan?.starts.length === 0) break; // only blank lines after the unterminated quote
    let rest: { path: string; firstLine: number; cutLine: number } | undefined;
    if (scan?.strayQuote !== undefined) {
      // a stray quote swallowed the next lines up to another quote: read up to its line, then the rest apart
      mkdirSync(read.workDir, { recursive: true });
      const cutLine = scan.starts[scan.strayQuote.record] as number;
      const restPath = await copyRange(segmentPath, scan.strayQuote.resumeByte, undefined, join(read.workDir, `${read.fileId}-rest-${segment + 1}.csv`));
      segmentPath = await copyRange(segmentPath, 0, scan.strayQuote.resumeByte, join(read.workDir, `${read.fileId}-part-${segment}.csv`));
      rest = { path: restPath, firstLine: cutLine + 1, cutLine };
      scan = await scanRecordLines(segmentPath, dialect, 0, firstLine);
    }
    const segScan = scan;
    const before = await queryNumber(conn, `SELECT count(*) FROM ${table}`, {});
    await conn.run(read.insertSql, { ...read.params, path: segmentPath, header, max_line_size: Math.max(READER_MAX_LINE_BYTES, read.maxRecordBytes + 2) });
    const inserted = (await queryNumber(conn, `SELECT count(*) FROM ${table}`, {})) - before;
    const readerLines = (await conn.runAndReadAll('SELECT DISTINCT line FROM ecoute_rejects ORDER BY line')).getRows().map((r) => Number(r[0]));
    const headerRecords = header ? 1 : 0;
    const scanned = segScan === undefined ? -1 : segScan.starts.length - headerRecords;
    const indexes = segScan === undefined ? [] : readerLines.map((l) => recordAtReaderLine(segScan.readerLines, l));
    const consistent = segScan !== undefined && scanned === inserted + readerLines.length && indexes.every((i) => i >= headerRecords);
    // the independent count: every record the scan found is either staged or rejected, or the run stops
    if (segScan !== undefined && !consistent) throw new EcouteError(recordProblem.countMismatch(read.path, firstLine, scanned, inserted, readerLines.length));
    const base = dataStarts.length;
    if (consistent) {
      for (const i of indexes) rejected.add(base + i - headerRecords);
      for (let i = headerRecords; i < segScan.starts.length; i++) dataStarts.push(segScan.starts[i] as number);
    } else {
      // the reader and the scan disagree (or no scan): number records as the reader does, one line each
      const total = inserted + readerLines.length;
      for (let i = 0; i < total; i++) dataStarts.push(firstLine + headerRecords + i);
      for (const l of readerLines) rejected.add(base + Math.max(0, Math.min(total - 1, l - 1 - headerRecords)));
    }
    const physical = consistent ? indexes.map((i) => segScan.starts[i] as number) : readerLines.map((l) => l + firstLine - 1);
    await runSqlFile(
      conn,
      'ingest/collect-rejects',
      { source: read.source, file_id: read.fileId, reader_lines: bigintList(readerLines), physical_lines: bigintList(physical) },
      { reader_lines: BIGINT_LIST, physical_lines: BIGINT_LIST },
    );
    records += inserted;
    if (rest !== undefined) {
      if (consistent) await runSqlFile(conn, 'ingest/trim-unterminated-reject', { file_id: read.fileId, line: rest.cutLine });
      segmentPath = rest.path;
      header = false;
      firstLine = rest.firstLine;
      continue;
    }
    const resume = consistent ? segScan.unterminated : undefined;
    if (resume?.resumeByte === undefined) break;
    mkdirSync(read.workDir, { recursive: true });
    const startLine = segScan?.starts[resume.record] as number;
    // the rejected record keeps only its own line: the lines after it are read (and reported) on their own
    await runSqlFile(conn, 'ingest/trim-unterminated-reject', { file_id: read.fileId, line: startLine });
    segmentPath = await copyRange(segmentPath, resume.resumeByte, undefined, join(read.workDir, `${read.fileId}-rest-${segment + 1}.csv`));
    header = false;
    firstLine = startLine + 1;
  }
  const shifts = lineShifts(dataStarts, rejected, csv.header ? 1 : 0);
  await runSqlFile(
    conn,
    'ingest/record-line-shifts',
    { file_id: read.fileId, accepted_before: bigintList(shifts.map((s) => s.acceptedBefore)), cum_span: bigintList(shifts.map((s) => s.cumSpan)) },
    { accepted_before: BIGINT_LIST, cum_span: BIGINT_LIST },
  );
  return records;
}
