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

function dictionary(values: readonly string[]): DictionaryColumn {
  const distinct = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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

export function buildExplorerColumns(
  rows: readonly ExplorerVerbatimRow[],
  mentions: readonly ExplorerMentionRow[],
  opts: { arrBands: readonly number[] },
): ExplorerColumns {
  const bandLabels = arrBandLabels(opts.arrBands);
  const text = rows.map((r) => redactPii(r.verbatim));
  // ARR bands keep their order (lowest first, 'unknown' last), every band listed; other dictionaries are sorted
  const dims = Object.fromEntries(EXPLORER_DIMENSIONS.map((d) => [
    d,
    d === 'arr_band'
      ? { values: [...bandLabels], codes: rows.map((r) => arrBandIndex(r.arr ?? Number.NaN, opts.arrBands)) }
      : dictionary(rows.map((r) => r[d])),
  ])) as Record<ExplorerDimension, DictionaryColumn>;

  const position = new Map(rows.map((r, i) => [r.response_id, i]));
  const byRow: ExplorerMentionRow[][] = rows.map(() => []);
  for (const m of mentions) {
    const i = position.get(m.response_id);
    if (i !== undefined) byRow[i]!.push(m);
  }
  const themes = [...new Set(mentions.map((m) => m.theme_id))].sort();
  const sourceOf = (m: ExplorerMentionRow): string => m.match_source ?? m.engine ?? 'unknown';
  const sources = [...new Set(mentions.map(sourceOf))].sort();
  const themeIndex = new Map(themes.map((t, i) => [t, i]));
  const sourceIndex = new Map(sources.map((s, i) => [s, i]));
  const mention = { offsets: [0], theme: [] as number[], sentiment: [] as number[], from: [] as number[], to: [] as number[], source: [] as number[], evidence: [] as Array<string | null> };
  byRow.forEach((list, i) => {
    for (const m of list) {
      const [from, to] = locateClause(text[i]!, redactPii(m.clause_text ?? ''), m.clause_start);
      mention.theme.push(themeIndex.get(m.theme_id)!);
      mention.sentiment.push(MENTION_SENTIMENTS.indexOf(m.sentiment_label as (typeof MENTION_SENTIMENTS)[number]));
      mention.from.push(from);
      mention.to.push(to);
      mention.source.push(sourceIndex.get(sourceOf(m))!);
      mention.evidence.push(m.match_evidence === null || m.match_evidence === undefined ? null : redactPii(String(m.match_evidence)));
    }
    mention.offsets.push(mention.theme.length);
  });

  return {
    n: rows.length,
    id: rows.map((r) => r.response_id),
    day: rows.map((r) => dayNumber(r.day)),
    nps: rows.map((r) => r.nps),
    csat: rows.map((r) => r.csat),
    ces: rows.map((r) => r.ces),
    arr: rows.map((r) => (r.arr === null ? null : Math.round(r.arr))),
    dims,
    text,
    themes,
    sources,
    mention,
  };
}
