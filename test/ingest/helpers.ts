/**
 * Fixtures for the bad-input suite: each case writes a few small source files and a pipeline YAML into a
 * fresh temp dir, runs the real pipeline, and reads back what was accepted and what was quarantined.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import type { DuckDBValue } from '@duckdb/node-api';
import { openDatabase } from '../../src/db/open-database.ts';
import { runPipeline, type RunResult } from '../../src/run/run-pipeline.ts';

export const AS_OF = '2024-06-30';

/** settings.gates that pass every run: no source required, any share quarantined. */
export const OPEN_GATES = { required_sources: [], min_accepted_rows: 0, max_quarantined_share: 1 } as const;

/** The responses mapping most cases use: the CSV header is `RESPONSES_HEADER`. */
export const RESPONSES_COLUMNS = {
  response_id: 'id',
  contact_id: 'contact',
  account_id: 'account',
  submitted_at: 'submitted_at',
  nps: 'nps',
  verbatim: 'comment',
} as const;
export const RESPONSES_HEADER = ['id', 'contact', 'account', 'submitted_at', 'nps', 'comment'];

/** A CSV text from rows of already-formatted cells (no quoting is added: cases control every byte). */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string>>, delimiter = ','): string {
  return rows.map((r) => r.join(delimiter)).join('\n') + '\n';
}

/** A responses CSV with the standard header. */
export function responsesCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return csvText([RESPONSES_HEADER, ...rows]);
}

export type SourcesSpec = Record<string, Record<string, unknown>>;

export interface PipelineSpec {
  readonly sources?: SourcesSpec;
  readonly settings?: Record<string, unknown>;
}

export interface Fixture {
  readonly dir: string;
  readonly pipelineFile: string;
  /** writes a file under the fixture dir (parents created) and returns its absolute path */
  write(name: string, content: string | Buffer): string;
  /** writes the pipeline YAML; responses default to `responses.csv` with `RESPONSES_COLUMNS` */
  pipeline(spec?: PipelineSpec): string;
  /** runs the pipeline into `<dir>/<outName>` with `asOf` */
  run(outName?: string, asOf?: string): Promise<RunResult>;
  cleanup(): void;
}

export function defaultResponses(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { path: 'responses.csv', columns: { ...RESPONSES_COLUMNS }, ...extra };
}

export function createFixture(): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-'));
  const pipelineFile = join(dir, 'pipeline.yaml');
  return {
    dir,
    pipelineFile,
    write(name, content) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    pipeline(spec = {}) {
      const sources = { responses: defaultResponses(), ...(spec.sources ?? {}) };
      const doc: Record<string, unknown> = { name: 'badinput', sources };
      // the bad-input cases check the quarantine, not the quality gates: the gates let every run through
      // unless the case sets settings.gates itself ({} for the defaults)
      doc.settings = { gates: OPEN_GATES, ...(spec.settings ?? {}) };
      writeFileSync(pipelineFile, stringify(doc));
      return pipelineFile;
    },
    run(outName = 'out', asOf = AS_OF) {
      return runPipeline({ pipelineFile, outDir: join(dir, outName), asOf });
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a query on a finished run's `ecoute.duckdb` (opened read-only, closed per call). */
export async function queryOut(outDir: string, sql: string, params: Record<string, DuckDBValue> = {}): Promise<Record<string, unknown>[]> {
  const db = await openDatabase(join(outDir, 'ecoute.duckdb'), { readOnly: true });
  try {
    const reader = await db.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

export interface QuarantinedRow {
  readonly source: string;
  readonly file: string;
  readonly line: number;
  readonly field: string | null;
  readonly reason: string;
  readonly value: string | null;
  readonly others: string[] | null;
}

/** The quarantine table, in file and line order. */
export async function quarantined(outDir: string, source?: string): Promise<QuarantinedRow[]> {
  const rows = await queryOut(
    outDir,
    `SELECT source, source_file, line, field, reason_code, value, other_problems FROM quarantine
     WHERE $source IS NULL OR source = $source ORDER BY source, source_file, line`,
    { source: source ?? null },
  );
  return rows.map((r) => ({
    source: String(r.source),
    file: String(r.source_file),
    line: Number(r.line),
    field: r.field === null ? null : String(r.field),
    reason: String(r.reason_code),
    value: r.value === null ? null : String(r.value),
    others: r.other_problems === null ? null : (r.other_problems as string[]),
  }));
}

/** `[line, reason, field, value]` of each quarantined row: compact for exact assertions. */
export async function quarantineLines(outDir: string, source = 'responses'): Promise<Array<[number, string, string | null, string | null]>> {
  return (await quarantined(outDir, source)).map((q) => [q.line, q.reason, q.field, q.value]);
}

/** One column of an accepted table, in load order, as strings (NULL as null). */
export async function column(outDir: string, table: string, col: string): Promise<Array<string | null>> {
  const rows = await queryOut(outDir, `SELECT CAST(${col} AS VARCHAR) AS v FROM ${table} ORDER BY _source_file, _line`);
  return rows.map((r) => (r.v === null ? null : String(r.v)));
}

/** `[read, accepted, quarantined]` of a source from the run summary, checked against the reconciliation table. */
export async function reconciliation(result: RunResult, source = 'responses'): Promise<[number, number, number]> {
  const s = result.summary.sources.find((x) => x.source === source);
  if (s === undefined) throw new Error(`no source ${source} in the summary`);
  const r = s.reconciliation;
  const stored = await queryOut(result.outDir, 'SELECT rows_read, rows_accepted, rows_quarantined FROM reconciliation WHERE source = $source', { source });
  const t = stored[0];
  if (t === undefined || Number(t.rows_read) !== r.rowsRead || Number(t.rows_accepted) !== r.rowsAccepted || Number(t.rows_quarantined) !== r.rowsQuarantined) {
    throw new Error(`reconciliation table disagrees with the summary for ${source}`);
  }
  return [r.rowsRead, r.rowsAccepted, r.rowsQuarantined];
}

export function readOut(result: RunResult, name: string): string {
  return readFileSync(join(result.outDir, name), 'utf8');
}

/** Runs `fn` and returns what it threw (fails the test if nothing was thrown). */
export async function caught(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof Error) return e;
    throw new Error(`threw a non-Error: ${String(e)}`);
  }
  throw new Error('expected an error, none was thrown');
}
