/**
 * Refuses a source file none of whose records looks like a record of its source (`/etc/passwd` named as
 * the responses export, a file of another source, a wrong delimiter): the run stops with
 * "this does not look like a <source> export", naming the file, before any of its lines is copied into
 * the quarantine, its CSV or the DuckDB file. Files of fewer than MIN_RECORDS records are not judged:
 * a short export whose few rows are all bad is quarantined row by row as usual. Like a failed quality gate,
 * the refusal exits with code 3 (`gated` in the run log) and leaves the published night in place.
 */
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { querySqlFile } from '../db/sql-file.ts';
import { sourceFileProblem } from '../ingest/messages.ts';
import { SourceFileError } from '../run/errors.ts';
import { SHAPE_REASONS } from './reason-codes.ts';

export const MIN_RECORDS = 5;

/** Reads the view chk_current (checked rows with their problems) and stg_rejects of `source`. */
export async function checkFileShapes(conn: DuckDBConnection, source: string): Promise<void> {
  const rows = await querySqlFile(conn, 'validate/files-without-a-record', { source, shape_codes: listValue([...SHAPE_REASONS]), min_records: MIN_RECORDS });
  const first = rows[0];
  if (first !== undefined) {
    throw new SourceFileError(source, String(first.path), sourceFileProblem.notAnExport(source, Number(first.records), String(first.top_reason)), 3);
  }
}
