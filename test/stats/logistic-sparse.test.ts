/**
 * The sparse path of the Newton iterations (indicator-heavy designs) gives the dense path's fit.
 */
import { describe, it, expect } from 'vitest';
import { buildDesign, fitNewton, sparseGram, sparseRows } from '../../src/analyze/stats/logistic-newton.ts';
import { accumulateGram } from '../../src/analyze/stats/weighted-gram.ts';
import { fitLogisticRegression } from '../../src/analyze/stats/logistic-regression.ts';
import { createRng } from '../../src/util/random.ts';

/** n rows: one of 6 exclusive categories (5 indicator columns), 4 sparse flags, one continuous column. */
function indicatorDesign(seed: number, n: number): { x: Float64Array; y: Float64Array; k: number } {
  const rng = createRng(seed);
  const k = 10;
  const x = new Float64Array(n * k);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cat = rng.int(6);
    if (cat > 0) x[i * k + cat - 1] = 1;
    for (let f = 0; f < 4; f++) if (rng.chance(0.15)) x[i * k + 5 + f] = 1;
    x[i * k + 9] = rng.chance(0.5) ? 0 : rng.normal();
    const eta = -1.5 + 0.3 * cat - 0.2 * x[i * k + 9] + 0.9 * x[i * k + 5] + 0.4 * x[i * k + 7];
    y[i] = rng.chance(1 / (1 + Math.exp(-eta))) ? 1 : 0;
  }
  return { x, y, k };
}

describe('sparse logistic design', () => {
  it('keeps the non-zeros of each row, and only for a sparse enough matrix', () => {
    const sp = sparseRows(Float64Array.of(0, 2, 0, 0, 0, 0, 1, 0, 3), 3, 3);
    expect(sp && Array.from(sp.start)).toEqual([0, 1, 1, 3]);
    expect(sp && Array.from(sp.index)).toEqual([1, 0, 2]);
    expect(sp && Array.from(sp.value)).toEqual([2, 1, 3]);
    expect(sparseRows(Float64Array.of(1, 2, 0, 3), 2, 2)).toBeUndefined();
  });

  it('accumulates the same weighted Gram matrix as the dense rows', () => {
    const { x, k } = indicatorDesign(3, 500);
    const d = buildDesign(x, 500, k, Array.from({ length: k }, (_, j) => j), true);
    expect(d.sparse).toBeDefined();
    const w = Float64Array.from({ length: 500 }, (_, i) => 0.1 + (i % 7) / 10);
    const dense = accumulateGram(500, d.p, (i, target, offset) => {
      for (let j = 0; j < d.p; j++) target[offset + j] = d.x[i * d.p + j];
      return w[i];
    });
    const sparse = d.sparse ? sparseGram(d.sparse, 500, d.p, w) : new Float64Array(0);
    for (let a = 0; a < d.p; a++) for (let b = a; b < d.p; b++) expect(sparse[a * d.p + b]).toBeCloseTo(dense[a * d.p + b], 9);
  });

  it('fits the same coefficients and information through the sparse and the dense rows', () => {
    const n = 4000;
    const { x, y, k } = indicatorDesign(8, n);
    const d = buildDesign(x, n, k, Array.from({ length: k }, (_, j) => j), true);
    const dense = { x: d.x, p: d.p };
    const scale = new Float64Array(d.p).fill(1);
    const args = [y, undefined, new Float64Array(d.p), scale, new Float64Array(d.p), 50] as const;
    const a = fitNewton(d, ...args);
    const b = fitNewton(dense, ...args);
    expect(a.converged).toBe(true);
    expect(a.iterations).toBe(b.iterations);
    for (let j = 0; j < d.p; j++) expect(a.beta[j]).toBeCloseTo(b.beta[j], 10);
    for (let t = 0; t < d.p * d.p; t++) expect(a.information[t]).toBeCloseTo(b.information[t], 6);
    expect(a.logLikelihood).toBeCloseTo(b.logLikelihood, 8);
    // and through the public entry point the planted effects come back
    const m = fitLogisticRegression({ x, n, k, y });
    expect(Math.abs(m.coefficients[6] - 0.9)).toBeLessThan(4 * m.standardErrors[6]);
  });

  it('stops a fit drifting along a separating direction early, with the same verdict', () => {
    // a rare category (40 of 3000 rows) in which nobody churns: quasi-complete separation
    const n = 3000;
    const { x, y, k } = indicatorDesign(12, n);
    for (let i = 0; i < 40; i++) {
      for (let j = 0; j < k; j++) x[i * k + j] = 0;
      x[i * k + 8] = 1;
      y[i] = 0;
    }
    for (let i = 40; i < n; i++) x[i * k + 8] = 0;
    const d = buildDesign(x, n, k, Array.from({ length: k }, (_, j) => j), true);
    const scale = new Float64Array(d.p).fill(1);
    const full = fitNewton(d, y, undefined, new Float64Array(d.p), scale, new Float64Array(d.p), 50);
    const early = fitNewton(d, y, undefined, new Float64Array(d.p), scale, new Float64Array(d.p), 50, 30);
    expect(full.converged || full.maxAbsEta > 30).toBe(true);
    expect(full.maxAbsEta).toBeGreaterThan(30);
    expect(early.converged).toBe(false);
    expect(early.maxAbsEta).toBeGreaterThan(30);
    expect(early.iterations).toBeLessThan(full.iterations);
    const m = fitLogisticRegression({ x, n, k, y });
    expect(m.separation).toBe(true);
    expect(m.coefficients[9]).toBeLessThan(-2);
    // a fit without separation is not stopped: it converges as before
    const clean = indicatorDesign(13, n);
    const dc = buildDesign(clean.x, n, clean.k, Array.from({ length: clean.k }, (_, j) => j), true);
    const a = fitNewton(dc, clean.y, undefined, new Float64Array(dc.p), scale, new Float64Array(dc.p), 50, 30);
    const b = fitNewton(dc, clean.y, undefined, new Float64Array(dc.p), scale, new Float64Array(dc.p), 50);
    expect(a.converged).toBe(true);
    expect(Array.from(a.beta)).toEqual(Array.from(b.beta));
  });
});
