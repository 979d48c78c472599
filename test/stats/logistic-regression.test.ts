import { describe, it, expect } from 'vitest';
import { fitLogisticRegression, predictLogistic } from '../../src/analyze/stats/logistic-regression.ts';
import { statsMessages } from '../../src/analyze/stats/stats-messages.ts';
import { createRng } from '../../src/util/random.ts';

/** Rows of a 2×2 table: x ∈ {0,1}, y ∈ {0,1} with the given counts. */
function tableRows(counts: { x0y0: number; x0y1: number; x1y0: number; x1y1: number }): { x: Float64Array; y: Float64Array } {
  const xs: number[] = [];
  const ys: number[] = [];
  const push = (x: number, y: number, c: number): void => {
    for (let i = 0; i < c; i++) {
      xs.push(x);
      ys.push(y);
    }
  };
  push(0, 0, counts.x0y0);
  push(0, 1, counts.x0y1);
  push(1, 0, counts.x1y0);
  push(1, 1, counts.x1y1);
  return { x: Float64Array.from(xs), y: Float64Array.from(ys) };
}

export function simulateLogistic(seed: number, n: number, beta: readonly number[]): { x: Float64Array; y: Float64Array; k: number } {
  const rng = createRng(seed);
  const k = beta.length - 1;
  const x = new Float64Array(n * k);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = beta[0];
    for (let j = 0; j < k; j++) {
      const v = j % 2 === 0 ? rng.normal() : rng.chance(0.3) ? 1 : 0;
      x[i * k + j] = v;
      eta += beta[j + 1] * v;
    }
    y[i] = rng.chance(1 / (1 + Math.exp(-eta))) ? 1 : 0;
  }
  return { x, y, k };
}

describe('logistic regression', () => {
  it('reproduces the 2×2 table by hand: log odds ratio and Woolf standard error', () => {
    // x=0: 30 failures, 10 successes; x=1: 20 failures, 40 successes
    const { x, y } = tableRows({ x0y0: 30, x0y1: 10, x1y0: 20, x1y1: 40 });
    const m = fitLogisticRegression({ x, n: y.length, k: 1, y, names: ['mentions_price'] });
    expect(m.names).toEqual(['(intercept)', 'mentions_price']);
    expect(m.converged).toBe(true);
    expect(m.separation).toBe(false);
    expect(m.coefficients[0]).toBeCloseTo(Math.log(10 / 30), 10);
    expect(m.coefficients[1]).toBeCloseTo(Math.log((40 / 20) / (10 / 30)), 10); // log 6
    expect(m.standardErrors[0]).toBeCloseTo(Math.sqrt(1 / 10 + 1 / 30), 8);
    expect(m.standardErrors[1]).toBeCloseTo(Math.sqrt(1 / 30 + 1 / 10 + 1 / 20 + 1 / 40), 8);
    expect(m.oddsRatios[1]).toBeCloseTo(6, 8);
    const se = Math.sqrt(1 / 30 + 1 / 10 + 1 / 20 + 1 / 40);
    expect(m.oddsRatioLow[1]).toBeCloseTo(6 * Math.exp(-1.959963984540054 * se), 6);
    expect(m.oddsRatioHigh[1]).toBeCloseTo(6 * Math.exp(1.959963984540054 * se), 6);
    // z = log 6 / se = 3.9255, p = 2(1 − Φ(z)) ≈ 8.65e-5
    expect(m.z[1]).toBeCloseTo(Math.log(6) / se, 8);
    expect(m.pValues[1]).toBeGreaterThan(8.5e-5);
    expect(m.pValues[1]).toBeLessThan(8.8e-5);
    // saturated model: fitted probabilities are the cell proportions
    expect(Array.from(predictLogistic(m, Float64Array.of(0, 1), 2, 1)).map((v) => +v.toFixed(10))).toEqual([0.25, 40 / 60].map((v) => +v.toFixed(10)));
  });

  it('treats weights as frequencies', () => {
    const x = Float64Array.of(0, 0, 1, 1);
    const y = Float64Array.of(0, 1, 0, 1);
    const m = fitLogisticRegression({ x, n: 4, k: 1, y, weights: [30, 10, 20, 40] });
    expect(m.coefficients[1]).toBeCloseTo(Math.log(6), 10);
    expect(m.standardErrors[1]).toBeCloseTo(Math.sqrt(1 / 30 + 1 / 10 + 1 / 20 + 1 / 40), 8);
  });

  it('recovers known coefficients on 20,000 simulated accounts', () => {
    const beta = [-1, 0.8, -0.5, 0.3, 1.2, -0.7];
    const { x, y, k } = simulateLogistic(2024, 20_000, beta);
    const m = fitLogisticRegression({ x, n: 20_000, k, y });
    expect(m.converged).toBe(true);
    beta.forEach((b, j) => {
      expect(Math.abs(m.coefficients[j] - b)).toBeLessThan(4 * m.standardErrors[j]);
      expect(Math.abs(m.coefficients[j] - b)).toBeLessThan(0.12);
    });
    expect(m.deviance).toBeLessThan(m.nullDeviance);
  });

  it('drops constant and collinear columns and still fits the rest', () => {
    const { x: base, y, k } = simulateLogistic(5, 2000, [0, 1, 0.5]);
    const n = 2000;
    const x = new Float64Array(n * 4);
    for (let i = 0; i < n; i++) x.set([base[i * k], 7, base[i * k + 1], base[i * k] - 2 * base[i * k + 1]], i * 4);
    const m = fitLogisticRegression({ x, n, k: 4, y, names: ['a', 'always_seven', 'b', 'a_minus_2b'] });
    expect(m.names).toEqual(['(intercept)', 'a', 'b']);
    expect(m.dropped.map((d) => [d.name, d.reason])).toEqual([
      ['always_seven', 'constant'],
      ['a_minus_2b', 'collinear'],
    ]);
    expect(m.messages).toContain(statsMessages.droppedColumns('constant', ['always_seven']));
    expect(m.columns).toEqual([-1, 0, 2]);
    expect(predictLogistic(m, x, n, 4).length).toBe(n);
  });

  it('flags complete separation and falls back to a ridge fit with finite estimates', () => {
    // x perfectly predicts y
    const { x, y } = tableRows({ x0y0: 50, x0y1: 0, x1y0: 0, x1y1: 50 });
    const m = fitLogisticRegression({ x, n: 100, k: 1, y });
    expect(m.separation).toBe(true);
    expect(m.ridge).toBe(0.1);
    expect(m.messages).toContain(statsMessages.separation(0.1));
    expect(Number.isFinite(m.coefficients[1])).toBe(true);
    expect(m.coefficients[1]).toBeGreaterThan(2);
    expect(Number.isFinite(m.standardErrors[1])).toBe(true);
  });

  it('flags quasi-complete separation (one empty cell)', () => {
    const { x, y } = tableRows({ x0y0: 40, x0y1: 20, x1y0: 0, x1y1: 30 });
    const m = fitLogisticRegression({ x, n: 90, k: 1, y });
    expect(m.separation).toBe(true);
    expect(Number.isFinite(m.coefficients[1])).toBe(true);
  });

  it('rejects malformed input', () => {
    expect(() => fitLogisticRegression({ x: new Float64Array(3), n: 2, k: 1, y: [0, 1] })).toThrow(/expected n×k/);
    expect(() => fitLogisticRegression({ x: Float64Array.of(1, 2), n: 2, k: 1, y: [0, 2] })).toThrow(/not in \[0, 1\]/);
    expect(() => fitLogisticRegression({ x: Float64Array.of(1, Number.NaN), n: 2, k: 1, y: [0, 1] })).toThrow(/not finite/);
    expect(() => fitLogisticRegression({ x: Float64Array.of(1, 2, 3), n: 3, k: 1, y: [1, 1, 1] })).toThrow(/single class/);
  });
});
