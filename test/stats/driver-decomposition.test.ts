import { describe, it, expect } from 'vitest';
import { relativeWeights, relativeWeightsOfMatrix } from '../../src/analyze/stats/relative-weights.ts';
import { shapleyRSquared, shapleyOfMatrix } from '../../src/analyze/stats/shapley-r-squared.ts';
import { allSubsetsRSquared } from '../../src/analyze/stats/subset-r-squared.ts';
import { solveSymmetric } from '../../src/analyze/stats/cholesky.ts';
import { submatrix, matrixFromRows } from '../../src/analyze/stats/dense-matrix.ts';
import { correlationFromRows } from '../../src/analyze/stats/driver-correlation.ts';
import { statsMessages } from '../../src/analyze/stats/stats-messages.ts';
import { simulateDrivers, names, sum } from './helpers.ts';

/** R² of a subset by a direct Cholesky solve: r_Sᵀ R_SS⁻¹ r_S. */
function directRSquared(matrix: Float64Array, p: number, subset: number[]): number {
  if (subset.length === 0) return 0;
  const size = p + 1;
  const rss = submatrix(matrix, size, subset);
  const rsy = subset.map((i) => matrix[i * size + p]);
  const b = solveSymmetric(rss, subset.length, rsy);
  return rsy.reduce((s, r, i) => s + r * b[i], 0);
}

const twoDrivers = matrixFromRows([
  [1, 0.2, 0.5],
  [0.2, 1, 0.3],
  [0.5, 0.3, 1],
]);

describe('all-subsets R²', () => {
  it('matches a direct solve for every subset of 8 drivers', () => {
    const p = 8;
    const { matrix } = simulateDrivers(3, 500, [0.5, 0.3, 0.2, 0.1, 0, 0.4, -0.2, 0.05]);
    const r2 = allSubsetsRSquared(matrix, p);
    for (let mask = 0; mask < 2 ** p; mask++) {
      const subset = Array.from({ length: p }, (_, i) => i).filter((i) => mask & (1 << i));
      expect(r2[mask]).toBeCloseTo(directRSquared(matrix, p, subset), 12);
    }
  });
});

describe('shapley / LMG', () => {
  it('matches the two-driver closed form', () => {
    const { weights, rSquared } = shapleyOfMatrix(twoDrivers, 2);
    const full = (0.25 + 0.09 - 2 * 0.2 * 0.5 * 0.3) / (1 - 0.04);
    expect(rSquared).toBeCloseTo(full, 14);
    expect(weights[0]).toBeCloseTo((0.25 + full - 0.09) / 2, 14);
    expect(weights[1]).toBeCloseTo((0.09 + full - 0.25) / 2, 14);
  });

  it('matches a brute-force permutation average and sums to R² (5 drivers)', () => {
    const p = 5;
    const { matrix } = simulateDrivers(11, 400, [0.6, 0.3, 0.2, 0.1, -0.3]);
    const result = shapleyRSquared({ drivers: names(p), matrix });
    // Shapley = average over all p! orderings of the R² gain when the driver enters.
    const perms: number[][] = [];
    const permute = (prefix: number[], rest: number[]): void => {
      if (rest.length === 0) perms.push(prefix);
      rest.forEach((v, i) => permute([...prefix, v], [...rest.slice(0, i), ...rest.slice(i + 1)]));
    };
    permute([], [0, 1, 2, 3, 4]);
    const expected = new Array(p).fill(0);
    for (const order of perms) {
      for (let t = 0; t < p; t++) {
        const before = directRSquared(matrix, p, order.slice(0, t));
        const after = directRSquared(matrix, p, order.slice(0, t + 1));
        expected[order[t]] += (after - before) / perms.length;
      }
    }
    expected.forEach((v, j) => expect(result.weights[j]).toBeCloseTo(v, 12));
    expect(sum(result.weights)).toBeCloseTo(result.rSquared, 12);
    expect(result.rSquared).toBeCloseTo(directRSquared(matrix, p, [0, 1, 2, 3, 4]), 12);
    expect(sum(result.percent)).toBeCloseTo(100, 10);
  });

  it('is exact and fast for 20 drivers', () => {
    const p = 20;
    const beta = Array.from({ length: p }, (_, j) => (j % 4) * 0.1);
    const { matrix } = simulateDrivers(5, 2000, beta);
    const t0 = performance.now();
    const result = shapleyRSquared({ drivers: names(p), matrix });
    const elapsed = performance.now() - t0;
    expect(sum(result.weights)).toBeCloseTo(directRSquared(matrix, p, Array.from({ length: p }, (_, i) => i)), 10);
    expect(elapsed).toBeLessThan(10_000);
    // drivers with beta 0.3 get more than drivers with beta 0
    expect(result.weights[3]).toBeGreaterThan(result.weights[0]);
  });
});

describe("Johnson's relative weights", () => {
  it('matches the closed form for two drivers', () => {
    const r = 0.2;
    const c = (Math.sqrt(1 + r) + Math.sqrt(1 - r)) / 2;
    const s = (Math.sqrt(1 + r) - Math.sqrt(1 - r)) / 2;
    const det = Math.sqrt(1 - r * r);
    const b1 = (c * 0.5 - s * 0.3) / det;
    const b2 = (-s * 0.5 + c * 0.3) / det;
    const { weights, rSquared } = relativeWeightsOfMatrix(twoDrivers, 2);
    expect(weights[0]).toBeCloseTo(c * c * b1 * b1 + s * s * b2 * b2, 14);
    expect(weights[1]).toBeCloseTo(s * s * b1 * b1 + c * c * b2 * b2, 14);
    expect(rSquared).toBeCloseTo((0.25 + 0.09 - 2 * 0.2 * 0.5 * 0.3) / (1 - 0.04), 14);
  });

  it('sums to the full-model R² on correlated drivers', () => {
    const p = 10;
    const { matrix } = simulateDrivers(9, 800, [0.5, 0.4, 0.3, 0.2, 0.1, 0, 0, -0.1, 0.2, 0.3]);
    const result = relativeWeights({ drivers: names(p), matrix });
    expect(sum(result.weights)).toBeCloseTo(directRSquared(matrix, p, Array.from({ length: p }, (_, i) => i)), 12);
    expect(sum(result.percent)).toBeCloseTo(100, 10);
    result.weights.forEach((w) => expect(w).toBeGreaterThanOrEqual(0));
  });

  it('equals squared standardized betas (= Shapley shares) for orthogonal drivers', () => {
    const matrix = matrixFromRows([
      [1, 0, 0, 0.5],
      [0, 1, 0, 0.3],
      [0, 0, 1, -0.2],
      [0.5, 0.3, -0.2, 1],
    ]);
    const rw = relativeWeights({ drivers: names(3), matrix });
    const sh = shapleyRSquared({ drivers: names(3), matrix });
    [0.25, 0.09, 0.04].forEach((v, j) => {
      expect(rw.weights[j]).toBeCloseTo(v, 14);
      expect(sh.weights[j]).toBeCloseTo(v, 14);
    });
  });
});

describe('collinearity screening', () => {
  it('drops constant and collinear drivers with a message, and analyses the rest', () => {
    // x3 = x1 + x2 exactly; x4 constant (NaN correlations, as DuckDB corr() gives)
    const { rows } = simulateDrivers(21, 300, [0.5, 0.3]);
    const n = 300;
    const k = 5;
    const data = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      const x1 = rows[i * 3];
      const x2 = rows[i * 3 + 1];
      data.set([x1, x2, x1 + x2, 4, rows[i * 3 + 2]], i * k);
    }
    const matrix = correlationFromRows(data, n, k);
    for (const method of [relativeWeights, shapleyRSquared]) {
      const result = method({ drivers: ['x1', 'x2', 'x1_plus_x2', 'always_four'], matrix });
      expect(result.drivers).toEqual(['x1', 'x2']);
      expect(result.dropped).toEqual([
        { name: 'x1_plus_x2', reason: 'collinear', with: ['x1', 'x2'] },
        { name: 'always_four', reason: 'constant', with: [] },
      ]);
      expect(result.message).toBe(statsMessages.droppedDrivers(result.dropped));
      expect(result.message).toContain('always_four');
      expect(result.message).toContain('x1_plus_x2');
      expect(sum(result.weights)).toBeCloseTo(result.rSquared, 12);
    }
  });

  it('rejects a constant outcome and malformed matrices', () => {
    const matrix = matrixFromRows([
      [1, Number.NaN],
      [Number.NaN, Number.NaN],
    ]);
    expect(() => relativeWeights({ drivers: ['a'], matrix })).toThrow(statsMessages.constantOutcome());
    expect(() => relativeWeights({ drivers: ['a', 'b'], matrix: twoDrivers.subarray(0, 4) })).toThrow(/driver names/);
    const asym = Float64Array.from(twoDrivers);
    asym[1] = 0.9;
    expect(() => shapleyRSquared({ drivers: ['a', 'b'], matrix: asym })).toThrow(/not symmetric/);
  });
});

describe('analyzeDrivers', () => {
  it('dispatches by method name through the public index', async () => {
    const stats = await import('../../src/analyze/stats/index.ts');
    const input = { drivers: ['a', 'b'], matrix: twoDrivers };
    expect(stats.analyzeDrivers(input, 'shapley').weights).toEqual(stats.shapleyRSquared(input).weights);
    expect(stats.analyzeDrivers(input, 'relative-weights').method).toBe('relative-weights');
  });
});
