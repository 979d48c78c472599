/**
 * The explorer of a run served by `ecoute serve`: its database attached READ_ONLY to an in-memory DuckDB (the
 * search macros live in memory; nothing can be written to the run), and the explorer's questions answered with
 * bound parameters (sql/serve/*.sql): the filter values and total (`meta`), one page of matching verbatims with
 * their mentions (`page`: the cells of the embedded explorer, PII-redacted by explorerRowCells) and the CSV of
 * the whole selection (`csv`, streamed, formula-safe cells). Queries run one at a time on the one connection.
 *
 * **Example:**
 * ```ts
 * const explorer = await openServedExplorer('out/runs/2026-11-01');
 * const { n, rows } = await explorer.page(new URLSearchParams('q=facture&theme=billing_errors'));
 * explorer.close();
 * ```
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/open-database.ts';
import { querySqlFile, runSqlFile, streamSqlFile } from '../db/sql-file.ts';
import { arrBandIndex, arrBandLabels } from '../analyze/drivers/design-matrix.ts';
import { readRunSummary, RUN_DATABASE, RunDirectoryError } from '../charts/open-run.ts';
import { redactPii } from '../classify/pii/redact-pii.ts';
import { csvCell } from '../report/callback/callback-csv.ts';
import {
  explorerRowCells, mentionCodes, MENTION_SENTIMENTS, type ExplorerMentionRow, type ExplorerVerbatimRow, type MentionCodes,
} from '../report/explorer/explorer-columns.ts';
import { EXPLORER_ARR_BANDS, toMentionRow as mentionRow, toVerbatimRow as verbatimRow } from '../report/explorer/write-explorer-script.ts';
import { parseExplorerQuery, type ExplorerQueryParams } from './explorer-query.ts';

export const EXPLORER_TEXT_DIMENSIONS = ['segment', 'region', 'owner', 'journey_stage', 'touchpoint', 'survey_type', 'language'] as const;

export interface ServedExplorerMeta {
  readonly n: number;
  readonly themes: readonly string[];
  readonly sources: readonly string[];
  readonly dims: Readonly<Record<string, readonly string[]>>;
}

export interface ServedMention {
  readonly theme: string;
  readonly sentiment: string | null;
  readonly from: number;
  readonly to: number;
  readonly source: string;
  readonly evidence: string | null;
}

export interface ServedVerbatim {
  readonly id: string;
  readonly day: string;
  readonly nps: number | null;
  readonly csat: number | null;
  readonly ces: number | null;
  readonly arr: number | null;
  readonly dims: Readonly<Record<string, string>>;
  /** PII-redacted */
  readonly text: string;
  readonly mentions: readonly ServedMention[];
}

export interface ServedExplorer {
  readonly database: Database;
  readonly meta: ServedExplorerMeta;
  page(query: URLSearchParams): Promise<{ n: number; page: number; pageSize: number; rows: ServedVerbatim[] }>;
  /** the CSV of the selection, a chunk at a time (header first; CRLF) */
  csv(query: URLSearchParams, write: (chunk: string) => void): Promise<void>;
  close(): void;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const npsCategory = (v: number | null): string => (v === null ? 'none' : v <= 6 ? 'detractor' : v <= 8 ? 'passive' : 'promoter');

/** The dimensions of a verbatim (the explorer's filters), ARR band included. */
function dimsOf(row: ExplorerVerbatimRow): Record<string, string> {
  const dims: Record<string, string> = Object.fromEntries(EXPLORER_TEXT_DIMENSIONS.map((d) => [d, row[d]]));
  dims.arr_band = arrBandLabels(EXPLORER_ARR_BANDS)[arrBandIndex(row.arr ?? Number.NaN, EXPLORER_ARR_BANDS)]!;
  return dims;
}

function servedVerbatim(row: ExplorerVerbatimRow, mentions: readonly ExplorerMentionRow[], codes: MentionCodes): ServedVerbatim {
  const cells = explorerRowCells(row, mentions, codes, EXPLORER_ARR_BANDS);
  return {
    id: cells.id, day: row.day, nps: cells.nps, csat: cells.csat, ces: cells.ces, arr: cells.arr, dims: dimsOf(row), text: cells.text,
    mentions: cells.mentions.map((m) => ({
      theme: codes.themes[m.theme]!, sentiment: MENTION_SENTIMENTS[m.sentiment] ?? null, from: m.from, to: m.to, source: codes.sources[m.source]!, evidence: m.evidence,
    })),
  };
}

export const EXPLORER_CSV_COLUMNS = ['response_id', 'date', 'nps', 'csat', 'ces', 'nps_category', ...EXPLORER_TEXT_DIMENSIONS, 'arr_band', 'arr', 'themes', 'verbatim'] as const;

/** Every verbatim of a run at most: the CSV's page when streaming a whole selection. */
const ALL = 2 ** 31 - 1;

export async function openServedExplorer(runDir: string): Promise<ServedExplorer> {
  const dbPath = join(runDir, RUN_DATABASE);
  if (!existsSync(dbPath)) throw new RunDirectoryError(`${dbPath}: not found (is ${runDir} a run directory?)`);
  const asOf = readRunSummary(runDir).asOf;
  const database = await openDatabase();
  try {
    const conn = database.connection;
    // ATTACH takes no bound parameters: the path is quoted as a string literal
    await conn.run(`ATTACH '${dbPath.replaceAll("'", "''")}' AS run (READ_ONLY)`);
    // macros are created in memory and bind the run's tables through the search path
    await conn.run("SET search_path = 'memory.main,run.main'");
    const tables = new Set((await querySqlFile(conn, 'serve/select-run-tables')).map((r) => String(r.table_name)));
    await runSqlFile(conn, tables.has('theme_mentions') ? 'serve/create-explorer-mentions-view' : 'serve/create-explorer-mentions-empty');
    await runSqlFile(conn, 'classify/create-redact-pii-macro');
    await runSqlFile(conn, 'report/create-explorer-verbatims-macro');
    await runSqlFile(conn, 'serve/create-explorer-selection-macro');
    const codes = mentionCodes(tables.has('theme_mentions') ? (await querySqlFile(conn, 'report/select-explorer-mention-codes')).map(mentionRow) : []);
    const totals = (await querySqlFile(conn, 'serve/select-explorer-dimension-values', { as_of: asOf }))[0]!;
    const meta: ServedExplorerMeta = {
      n: Number(totals.n), themes: codes.themes, sources: codes.sources,
      dims: { ...Object.fromEntries(EXPLORER_TEXT_DIMENSIONS.map((d) => [d, (totals[d] as string[] | null) ?? []])), arr_band: arrBandLabels(EXPLORER_ARR_BANDS) },
    };
    const selection = (params: ExplorerQueryParams, visit: (rows: Record<string, unknown>[]) => void): Promise<void> =>
      streamSqlFile(conn, 'serve/select-explorer-selection', params, visit);
    const parse = (query: URLSearchParams, pageSize?: number): ExplorerQueryParams =>
      parseExplorerQuery(query, { asOf, arrBands: EXPLORER_ARR_BANDS, ...(pageSize !== undefined ? { pageSize } : {}) });
    return {
      database,
      meta,
      async page(query) {
        const params = parse(query);
        const { sort: _sort, skip: _skip, take: _take, ...filters } = params;
        const n = Number((await querySqlFile(conn, 'serve/count-explorer-selection', filters))[0]!.n);
        const rows: ExplorerVerbatimRow[] = [];
        await selection(params, (chunk) => rows.push(...chunk.map(verbatimRow)));
        const byId = new Map<string, ExplorerMentionRow[]>(rows.map((r) => [r.response_id, []]));
        if (rows.length > 0) {
          for (const m of await querySqlFile(conn, 'serve/select-explorer-page-mentions', { ids: rows.map((r) => r.response_id).join('\u001f') })) {
            byId.get(String(m.response_id))?.push(mentionRow(m));
          }
        }
        return { n, page: params.skip / params.take + 1, pageSize: params.take, rows: rows.map((r) => servedVerbatim(r, byId.get(r.response_id)!, codes)) };
      },
      async csv(query, write) {
        const params = { ...parse(query, ALL), skip: 0 };
        write(`${EXPLORER_CSV_COLUMNS.join(',')}\r\n`);
        await selection(params, (chunk) => {
          write(chunk.map((r) => {
            const row = verbatimRow(r);
            const dims = dimsOf(row);
            return [
              csvCell(row.response_id), csvCell(row.day), csvCell(row.nps), csvCell(row.csat), csvCell(row.ces), csvCell(npsCategory(row.nps)),
              ...EXPLORER_TEXT_DIMENSIONS.map((d) => csvCell(row[d])), csvCell(dims.arr_band!), csvCell(row.arr === null ? null : Math.round(row.arr)),
              csvCell(str(r.themes) ?? ''), csvCell(redactPii(row.verbatim)),
            ].join(',');
          }).join('\r\n') + (chunk.length > 0 ? '\r\n' : ''));
        });
      },
      close: () => database.close(),
    };
  } catch (e) {
    database.close();
    throw e;
  }
}
