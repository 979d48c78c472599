/**
 * `theme_impact`: for each theme × sentiment, overall and per segment and journey stage, the
 * driver score (`metric`: NPS, CSAT or CES) of responses mentioning it vs not and impact =
 * score_all − score_without (= frequency × delta), with a seeded bootstrap interval that resamples
 * accounts (clusters): every response of an account is drawn together (clustered-theme-impact.ts).
 * Each cell's score comes from three sums per resampling group (score-of-sums.ts): class counts for
 * a share (NPS, CSAT), Σ score, Σ score², n for a mean (CES on 1–7: a negative impact is ease lost when
 * higher is easier, a positive one effort added when lower is easier; `worse`). When no analysed response has an account id, responses are their
 * own clusters; a share then keeps the count-based bootstrap of its 2×3 table (exactly a row bootstrap). p-value: 2 × the share of resamples across zero; q-value:
 * Benjamini–Hochberg over the family of the row (one dimension × sentiment: all its themes and
 * values); `significant` = q < the false-discovery level and the interval excludes zero.
 * Every theme of the taxonomy gets a row in every cell, mentioned or not (n_with = 0, impact 0).
 * rank_by_impact 1 = the theme that makes the score worst (most negative impact; most positive for CES read as effort).
 * The columns keep their NPS names (nps_all, nps_with …): they hold the driver score.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DuckDBValue } from '@duckdb/node-api';
import {
  benjaminiHochbergQValues, bootstrapClusteredThemeImpacts, bootstrapThemeImpact, meanEstimate, meanOfSums, npsOfClassCounts, shareEstimate,
  type NpsCounts, type ScoreEstimate, type ScoreOfSums, type ThemeImpactBootstrap,
} from '../stats/index.ts';
import type { HeadlineMetric } from '../metrics/headline-metric.ts';
import { sqlFile } from '../../db/sql-file.ts';
import { stableSeed } from './stable-seed.ts';
import { compareText } from './compare-text.ts';
import type { TableColumns, TableRow } from './write-rows.ts';

export const THEME_SENTIMENTS = ['any', 'negative', 'neutral', 'positive'] as const;

export const THEME_IMPACT_COLUMNS: TableColumns = {
  dimension: 'VARCHAR', dimension_value: 'VARCHAR', theme_id: 'VARCHAR', theme_label: 'VARCHAR', sentiment: 'VARCHAR',
  n_all: 'BIGINT', n_with: 'BIGINT', frequency: 'DOUBLE',
  nps_all: 'DOUBLE', nps_all_ci_low: 'DOUBLE', nps_all_ci_high: 'DOUBLE',
  nps_with: 'DOUBLE', nps_with_ci_low: 'DOUBLE', nps_with_ci_high: 'DOUBLE',
  nps_without: 'DOUBLE', nps_delta: 'DOUBLE',
  impact: 'DOUBLE', impact_ci_low: 'DOUBLE', impact_ci_high: 'DOUBLE', impact_se: 'DOUBLE', p_value: 'DOUBLE', q_value: 'DOUBLE', resampled_clusters: 'BIGINT',
  significant: 'BOOLEAN', small_n: 'BOOLEAN', rank_by_impact: 'BIGINT',
};

export interface ThemeImpactSettings {
  readonly seed: number;
  readonly replicates: number;
  readonly level: number;
  readonly minN: number;
  readonly themes: readonly string[];
  readonly label: (themeId: string) => string;
  /** false-discovery level of `significant` (q < level) */
  readonly fdrLevel: number;
  /** true: resample accounts; false: responses (no analysed response has an account id) */
  readonly clustered: boolean;
  /** the driver score (default nps) */
  readonly metric?: HeadlineMetric;
  /** which way the score gets worse (worseDirection): −1 (default) a lower score, +1 a higher one (CES read as effort) */
  readonly worse?: -1 | 1;
}

/** A cell's three sums (score-of-sums.ts), named for a share's classes. */
type Sums = NpsCounts;

interface ScoreModel {
  readonly score: ScoreOfSums;
  readonly estimate: (a: number, b: number, c: number, level: number) => ScoreEstimate;
  /** how many responses the sums hold */
  readonly count: (s: Sums) => number;
  /** a share's 2×3 table has an exact count bootstrap; a mean has none */
  readonly share: boolean;
}

const SHARE: ScoreModel = { score: npsOfClassCounts, estimate: shareEstimate, count: (c) => c.promoters + c.passives + c.detractors, share: true };
const SCORE_MODELS: Readonly<Record<HeadlineMetric, ScoreModel>> = {
  nps: SHARE,
  csat: SHARE,
  ces: { score: meanOfSums, estimate: meanEstimate, count: (c) => c.detractors, share: false },
};

const minus = (a: Sums, b: Sums): Sums => ({
  promoters: a.promoters - b.promoters, passives: a.passives - b.passives, detractors: a.detractors - b.detractors,
});
const estimateOf = (model: ScoreModel, c: Sums, level: number): ScoreEstimate => model.estimate(c.promoters, c.passives, c.detractors, level);

export async function computeThemeImpact(conn: DuckDBConnection, s: ThemeImpactSettings): Promise<TableRow[]> {
  // the per-group counts give both the cells' counts (summed over groups) and the account bootstrap
  const metric = s.metric ?? 'nps';
  const model = SCORE_MODELS[metric];
  const clustered = s.clustered || !model.share;
  const cells = await readClusterCells(conn);
  const rows: (TableRow & { impact: number })[] = [];
  const none: Sums = { promoters: 0, passives: 0, detractors: 0 };
  for (const [cellKey, cell] of [...cells].sort((a, b) => compareText(a[0], b[0]))) {
    const [dimension, value] = JSON.parse(cellKey) as [string, string];
    const all = sumCounts(cell.totals);
    const nAll = model.count(all);
    const scoreAll = estimateOf(model, all, s.level);
    const pairs = s.themes.flatMap((themeId) => THEME_SENTIMENTS.map((sentiment) => ({ themeId, sentiment })));
    const mentionsOf = (p: { themeId: string; sentiment: string }) => cell.mentions.get(JSON.stringify([p.themeId, p.sentiment])) ?? NO_MENTIONS;
    const boots: ThemeImpactBootstrap[] = clustered
      ? bootstrapClusteredThemeImpacts({ totals: cell.totals, mentions: pairs.map(mentionsOf) }, {
        replicates: s.replicates, level: s.level, seed: stableSeed(s.seed, JSON.stringify([dimension, value])), score: model.score,
      })
      : pairs.map((p) => {
        const withTheme = sumCounts(mentionsOf(p).counts);
        return bootstrapThemeImpact({ mentions: withTheme, others: minus(all, withTheme) }, {
          replicates: s.replicates, level: s.level, seed: stableSeed(s.seed, JSON.stringify([dimension, value, p.themeId, p.sentiment])),
        });
      });
    pairs.forEach(({ themeId, sentiment }, k) => {
      const withTheme = nAll > 0 ? sumCounts(mentionsOf({ themeId, sentiment }).counts) : none;
      const others = minus(all, withTheme);
      const nWith = model.count(withTheme);
      const boot = boots[k];
      const scoreWith = nWith > 0 ? estimateOf(model, withTheme, s.level) : undefined;
      const scoreWithout = model.count(others) > 0 ? estimateOf(model, others, s.level).value : Number.NaN;
      rows.push({
        dimension, dimension_value: value, theme_id: themeId, theme_label: s.label(themeId), sentiment,
        n_all: nAll, n_with: nWith, frequency: nAll > 0 ? nWith / nAll : Number.NaN,
        nps_all: scoreAll.value, nps_all_ci_low: scoreAll.low, nps_all_ci_high: scoreAll.high,
        nps_with: scoreWith?.value ?? Number.NaN, nps_with_ci_low: scoreWith?.low ?? Number.NaN, nps_with_ci_high: scoreWith?.high ?? Number.NaN,
        nps_without: scoreWithout, nps_delta: (scoreWith?.value ?? Number.NaN) - scoreWithout,
        impact: boot.impact, impact_ci_low: boot.interval.low, impact_ci_high: boot.interval.high, impact_se: boot.standardError,
        p_value: nWith > 0 ? boot.pValue : Number.NaN, q_value: Number.NaN,
        resampled_clusters: clustered ? cell.totals.length / 3 : nAll,
        significant: false,
        small_n: nWith < s.minN,
        rank_by_impact: 0,
      });
    });
  }
  return rankWithinCells(withQValues(rows, s.fdrLevel), s.worse ?? -1);
}

const NO_MENTIONS = { groups: new Int32Array(0), counts: new Float64Array(0) };

/** Σ over groups of the triples of sums. */
function sumCounts(triples: Float64Array): Sums {
  const c = { promoters: 0, passives: 0, detractors: 0 };
  for (let i = 0; i < triples.length; i += 3) {
    c.promoters += triples[i];
    c.passives += triples[i + 1];
    c.detractors += triples[i + 2];
  }
  return c;
}

/** q-values per family (dimension × sentiment), then `significant` = q < level and the interval excludes zero. */
function withQValues<T extends TableRow & { impact: number }>(rows: T[], fdrLevel: number): T[] {
  const families = new Map<string, T[]>();
  for (const r of rows) {
    const k = `${String(r.dimension)}\u0000${String(r.sentiment)}`;
    const list = families.get(k) ?? [];
    list.push(r);
    families.set(k, list);
  }
  const q = new Map<T, number>();
  for (const list of families.values()) {
    const values = benjaminiHochbergQValues(list.map((r) => r.p_value as number));
    list.forEach((r, i) => q.set(r, values[i]));
  }
  return rows.map((r) => {
    const qv = q.get(r) ?? Number.NaN;
    const low = r.impact_ci_low as number;
    const high = r.impact_ci_high as number;
    return { ...r, q_value: qv, significant: (r.n_with as number) > 0 && qv < fdrLevel && (low > 0 || high < 0) };
  });
}

interface ClusterCell {
  readonly totals: Float64Array;
  /** key JSON [theme, sentiment] → groups (local indices) and counts */
  readonly mentions: Map<string, { groups: Int32Array; counts: Float64Array }>;
}

/** Per cell (JSON [dimension, value]): the counts per resampling group, groups renumbered 0.. within the cell. */
async function readClusterCells(conn: DuckDBConnection): Promise<Map<string, ClusterCell>> {
  const columns = async (name: string): Promise<DuckDBValue[][]> => (await conn.runAndReadAll(sqlFile(name))).getColumns();
  const [dim, val, g, p, pa, d] = await columns('drivers/select-score-cluster-totals');
  const local = new Map<string, Map<number, number>>();
  const built = new Map<string, { totals: number[] }>();
  for (let i = 0; i < dim.length; i++) {
    const cell = JSON.stringify([String(dim[i]), String(val[i])]);
    let index = local.get(cell);
    let b = built.get(cell);
    if (index === undefined || b === undefined) {
      local.set(cell, (index = new Map()));
      built.set(cell, (b = { totals: [] }));
    }
    index.set(Number(g[i]), index.size);
    b.totals.push(Number(p[i]), Number(pa[i]), Number(d[i]));
  }
  const [mDim, mVal, mTheme, mSent, mG, mP, mPa, mD] = await columns('drivers/select-theme-score-cluster-counts');
  const lists = new Map<string, Map<string, { groups: number[]; counts: number[] }>>();
  for (let i = 0; i < mDim.length; i++) {
    const cell = JSON.stringify([String(mDim[i]), String(mVal[i])]);
    const group = local.get(cell)?.get(Number(mG[i]));
    if (group === undefined) throw new Error(`theme counts of ${cell} name group ${String(mG[i])}, absent from the cell's totals`);
    let themes = lists.get(cell);
    if (themes === undefined) lists.set(cell, (themes = new Map()));
    const k = JSON.stringify([String(mTheme[i]), String(mSent[i])]);
    let entry = themes.get(k);
    if (entry === undefined) themes.set(k, (entry = { groups: [], counts: [] }));
    entry.groups.push(group);
    entry.counts.push(Number(mP[i]), Number(mPa[i]), Number(mD[i]));
  }
  const out = new Map<string, ClusterCell>();
  for (const [cell, b] of built) {
    const mentions = new Map([...(lists.get(cell) ?? new Map<string, { groups: number[]; counts: number[] }>())].map(([k, e]) => [k, { groups: Int32Array.from(e.groups), counts: Float64Array.from(e.counts) }]));
    out.set(cell, { totals: Float64Array.from(b.totals), mentions });
  }
  return out;
}

/** rank 1 = the worst impact within each (dimension, value, sentiment): most negative, or most positive when `worse` is +1; ties by theme id. */
function rankWithinCells(rows: (TableRow & { impact: number })[], worse: -1 | 1): TableRow[] {
  const cells = new Map<string, (TableRow & { impact: number })[]>();
  for (const r of rows) {
    const k = `${r.dimension}\u0000${r.dimension_value}\u0000${r.sentiment}`;
    const list = cells.get(k) ?? [];
    list.push(r);
    cells.set(k, list);
  }
  const ranked = new Map<TableRow, number>();
  for (const list of cells.values()) {
    const sorted = [...list].sort((a, b) => impactOrder(-worse * a.impact) - impactOrder(-worse * b.impact) || compareText(String(a.theme_id), String(b.theme_id)));
    sorted.forEach((r, i) => ranked.set(r, i + 1));
  }
  return rows
    .map((r): TableRow & { rank_by_impact: number } => ({ ...r, rank_by_impact: ranked.get(r) ?? 0 }))
    .sort((a, b) =>
      DIMENSION_ORDER(a.dimension as string) - DIMENSION_ORDER(b.dimension as string) ||
      compareText(String(a.dimension_value), String(b.dimension_value)) ||
      THEME_SENTIMENTS.indexOf(a.sentiment as (typeof THEME_SENTIMENTS)[number]) - THEME_SENTIMENTS.indexOf(b.sentiment as (typeof THEME_SENTIMENTS)[number]) ||
      a.rank_by_impact - b.rank_by_impact);
}

const impactOrder = (v: number): number => (Number.isFinite(v) ? v : Number.POSITIVE_INFINITY);
const DIMENSION_ORDER = (d: string): number => ['overall', 'segment', 'journey_stage'].indexOf(d);
