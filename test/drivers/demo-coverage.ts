/**
 * The coverage simulation of the driver intervals on the demo generator, shared by the test
 * (test/drivers/demo-coverage.test.ts, small) and the benchmark (bench/drivers-coverage-bench.ts,
 * larger): for each seed, a demo company is generated, loaded with its true theme mentions
 * (load-demo.ts) and run through computeDrivers; each 95 % interval is checked against its
 * planted value:
 * - ARR at risk of a theme: the planted churn model of the generator (src/demo/churn-model.ts
 *   constants, written out here) applied to the same active accounts with the features the
 *   pipeline sees (segment, ARR, NPS band, themes mentioned negatively / positively in the window):
 *   Σ ARR × (σ(η) − σ(η − planted log-odds of the theme)).
 * - NPS impact of a theme's negative mentions: the generator's population value NPS_all −
 *   NPS_without, estimated from the pooled counts of the *other* seeds (independent draws of the
 *   same generator; pooling is exact because n·NPS = 100·(promoters − detractors)).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../../src/demo/generate-demo.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { computeDrivers } from '../../src/analyze/drivers/compute-drivers.ts';
import { driversConfigSchema } from '../../src/analyze/drivers/drivers-config-schema.ts';
import { settingsSchema } from '../../src/config/pipeline-schema.ts';
import { CHURN_INTERCEPT, CHURN_NPS_BAND_EFFECT, LOG_ARR_COEF } from '../../src/demo/churn-model.ts';
import { HIGH_ARR_EUR, SEGMENTS } from '../../src/demo/company-model.ts';
import { THEMES } from '../../src/demo/theme-catalog.ts';
import { loadDemo } from './load-demo.ts';

type Row = Record<string, unknown>;

export interface SeedResult {
  readonly seed: number;
  readonly arr: { themeId: string; estimate: number; low: number; high: number; planted: number }[];
  readonly impact: { themeId: string; estimate: number; low: number; high: number; nAll: number; npsAll: number; nWith: number; npsWith: number }[];
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** The planted churn logit of an account (src/demo/churn-model.ts: churnLogit), from its pipeline features. */
function plantedLogit(a: Row, negative: readonly string[], positive: readonly string[]): number {
  const segment = SEGMENTS.find((s) => s.segment === a.segment);
  if (segment === undefined) throw new Error(`unknown segment ${String(a.segment)}`);
  const arr = Number(a.arr);
  let x = CHURN_INTERCEPT[segment.segment] + CHURN_NPS_BAND_EFFECT[a.nps_band as keyof typeof CHURN_NPS_BAND_EFFECT] + LOG_ARR_COEF * Math.log(arr / segment.arrMedian);
  for (const t of THEMES) {
    if (negative.includes(t.id)) x += t.churnLogOdds + (arr >= HIGH_ARR_EUR ? t.churnLogOddsHighArr : 0);
    if (positive.includes(t.id)) x += t.positiveChurnLogOdds;
  }
  return x;
}

export async function runSeed(seed: number, scale: number, resamples: number): Promise<SeedResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-coverage-'));
  const db = await openDatabase();
  try {
    await generateDemo({ outDir: dir, seed, scale });
    await loadDemo(db.connection, dir);
    await computeDrivers(db.connection, {
      asOf: '2026-10-31', seed, settings: settingsSchema.parse({}), config: driversConfigSchema.parse({ bootstrap_resamples: resamples }),
    });
    const rows = async (sql: string): Promise<Row[]> => (await db.connection.runAndReadAll(sql)).getRowObjectsJson() as Row[];
    const accounts = await rows('SELECT segment, arr, nps_band, negative_themes, positive_themes FROM account_churn_risk WHERE arr IS NOT NULL AND isfinite(arr)');
    const planted = new Map<string, number>();
    for (const a of accounts) {
      const negative = (a.negative_themes as string[] | null) ?? [];
      const positive = (a.positive_themes as string[] | null) ?? [];
      const eta = plantedLogit(a, negative, positive);
      for (const id of negative) {
        const t = THEMES.find((x) => x.id === id);
        if (t === undefined) continue;
        const logOdds = t.churnLogOdds + (Number(a.arr) >= HIGH_ARR_EUR ? t.churnLogOddsHighArr : 0);
        planted.set(id, (planted.get(id) ?? 0) + Number(a.arr) * (sigmoid(eta) - sigmoid(eta - logOdds)));
      }
    }
    const ranking = await rows('SELECT theme_id, arr_at_risk, arr_at_risk_ci_low, arr_at_risk_ci_high FROM dissatisfier_ranking WHERE arr_at_risk IS NOT NULL');
    const impact = await rows("SELECT theme_id, impact, impact_ci_low, impact_ci_high, n_all, nps_all, n_with, nps_with FROM theme_impact WHERE dimension = 'overall' AND sentiment = 'negative'");
    return {
      seed,
      arr: ranking.map((r) => ({
        themeId: String(r.theme_id), estimate: Number(r.arr_at_risk), low: Number(r.arr_at_risk_ci_low), high: Number(r.arr_at_risk_ci_high),
        planted: planted.get(String(r.theme_id)) ?? 0,
      })),
      impact: impact.map((r) => ({
        themeId: String(r.theme_id), estimate: Number(r.impact), low: Number(r.impact_ci_low), high: Number(r.impact_ci_high),
        nAll: Number(r.n_all), npsAll: Number(r.nps_all), nWith: Number(r.n_with), npsWith: Number(r.nps_with),
      })),
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Coverage {
  readonly covered: number;
  readonly total: number;
  /** per theme: covered of total */
  readonly byTheme: Record<string, string>;
}

function tally(cases: readonly { themeId: string; hit: boolean }[]): Coverage {
  const byTheme: Record<string, string> = {};
  for (const id of [...new Set(cases.map((c) => c.themeId))].sort()) {
    const own = cases.filter((c) => c.themeId === id);
    byTheme[id] = `${own.filter((c) => c.hit).length}/${own.length}`;
  }
  return { covered: cases.filter((c) => c.hit).length, total: cases.length, byTheme };
}

export function arrCoverage(results: readonly SeedResult[]): Coverage {
  return tally(results.flatMap((r) => r.arr.map((a) => ({ themeId: a.themeId, hit: a.low <= a.planted && a.planted <= a.high }))));
}

/** Theme impact vs the population value from the other seeds' pooled counts (leave-one-out). */
export function impactCoverage(results: readonly SeedResult[]): Coverage {
  const cases = results.flatMap((r) => r.impact.map((i) => {
    let nAll = 0;
    let netAll = 0;
    let nWithout = 0;
    let netWithout = 0;
    for (const other of results) {
      if (other === r) continue;
      const o = other.impact.find((x) => x.themeId === i.themeId);
      if (o === undefined) continue;
      const netWith = o.nWith > 0 ? (o.nWith * o.npsWith) / 100 : 0;
      nAll += o.nAll;
      netAll += (o.nAll * o.npsAll) / 100;
      nWithout += o.nAll - o.nWith;
      netWithout += (o.nAll * o.npsAll) / 100 - netWith;
    }
    const truth = (100 * netAll) / nAll - (100 * netWithout) / nWithout;
    return { themeId: i.themeId, hit: i.low <= truth && truth <= i.high };
  }));
  return tally(cases);
}
