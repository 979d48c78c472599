/**
 * The I/O edge of the verbatim explorer: reads every verbatim of the run and its theme mentions
 * from the run's database (sql/report/select-explorer-*.sql, values bound) and hands them to the
 * pure `buildExplorerColumns`. A run without theme_mentions gives verbatims without mentions.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlFile } from '../../db/sql-file.ts';
import { buildExplorerColumns, type ExplorerColumns, type ExplorerMentionRow, type ExplorerVerbatimRow } from './explorer-columns.ts';

/** The ARR bands of the explorer's filter: the drivers' default band limits (drivers-config-schema). */
export const EXPLORER_ARR_BANDS: readonly number[] = Object.freeze([25_000, 100_000, 500_000]);

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export async function loadExplorerData(
  conn: DuckDBConnection, tables: ReadonlyMap<string, ReadonlySet<string>>, opts: { asOf: string; arrBands?: readonly number[] },
): Promise<ExplorerColumns> {
  const rows: ExplorerVerbatimRow[] = tables.has('responses')
    ? (await conn.runAndReadAll(sqlFile('report/select-explorer-verbatims'), { as_of: opts.asOf })).getRowObjectsJson().map((r) => ({
      response_id: String(r.response_id), day: String(r.day), nps: num(r.nps), csat: num(r.csat), ces: num(r.ces),
      segment: String(r.segment), region: String(r.region), owner: String(r.owner), journey_stage: String(r.journey_stage),
      touchpoint: String(r.touchpoint), survey_type: String(r.survey_type), language: String(r.language), arr: num(r.arr), verbatim: String(r.verbatim),
    }))
    : [];
  const mentions: ExplorerMentionRow[] = tables.has('theme_mentions')
    ? (await conn.runAndReadAll(sqlFile('report/select-explorer-mentions'))).getRowObjectsJson().map((m) => ({
      response_id: String(m.response_id), theme_id: String(m.theme_id), sentiment_label: str(m.sentiment_label), clause_text: str(m.clause_text),
      clause_start: num(m.clause_start), match_source: str(m.match_source), match_evidence: str(m.match_evidence), engine: str(m.engine),
    }))
    : [];
  return buildExplorerColumns(rows, mentions, { arrBands: opts.arrBands ?? EXPLORER_ARR_BANDS });
}
