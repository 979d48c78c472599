/**
 * The verbatim explorer's data: every verbatim of a run as compact columns (one array per field,
 * repeated strings as dictionary codes, theme mentions as a compressed sparse row table), so the
 * browser filters 70k verbatims with plain loops over arrays. Pure: built from rows already read.
 * Texts are PII-redacted here (`redactPii`), before anything is written; the matched clause is
 * located inside the redacted text, so a highlight never reveals what redaction removed.
 *
 * **Example:**
 * ```ts
 * const data = buildExplorerColumns([{ response_id: 'R1', day: '2026-10-30', nps: 2, ..., verbatim: 'Facture fausse, écrivez à a@b.fr' }],
 *   [{ response_id: 'R1', theme_id: 'billing', sentiment_label: 'negative', clause_text: 'Facture fausse', engine: 'embedded' }], { arrBands: [25000] });
 * // data.text[0] === 'Facture fausse, écrivez à [email]'; data.mention.from[0] === 0; data.mention.to[0] === 14
 * ```
 */
import { redactPii } from '../../classify/pii/redact-pii.ts';
import { arrBandIndex, arrBandLabels } from '../../analyze/drivers/design-matrix.ts';

export const EXPLORER_DIMENSIONS = ['segment', 'region', 'owner', 'journey_stage', 'touchpoint', 'survey_type', 'language', 'arr_band'] as const;
export type ExplorerDimension = (typeof EXPLORER_DIMENSIONS)[number];

export const MENTION_SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

export interface ExplorerVerbatimRow {
  readonly response_id: string;
  /** YYYY-MM-DD */
  readonly day: string;
  readonly nps: number | null;
  readonly csat: number | null;
  readonly ces: number | null;
  readonly segment: string;
  readonly region: string;
  readonly owner: string;
  readonly journey_stage: string;
  readonly touchpoint: string;
  readonly survey_type: string;
  readonly language: string;
  readonly arr: number | null;
  readonly verbatim: string;
}

export interface ExplorerMentionRow {
  readonly response_id: string;
  readonly theme_id: string;
  readonly sentiment_label: string | null;
  readonly clause_text: string | null;
  readonly clause_start?: number | null;
  /** keyword | model | ... (theme mentions written by the topics engine); else the engine's name */
  readonly match_source?: string | null;
  /** the keyword or the model's score behind the match, when the table has it */
  readonly match_evidence?: string | null;
  readonly engine?: string | null;
}

export interface DictionaryColumn {
  /** distinct values, sorted (ARR bands: in band order) */
  readonly values: string[];
  /** per verbatim: index into values */
  readonly codes: number[];
}

export interface ExplorerColumns {
  readonly n: number;
  readonly id: string[];
  /** days since 1970-01-01 (UTC) */
  readonly day: number[];
  readonly nps: Array<number | null>;
  readonly csat: Array<number | null>;
  readonly ces: Array<number | null>;
  readonly arr: Array<number | null>;
  readonly dims: Record<ExplorerDimension, DictionaryColumn>;
  /** PII-redacted verbatims */
  readonly text: string[];
  readonly themes: string[];
  readonly sources: string[];
  /** mentions of verbatim i are at positions mention.offsets[i] .. mention.offsets[i + 1] - 1 */
  readonly mention: {
    readonly offsets: number[];
    readonly theme: number[];
    /** index into MENTION_SENTIMENTS, -1 when the mention has no sentiment */
    readonly sentiment: number[];
    /** span of the matched clause in the redacted text; -1 when it cannot be located */
    readonly from: number[];
    readonly to: number[];
    readonly source: number[];
    readonly evidence: Array<string | null>;
  };
}

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!Number.isFinite(ms)) throw new Error(`explorer: response date ${JSON.stringify(day)} is not YYYY-MM-DD`);
  return Math.round(ms / DAY_MS);
}

/** The values of a dictionary column: distinct, sorted by code unit. */
export function dictionaryValues(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function dictionary(values: readonly string[]): DictionaryColumn {
  const distinct = dictionaryValues(values);
  const index = new Map(distinct.map((v, i) => [v, i]));
  return { values: distinct, codes: values.map((v) => index.get(v)!) };
}

/** Where the redacted clause sits in the redacted text: the occurrence nearest its recorded start, else one ignoring case. */
export function locateClause(text: string, clause: string, hint: number | null | undefined): [number, number] {
  if (clause.length === 0) return [-1, -1];
  const target = typeof hint === 'number' ? hint : 0;
  let best = -1;
  for (let at = text.indexOf(clause); at >= 0; at = text.indexOf(clause, at + 1)) {
    if (best < 0 || Math.abs(at - target) < Math.abs(best - target)) best = at;
  }
  if (best < 0) best = text.toLowerCase().indexOf(clause.toLowerCase());
  return best < 0 ? [-1, -1] : [best, best + clause.length];
}

/** Index of each theme and each match source among the run's mentions (both sorted), for the mention columns. */
export interface MentionCodes {
  readonly themes: string[];
  readonly sources: string[];
  readonly themeIndex: ReadonlyMap<string, number>;
  readonly sourceIndex: ReadonlyMap<string, number>;
}

/** The match source shown for a mention: the topics engine's match_source when the table has it, else the engine. */
export const mentionSource = (m: Pick<ExplorerMentionRow, 'match_source' | 'engine'>): string => m.match_source ?? m.engine ?? 'unknown';

/** The theme and source dictionaries of these mentions (every mention of the run, matched to a verbatim or not). */
export function mentionCodes(mentions: Iterable<Pick<ExplorerMentionRow, 'theme_id' | 'match_source' | 'engine'>>): MentionCodes {
  const themeSet = new Set<string>();
  const sourceSet = new Set<string>();
  for (const m of mentions) {
    themeSet.add(m.theme_id);
    sourceSet.add(mentionSource(m));
  }
  const themes = [...themeSet].sort();
  const sources = [...sourceSet].sort();
  return { themes, sources, themeIndex: new Map(themes.map((t, i) => [t, i])), sourceIndex: new Map(sources.map((x, i) => [x, i])) };
}

/** One mention as the explorer stores it: codes, and the span of its clause in the redacted text. */
export interface ExplorerMentionCells {
  readonly theme: number;
  readonly sentiment: number;
  readonly from: number;
  readonly to: number;
  readonly source: number;
  readonly evidence: string | null;
}

/** What one verbatim adds to the columns: its values (redacted text, day number, ARR band index) and its mentions. */
export interface ExplorerRowCells {
  readonly id: string;
  readonly day: number;
  readonly nps: number | null;
  readonly csat: number | null;
  readonly ces: number | null;
  readonly arr: number | null;
  /** ARR band index (arrBandIndex) */
  readonly arrBand: number;
  readonly text: string;
  readonly mentions: readonly ExplorerMentionCells[];
}

/** The text the explorer shows and searches for a verbatim: PII-redacted (redactPii). */
export const explorerText = (verbatim: string): string => redactPii(verbatim);

/** The cells of one verbatim and its mentions (in their order); pure, so a caller may stream the verbatims. */
export function explorerRowCells(row: ExplorerVerbatimRow, mentions: readonly ExplorerMentionRow[], codes: MentionCodes, arrBands: readonly number[]): ExplorerRowCells {
  return explorerRowCellsOfText(row, explorerText(row.verbatim), mentions, codes, arrBands);
}

/** explorerRowCells of a verbatim whose explorer text (explorerText) was computed before (the table explorer_rows). */
export function explorerRowCellsOfText(
  row: Omit<ExplorerVerbatimRow, 'verbatim'>, text: string, mentions: readonly ExplorerMentionRow[], codes: MentionCodes, arrBands: readonly number[],
): ExplorerRowCells {
  return {
    id: row.response_id,
    day: dayNumber(row.day),
    nps: row.nps,
    csat: row.csat,
    ces: row.ces,
    arr: row.arr === null ? null : Math.round(row.arr),
    arrBand: arrBandIndex(row.arr ?? Number.NaN, arrBands),
    text,
    mentions: mentions.map((m) => {
      const [from, to] = locateClause(text, redactPii(m.clause_text ?? ''), m.clause_start);
      return {
        theme: codes.themeIndex.get(m.theme_id)!,
        sentiment: MENTION_SENTIMENTS.indexOf(m.sentiment_label as (typeof MENTION_SENTIMENTS)[number]),
        from,
        to,
        source: codes.sourceIndex.get(mentionSource(m))!,
        evidence: m.match_evidence === null || m.match_evidence === undefined ? null : redactPii(String(m.match_evidence)),
      };
    }),
  };
}

export function buildExplorerColumns(
  rows: readonly ExplorerVerbatimRow[],
  mentions: readonly ExplorerMentionRow[],
  opts: { arrBands: readonly number[] },
): ExplorerColumns {
  const codes = mentionCodes(mentions);
  const position = new Map(rows.map((r, i) => [r.response_id, i]));
  const byRow: ExplorerMentionRow[][] = rows.map(() => []);
  for (const m of mentions) {
    const i = position.get(m.response_id);
    if (i !== undefined) byRow[i]!.push(m);
  }
  const cells = rows.map((r, i) => explorerRowCells(r, byRow[i]!, codes, opts.arrBands));
  const bandLabels = arrBandLabels(opts.arrBands);
  // ARR bands keep their order (lowest first, 'unknown' last), every band listed; other dictionaries are sorted
  const dims = Object.fromEntries(EXPLORER_DIMENSIONS.map((d) => [
    d,
    d === 'arr_band' ? { values: [...bandLabels], codes: cells.map((c) => c.arrBand) } : dictionary(rows.map((r) => r[d])),
  ])) as Record<ExplorerDimension, DictionaryColumn>;
  const mention = { offsets: [0], theme: [] as number[], sentiment: [] as number[], from: [] as number[], to: [] as number[], source: [] as number[], evidence: [] as Array<string | null> };
  for (const c of cells) {
    for (const m of c.mentions) {
      mention.theme.push(m.theme);
      mention.sentiment.push(m.sentiment);
      mention.from.push(m.from);
      mention.to.push(m.to);
      mention.source.push(m.source);
      mention.evidence.push(m.evidence);
    }
    mention.offsets.push(mention.theme.length);
  }
  return {
    n: rows.length,
    id: cells.map((c) => c.id),
    day: cells.map((c) => c.day),
    nps: cells.map((c) => c.nps),
    csat: cells.map((c) => c.csat),
    ces: cells.map((c) => c.ces),
    arr: cells.map((c) => c.arr),
    dims,
    text: cells.map((c) => c.text),
    themes: codes.themes,
    sources: codes.sources,
    mention,
  };
}
