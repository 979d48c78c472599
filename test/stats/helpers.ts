/** Test fixtures: seeded random correlation matrices and simulated driver data. */
import { createRng } from '../../src/util/random.ts';
import { correlationFromRows } from '../../src/analyze/stats/driver-correlation.ts';

/**
 * Rows of p correlated drivers (one shared factor + own noise) and an outcome
 * y = Σ beta_j x_j + noise; returns the (p+1)×(p+1) sample correlation matrix and the rows.
 */
export function simulateDrivers(seed: number, n: number, beta: readonly number[], factor = 0.6, noise = 1): { rows: Float64Array; matrix: Float64Array } {
  const rng = createRng(seed);
  const p = beta.length;
  const k = p + 1;
  const rows = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const f = rng.normal();
    let y = 0;
    for (let j = 0; j < p; j++) {
      const x = factor * f + rng.normal();
      rows[i * k + j] = x;
      y += beta[j] * x;
    }
    rows[i * k + p] = y + noise * rng.normal();
  }
  return { rows, matrix: correlationFromRows(rows, n, k) };
}

export function names(p: number): string[] {
  return Array.from({ length: p }, (_, i) => `x${i + 1}`);
}

export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}
