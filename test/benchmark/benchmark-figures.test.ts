/**
 * "How we compare" figures against computations written here: a hand-built panel with known gaps goes
 * through the real pipeline (staging, checks, quarantine), and every figure of benchmark_nps,
 * benchmark_gaps (interval, p, BH q-value), benchmark_gap_trend and benchmark_attribute_gaps is recomputed
 * from the raw rows with other formulas (sample variance, Simpson-integrated normal tail, Gauss–Jordan
 * least squares, the BH definition). Published reference figures are passed through, never tested.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createFixture, csvText, queryOut, quarantineLines, reconciliation, type Fixture } from '../ingest/helpers.ts';
import type { RunResult } from '../../src/run/run-pipeline.ts';

const N = (v: unknown): number => Number(v);

/** Normal upper tail by Simpson's rule on the density (independent of normalCdf). */
function upperTail(z: number): number {
  const a = Math.abs(z);
  const b = a + 12;
  const steps = 4000;
  const h = (b - a) / steps;
  const f = (x: number): number => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
  let s = f(a) + f(b);
  for (let i = 1; i < steps; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

const points = (s: number): number => (s >= 9 ? 100 : s >= 7 ? 0 : -100);
function npsAndSe(scores: number[]): { nps: number; se: number } {
  const y = scores.map(points);
  const n = y.length;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const sampleVariance = y.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { nps: mean, se: Math.sqrt(sampleVariance / n) };
}

/** Least squares by Gauss–Jordan elimination on the normal equations (not the pipeline's Cholesky). */
function olsSlopes(x: number[][], y: number[]): number[] {
  const p = x[0]!.length + 1;
  const a = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  x.forEach((row, i) => {
    const r = [1, ...row];
    for (let u = 0; u < p; u++) {
      for (let v = 0; v < p; v++) a[u]![v]! += r[u]! * r[v]!;
      a[u]![p]! += r[u]! * y[i]!;
    }
  });
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[piv]![c]!)) piv = r;
    [a[c], a[piv]] = [a[piv]!, a[c]!];
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let v = c; v <= p; v++) a[r]![v]! -= f * a[c]![v]!;
    }
  }
  return a.slice(1).map((row, i) => row[p]! / a[i + 1]![i + 1]!);
}

// Two quarters (2026-Q1, 2026-Q2), two segments; our brand "Us", competitors "Alpha" (ahead) and "Beta".
// Rows: [brand, role, date, nps, segment, quality, support]
type Row = [string, string, string, number, string, number, number];
const ROWS: Row[] = [];
const plan: Array<[string, string, string, number[]]> = [
  ['Us', 'own', '2026-02-10', [10, 9, 8, 7, 6, 3, 10, 9, 2, 8, 9, 10]],
  ['Us', 'own', '2026-05-10', [9, 9, 8, 6, 5, 10, 7, 8, 3, 9, 10, 6]],
  ['Alpha', 'competitor', '2026-02-11', [10, 10, 9, 9, 8, 10, 9, 7, 10, 9, 6, 10]],
  ['Alpha', 'competitor', '2026-05-11', [10, 9, 10, 9, 9, 10, 8, 10, 9, 10, 10, 7]],
  ['Beta', 'competitor', '2026-02-12', [9, 8, 7, 6, 10, 4, 9, 8, 3, 9, 7, 10]],
  ['Beta', 'competitor', '2026-05-12', [8, 9, 6, 7, 10, 9, 5, 9, 8, 2, 10, 9]],
];
for (const [brand, role, date, scores] of plan) {
  scores.forEach((s, i) => {
    const quality = Math.min(5, Math.max(1, Math.round(s / 2.5) + (i % 2)));
    const support = brand === 'Alpha' ? 5 - (i % 2) : 2 + (i % 3);
    ROWS.push([brand, role, date, s, i % 3 === 0 ? 'SMB' : 'Enterprise', quality, support]);
  });
}

describe('competitive benchmark figures', () => {
  let fx: Fixture;
  let run: RunResult;
  let out: string;
  beforeAll(async () => {
    fx = createFixture();
    fx.write('responses.csv', csvText([['id', 'contact', 'account', 'submitted_at', 'nps', 'comment'], ['R1', 'C1', 'A1', '2026-03-01', '9', 'ok']]));
    const header = ['id', 'date', 'brand', 'role', 'ltr', 'segment', 'quality', 'support'];
    const body = ROWS.map((r, i) => [`B${i + 1}`, r[2], r[0], r[1], String(r[3]), r[4], String(r[5]), String(r[6])]);
    // three bad rows: unknown role, NPS 11, support rating 9 (scale 1-5)
    body.push(['X1', '2026-02-10', 'Beta', 'partner', '8', 'SMB', '3', '3'], ['X2', '2026-02-10', 'Beta', 'competitor', '11', 'SMB', '3', '3'], ['X3', '2026-02-10', 'Beta', 'competitor', '8', 'SMB', '3', '9']);
    fx.write('panel.csv', csvText([header, ...body]));
    fx.write('reference.csv', csvText([['who', 'when', 'score', 'n', 'by'], ['Industry', '2025', '31', '1200', 'Panel report'], ['Alpha', '2025', '55', '', 'Press release'], ['Gamma', '2025', '101', '5', 'Bad figure']]));
    fx.pipeline({
      sources: {
        benchmark: {
          path: 'panel.csv',
          columns: { response_id: 'id', responded_at: 'date', brand: 'brand', role: 'role', nps: 'ltr', segment: 'segment', ratings: { quality: 'quality', support: 'support' } },
        },
        reference_scores: { path: 'reference.csv', columns: { brand: 'who', period: 'when', nps: 'score', n: 'n', source: 'by' } },
      },
      settings: { min_n: 5 },
    });
    run = await fx.run('out', '2026-09-30');
    out = run.nightDir;
  }, 120_000);
  afterAll(() => fx?.cleanup());

  it('goes through staging and the quarantine: rows read = accepted + quarantined', async () => {
    expect(await reconciliation(run, 'benchmark')).toEqual([ROWS.length + 3, ROWS.length, 3]);
    expect(await quarantineLines(out, 'benchmark')).toEqual([
      [ROWS.length + 2, 'invalid_value', 'role', 'partner'],
      [ROWS.length + 3, 'out_of_range', 'nps', '11'],
      [ROWS.length + 4, 'out_of_range', 'ratings.support', '9'],
    ]);
    expect(await reconciliation(run, 'reference_scores')).toEqual([3, 2, 1]);
    expect(await quarantineLines(out, 'reference_scores')).toEqual([[4, 'out_of_range', 'nps', '101']]);
  });

  it('brand NPS per period and segment with the respondent-level margin', async () => {
    const rows = await queryOut(out, 'SELECT * FROM benchmark_nps');
    const cells = (brand: string, period: string, segment: string): number[] =>
      ROWS.filter((r) => r[0] === brand && (period === 'all' || (r[2] < '2026-04-01' ? '2026-01-01' : '2026-04-01') === period) && (segment === 'all' || r[4] === segment)).map((r) => r[3]);
    expect(rows.length).toBe(3 * 3 * 3); // brands × (all + 2 quarters) × (all + 2 segments)
    for (const r of rows) {
      const e = npsAndSe(cells(String(r.brand), String(r.period), String(r.segment)));
      expect(N(r.n)).toBe(cells(String(r.brand), String(r.period), String(r.segment)).length);
      expect(N(r.nps)).toBeCloseTo(e.nps, 9);
      expect(N(r.se)).toBeCloseTo(e.se, 9);
      expect(N(r.ci_high) - N(r.nps)).toBeCloseTo(1.959964 * e.se, 4);
    }
  });

  it('gaps with their interval, p-value and Benjamini–Hochberg q-value across all comparisons', async () => {
    const rows = await queryOut(out, 'SELECT * FROM benchmark_gaps ORDER BY competitor, period, segment');
    expect(rows.length).toBe(2 * 3 * 3);
    const byBrand = (b: string, sel: (r: Row) => boolean): number[] => ROWS.filter((r) => r[0] === b && sel(r)).map((r) => r[3]);
    const ps: number[] = [];
    for (const r of rows) {
      const sel = (x: Row): boolean => (r.period === 'all' || (x[2] < '2026-04-01' ? '2026-01-01' : '2026-04-01') === r.period) && (r.segment === 'all' || x[4] === r.segment);
      const o = npsAndSe(byBrand('Us', sel));
      const c = npsAndSe(byBrand(String(r.competitor), sel));
      const se = Math.sqrt(o.se ** 2 + c.se ** 2);
      expect(N(r.gap)).toBeCloseTo(o.nps - c.nps, 9);
      expect(N(r.se)).toBeCloseTo(se, 9);
      const p = 2 * upperTail((o.nps - c.nps) / se);
      expect(N(r.p_value)).toBeCloseTo(p, 6);
      ps.push(p);
      expect(N(r.comparisons)).toBe(18);
    }
    // BH by its definition: q_i = min over j with p_j >= p_i of p_j · m / rank_j
    const m = ps.length;
    const sorted = [...ps].sort((a, b) => a - b);
    rows.forEach((r, i) => {
      const q = Math.min(1, ...sorted.map((pj, j) => (pj >= ps[i]! ? (pj * m) / (j + 1) : Infinity)));
      expect(N(r.q_value)).toBeCloseTo(q, 6);
      expect(r.significant).toBe(q < 0.05);
    });
    const alpha = rows.find((r) => r.competitor === 'Alpha' && r.period === 'all' && r.segment === 'all')!;
    expect(N(alpha.gap)).toBeCloseTo(npsAndSe(byBrand('Us', () => true)).nps - npsAndSe(byBrand('Alpha', () => true)).nps, 9);
    expect(N(alpha.gap)).toBeLessThan(-30); // the known gap: Alpha well ahead
  });

  it('the trend of each gap over the quarters needs three quarters', async () => {
    expect(await queryOut(out, 'SELECT * FROM benchmark_gap_trend')).toEqual([]);
  });

  it('attribute comparison: least-squares importance × rating difference, with bootstrap intervals', async () => {
    const rows = await queryOut(out, "SELECT * FROM benchmark_attribute_gaps WHERE competitor = 'Alpha' ORDER BY attribute");
    const pair = ROWS.filter((r) => r[0] === 'Us' || r[0] === 'Alpha');
    const beta = olsSlopes(pair.map((r) => [r[5], r[6]]), pair.map((r) => points(r[3])));
    const mean = (b: string, k: 5 | 6): number => { const xs = ROWS.filter((r) => r[0] === b).map((r) => r[k]); return xs.reduce((a, c) => a + c, 0) / xs.length; };
    const expected = { quality: { b: beta[0]!, d: mean('Us', 5) - mean('Alpha', 5) }, support: { b: beta[1]!, d: mean('Us', 6) - mean('Alpha', 6) } };
    expect(rows.map((r) => r.attribute)).toEqual(['quality', 'support']);
    for (const r of rows) {
      const e = expected[r.attribute as 'quality' | 'support'];
      expect(N(r.importance)).toBeCloseTo(e.b, 6);
      expect(N(r.difference)).toBeCloseTo(e.d, 9);
      expect(N(r.contribution)).toBeCloseTo(e.b * e.d, 6);
      expect(N(r.contribution_ci_low)).toBeLessThanOrEqual(N(r.contribution_ci_high));
      expect(r.clear).toBe(N(r.contribution_ci_low) > 0 || N(r.contribution_ci_high) < 0);
    }
    // support is where Alpha leads by design (ratings 4-5 against 2-4)
    expect(N(rows.find((r) => r.attribute === 'support')!.difference)).toBeLessThan(-1);
  });

  it('reference figures are reference points: passed through with n and source, never tested', async () => {
    const ref = await queryOut(out, 'SELECT * FROM benchmark_reference ORDER BY brand');
    expect(ref).toEqual([
      { brand: 'Alpha', period: '2025', nps: 55, n: null, source: 'Press release' },
      { brand: 'Industry', period: '2025', nps: 31, n: '1200', source: 'Panel report' },
    ]);
    const gapCompetitors = (await queryOut(out, 'SELECT DISTINCT competitor FROM benchmark_gaps ORDER BY 1')).map((r) => r.competitor);
    expect(gapCompetitors).toEqual(['Alpha', 'Beta']); // no test against the industry figure
    const alphaAll = await queryOut(out, "SELECT competitor_nps, n_competitor FROM benchmark_gaps WHERE competitor = 'Alpha' AND period = 'all' AND segment = 'all'");
    expect(N(alphaAll[0]!.n_competitor)).toBe(24); // the published Alpha figure is not pooled in
    expect(N(alphaAll[0]!.competitor_nps)).toBeCloseTo(npsAndSe(ROWS.filter((r) => r[0] === 'Alpha').map((r) => r[3])).nps, 9);
    expect(run.summary.benchmark).toMatchObject({ computed: true, ownBrand: 'Us', competitors: 2, gaps: 18, referenceFigures: 2 });
  });
});
