/**
 * The quotes shown under each theme in the executive report: the most typical of the theme's negative
 * mentions from its higher-ARR accounts (sql/report/select-theme-examples.sql ranks them by closeness to the
 * theme's centroid), skipping a clause that repeats one already picked: a clause whose content words (function
 * words of either language left out) are 60 % or more those of a picked clause, or the other way round, says the
 * same thing ("l'outil tombe en panne au pire moment" and "Pour être franc, l'outil tombe en panne au pire
 * moment."; "syncing with our ERP is unreliable" inside "…, also syncing with our ERP is unreliable"). A theme
 * with fewer distinct clauses than asked for shows fewer quotes: a repeat illustrates nothing new.
 *
 * **Example:**
 * ```ts
 * pickQuotes([{ theme_id: 'support', words: ['is', 'slow', 'support', 'the'], … }, { theme_id: 'support', words: ['honestly', 'slow', 'support'], … },
 *   { theme_id: 'support', words: ['no', 'one', 'answers', 'phone'], … }], 2)
 * // → the first and the third
 * ```
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlFile } from '../../db/sql-file.ts';
import { foldText } from '../../classify/embedded/fold-text.ts';
import { STOPWORDS } from '../../classify/language/stopwords.ts';

/** Candidates fetched per quote asked for: room to skip repeats. */
const POOL_PER_QUOTE = 100;
/** Overlap of content words (shared / the smaller set) from which a clause repeats another. */
export const REPEAT_OVERLAP = 0.6;

export type QuoteRow = Record<string, unknown>;

/** A clause's content words: its words (folded) but the function words of either language. */
const wordsOf = (row: QuoteRow): ReadonlySet<string> =>
  new Set((Array.isArray(row.words) ? row.words.map((w) => foldText(String(w))) : []).filter((w) => !STOPWORDS.has(w)));

/** Szymkiewicz–Simpson overlap: a clause inside a longer one ("X, and also Y") repeats it too. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** Up to `perTheme` rows per theme from candidates in theme order, most typical first within each theme. */
export function pickQuotes(candidates: readonly QuoteRow[], perTheme: number): QuoteRow[] {
  const byTheme = new Map<string, QuoteRow[]>();
  for (const row of candidates) {
    const theme = String(row.theme_id);
    const rows = byTheme.get(theme);
    if (rows === undefined) byTheme.set(theme, [row]);
    else rows.push(row);
  }
  const out: QuoteRow[] = [];
  for (const rows of byTheme.values()) {
    const picked: Array<{ row: QuoteRow; words: ReadonlySet<string> }> = [];
    for (const row of rows) {
      if (picked.length === perTheme) break;
      const words = wordsOf(row);
      if (!picked.some((p) => overlap(p.words, words) >= REPEAT_OVERLAP)) picked.push({ row, words });
    }
    out.push(...picked.map((p) => p.row));
  }
  return out;
}

/** The quotes of every theme as of a date, `perTheme` each (see the file comment). */
export async function selectThemeQuotes(conn: DuckDBConnection, asOf: string, perTheme: number): Promise<QuoteRow[]> {
  const candidates = (await conn.runAndReadAll(sqlFile('report/select-theme-examples'), { as_of: asOf, pool: perTheme * POOL_PER_QUOTE })).getRowObjectsJson() as QuoteRow[];
  return pickQuotes(candidates, perTheme);
}
