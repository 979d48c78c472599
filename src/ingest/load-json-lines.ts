/**
 * Loads a JSON lines file into `ecoute_json_lines` (n = physical line, j = its text), the same way for a run
 * and for `ecoute validate`: one scan counts the records (non-blank lines) independently, lines too large or
 * holding a control character (which would stop DuckDB's reader) are taken out as blank lines, and line
 * breaks are made LF (normalize-records.ts). Returns the scan and the lines taken out, to be quarantined.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { structValue, type DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../db/sql-file.ts';
import { scanRecordLines, type RecordScan } from './scan-record-lines.ts';
import { normalizeRecords, type RemovedRecord } from './normalize-records.ts';
import { READER_MAX_LINE_BYTES } from './reader-limits.ts';

export async function loadJsonLines(
  conn: DuckDBConnection,
  file: string,
  maxRecordBytes: number,
  normalizedPath: string,
): Promise<{ scan: RecordScan; removed: RemovedRecord[] }> {
  const scan = await scanRecordLines(file, {}, 0, 1, { maxRecordBytes });
  let readPath = file;
  let removed: RemovedRecord[] = [];
  if (scan.badRecords.length > 0 || scan.hasCr) {
    mkdirSync(dirname(normalizedPath), { recursive: true });
    readPath = normalizedPath;
    removed = await normalizeRecords(file, scan.badRecords, readPath);
  }
  await runSqlFile(conn, 'ingest/read-json-lines', {
    path: readPath,
    columns: structValue({ j: 'VARCHAR' }),
    delim: '\u001f',
    max_line_size: Math.max(READER_MAX_LINE_BYTES, maxRecordBytes + 2),
  });
  return { scan, removed };
}
