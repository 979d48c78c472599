/**
 * The I/O edge of the verbatim explorer: streams every verbatim of the run with its theme mentions from the
 * run's database (sql/report/select-explorer-*.sql, values bound), turns each into its cells with the pure
 * `explorerRowCells`, and writes dashboard/verbatims.js column by column without holding the run in memory:
 * each column's JSON elements go to a scratch file as the verbatims stream by, and the files are joined into
 * the very bytes `verbatimsScript(buildExplorerColumns(rows, mentions))` gives (a run of 2,000,000 responses
 * would not fit in JavaScript's heap, nor its JSON in one string). A run without theme_mentions gives
 * verbatims without mentions.
 *
 * **Example:**
 * ```ts
 * const { n, themes } = await writeExplorerScript(run.db.connection, run.tables, 'out/dashboard/verbatims.js', { asOf: '2026-11-01' });
 * ```
 */
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { querySqlFile, runSqlFile, streamSqlRuns } from '../../db/sql-file.ts';
import { arrBandLabels } from '../../analyze/drivers/design-matrix.ts';
import { withAtomicFile } from '../atomic-write.ts';
import {
  dictionaryValues, EXPLORER_DIMENSIONS, explorerRowCells, mentionCodes, type ExplorerDimension, type ExplorerMentionRow, type ExplorerRowCells, type ExplorerVerbatimRow, type MentionCodes,
} from './explorer-columns.ts';

/** The ARR bands of the explorer's filter: the drivers' default band limits (drivers-config-schema). */
export const EXPLORER_ARR_BANDS: readonly number[] = Object.freeze([25_000, 100_000, 500_000]);

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Characters of JSON a column buffers before writing them to its scratch file. */
const FLUSH_AT = 1 << 16;

interface ColumnFile {
  readonly path: string;
  push(json: string): void;
  close(): void;
}

/** A column's JSON elements, comma-separated, appended to a scratch file. */
function createColumnFile(path: string): ColumnFile {
  const fd = openSync(path, 'w');
  let buffer = '';
  let count = 0;
  return {
    path,
    push(json) {
      buffer += count++ === 0 ? json : `,${json}`;
      if (buffer.length >= FLUSH_AT) {
        writeSync(fd, buffer);
        buffer = '';
      }
    },
    close() {
      if (buffer.length > 0) writeSync(fd, buffer);
      closeSync(fd);
    },
  };
}

/** Copies a scratch file into `out`; with `recode`, each (integer) element is replaced by recode(element). */
function copyColumn(out: number, path: string, chunkBytes: number, recode?: (element: string) => string): void {
  const fd = openSync(path, 'r');
  const chunk = Buffer.alloc(chunkBytes);
  let carry = '';
  let first = true;
  const emit = (elements: string[]): void => {
    if (elements.length === 0) return;
    writeSync(out, `${first ? '' : ','}${elements.map(recode!).join(',')}`);
    first = false;
  };
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      if (recode === undefined) {
        writeSync(out, chunk, 0, n);
        continue;
      }
      const parts = (carry + chunk.toString('latin1', 0, n)).split(',');
      carry = parts.pop()!;
      emit(parts);
    }
    if (recode !== undefined && carry.length > 0) emit([carry]);
  } finally {
    closeSync(fd);
  }
}

type TextDimension = Exclude<ExplorerDimension, 'arr_band'>;
const TEXT_DIMENSIONS = EXPLORER_DIMENSIONS.filter((d): d is TextDimension => d !== 'arr_band');
const VALUE_COLUMNS = ['id', 'day', 'nps', 'csat', 'ces', 'arr', 'arr_band', 'text'] as const;
const MENTION_COLUMNS = ['theme', 'sentiment', 'from', 'to', 'source', 'evidence'] as const;

/** The explorer's columns on their way to scratch files; dictionary codes are provisional (first seen) until the end. */
function createColumnWriter(dir: string) {
  const file = (name: string): ColumnFile => createColumnFile(`${dir}/${name}`);
  const values = Object.fromEntries(VALUE_COLUMNS.map((c) => [c, file(c)])) as Record<(typeof VALUE_COLUMNS)[number], ColumnFile>;
  const mention = Object.fromEntries(MENTION_COLUMNS.map((c) => [c, file(`mention-${c}`)])) as Record<(typeof MENTION_COLUMNS)[number], ColumnFile>;
  const offsets = file('mention-offsets');
  offsets.push('0');
  const dims = Object.fromEntries(TEXT_DIMENSIONS.map((d) => [d, { file: file(`dim-${d}`), seen: new Map<string, number>() }])) as Record<TextDimension, { file: ColumnFile; seen: Map<string, number> }>;
  let n = 0;
  let mentions = 0;
  return {
    add(row: ExplorerVerbatimRow, cells: ExplorerRowCells): void {
      n += 1;
      values.id.push(JSON.stringify(cells.id));
      values.day.push(JSON.stringify(cells.day));
      values.nps.push(JSON.stringify(cells.nps));
      values.csat.push(JSON.stringify(cells.csat));
      values.ces.push(JSON.stringify(cells.ces));
      values.arr.push(JSON.stringify(cells.arr));
      values.arr_band.push(JSON.stringify(cells.arrBand));
      values.text.push(JSON.stringify(cells.text));
      for (const d of TEXT_DIMENSIONS) {
        const { file: f, seen } = dims[d];
        let code = seen.get(row[d]);
        if (code === undefined) seen.set(row[d], (code = seen.size));
        f.push(String(code));
      }
      for (const m of cells.mentions) {
        for (const c of MENTION_COLUMNS) mention[c].push(JSON.stringify(m[c]));
      }
      mentions += cells.mentions.length;
      offsets.push(String(mentions));
    },
    /** Joins the scratch files into the script, in the key order of ExplorerColumns. */
    finish(out: number, codes: MentionCodes, chunkBytes: number): number {
      for (const f of [...Object.values(values), ...Object.values(mention), offsets, ...Object.values(dims).map((x) => x.file)]) f.close();
      const write = (s: string): void => {
        writeSync(out, s);
      };
      write(`window.ecouteVerbatims = {"n":${n},"id":[`);
      for (const c of ['id', 'day', 'nps', 'csat', 'ces', 'arr'] as const) {
        if (c !== 'id') write(`],${JSON.stringify(c)}:[`);
        copyColumn(out, values[c].path, chunkBytes);
      }
      write('],"dims":{');
      for (const d of TEXT_DIMENSIONS) {
        const sorted = dictionaryValues(dims[d].seen.keys());
        const index = new Map(sorted.map((v, i) => [v, i]));
        const final = [...dims[d].seen.keys()].map((v) => String(index.get(v)));
        write(`${JSON.stringify(d)}:{"values":${JSON.stringify(sorted)},"codes":[`);
        copyColumn(out, dims[d].file.path, chunkBytes, (code) => final[Number(code)]!);
        write(']},');
      }
      write(`"arr_band":{"values":${JSON.stringify(arrBandLabels(EXPLORER_ARR_BANDS))},"codes":[`);
      copyColumn(out, values.arr_band.path, chunkBytes);
      write(']}},"text":[');
      copyColumn(out, values.text.path, chunkBytes);
      write(`],"themes":${JSON.stringify(codes.themes)},"sources":${JSON.stringify(codes.sources)},"mention":{"offsets":[`);
      copyColumn(out, offsets.path, chunkBytes);
      for (const c of MENTION_COLUMNS) {
        write(`],${JSON.stringify(c)}:[`);
        copyColumn(out, mention[c].path, chunkBytes);
      }
      write(']}};\n');
      return n;
    },
  };
}

/** A row of explorer_verbatims (sql/report/create-explorer-verbatims-macro.sql) as the explorer reads it. */
export const toVerbatimRow = (r: Record<string, unknown>): ExplorerVerbatimRow => ({
  response_id: String(r.response_id), day: String(r.day), nps: num(r.nps), csat: num(r.csat), ces: num(r.ces),
  segment: String(r.segment), region: String(r.region), owner: String(r.owner), journey_stage: String(r.journey_stage),
  touchpoint: String(r.touchpoint), survey_type: String(r.survey_type), language: String(r.language), arr: num(r.arr), verbatim: String(r.verbatim),
});

/** A theme_mentions row (whichever classifier wrote it) as the explorer reads it. */
export const toMentionRow = (m: Record<string, unknown>): ExplorerMentionRow => ({
  response_id: String(m.response_id), theme_id: String(m.theme_id), sentiment_label: str(m.sentiment_label), clause_text: str(m.clause_text),
  clause_start: num(m.clause_start), match_source: str(m.match_source), match_evidence: str(m.match_evidence), engine: str(m.engine),
});

/** The theme and match-source dictionaries of the run's mentions (none without theme_mentions). */
export async function readMentionCodes(conn: DuckDBConnection, tables: { has(table: string): boolean }): Promise<MentionCodes> {
  return mentionCodes(tables.has('theme_mentions') ? (await querySqlFile(conn, 'report/select-explorer-mention-codes')).map(toMentionRow) : []);
}

/** Writes dashboard/verbatims.js at `path` (atomically); returns how many verbatims it holds and the themes of the run's mentions. */
export async function writeExplorerScript(
  conn: DuckDBConnection, tables: ReadonlyMap<string, ReadonlySet<string>>, path: string,
  opts: { readonly asOf: string; /** bytes read at once when joining the scratch files (tests: a few, to cross chunk boundaries) */ readonly chunkBytes?: number },
): Promise<{ n: number; themes: string[] }> {
  const withMentions = tables.has('theme_mentions');
  const codes = await readMentionCodes(conn, tables);
  const scratch = `${path}.columns`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    const columns = createColumnWriter(scratch);
    if (tables.has('responses')) {
      await runSqlFile(conn, 'report/create-explorer-verbatims-macro');
      const query = withMentions ? 'report/select-explorer-verbatim-mentions' : 'report/select-explorer-verbatims';
      await streamSqlRuns(conn, query, { as_of: opts.asOf }, (r) => String(r.response_id), (_, rows) => {
        const row = toVerbatimRow(rows[0] as Record<string, unknown>);
        const mentions: ExplorerMentionRow[] = [];
        for (const r of rows) if (r.mention !== null && r.mention !== undefined) mentions.push(toMentionRow(r.mention as Record<string, unknown>));
        columns.add(row, explorerRowCells(row, mentions, codes, EXPLORER_ARR_BANDS));
      });
    }
    let n = 0;
    await withAtomicFile(path, async (tmp) => {
      const out = openSync(tmp, 'w');
      try {
        n = columns.finish(out, codes, opts.chunkBytes ?? 1 << 20);
      } finally {
        closeSync(out);
      }
    });
    return { n, themes: codes.themes };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
