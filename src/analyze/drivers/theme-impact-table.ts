/**
 * `theme_impact`: for each theme × sentiment, overall and per segment and journey stage, the
 * NPS of responses mentioning it vs not and impact = NPS_all − NPS_without (= frequency × delta),
 * with a seeded count-based bootstrap interval (exactly a row bootstrap of the cell's 2×3 table).
 * Every theme of the taxonomy gets a row in every cell, mentioned or not (n_with = 0, impact 0).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { bootstrapThemeImpact, npsEstimate, type NpsCounts } from '../stats/index.ts';
import { queryRows, num, str } from './read-rows.ts';
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
  impact: 'DOUBLE', impact_ci_low: 'DOUBLE', impact_ci_high: 'DOUBLE', impact_se: 'DOUBLE', p_value: 'DOUBLE',
  significant: 'BOOLEAN', small_n: 'BOOLEAN', rank_by_impact: 'BIGINT',
};

export interface ThemeImpactSettings {
  readonly seed: number;
  readonly replicates: number;
  readonly level: number;
  readonly minN: number;
  readonly themes: readonly string[];
  readonly label: (themeId: string) => string;
}

const countsOf = (row: { promoters: number; passives: number; detractors: number }): NpsCounts => ({
  promoters: row.promoters, passives: row.passives, detractors: row.detractors,
});
const total = (c: NpsCounts): number => c.promoters + c.passives + c.detractors;
const minus = (a: NpsCounts, b: NpsCounts): NpsCounts => ({
  promoters: a.promoters - b.promoters, passives: a.passives - b.passives, detractors: a.detractors - b.detractors,
});

export async function computeThemeImpact(conn: DuckDBConnection, s: ThemeImpactSettings): Promise<TableRow[]> {
  const totals = await queryRows(conn, 'drivers/select-nps-totals');
  const counts = await queryRows(conn, 'drivers/select-theme-nps-counts');
  const key = (d: string, v: string, t: string, se: string): string => JSON.stringify([d, v, t, se]);
  const mentioned = new Map<string, NpsCounts>();
  for (const r of counts) {
    mentioned.set(key(str(r, 'dimension'), str(r, 'dimension_value'), str(r, 'theme_id'), str(r, 'sentiment')), countsOf({
      promoters: num(r, 'promoters'), passives: num(r, 'passives'), detractors: num(r, 'detractors'),
    }));
  }
  const rows: (TableRow & { impact: number })[] = [];
  const none: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const t of totals) {
    const dimension = str(t, 'dimension');
    const value = str(t, 'dimension_value');
    const all = countsOf({ promoters: num(t, 'promoters'), passives: num(t, 'passives'), detractors: num(t, 'detractors') });
    const nAll = total(all);
    const npsAll = npsEstimate(all, s.level);
    for (const themeId of s.themes) {
      for (const sentiment of THEME_SENTIMENTS) {
        const withTheme = mentioned.get(key(dimension, value, themeId, sentiment)) ?? none;
        const others = minus(all, withTheme);
        const nWith = total(withTheme);
        const boot = bootstrapThemeImpact({ mentions: withTheme, others }, {
          replicates: s.replicates, level: s.level, seed: stableSeed(s.seed, key(dimension, value, themeId, sentiment)),
        });
        const npsWith = nWith > 0 ? npsEstimate(withTheme, s.level) : undefined;
        const npsWithout = total(others) > 0 ? npsEstimate(others, s.level).nps : Number.NaN;
        const low = boot.interval.low;
        const high = boot.interval.high;
        rows.push({
          dimension, dimension_value: value, theme_id: themeId, theme_label: s.label(themeId), sentiment,
          n_all: nAll, n_with: nWith, frequency: nAll > 0 ? nWith / nAll : Number.NaN,
          nps_all: npsAll.nps, nps_all_ci_low: npsAll.low, nps_all_ci_high: npsAll.high,
          nps_with: npsWith?.nps ?? Number.NaN, nps_with_ci_low: npsWith?.low ?? Number.NaN, nps_with_ci_high: npsWith?.high ?? Number.NaN,
          nps_without: npsWithout, nps_delta: (npsWith?.nps ?? Number.NaN) - npsWithout,
          impact: boot.impact, impact_ci_low: low, impact_ci_high: high, impact_se: boot.standardError,
          p_value: nWith > 0 ? boot.pValue : Number.NaN,
          significant: nWith > 0 && (low > 0 || high < 0),
          small_n: nWith < s.minN,
          rank_by_impact: 0,
        });
      }
    }
  }
  return rankWithinCells(rows);
}

/** rank 1 = most negative impact within each (dimension, value, sentiment); ties by theme id. */
function rankWithinCells(rows: (TableRow & { impact: number })[]): TableRow[] {
  const cells = new Map<string, (TableRow & { impact: number })[]>();
  for (const r of rows) {
    const k = `${r.dimension}\u0000${r.dimension_value}\u0000${r.sentiment}`;
    const list = cells.get(k) ?? [];
    list.push(r);
    cells.set(k, list);
  }
  const ranked = new Map<TableRow, number>();
  for (const list of cells.values()) {
    const sorted = [...list].sort((a, b) => impactOrder(a.impact) - impactOrder(b.impact) || compareText(String(a.theme_id), String(b.theme_id)));
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
