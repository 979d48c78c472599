/**
 * Covariate patterns: a discrete design collapses into its distinct (row, y) patterns with
 * summed weights, and the logistic fit on the patterns equals the fit on the rows.
 */
import { describe, it, expect } from 'vitest';
import { collapseRows } from '../../src/analyze/stats/collapse-rows.ts';
import { fitLogisticRegression } from '../../src/analyze/stats/logistic-regression.ts';
import { createRng } from '../../src/util/random.ts';

function discrete(seed: number, n: number): { x: Float64Array; y: Float64Array; k: number } {
  const rng = createRng(seed);
  const k = 5;
  const x = new Float64Array(n * k);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const band = rng.int(3);
    if (band > 0) x[i * k + band - 1] = 1;
    x[i * k + 2] = rng.chance(0.3) ? 1 : 0;
    x[i * k + 3] = rng.chance(0.1) ? 1 : 0;
    x[i * k + 4] = rng.int(4) / 2; // a small-integer "tenure band"
    const eta = -1.2 + 0.4 * band + 0.9 * x[i * k + 2] - 0.5 * x[i * k + 4];
    y[i] = rng.chance(1 / (1 + Math.exp(-eta))) ? 1 : 0;
  }
  return { x, y, k };
}

describe('covariate patterns', () => {
  it('collapses equal rows with equal outcomes, summing their weights, in order of first appearance', () => {
    const x = Float64Array.of(1, 0, 0, 1, 1, 0, 1, 0, 0, 1);
    const y = [1, 0, 1, 0, 0];
    const c = collapseRows(x, 5, 2, y, [1, 2, 3, 4, 5], 1);
    expect(c?.n).toBe(3);
    expect(Array.from(c?.x ?? [])).toEqual([1, 0, 0, 1, 1, 0]);
    expect(Array.from(c?.y ?? [])).toEqual([1, 0, 0]);
    expect(Array.from(c?.weights ?? [])).toEqual([1 + 3, 2 + 5, 4]);
  });

  it('gives up when most rows are distinct (a continuous covariate)', () => {
    const rng = createRng(2);
    const n = 5000;
    const x = Float64Array.from({ length: n * 2 }, (_, t) => (t % 2 === 0 ? rng.normal() : 1));
    expect(collapseRows(x, n, 2, new Float64Array(n))).toBeNull();
  });

  it('fits the same model on the patterns as on the rows, weights included', () => {
    const n = 20_000;
    const { x, y, k } = discrete(7, n);
    const patterns = collapseRows(x, n, k, y);
    expect(patterns?.n).toBeLessThan(100);
    const weights = Float64Array.from({ length: n }, (_, i) => 1 + (i % 3));
    for (const w of [undefined, weights]) {
      const a = fitLogisticRegression({ x, n, k, y, weights: w });
      const b = fitLogisticRegression({ x, n, k, y, weights: w, collapse: false });
      expect(a.names).toEqual(b.names);
      for (let j = 0; j < a.coefficients.length; j++) {
        expect(a.coefficients[j]).toBeCloseTo(b.coefficients[j], 9);
        expect(a.standardErrors[j]).toBeCloseTo(b.standardErrors[j], 9);
      }
      expect(a.logLikelihood).toBeCloseTo(b.logLikelihood, 6);
      expect(a.nullDeviance).toBeCloseTo(b.nullDeviance, 6);
      expect(a.separation).toBe(b.separation);
    }
  });
});
