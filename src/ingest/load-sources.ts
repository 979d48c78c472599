/**
 * Ingest + validate every source of a pipeline into the canonical tables.
 * Order matters: accounts first (other sources are checked against them), responses last.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { SOURCE_NAMES, type Pipeline, type SourceName } from '../config/pipeline-schema.ts';
import { runSqlFile, querySqlFile } from '../db/sql-file.ts';
import { stageSource, type StagedFile, type StageContext } from './stage-source.ts';
import { validateSource, type Reconciliation } from '../validate/validate-source.ts';
import { withEmailContacts } from '../erase/erase-source-rows.ts';

export interface SourceReport {
  readonly source: SourceName;
  readonly files: Array<{ path: string; format: string; records: number; rejected: number; unmappedColumns: string[]; warnings: string[] }>;
  readonly reconciliation: Reconciliation;
}

export interface LoadOptions {
  readonly conn: DuckDBConnection;
  readonly pipeline: Pipeline;
  readonly baseDir: string;
  readonly workDir: string;
  readonly asOf: string;
  /** `ecoute validate`: stage only the first N rows of each file (accounts, which the others are checked against, stay whole) */
  readonly sampleRows?: number;
  /** hashes of the erasure list: the rows they name are dropped at ingest and counted as erased */
  readonly erasureHashes?: readonly string[];
}

const LOAD_ORDER: readonly SourceName[] = ['accounts', 'contacts', 'revenue', 'churn', 'invitations', 'responses', 'followups', 'benchmark', 'reference_scores'];

async function reportingCurrency(conn: DuckDBConnection, pipeline: Pipeline): Promise<string> {
  if (pipeline.settings.currency !== undefined) return pipeline.settings.currency;
  if (pipeline.sources.revenue === undefined) return 'EUR';
  const rows = await querySqlFile(conn, 'ingest/most-common-currency', { default_currency: pipeline.sources.revenue.currency ?? 'EUR' });
  return String(rows[0]?.currency ?? pipeline.sources.revenue.currency ?? 'EUR');
}

/** response_ratings is a view over responses.ratings; databases written by earlier versions of ecoute hold a table of that name. */
async function dropResponseRatings(conn: DuckDBConnection): Promise<void> {
  const rows = await querySqlFile(conn, 'ingest/object-kind', { name: 'response_ratings' });
  const kind = rows[0]?.kind;
  if (kind === 'VIEW') await conn.run('DROP VIEW response_ratings');
  else if (kind !== undefined) await conn.run('DROP TABLE response_ratings');
}

export async function loadSources(opts: LoadOptions): Promise<{ sources: SourceReport[]; reportingCurrency: string }> {
  const { conn, pipeline } = opts;
  await dropResponseRatings(conn);
  await runSqlFile(conn, 'ingest/drop-canonical-tables');
  await runSqlFile(conn, 'ingest/create-canonical-tables');
  await runSqlFile(conn, 'ingest/create-staging-tables');
  const sample = opts.sampleRows === undefined ? undefined : { rows: opts.sampleRows, sources: SOURCE_NAMES.filter((s) => s !== 'accounts') };
  const ctx: StageContext = { conn, baseDir: opts.baseDir, workDir: opts.workDir, nextFileId: 1, ...(sample !== undefined ? { sample } : {}) };
  const staged = new Map<SourceName, StagedFile[]>();
  for (const source of LOAD_ORDER) {
    if (pipeline.sources[source] !== undefined) staged.set(source, await stageSource(ctx, pipeline, source));
  }
  await runSqlFile(conn, 'validate/reject-offsets');
  const currency = await reportingCurrency(conn, pipeline);
  const listed = opts.erasureHashes ?? [];
  if (listed.length > 0) await runSqlFile(conn, 'erase/create-erasure-macros');
  // an erased email that names a contact (its email column) erases that contact's rows in every source
  const erasureHashes = staged.has('contacts') ? await withEmailContacts(conn, listed, 'erase/select-staged-email-contacts') : listed;
  const reports: SourceReport[] = [];
  for (const source of LOAD_ORDER) {
    const files = staged.get(source);
    if (files === undefined) continue;
    const reconciliation = await validateSource({ conn, pipeline, asOf: opts.asOf, reportingCurrency: currency, erasureHashes, sampled: sample !== undefined }, source, files.length);
    reports.push({
      source,
      files: files.map((f) => ({ path: f.path, format: f.format, records: f.records, rejected: f.rejected, unmappedColumns: f.unmappedColumns, warnings: f.warnings })),
      reconciliation,
    });
  }
  await runSqlFile(conn, 'ingest/drop-staging-tables');
  reports.sort((a, b) => SOURCE_NAMES.indexOf(a.source) - SOURCE_NAMES.indexOf(b.source));
  return { sources: reports, reportingCurrency: currency };
}
