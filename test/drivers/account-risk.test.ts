/**
 * Attributable ARR at risk through collapsed covariate patterns and draw-contiguous coefficient
 * draws equals the account-by-account computation with the same draws; the sparse model rows
 * give the dense dot products and quadratic forms; the account-bootstrap coefficient draws are the
 * one-step refits written out densely, and their spread matches a full refit per resample.
 */
import { describe, it, expect } from 'vitest';
import { createRng } from '../../src/util/random.ts';
import { fitLogisticRegression, percentileInterval, sampleStandardDeviation } from '../../src/analyze/stats/index.ts';
import { accountBootstrapCoefficients } from '../../src/analyze/drivers/account-bootstrap-coefficients.ts';
import { buildDesignSpec, designMatrix } from '../../src/analyze/drivers/design-matrix.ts';
import { fitChurnModel } from '../../src/analyze/drivers/churn-model-table.ts';
import { logisticCovariance } from '../../src/analyze/drivers/logistic-covariance.ts';
import { scoreAccounts, themeArrAtRisk } from '../../src/analyze/drivers/account-risk.ts';
import { sparseModelRows, sparseDot, sparseQuadraticForm, patternKey } from '../../src/analyze/drivers/sparse-model-rows.ts';
import { THEMES, units } from './risk-units.ts';

describe('ARR at risk by covariate patterns', () => {
  const train = units(5, 3000, 'train');
  const active = units(6, 3000, 'score');
  const spec = buildDesignSpec(train, { themes: THEMES, includePositive: false, arrBands: [20_000, 100_000], useTenure: true });
  const fit = fitChurnModel(spec, train, 0.95);
  const covariance = logisticCovariance(fit.model, fit.x, fit.n, fit.k);
  const x = designMatrix(spec, active);
  const k = spec.columns.length;
  const input = { model: fit.model, covariance, spec, x, units: active, level: 0.95 };
  const p = fit.model.columns.length;
  const dense = (i: number, beta: ArrayLike<number>): number =>
    fit.model.columns.reduce((acc, c, j) => acc + beta[j] * (c < 0 ? 1 : x[i * k + c]), 0);

  it('sparse rows reproduce the dense linear predictor and its variance; equal rows share a key', () => {
    const rows = sparseModelRows(fit.model, x, active.length, k);
    const keys = new Set<string>();
    for (let i = 0; i < active.length; i++) {
      expect(sparseDot(rows, i, fit.model.coefficients)).toBe(dense(i, fit.model.coefficients));
      let v = 0;
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) {
        const za = fit.model.columns[a] < 0 ? 1 : x[i * k + fit.model.columns[a]];
        const zb = fit.model.columns[b] < 0 ? 1 : x[i * k + fit.model.columns[b]];
        v += za * covariance[a * p + b] * zb;
      }
      expect(sparseQuadraticForm(rows, i, covariance, p)).toBeCloseTo(v, 12);
      keys.add(patternKey(rows, i));
    }
    // far fewer patterns than accounts, yet more than one
    expect(keys.size).toBeGreaterThan(10);
    expect(keys.size).toBeLessThan(active.length / 2);
    expect(() => sparseModelRows(fit.model, x, active.length + 1, k)).toThrow(RangeError);
  });

  it('equals the account-by-account sums with the same coefficient draws', () => {
    const draws = 200;
    const weight = (segment: string): number => (segment === 'Ent' ? 2 : 1);
    const betaDraws = accountBootstrapCoefficients({ model: fit.model, covariance, x: fit.x, n: fit.n, k: fit.k, y: fit.y }, draws, 17, 2000);
    const got = themeArrAtRisk(input, weight, betaDraws);
    // reference: every account on its own, with the same draws
    const sig = (e: number): number => 1 / (1 + Math.exp(-e));
    const themeCoef = THEMES.map((t) => fit.model.columns.indexOf(spec.columns.findIndex((c) => c.name === `theme:${t}:negative`)));
    const column = THEMES.map((t) => spec.columns.findIndex((c) => c.name === `theme:${t}:negative`));
    const attributable = (beta: ArrayLike<number>, weighted: boolean): number[] => THEMES.map((_, t) => {
      let sum = 0;
      active.forEach((u, i) => {
        if (!Number.isFinite(u.arr) || x[i * k + column[t]] === 0) return;
        const eta = dense(i, beta);
        sum += (weighted ? weight(u.segment) : 1) * u.arr * (sig(eta) - sig(eta - beta[themeCoef[t]]));
      });
      return sum;
    });
    const samples = THEMES.map(() => new Float64Array(draws));
    for (let b = 0; b < draws; b++) {
      const beta = Array.from({ length: p }, (_, a) => betaDraws[a * draws + b]);
      attributable(beta, false).forEach((v, t) => (samples[t][b] = v));
    }
    const point = attributable(fit.model.coefficients, false);
    const weighted = attributable(fit.model.coefficients, true);
    THEMES.forEach((theme, t) => {
      const row = got.find((r) => r.themeId === theme);
      const interval = percentileInterval(samples[t], 0.95);
      expect(row?.arrAtRisk).toBeCloseTo(point[t], 6);
      expect(row?.weightedArrAtRisk).toBeCloseTo(weighted[t], 6);
      expect(row?.low).toBeCloseTo(interval.low, 6);
      expect(row?.high).toBeCloseTo(interval.high, 6);
      const across = samples[t].filter((v) => (point[t] > 0 ? v <= 0 : v >= 0)).length;
      expect(row?.pValue).toBeCloseTo(Math.min(1, (2 * across) / draws), 12);
    });
    // billing is planted: its attributable ARR is positive and its interval excludes 0
    const billing = got.find((r) => r.themeId === 'billing');
    expect(billing?.low).toBeGreaterThan(0);
  });

  it('account-bootstrap draws are one Newton step from the estimate on each resample of the accounts', () => {
    const n = 300;
    const small = train.slice(0, n);
    const sFit = fitChurnModel(buildDesignSpec(small, { themes: THEMES, includePositive: false, arrBands: [20_000], useTenure: false }), small, 0.95);
    const sCov = logisticCovariance(sFit.model, sFit.x, sFit.n, sFit.k);
    const sp = sFit.model.columns.length;
    const draws = 5;
    const got = accountBootstrapCoefficients({ model: sFit.model, covariance: sCov, x: sFit.x, n, k: sFit.k, y: sFit.y }, draws, 9, 2000);
    // reference: the same account draws (one rng.int(n) per account and resample), dense scores
    const rng = createRng(9);
    const z = (i: number, j: number): number => (sFit.model.columns[j] < 0 ? 1 : sFit.x[i * sFit.k + sFit.model.columns[j]]);
    const residual = Array.from({ length: n }, (_, i) => {
      let eta = 0;
      for (let j = 0; j < sp; j++) eta += sFit.model.coefficients[j] * z(i, j);
      return sFit.y[i] - 1 / (1 + Math.exp(-eta));
    });
    for (let b = 0; b < draws; b++) {
      const w = new Array<number>(n).fill(-1);
      for (let t = 0; t < n; t++) w[rng.int(n)]++;
      const u = Array.from({ length: sp }, (_, j) => w.reduce((acc, wi, i) => acc + wi * z(i, j) * residual[i], 0));
      for (let a = 0; a < sp; a++) {
        const expected = sFit.model.coefficients[a] + u.reduce((acc, uc, c) => acc + sCov[a * sp + c] * uc, 0);
        expect(got[a * draws + b]).toBeCloseTo(expected, 9);
      }
    }
  });

  it('account-bootstrap draws spread like a full refit per resample (within 15 %)', () => {
    const n = 1500;
    const sub = train.slice(0, n);
    const sSpec = buildDesignSpec(sub, { themes: THEMES, includePositive: false, arrBands: [20_000], useTenure: false });
    const sFit = fitChurnModel(sSpec, sub, 0.95);
    const sCov = logisticCovariance(sFit.model, sFit.x, sFit.n, sFit.k);
    const draws = 300;
    const oneStep = accountBootstrapCoefficients({ model: sFit.model, covariance: sCov, x: sFit.x, n, k: sFit.k, y: sFit.y }, draws, 4, 2000);
    const rng = createRng(99);
    const billing = sFit.model.names.indexOf('theme:billing:negative');
    const refits = new Float64Array(draws);
    for (let b = 0; b < draws; b++) {
      const counts = new Float64Array(n);
      for (let t = 0; t < n; t++) counts[rng.int(n)]++;
      const m = fitLogisticRegression({ x: sFit.x, n, k: sFit.k, y: sFit.y, weights: counts, names: sSpec.columns.map((c) => c.name) });
      refits[b] = m.coefficients[m.names.indexOf('theme:billing:negative')];
    }
    const sdOneStep = sampleStandardDeviation(oneStep.subarray(billing * draws, (billing + 1) * draws));
    const sdRefit = sampleStandardDeviation(refits);
    expect(sdOneStep / sdRefit).toBeGreaterThan(0.85);
    expect(sdOneStep / sdRefit).toBeLessThan(1.15);
  });

  it('with theme × log ARR interactions, removes the main effect and the interaction of the account (dense reference)', () => {
    const iSpec = buildDesignSpec(train, { themes: THEMES, includePositive: false, arrBands: [20_000, 100_000], useTenure: false, themeArrInteractions: true, minInteractionAccounts: 30 });
    const iFit = fitChurnModel(iSpec, train, 0.95);
    const iCov = logisticCovariance(iFit.model, iFit.x, iFit.n, iFit.k);
    const ix = designMatrix(iSpec, active);
    const ik = iSpec.columns.length;
    const draws = 50;
    const betaDraws = accountBootstrapCoefficients({ model: iFit.model, covariance: iCov, x: iFit.x, n: iFit.n, k: iFit.k, y: iFit.y }, draws, 2, 2000);
    const got = themeArrAtRisk({ model: iFit.model, covariance: iCov, spec: iSpec, x: ix, units: active, level: 0.95 }, () => 1, betaDraws);
    // centre of ln ARR over the training accounts with ARR, computed here
    const logs = train.filter((u) => Number.isFinite(u.arr)).map((u) => Math.log(u.arr));
    const centre = logs.reduce((a, b) => a + b, 0) / logs.length;
    const coef = (name: string): number => iFit.model.coefficients[iFit.model.names.indexOf(name)] ?? 0;
    const sig = (e: number): number => 1 / (1 + Math.exp(-e));
    const eta = (i: number): number => iFit.model.columns.reduce((acc, c, j) => acc + iFit.model.coefficients[j] * (c < 0 ? 1 : ix[i * ik + c]), 0);
    for (const theme of THEMES) {
      const main = coef(`theme:${theme}:negative`);
      const slope = iFit.model.names.includes(`theme:${theme}:negative×log_arr`) ? coef(`theme:${theme}:negative×log_arr`) : 0;
      let expected = 0;
      active.forEach((u, i) => {
        if (!Number.isFinite(u.arr) || !u.negativeThemes.includes(theme)) return;
        const delta = main + slope * (Math.log(u.arr) - centre);
        expected += u.arr * (sig(eta(i)) - sig(eta(i) - delta));
      });
      expect(got.find((r) => r.themeId === theme)?.arrAtRisk).toBeCloseTo(expected, 6);
    }
    expect(iFit.model.names.filter((nm) => nm.endsWith('×log_arr')).length).toBe(THEMES.length);
  });

  it('scores accounts with the dense linear predictor', () => {
    const risk = scoreAccounts(input);
    for (let i = 0; i < active.length; i += 37) expect(risk.probability[i]).toBe(1 / (1 + Math.exp(-dense(i, fit.model.coefficients))));
  });

  it('stays finite when e^{-η} overflows (probabilities of 0 for every draw)', () => {
    const coefficients = Float64Array.from(fit.model.coefficients, (b, j) => (j === 0 ? -900 : b));
    const extreme = { ...input, model: { ...fit.model, coefficients } };
    const rows = themeArrAtRisk(extreme, () => 1, accountBootstrapCoefficients({ model: fit.model, covariance, x: fit.x, n: fit.n, k: fit.k, y: fit.y }, 50, 3, 2000));
    for (const r of rows) {
      expect(r.arrAtRisk).toBe(0);
      expect(Number.isFinite(r.low) && Number.isFinite(r.high)).toBe(true);
    }
  });
});
