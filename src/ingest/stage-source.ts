/**
 * Stage one source: every file of its glob is read by DuckDB's own reader (CSV, Parquet or JSON lines)
 * into `stg_<source>`, one VARCHAR column per canonical field, so validation sees the raw text.
 * Records the CSV parser rejects (unterminated quotes, too many columns, invalid UTF-8) are kept in
 * `stg_rejects` with their line: nothing read is ever dropped.
 */
import { mkdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { structValue, type DuckDBConnection } from '@duckdb/node-api';
import { DEFAULT_CSV_OPTIONS, isRatedSource, type Pipeline, type SourceName } from '../config/pipeline-schema.ts';
import { quoteIdentifier, internalName } from '../db/quote-identifier.ts';
import { runSqlFile, querySqlFile, queryNumber } from '../db/sql-file.ts';
import { SourceFileError, EcouteError } from '../run/errors.ts';
import { fieldMappings, ratingMappings, canonicalFields, matchColumn } from './source-fields.ts';
import { inspectFile } from './inspect-file.ts';
import { transcodeToUtf8 } from './transcode-file.ts';
import { formatOf, type SourceFormat } from './format-of.ts';
import { resolveSourceFiles } from './resolve-source-files.ts';
import { sourceFileProblem, recordProblem } from './messages.ts';
import { readCsvRecords, recordRemovedRecords } from './read-csv-records.ts';
import { loadJsonLines } from './load-json-lines.ts';
import { decompressedCopy } from './decompress-file.ts';
import { duplicateColumns, parquetTopLevelNames } from './duplicate-columns.ts';
import { sampleFile } from './sample-file.ts';

export interface StagedFile {
  readonly fileId: number;
  /** the file as shown in outputs: relative to the pipeline file (same as `stg_files.path` and `quarantine.source_file`) */
  readonly path: string;
  /** rowid of the file's first record in the staging table */
  readonly rowOffset: number;
  readonly format: SourceFormat;
  /** records DuckDB parsed into the staging table */
  readonly records: number;
  /** records the parser rejected */
  readonly rejected: number;
  readonly unmappedColumns: string[];
  readonly warnings: string[];
}

export interface StageContext {
  readonly conn: DuckDBConnection;
  readonly baseDir: string;
  /** scratch folder for transcoded copies */
  readonly workDir: string;
  /** next file id, shared by all sources so ids are unique in `stg_files` */
  nextFileId: number;
  /** `ecoute validate`: stage only the first N rows of each file of these sources */
  readonly sample?: { readonly rows: number; readonly sources: readonly SourceName[] };
}


function stagingTable(source: SourceName): string {
  return internalName(`stg_${source}`);
}

/** `CREATE TABLE stg_x (_file_id INTEGER, <field> VARCHAR, ...)`: names are ecoute's own. A record's position in its file is its rowid minus the file's row_offset. */
function stagingDdl(source: SourceName): string {
  const cols = canonicalFields(source).map((f) => `${internalName(f)} VARCHAR`);
  if (isRatedSource(source)) cols.push('ratings VARCHAR[]');
  return `CREATE OR REPLACE TEMP TABLE ${stagingTable(source)} (_file_id INTEGER, ${cols.join(', ')})`;
}

/** The SELECT list mapping file columns onto canonical fields; `expr` turns a file column into VARCHAR. */
function projection(pipeline: Pipeline, source: SourceName, fileId: number, columns: readonly string[], file: string, expr: (column: string) => string): { select: string; unmapped: string[] } {
  const used = new Set<string>();
  const missing: string[] = [];
  const pick = (wanted: string): string => {
    const col = matchColumn(columns, wanted);
    if (col === undefined) {
      missing.push(wanted);
      return 'NULL';
    }
    used.add(col);
    return expr(col);
  };
  const parts = [`${fileId}::INTEGER AS _file_id`];
  for (const m of fieldMappings(pipeline, source)) {
    parts.push(`${m.column === undefined ? 'NULL' : pick(m.column)}::VARCHAR AS ${internalName(m.field)}`);
  }
  if (isRatedSource(source)) {
    const ratings = ratingMappings(pipeline, source).map(([, col]) => `${pick(col)}::VARCHAR`);
    parts.push(`[${ratings.join(', ')}]::VARCHAR[] AS ratings`);
  }
  if (missing.length > 0) throw new SourceFileError(source, file, sourceFileProblem.missingColumns(missing, columns));
  return { select: parts.join(',\n  '), unmapped: columns.filter((c) => !used.has(c)) };
}

function refuseDuplicateColumns(source: SourceName, file: string, columns: readonly string[]): void {
  const groups = duplicateColumns(columns);
  if (groups.length > 0) throw new SourceFileError(source, file, sourceFileProblem.duplicateHeader(groups));
}

/** Empty header cells get names of their own (column, column_1...); other names are unique (refuseDuplicateColumns). */
function dedupeNames(columns: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const name = c.length === 0 ? 'column' : c;
    const n = seen.get(name.toLowerCase()) ?? 0;
    seen.set(name.toLowerCase(), n + 1);
    return n === 0 ? name : `${name}_${n}`;
  });
}

async function stageCsvFile(ctx: StageContext, pipeline: Pipeline, source: SourceName, file: string, fileId: number): Promise<StagedFile> {
  const spec = pipeline.sources[source];
  const csv = spec?.csv ?? DEFAULT_CSV_OPTIONS;
  const info = inspectFile(file, csv);
  const warnings: string[] = [];
  if (info.empty) return { fileId, path: file, rowOffset: 0, format: 'csv', records: 0, rejected: 0, unmappedColumns: [], warnings: [sourceFileProblem.empty()] };
  if (info.binary) throw new SourceFileError(source, file, sourceFileProblem.binary());
  refuseDuplicateColumns(source, file, info.columns);
  const columns = dedupeNames(info.columns);
  let readPath = file;
  let encoding: string = csv.encoding;
  if (csv.encoding === 'windows-1252') {
    mkdirSync(ctx.workDir, { recursive: true });
    readPath = await transcodeToUtf8(file, 'windows-1252', join(ctx.workDir, `${fileId}-${basename(file)}.utf8`));
    encoding = 'utf-8';
  }
  let mapped: { select: string; unmapped: string[] };
  try {
    mapped = projection(pipeline, source, fileId, columns, file, (c) => quoteIdentifier(c));
  } catch (e) {
    if (e instanceof SourceFileError) throw new SourceFileError(source, file, `${e.message.slice(file.length + 2)}${sourceFileProblem.delimiterHint(csv.delimiter, info.delimiterCounts)}`);
    throw e;
  }
  const columnTypes = structValue(Object.fromEntries(columns.map((c) => [c, 'VARCHAR'])));
  // DuckDB's default record limit (2 MB; a longer record is quarantined as unparseable_row) and read buffer.
  // A larger max_line_size made DuckDB's buffers, hence the staged row groups, uneven: the responses written
  // from them were rewritten at the next checkpoint (+1.4 s and +0.3 GB peak on 1,000,000 rows).
  const sql = `INSERT INTO ${stagingTable(source)}
SELECT ${mapped.select}
FROM read_csv($path, columns = $columns, auto_detect = false, header = $header, delim = $delim, quote = $quote,
  escape = $escape, encoding = $encoding, store_rejects = true, rejects_table = 'ecoute_rejects',
  rejects_scan = 'ecoute_reject_scans', strict_mode = true, max_line_size = $max_line_size)`;
  const before = await queryNumber(ctx.conn, `SELECT count(*) FROM ${stagingTable(source)}`, {});
  let records: number;
  try {
    records = await readCsvRecords(
      {
        conn: ctx.conn,
        source,
        fileId,
        insertSql: sql,
        params: { columns: columnTypes, delim: csv.delimiter, quote: csv.quote, escape: csv.escape ?? csv.quote, encoding },
        path: readPath,
        csv,
        workDir: ctx.workDir,
        maxRecordBytes: pipeline.settings.max_record_bytes,
      },
      stagingTable(source),
    );
  } catch (e) {
    throw new SourceFileError(source, file, sourceFileProblem.unreadable((e as Error).message));
  }
  const rejected = await queryNumber(ctx.conn, 'SELECT count(*) FROM stg_rejects WHERE file_id = $file_id', { file_id: fileId });
  if (info.bom) warnings.push(sourceFileProblem.bomRemoved());
  // rows taken back out by the simple path leave their row ids behind: the file's rows start at its smallest rowid
  const rowOffset = records === 0 ? before : await queryNumber(ctx.conn, `SELECT min(rowid) FROM ${stagingTable(source)} WHERE _file_id = $file_id`, { file_id: fileId });
  return { fileId, path: file, rowOffset, format: 'csv', records, rejected, unmappedColumns: mapped.unmapped, warnings };
}

async function stageParquetFile(ctx: StageContext, pipeline: Pipeline, source: SourceName, file: string, fileId: number): Promise<StagedFile> {
  let columns: string[];
  try {
    const described = await ctx.conn.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($path)', { path: file });
    columns = described.getRowObjectsJson().map((r) => String(r.column_name));
    // DuckDB renames a repeated name (nps, NPS -> nps, NPS_1): the names as the file has them are in its schema
    const schema = (await querySqlFile(ctx.conn, 'ingest/parquet-column-names', { path: file })).map((r) => ({ name: String(r.name), children: Number(r.children ?? 0) }));
    refuseDuplicateColumns(source, file, parquetTopLevelNames(schema));
  } catch (e) {
    if (e instanceof SourceFileError) throw e;
    throw new SourceFileError(source, file, sourceFileProblem.unreadable((e as Error).message));
  }
  const mapped = projection(pipeline, source, fileId, columns, file, (c) => quoteIdentifier(c));
  const before = await queryNumber(ctx.conn, `SELECT count(*) FROM ${stagingTable(source)}`, {});
  await ctx.conn.run(`INSERT INTO ${stagingTable(source)} SELECT ${mapped.select} FROM read_parquet($path)`, { path: file });
  const after = await queryNumber(ctx.conn, `SELECT count(*) FROM ${stagingTable(source)}`, {});
  return { fileId, path: file, rowOffset: before, format: 'parquet', records: after - before, rejected: 0, unmappedColumns: mapped.unmapped, warnings: [] };
}

/** JSON lines are read as one text column, so a malformed line is quarantined instead of silently skipped. */
async function stageJsonlFile(ctx: StageContext, pipeline: Pipeline, source: SourceName, file: string, fileId: number): Promise<StagedFile> {
  const info = inspectFile(file, undefined);
  if (info.empty) return { fileId, path: file, rowOffset: 0, format: 'jsonl', records: 0, rejected: 0, unmappedColumns: [], warnings: [sourceFileProblem.empty()] };
  if (info.binary) throw new SourceFileError(source, file, sourceFileProblem.binary());
  if (info.jsonArray) throw new SourceFileError(source, file, sourceFileProblem.jsonArray());
  const maxRecordBytes = pipeline.settings.max_record_bytes;
  const { scan, removed } = await loadJsonLines(ctx.conn, file, maxRecordBytes, join(ctx.workDir, `${fileId}-normalized.jsonl`));
  await recordRemovedRecords(ctx.conn, source, fileId, removed, scan.starts, maxRecordBytes);
  const keys = (await querySqlFile(ctx.conn, 'ingest/json-line-keys', {})).map((r) => String(r.key));
  refuseDuplicateColumns(source, file, keys);
  const mapped = projection(pipeline, source, fileId, keys, file, (c) => `(CASE WHEN json_valid(j) THEN json_extract_string(j, ${jsonPathLiteral(c)}) END)`);
  const before = await queryNumber(ctx.conn, `SELECT count(*) FROM ${stagingTable(source)}`, {});
  await ctx.conn.run(`INSERT INTO ${stagingTable(source)} SELECT ${mapped.select} FROM ecoute_json_lines WHERE json_valid(j) ORDER BY n`);
  const after = await queryNumber(ctx.conn, `SELECT count(*) FROM ${stagingTable(source)}`, {});
  await runSqlFile(ctx.conn, 'ingest/json-line-shifts', { file_id: fileId });
  await runSqlFile(ctx.conn, 'ingest/collect-json-rejects', { source, file_id: fileId });
  const rejected = await queryNumber(ctx.conn, 'SELECT count(*) FROM stg_rejects WHERE file_id = $file_id', { file_id: fileId });
  if (after - before + rejected !== scan.starts.length) throw new EcouteError(recordProblem.countMismatch(file, 1, scan.starts.length, after - before, rejected));
  return { fileId, path: file, rowOffset: before, format: 'jsonl', records: after - before, rejected, unmappedColumns: mapped.unmapped, warnings: [] };
}

/** A JSON path for a key, as a SQL string literal: `'$."key"'` with quotes escaped for both JSON and SQL. */
function jsonPathLiteral(key: string): string {
  const path = `$.${JSON.stringify(key)}`;
  return `'${path.replaceAll("'", "''")}'`;
}

export async function stageSource(ctx: StageContext, pipeline: Pipeline, source: SourceName): Promise<StagedFile[]> {
  const spec = pipeline.sources[source];
  if (spec === undefined) return [];
  await ctx.conn.run(stagingDdl(source));
  const files = await resolveSourceFiles(ctx.conn, ctx.baseDir, spec.path);
  if (files.length === 0) throw new SourceFileError(source, spec.path, sourceFileProblem.noFiles(ctx.baseDir));
  const staged: StagedFile[] = [];
  for (const file of files) {
    const fileId = ctx.nextFileId++;
    const format = formatOf(file, spec.format);
    // a compressed text file is read from its decompressed copy (the scans and checks see the text)
    const text = format === 'parquet' ? file : await decompressedCopy(source, file, join(ctx.workDir, `${fileId}-decompressed`));
    const csv = spec.csv ?? DEFAULT_CSV_OPTIONS;
    const sampled = ctx.sample !== undefined && ctx.sample.sources.includes(source) && !(format === 'csv' && csv.encoding === 'utf-16');
    if (sampled) mkdirSync(ctx.workDir, { recursive: true });
    const read = sampled ? await sampleFile(ctx.conn, text, format, ctx.sample?.rows ?? 0, format === 'csv' && csv.header ? 1 : 0, ctx.workDir, fileId) : text;
    let result: StagedFile;
    try {
      result =
        format === 'parquet'
          ? await stageParquetFile(ctx, pipeline, source, read, fileId)
          : format === 'jsonl'
            ? await stageJsonlFile(ctx, pipeline, source, read, fileId)
            : await stageCsvFile(ctx, pipeline, source, read, fileId);
    } catch (e) {
      // a problem found in the decompressed copy or the sample is reported on the user's file
      if (read !== file && e instanceof SourceFileError && e.file !== file) throw new SourceFileError(source, file, e.message.slice(e.file.length + 2));
      throw e;
    }
    /** as shown in outputs: relative to the pipeline file, so moving the project changes no output byte */
    const shown = relative(ctx.baseDir, file) || basename(file);
    await runSqlFile(ctx.conn, 'ingest/record-staged-file', {
      file_id: fileId,
      source,
      path: shown,
      format,
      row_offset: result.rowOffset,
      records: result.records,
      rejected: result.rejected,
      header_lines: format === 'csv' && (spec.csv ?? DEFAULT_CSV_OPTIONS).header ? 1 : 0,
    });
    staged.push({ ...result, path: shown });
  }
  return staged;
}
