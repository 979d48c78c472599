/**
 * The explorer of a run served by `ecoute serve`: its database attached READ_ONLY to an in-memory DuckDB (the
 * search macros live in memory; nothing can be written to the run), and the explorer's questions answered with
 * bound parameters (sql/serve/*.sql): the filter values and total (`meta`), one page of matching verbatims with
 * their mentions (`page`: the cells of the embedded explorer, PII-redacted), the CSV of the whole selection (`csv`,
 * streamed, formula-safe cells) and the rows of the charts the embedded page derives from its verbatims (`derived`:
 * theme-sentiment, segment-theme-heatmap). Up to SERVED_CONNECTIONS questions are answered at once, each on its
 * own connection (connection-pool.ts).
 *
 * The verbatims come from the table explorer_rows the run wrote (write-explorer-rows.ts: texts redacted and folded
 * once, by the embedded explorer's own functions) when it matches the run's verbatims row for row (`source:
 * 'table'`); a database without it (a run written before it) or changed since is answered by redacting in DuckDB
 * as each query runs (`source: 'redacting'`, redact_pii: slower, planned with every query).
 *
 * **Example:**
 * ```ts
 * const explorer = await openServedExplorer('out/runs/2026-11-01');
 * const { n, rows } = await explorer.page(new URLSearchParams('q=facture&theme=billing_errors'));
 * const heat = await explorer.derived('segment-theme-heatmap', new URLSearchParams('segment=SMB'));
 * explorer.close();
 * ```
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase, type Database } from '../db/open-database.ts';
import { createConnectionPool } from './connection-pool.ts';
import { querySqlFile, runSqlFile, streamSqlFile } from '../db/sql-file.ts';
import { arrBandIndex, arrBandLabels } from '../analyze/drivers/design-matrix.ts';
import { readRunSummary, RUN_DATABASE, RunDirectoryError } from '../charts/open-run.ts';
import { csvCell } from '../report/callback/callback-csv.ts';
import {
  explorerRowCellsOfText, explorerText, MENTION_SENTIMENTS, type ExplorerMentionRow, type ExplorerVerbatimRow, type MentionCodes,
} from '../report/explorer/explorer-columns.ts';
import { EXPLORER_ARR_BANDS, readMentionCodes, toMentionRow as mentionRow, toVerbatimRow as verbatimRow } from '../report/explorer/write-explorer-script.ts';
import { readExplorerDimensions } from '../report/explorer/read-explorer-dimensions.ts';
import { EXPLORER_ROWS_TABLE } from '../report/explorer/write-explorer-rows.ts';
import { DERIVED_CHARTS, type DerivedChart } from '../report/dashboard/derived-rows-app.ts';
import { ExplorerQueryError, parseExplorerQuery, type ExplorerQueryParams } from './explorer-query.ts';

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

/** Where the served verbatims come from: the run's explorer_rows, or DuckDB redacting as each query runs. */
export type ServedExplorerSource = 'table' | 'redacting';

export interface ServedExplorer {
  readonly database: Database;
  readonly meta: ServedExplorerMeta;
  readonly source: ServedExplorerSource;
  /** why the source is 'redacting', in words (null for 'table') */
  readonly sourceReason: string | null;
  /** (each question waits for a free connection; `wanted()` false by then, it is not asked: TaskNotWanted) */
  page(query: URLSearchParams, wanted?: () => boolean): Promise<{ n: number; page: number; pageSize: number; rows: ServedVerbatim[] }>;
  /** the CSV of the selection, a chunk at a time (header first; CRLF) */
  csv(query: URLSearchParams, write: (chunk: string) => void, wanted?: () => boolean): Promise<void>;
  /** the rows of a derived chart for the selection, field for field those derived-rows.js computes (but the label) */
  derived(chart: string, query: URLSearchParams, wanted?: () => boolean): Promise<{ chart: DerivedChart; rows: Record<string, unknown>[] }>;
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

/** The explorer's text of a selected row: the run's stored text (explorer_rows), else its verbatim redacted here. */
const rowText = (r: Record<string, unknown>): string => (r.text === null || r.text === undefined ? explorerText(String(r.verbatim)) : String(r.text));

function servedVerbatim(row: ExplorerVerbatimRow, text: string, mentions: readonly ExplorerMentionRow[], codes: MentionCodes): ServedVerbatim {
  const cells = explorerRowCellsOfText(row, text, mentions, codes, EXPLORER_ARR_BANDS);
  return {
    id: cells.id, day: row.day, nps: cells.nps, csat: cells.csat, ces: cells.ces, arr: cells.arr, dims: dimsOf(row), text: cells.text,
    mentions: cells.mentions.map((m) => ({
      theme: codes.themes[m.theme]!, sentiment: MENTION_SENTIMENTS[m.sentiment] ?? null, from: m.from, to: m.to, source: codes.sources[m.source]!, evidence: m.evidence,
    })),
  };
}

export const EXPLORER_CSV_COLUMNS = ['response_id', 'date', 'nps', 'csat', 'ces', 'nps_category', ...EXPLORER_TEXT_DIMENSIONS, 'arr_band', 'arr', 'themes', 'verbatim'] as const;

const DERIVED_SQL: Readonly<Record<DerivedChart, string>> = {
  'theme-sentiment': 'serve/select-derived-theme-sentiment',
  'segment-theme-heatmap': 'serve/select-derived-segment-theme-heatmap',
};

const isDerivedChart = (chart: string): chart is DerivedChart => (DERIVED_CHARTS as readonly string[]).includes(chart);

/** Connections answering at once (each with the macros): a page and the page's two derived charts. */
export const SERVED_CONNECTIONS = 3;

/** A connection's search path, views and macros (temporary objects belong to their connection). */
async function prepareConnection(conn: DuckDBConnection, tables: ReadonlySet<string>, source: ServedExplorerSource): Promise<void> {
  // macros are created in memory and bind the run's tables through the search path
  await conn.run("SET search_path = 'memory.main,run.main'");
  await runSqlFile(conn, tables.has('theme_mentions') ? 'serve/create-explorer-mentions-view' : 'serve/create-explorer-mentions-empty');
  await runSqlFile(conn, 'classify/create-redact-pii-macro');
  await runSqlFile(conn, 'report/create-explorer-verbatims-macro');
  await runSqlFile(conn, 'serve/create-explorer-fold-macro');
  await runSqlFile(conn, source === 'table' ? 'serve/create-explorer-source-table' : 'serve/create-explorer-source-macro');
  await runSqlFile(conn, 'serve/create-explorer-selection-macro');
}

export async function openServedExplorer(runDir: string): Promise<ServedExplorer> {
  const dbPath = join(runDir, RUN_DATABASE);
  if (!existsSync(dbPath)) throw new RunDirectoryError(`${dbPath}: not found (is ${runDir} a run directory?)`);
  const asOf = readRunSummary(runDir).asOf;
  const database = await openDatabase();
  const others: DuckDBConnection[] = [];
  const close = (): void => {
    for (const c of others) c.closeSync();
    database.close();
  };
  try {
    const conn = database.connection;
    // ATTACH takes no bound parameters: the path is quoted as a string literal
    await conn.run(`ATTACH '${dbPath.replaceAll("'", "''")}' AS run (READ_ONLY)`);
    await conn.run("SET search_path = 'memory.main,run.main'");
    const tables = new Set((await querySqlFile(conn, 'serve/select-run-tables')).map((r) => String(r.table_name)));
    await runSqlFile(conn, 'report/create-explorer-verbatims-macro');
    // the run's explorer_rows when it still matches the run's verbatims (a database changed after the run may not)
    const stale = tables.has(EXPLORER_ROWS_TABLE) ? Number((await querySqlFile(conn, 'serve/count-stale-explorer-rows', { as_of: asOf }))[0]!.n) : null;
    const source: ServedExplorerSource = stale === 0 ? 'table' : 'redacting';
    const sourceReason = stale === null
      ? `${dbPath} has no ${EXPLORER_ROWS_TABLE} table (a run written before it): each query redacts the verbatims as it goes (slower)`
      : stale > 0 ? `${dbPath}: ${EXPLORER_ROWS_TABLE} differs from the run's verbatims on ${stale} rows (the database was changed after the run): each query redacts the verbatims as it goes (slower)` : null;
    await prepareConnection(conn, tables, source);
    for (let k = 1; k < SERVED_CONNECTIONS; k++) {
      const other = await database.instance.connect();
      others.push(other);
      await other.run("SET TimeZone = 'UTC'");
      await prepareConnection(other, tables, source);
    }
    const pool = createConnectionPool([conn, ...others]);
    const codes = await readMentionCodes(conn, tables);
    const { n, dims } = await readExplorerDimensions(conn, asOf);
    const meta: ServedExplorerMeta = { n, themes: codes.themes, sources: codes.sources, dims };
    const parse = (query: URLSearchParams): ExplorerQueryParams => parseExplorerQuery(query, { asOf, arrBands: EXPLORER_ARR_BANDS });
    const filtersOf = (params: ExplorerQueryParams): Omit<ExplorerQueryParams, 'sort' | 'skip' | 'take'> => {
      const { sort: _sort, skip: _skip, take: _take, ...filters } = params;
      return filters;
    };
    return {
      database,
      meta,
      source,
      sourceReason,
      page: (query, wanted) => pool.use(async (conn) => {
        const params = parse(query);
        const n = Number((await querySqlFile(conn, 'serve/count-explorer-selection', filtersOf(params)))[0]!.n);
        const rows: Array<{ row: ExplorerVerbatimRow; text: string }> = [];
        await streamSqlFile(conn, 'serve/select-explorer-selection', params, (chunk) => rows.push(...chunk.map((r) => ({ row: verbatimRow(r), text: rowText(r) }))));
        const byId = new Map<string, ExplorerMentionRow[]>(rows.map((r) => [r.row.response_id, []]));
        if (rows.length > 0) {
          for (const m of await querySqlFile(conn, 'serve/select-explorer-page-mentions', { ids: rows.map((r) => r.row.response_id).join('\u001f') })) {
            byId.get(String(m.response_id))?.push(mentionRow(m));
          }
        }
        return { n, page: params.skip / params.take + 1, pageSize: params.take, rows: rows.map((r) => servedVerbatim(r.row, r.text, byId.get(r.row.response_id)!, codes)) };
      }, wanted),
      csv: (query, write, wanted) => pool.use(async (conn) => {
        const { skip: _skip, take: _take, ...params } = parse(query);
        write(`${EXPLORER_CSV_COLUMNS.join(',')}\r\n`);
        await streamSqlFile(conn, 'serve/select-explorer-csv', params, (chunk) => {
          write(chunk.map((r) => {
            const row = verbatimRow(r);
            const dims = dimsOf(row);
            return [
              csvCell(row.response_id), csvCell(row.day), csvCell(row.nps), csvCell(row.csat), csvCell(row.ces), csvCell(npsCategory(row.nps)),
              ...EXPLORER_TEXT_DIMENSIONS.map((d) => csvCell(row[d])), csvCell(dims.arr_band!), csvCell(row.arr === null ? null : Math.round(row.arr)),
              csvCell(str(r.themes) ?? ''), csvCell(rowText(r)),
            ].join(',');
          }).join('\r\n') + (chunk.length > 0 ? '\r\n' : ''));
        });
      }, wanted),
      async derived(chart, query, wanted) {
        if (!isDerivedChart(chart)) throw new ExplorerQueryError(`chart: expected one of ${DERIVED_CHARTS.join(', ')}, got ${JSON.stringify(chart)}`);
        const filters = new URLSearchParams(query);
        filters.delete('chart');
        const params = filtersOf(parse(filters));
        return { chart, rows: await pool.use((conn) => querySqlFile(conn, DERIVED_SQL[chart], params), wanted) };
      },
      close,
    };
  } catch (e) {
    close();
    throw e;
  }
}
