/**
 * Purges one published night of the people on the erasure list: their rows in every table of the DuckDB
 * file (canonical tables, quarantine, verbatim and mention tables, per-account driver tables, the
 * classification state), the cached classifications of their verbatims (classification_cache with its
 * mentions), their verbatims among the representatives of candidate themes; then rewrites the
 * database file (src/erase/rewrite-database.ts) and every file exported from it (tables, quarantine.csv,
 * specs, dashboard with the per-owner pages, reports, call-back list and its restricted twin with the contacts'
 * details, restricted/callback-contacts.csv).
 *
 * Which rows: a row goes when its contact id, account id or an email address in its text is on the list
 * (erasure_keys), when its contact's email (contacts.email) is, when it belongs to an erased response
 * (response_id), or, for a table without response_id such as classification_cache, when it holds the hash
 * of an erased verbatim (text_hash).
 * Aggregates (metric cells, driver weights) are not personal data: they are recomputed without the
 * person by the next run, which drops their rows at ingest.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { openDatabase } from '../db/open-database.ts';
import { querySqlFile, runSqlFile } from '../db/sql-file.ts';
import { quoteIdentifier } from '../db/quote-identifier.ts';
import { RUN_DATABASE, readRunSummary, recordedRunLimits } from '../charts/open-run.ts';
import type { ThemeLabels } from '../charts/theme-labels.ts';
import { redactPii } from '../classify/pii/redact-pii.ts';
import { writeRunTables } from '../report/write-outputs.ts';
import { emitVisuals } from '../report/dashboard/emit-visuals.ts';
import type { CallbackSettings } from '../report/callback/callback-config-schema.ts';
import { OWNERS_FOLDER } from '../report/owners/write-owner-dashboards.ts';
import { erasureKeysOf, hasErasureKeys, withEmailContacts } from './erase-source-rows.ts';
import { rewriteDatabase } from './rewrite-database.ts';

export interface NightPurge {
  /** the night's folder */
  readonly dir: string;
  /** rows removed per table (tables with none left out), `theme_candidates.representatives` counting verbatims */
  readonly removed: Record<string, number>;
  /** files rewritten, relative to the night's folder */
  readonly files: string[];
  /** the whole folder was removed (a failed run kept without its database) */
  readonly folderRemoved?: boolean;
}

export interface PurgeOptions {
  readonly themeLabels?: ThemeLabels;
  /** the pipeline's owner-page key (output.per_owner): the owner pages are written again without the person */
  readonly ownerKey?: Buffer;
  /** settings.min_n, for the owner pages' cells */
  readonly minN?: number;
  /**
   * the pipeline's `callbacks:` settings, for a night whose run-summary.json does not record its own (runs
   * before they were recorded): a night that records them keeps its list's rule, the purge only removes people
   */
  readonly callbacks?: CallbackSettings;
}

/** The WHERE condition that selects a table's erased rows, or undefined when the table holds none by construction. */
function erasedRowsCondition(table: string, columns: readonly string[]): string | undefined {
  if (table === 'quarantine') {
    return "list_has_any(erasure_raw_keys(raw), $hashes) OR (source = 'followups' AND erasure_raw_has_token(raw, (SELECT coalesce(list(response_id), []) FROM erased_responses)))";
  }
  const parts: string[] = [];
  if (columns.includes('response_id')) parts.push('response_id IN (SELECT response_id FROM erased_responses)');
  else if (columns.includes('text_hash')) parts.push('text_hash IN (SELECT text_hash FROM erased_responses)');
  if (hasErasureKeys(columns)) parts.push(`list_has_any(${erasureKeysOf(columns)}, $hashes)`);
  return parts.length === 0 ? undefined : parts.join(' OR ');
}

const representativeSchema = (v: unknown): v is Array<{ verbatim?: unknown }> => Array.isArray(v);

/** Drops the erased verbatims (as stored: redacted) from the representatives of candidate themes. */
async function purgeCandidateRepresentatives(conn: DuckDBConnection): Promise<number> {
  const erased = new Set(
    (await conn.runAndReadAll('SELECT verbatim FROM erased_responses WHERE verbatim IS NOT NULL')).getRows().map((r) => redactPii(String(r[0]))),
  );
  if (erased.size === 0) return 0;
  let removed = 0;
  const rows = (await conn.runAndReadAll('SELECT candidate_id, representatives FROM theme_candidates ORDER BY candidate_id')).getRows();
  for (const [id, json] of rows) {
    if (json === null) continue;
    const reps: unknown = JSON.parse(String(json));
    if (!representativeSchema(reps)) continue;
    const kept = reps.filter((r) => !(typeof r === 'object' && r !== null && erased.has(String(r.verbatim))));
    if (kept.length === reps.length) continue;
    removed += reps.length - kept.length;
    await conn.run('UPDATE theme_candidates SET representatives = $reps WHERE candidate_id = $id', { reps: JSON.stringify(kept), id: String(id) });
  }
  return removed;
}

async function deleteErasedRows(conn: DuckDBConnection, listed: readonly string[]): Promise<Record<string, number>> {
  const tables = (await querySqlFile(conn, 'erase/select-table-columns')).map((r) => ({ name: String(r.table_name), columns: (r.columns as unknown[]).map(String) }));
  const emails = tables.some((t) => t.name === 'contacts' && t.columns.includes('email'));
  const hashes = emails ? await withEmailContacts(conn, listed, 'erase/select-email-contacts') : listed;
  const bound = { hashes: listValue([...hashes]) };
  const removed: Record<string, number> = {};
  if (tables.some((t) => t.name === 'responses')) await runSqlFile(conn, 'erase/create-erased-responses', bound);
  else await conn.run('CREATE OR REPLACE TEMP TABLE erased_responses (response_id VARCHAR, verbatim VARCHAR, text_hash VARCHAR)');
  if (tables.some((t) => t.name === 'theme_candidates')) {
    const n = await purgeCandidateRepresentatives(conn);
    if (n > 0) removed['theme_candidates.representatives'] = n;
  }
  for (const t of tables) {
    const condition = erasedRowsCondition(t.name, t.columns);
    if (condition === undefined) continue;
    const result = await conn.run(`DELETE FROM ${quoteIdentifier(t.name)} WHERE ${condition}`, condition.includes('$hashes') ? bound : {});
    if (result.rowsChanged > 0) removed[t.name] = result.rowsChanged;
  }
  await conn.run('DROP TABLE erased_responses');
  return removed;
}

export async function purgeNight(dir: string, hashes: readonly string[], opts: PurgeOptions = {}): Promise<NightPurge> {
  const summary = readRunSummary(dir);
  const dbPath = join(dir, RUN_DATABASE);
  const limits = recordedRunLimits(summary);
  const db = await openDatabase(dbPath, limits);
  let removed: Record<string, number>;
  let tableFiles: string[];
  try {
    await runSqlFile(db.connection, 'erase/create-erasure-macros');
    removed = await deleteErasedRows(db.connection, hashes);
    tableFiles = await writeRunTables(db.connection, dir);
    await db.connection.run('CHECKPOINT');
  } finally {
    db.close();
  }
  await rewriteDatabase(dbPath, limits);
  // owner pages are removed, then written again from the purged database: an owner left with no account
  // (all erased) loses the page, and pages written under a key no longer configured do not survive
  rmSync(join(dir, 'dashboard', OWNERS_FOLDER), { recursive: true, force: true });
  const callbacks = summary.callbacks ?? opts.callbacks;
  const visuals = await emitVisuals(dir, {
    asOf: summary.asOf, limits,
    ...(opts.themeLabels !== undefined ? { themeLabels: opts.themeLabels } : {}),
    ...(opts.ownerKey !== undefined ? { ownerKey: opts.ownerKey } : {}),
    ...(opts.minN !== undefined ? { minN: opts.minN } : {}),
    ...(callbacks !== undefined ? { callbacks } : {}),
  });
  return { dir, removed, files: [RUN_DATABASE, ...tableFiles, ...visuals.files].sort() };
}
