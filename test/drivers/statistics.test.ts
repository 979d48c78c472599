/**
 * Each table of the driver phase against an independent computation on small data: theme impact
 * and NPS from the raw scores, key-driver correlations from the rows in JS, Kano boxes by hand,
 * churn rates by counting, the coefficient covariance against the model's standard errors, the
 * attributable ARR at risk recomputed from the output tables, the binomial tail by brute force.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { computeDrivers, type DriversSummary } from '../../src/analyze/drivers/compute-drivers.ts';
import { driversConfigSchema } from '../../src/analyze/drivers/drivers-config-schema.ts';
import { binomialUpperTail } from '../../src/analyze/drivers/binomial-tail.ts';
import { settingsSchema } from '../../src/config/pipeline-schema.ts';
import { correlationFromRows, relativeWeights, shapleyRSquared, statsMessages } from '../../src/analyze/stats/index.ts';
import { loadFixture, npsOf } from './fixture.ts';
import { smallCompany } from './small-company.ts';

const data = smallCompany();
let db: Database;
let summary: DriversSummary;
const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await db.connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
const n = (v: unknown): number => Number(v);

beforeAll(async () => {
  db = await openDatabase();
  await loadFixture(db.connection, data);
  summary = await computeDrivers(db.connection, {
    asOf: '2026-06-30', seed: 3, settings: settingsSchema.parse({ min_n: 20 }),
    // main effects only: the attributable ARR is recomputed below from the theme coefficient alone
    // (theme × log ARR interactions are checked in account-risk.test.ts)
    config: driversConfigSchema.parse({ bootstrap_resamples: 300, theme_arr_interactions: false }),
    themeLabels: { billing: 'Billing errors', support: 'Support', never: 'Never mentioned' },
  });
});
afterAll(() => db?.close());

const responses = data.responses ?? [];
const mentions = data.mentions ?? [];
const withTheme = (theme: string, sentiment?: string): Set<string> =>
  new Set(mentions.filter((m) => m.theme_id === theme && (!sentiment || m.sentiment_label === sentiment)).map((m) => String(m.response_id)));

describe('theme_impact', () => {
  it('matches NPS with / without / all computed from the raw scores, overall and per segment', async () => {
    const table = await rows("SELECT * FROM theme_impact WHERE theme_id = 'billing' AND sentiment = 'any'");
    const segmentOf = new Map((data.accounts ?? []).map((a) => [a.account_id, a.segment]));
    const ids = withTheme('billing');
    for (const row of table) {
      const scope = responses.filter((r) => row.dimension === 'overall' || (row.dimension === 'segment' ? segmentOf.get(r.account_id) : r.journey_stage) === row.dimension_value);
      const scores = scope.map((r) => Number(r.nps));
      const inTheme = scope.filter((r) => ids.has(String(r.response_id))).map((r) => Number(r.nps));
      const outTheme = scope.filter((r) => !ids.has(String(r.response_id))).map((r) => Number(r.nps));
      expect(n(row.n_with)).toBe(inTheme.length);
      expect(n(row.nps_all)).toBeCloseTo(npsOf(scores), 9);
      expect(n(row.nps_with)).toBeCloseTo(npsOf(inTheme), 9);
      expect(n(row.nps_without)).toBeCloseTo(npsOf(outTheme), 9);
      expect(n(row.impact)).toBeCloseTo(npsOf(scores) - npsOf(outTheme), 9);
      // impact = frequency × (NPS_with − NPS_without)
      expect(n(row.impact)).toBeCloseTo(n(row.frequency) * (npsOf(inTheme) - npsOf(outTheme)), 9);
      expect(n(row.impact_ci_low)).toBeLessThanOrEqual(n(row.impact));
      expect(n(row.impact_ci_high)).toBeGreaterThanOrEqual(n(row.impact));
    }
    expect(table.length).toBe(1 + 2 + 2);
  });

  it('gives a taxonomy theme that nobody mentions a row with n = 0, impact 0 and small_n', async () => {
    const [row] = await rows("SELECT * FROM theme_impact WHERE theme_id = 'never' AND dimension = 'overall' AND sentiment = 'any'");
    expect(n(row?.n_with)).toBe(0);
    expect(n(row?.impact)).toBe(0);
    expect(row?.small_n).toBe(true);
    expect(row?.theme_label).toBe('Never mentioned');
  });

  it('is reproducible: the same seed gives the same intervals', async () => {
    const again = await openDatabase();
    await loadFixture(again.connection, data);
    await computeDrivers(again.connection, {
      asOf: '2026-06-30', seed: 3, settings: settingsSchema.parse({ min_n: 20 }), config: driversConfigSchema.parse({ bootstrap_resamples: 300 }),
      themeLabels: { billing: 'Billing errors', support: 'Support', never: 'Never mentioned' },
    });
    const q = 'SELECT * FROM theme_impact ORDER BY ALL';
    const a = (await db.connection.runAndReadAll(q)).getRowObjectsJson();
    const b = (await again.connection.runAndReadAll(q)).getRowObjectsJson();
    again.close();
    expect(b).toEqual(a);
  });
});

describe('driver_weights and kano_attributes', () => {
  const ids = [...new Set((data.ratings ?? []).map((r) => String(r.response_id)))].sort();
  const byResponse = new Map<string, Record<string, number>>();
  for (const r of data.ratings ?? []) {
    const m = byResponse.get(String(r.response_id)) ?? {};
    m[String(r.attribute)] = Number(r.rating);
    byResponse.set(String(r.response_id), m);
  }
  const scoreOf = new Map(responses.map((r) => [String(r.response_id), Number(r.nps)]));

  it('reports the constant and the duplicated attribute with a clear message and analyses the rest', async () => {
    expect(summary.messages).toContain(statsMessages.droppedDrivers([
      { name: 'const', reason: 'constant', with: [] },
      { name: 'dup', reason: 'collinear', with: ['a'] },
    ]));
    const status = await rows("SELECT attribute, status FROM driver_weights WHERE method = 'relative-weights' ORDER BY attribute");
    expect(status).toEqual([
      { attribute: 'a', status: 'analysed' }, { attribute: 'b', status: 'analysed' }, { attribute: 'c', status: 'analysed' },
      { attribute: 'const', status: 'constant' }, { attribute: 'dup', status: 'collinear' },
    ]);
  });

  it('matches relative weights and Shapley shares computed from the rows in JS', async () => {
    const drivers = ['a', 'b', 'c', 'const', 'dup'];
    const values = new Float64Array(ids.length * 6);
    ids.forEach((id, i) => {
      drivers.forEach((d, j) => (values[i * 6 + j] = byResponse.get(id)?.[d] ?? Number.NaN));
      values[i * 6 + 5] = scoreOf.get(id) ?? Number.NaN;
    });
    const matrix = correlationFromRows(values, ids.length, 6);
    for (const [method, expected] of [['relative-weights', relativeWeights({ drivers, matrix })], ['shapley', shapleyRSquared({ drivers, matrix })]] as const) {
      const table = await rows(`SELECT attribute, weight, share_pct, r_squared, weight_ci_low, weight_ci_high FROM driver_weights WHERE method = '${method}' AND status = 'analysed' ORDER BY attribute`);
      expect(table.map((r) => r.attribute)).toEqual(expected.drivers);
      table.forEach((r, j) => {
        expect(n(r.weight)).toBeCloseTo(expected.weights[j], 9);
        expect(n(r.r_squared)).toBeCloseTo(expected.rSquared, 9);
        expect(n(r.weight_ci_low)).toBeLessThan(n(r.weight));
        expect(n(r.weight_ci_high)).toBeGreaterThan(n(r.weight));
      });
      expect(table.reduce((s, r) => s + n(r.share_pct), 0)).toBeCloseTo(100, 9);
      expect(table.reduce((s, r) => s + n(r.weight), 0)).toBeCloseTo(expected.rSquared, 9);
    }
  });

  it('computes penalty and reward from the boxes by hand (1-5 scale: bottom ≤ 2, top ≥ 4)', async () => {
    const [row] = await rows("SELECT * FROM kano_attributes WHERE attribute = 'a'");
    const box = (test: (v: number) => boolean): number[] => ids.filter((id) => test(byResponse.get(id)?.a ?? Number.NaN)).map((id) => scoreOf.get(id) ?? Number.NaN);
    const bottom = npsOf(box((v) => v <= 2));
    const middle = npsOf(box((v) => v > 2 && v < 4));
    const top = npsOf(box((v) => v >= 4));
    expect(n(row?.penalty)).toBeCloseTo(middle - bottom, 9);
    expect(n(row?.reward)).toBeCloseTo(top - middle, 9);
    expect(n(row?.penalty_ci_low)).toBeLessThan(n(row?.penalty));
  });
});

/** BH q-values written from the definition: q_i = min over tests j with p_j ≥ p_i of p_j · m / rank_j (rank among the m finite p-values). */
function bhByDefinition(p: readonly number[]): number[] {
  const finite = p.filter((v) => Number.isFinite(v));
  const m = finite.length;
  const rank = (v: number): number => finite.filter((x) => x <= v).length;
  return p.map((pi) => (Number.isFinite(pi) ? Math.min(1, ...finite.filter((pj) => pj >= pi).map((pj) => (pj * m) / rank(pj))) : Number.NaN));
}

describe('q-values (Benjamini–Hochberg) per family', () => {
  it('theme impact: one family per dimension × sentiment; significant = q < 0.05 and the interval excludes 0', async () => {
    const table = await rows('SELECT dimension, sentiment, p_value, q_value, significant, impact_ci_low, impact_ci_high, n_with FROM theme_impact');
    const families = new Set(table.map((r) => `${String(r.dimension)}|${String(r.sentiment)}`));
    for (const f of families) {
      const family = table.filter((r) => `${String(r.dimension)}|${String(r.sentiment)}` === f);
      const expected = bhByDefinition(family.map((r) => (r.p_value === null ? Number.NaN : n(r.p_value))));
      family.forEach((r, i) => {
        if (Number.isNaN(expected[i])) expect(r.q_value === null || Number.isNaN(n(r.q_value))).toBe(true);
        else expect(n(r.q_value)).toBeCloseTo(expected[i], 12);
        const excludes = n(r.impact_ci_low) > 0 || n(r.impact_ci_high) < 0;
        expect(r.significant).toBe(n(r.n_with) > 0 && n(r.q_value) < 0.05 && excludes);
      });
    }
  });

  it('churn lift: one family per sentiment', async () => {
    for (const sentiment of ['negative', 'any']) {
      const family = await rows(`SELECT p_value, q_value, significant FROM churn_theme_lift WHERE sentiment = '${sentiment}' ORDER BY theme_id`);
      const expected = bhByDefinition(family.map((r) => (r.p_value === null ? Number.NaN : n(r.p_value))));
      family.forEach((r, i) => {
        if (Number.isNaN(expected[i])) return;
        expect(n(r.q_value)).toBeCloseTo(expected[i], 12);
        expect(r.significant).toBe(expected[i] < 0.05);
      });
    }
  });

  it('dissatisfier ranking: ARR at risk q-values over the themes tested, ranked only when the interval is above 0 and q < 0.05', async () => {
    const table = await rows('SELECT theme_id, arr_at_risk, arr_at_risk_ci_low, arr_at_risk_ci_high, arr_at_risk_p_value, arr_at_risk_q_value, revenue_link, rank_by_arr_at_risk FROM dissatisfier_ranking ORDER BY theme_id');
    const tested = table.filter((r) => r.arr_at_risk_p_value !== null && Number.isFinite(n(r.arr_at_risk_p_value)));
    const expected = bhByDefinition(tested.map((r) => n(r.arr_at_risk_p_value)));
    tested.forEach((r, i) => expect(n(r.arr_at_risk_q_value)).toBeCloseTo(expected[i], 12));
    for (const r of table) {
      const q = n(r.arr_at_risk_q_value);
      const link = q < 0.05 && n(r.arr_at_risk_ci_low) > 0 ? 'revenue dissatisfier' : q < 0.05 && n(r.arr_at_risk_ci_high) < 0 ? 'associated with lower churn' : 'no reliable revenue link';
      expect(r.revenue_link).toBe(link);
      expect(r.rank_by_arr_at_risk === null).toBe(link !== 'revenue dissatisfier');
    }
  });
});

describe('churn linkage', () => {
  it('counts churn rates of accounts mentioning billing negatively vs not', async () => {
    const [row] = await rows("SELECT * FROM churn_theme_lift WHERE theme_id = 'billing' AND sentiment = 'negative'");
    // window: the 365 days before the decision on 2026-03-01, i.e. from 2025-03-01
    const inWindow = (r: (typeof responses)[number]): boolean => String(r.submitted_at) >= '2025-03-01';
    const billed = new Set(responses.filter((r) => inWindow(r) && withTheme('billing', 'negative').has(String(r.response_id))).map((r) => r.account_id));
    const churned = new Set((data.churn ?? []).filter((c) => c.outcome === 'churned').map((c) => c.account_id));
    const accounts = (data.accounts ?? []).map((a) => a.account_id);
    const w = accounts.filter((a) => billed.has(a));
    const wo = accounts.filter((a) => !billed.has(a));
    expect(n(row?.training_accounts_with)).toBe(w.length);
    expect(n(row?.churn_rate_with)).toBeCloseTo(w.filter((a) => churned.has(a)).length / w.length, 12);
    expect(n(row?.churn_rate_without)).toBeCloseTo(wo.filter((a) => churned.has(a)).length / wo.length, 12);
    expect(n(row?.lift)).toBeCloseTo(n(row?.churn_rate_with) / n(row?.churn_rate_without), 12);
    expect(n(row?.lift_ci_low)).toBeGreaterThan(1);
  });

  it('recomputes each theme\'s attributable ARR at risk from account_churn_risk and the model coefficient', async () => {
    const risk = await rows('SELECT arr, churn_probability, negative_themes FROM account_churn_risk');
    for (const theme of ['billing', 'support']) {
      const [coef] = await rows(`SELECT coefficient FROM churn_model WHERE term = 'theme:${theme}:negative'`);
      const beta = n(coef?.coefficient);
      let expected = 0;
      for (const r of risk) {
        if (!(r.negative_themes as string[]).includes(theme) || r.arr === null) continue;
        const p = n(r.churn_probability);
        const without = 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) - beta)));
        expected += n(r.arr) * (p - without);
      }
      const [row] = await rows(`SELECT arr_at_risk, arr_at_risk_ci_low, arr_at_risk_ci_high FROM dissatisfier_ranking WHERE theme_id = '${theme}'`);
      expect(n(row?.arr_at_risk)).toBeCloseTo(expected, 4);
      expect(n(row?.arr_at_risk_ci_low)).toBeLessThan(n(row?.arr_at_risk));
      expect(n(row?.arr_at_risk_ci_high)).toBeGreaterThan(n(row?.arr_at_risk));
    }
    const ranking = await rows('SELECT theme_id, rank_by_arr_at_risk, rank_by_frequency FROM dissatisfier_ranking ORDER BY rank_by_arr_at_risk');
    expect(ranking[0]).toMatchObject({ theme_id: 'billing' });
    expect(ranking.find((r) => r.theme_id === 'support')).toMatchObject({ rank_by_frequency: '1' });
  });

  it('scores only accounts not lost, with ARR at risk = ARR × probability inside its interval', async () => {
    const risk = await rows('SELECT * FROM account_churn_risk');
    expect(risk.length).toBe((data.churn ?? []).filter((c) => c.outcome !== 'churned').length);
    for (const r of risk) {
      expect(n(r.arr_at_risk)).toBeCloseTo(n(r.arr) * n(r.churn_probability), 6);
      expect(n(r.churn_probability_ci_low)).toBeLessThanOrEqual(n(r.churn_probability));
      expect(n(r.churn_probability_ci_high)).toBeGreaterThanOrEqual(n(r.churn_probability));
    }
    expect(summary.churn?.accounts).toBe(data.churn?.length);
  });
});

describe('owner_monitoring', () => {
  it('flags the owner whose share of 10s is far above the peers and the repeat respondent', async () => {
    const owners = await rows('SELECT owner, responses, nps, share_10, peer_share_10, flag_share_10, repeat_respondents, flags, bunching_checked FROM owner_monitoring ORDER BY owner');
    const o5 = owners.find((o) => o.owner === 'O5');
    expect(o5?.flag_share_10).toBe(true);
    expect(owners.filter((o) => o.flag_share_10 === true).map((o) => o.owner)).toEqual(['O5']);
    const o2 = owners.find((o) => o.owner === 'O2');
    expect(n(o2?.repeat_respondents)).toBe(1);
    expect(o2?.flags).toContain('repeat_respondents');
    for (const o of owners) {
      const scores = responses.filter((r) => `O${(Number(String(r.account_id).slice(2)) % 5) + 1}` === o.owner).map((r) => Number(r.nps));
      expect(n(o.responses)).toBe(scores.length);
      expect(n(o.nps)).toBeCloseTo(npsOf(scores), 9);
      expect(o.bunching_checked).toBe(false);
    }
    expect(summary.flaggedOwners).toEqual(['O2', 'O5']);
  });

  it('binomial upper tail equals the brute-force sum', () => {
    const choose = (a: number, b: number): number => { let c = 1; for (let i = 1; i <= b; i++) c = (c * (a - b + i)) / i; return c; };
    for (const [x, size, p] of [[8, 10, 0.5], [3, 20, 0.1], [0, 5, 0.3], [15, 40, 0.2], [40, 40, 0.9]] as const) {
      let brute = 0;
      for (let k = x; k <= size; k++) brute += choose(size, k) * p ** k * (1 - p) ** (size - k);
      expect(binomialUpperTail(x, size, p)).toBeCloseTo(brute, 12);
    }
    expect(binomialUpperTail(8, 10, 0.5)).toBeCloseTo(56 / 1024, 12);
  });
});
