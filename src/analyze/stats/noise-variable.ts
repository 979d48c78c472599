/**
 * Appends a pure-noise variable to a correlation matrix without touching the rows.
 * For m standardized variables with correlation R on n rows and an independent N(0, 1) noise
 * column e, the sample correlations of e with the variables are exactly distributed as
 *   c = L g / sqrt(gᵀg + χ²₍ₙ₋₁₋ₘ₎),  R = L Lᵀ, g ~ N(0, Iₘ),
 * because Vᵀe ~ N(0, (n−1)R) and the part of e outside the variables' span is an independent
 * χ²₍ₙ₋₁₋ₘ₎. So the noise benchmark works on the sufficient statistic DuckDB returns.
 */
import type { Rng } from '../../util/random.ts';
import { cholesky } from './cholesky.ts';
import { sampleChiSquare } from './random-variates.ts';

/**
 * `matrix` is (p+1)×(p+1) with the outcome last; returns (p+2)×(p+2) with the noise variable
 * inserted as driver p (just before the outcome), as it would be with a noise column on n rows.
 */
export function appendNoiseVariable(matrix: Float64Array, size: number, n: number, rng: Rng): Float64Array {
  if (!(n > size + 1)) throw new RangeError(`need more rows (${n}) than variables + 2 (${size + 2}) to add a noise variable`);
  const l = cholesky(matrix, size, 1e-12);
  const g = new Float64Array(size);
  let gg = 0;
  for (let i = 0; i < size; i++) {
    g[i] = rng.normal();
    gg += g[i] * g[i];
  }
  const norm = Math.sqrt(gg + sampleChiSquare(rng, n - 1 - size));
  const c = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let s = 0;
    for (let j = 0; j <= i; j++) s += l[i * size + j] * g[j];
    c[i] = s / norm;
  }
  const out = new Float64Array((size + 1) * (size + 1));
  const p = size - 1;
  // new order: drivers 0..p−1, noise (index p), outcome (index p+1)
  const source = (i: number): number => (i < p ? i : i === p ? -1 : p);
  for (let i = 0; i <= size; i++) {
    for (let j = 0; j <= size; j++) {
      const a = source(i);
      const b = source(j);
      out[i * (size + 1) + j] = a < 0 && b < 0 ? 1 : a < 0 ? c[b] : b < 0 ? c[a] : matrix[a * size + b];
    }
  }
  return out;
}
