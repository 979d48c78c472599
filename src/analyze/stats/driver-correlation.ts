/**
 * The input of every driver decomposition: the correlation matrix of p drivers plus the outcome,
 * as DuckDB's corr() produces it (missing / undefined correlations as NaN). The outcome is the
 * last row and column. Working from this sufficient statistic means the rows never leave DuckDB.
 */
import { squareSize, asymmetry } from './dense-matrix.ts';
import { statsMessages } from './stats-messages.ts';

export interface DriverCorrelation {
  /** driver names in matrix order (p of them) */
  readonly drivers: readonly string[];
  /** (p+1)×(p+1) row-major correlation matrix; the outcome is the last row / column */
  readonly matrix: Float64Array;
}

export class InvalidCorrelationError extends Error {
  override name = 'InvalidCorrelationError';
}

/** Checks shapes and values; returns p. NaN entries are allowed (constant variables). */
export function checkDriverCorrelation(input: DriverCorrelation): number {
  const size = squareSize(input.matrix);
  const p = size - 1;
  if (p !== input.drivers.length) {
    throw new InvalidCorrelationError(statsMessages.badMatrix(`${input.drivers.length} driver names for a ${size}×${size} matrix (expected ${size - 1})`));
  }
  if (p < 1) throw new InvalidCorrelationError(statsMessages.badMatrix('no drivers'));
  const filled = Float64Array.from(input.matrix, (v) => (Number.isNaN(v) ? 0 : v));
  const asym = asymmetry(filled, size);
  if (asym > 1e-8) throw new InvalidCorrelationError(statsMessages.badMatrix(`not symmetric (max |r_ij − r_ji| = ${asym.toExponential(2)})`));
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const v = input.matrix[i * size + j];
      if (Number.isNaN(v)) continue;
      if (!Number.isFinite(v) || Math.abs(v) > 1 + 1e-9) {
        throw new InvalidCorrelationError(statsMessages.badMatrix(`entry (${i}, ${j}) = ${v} is outside [−1, 1]`));
      }
    }
  }
  return p;
}

/**
 * Pearson correlation matrix of the columns of a row-major n×k matrix (two-pass, exact), with
 * optional frequency weights (a bootstrap resample is a weight vector of draw counts).
 * Columns with no variance get NaN correlations (like DuckDB's corr()) and NaN on the diagonal.
 */
export function correlationFromRows(rows: Float64Array, n: number, k: number, weights?: ArrayLike<number>): Float64Array {
  if (rows.length !== n * k) throw new RangeError(`expected ${n * k} values for ${n}×${k}, got ${rows.length}`);
  if (weights && weights.length !== n) throw new RangeError(`expected ${n} weights, got ${weights.length}`);
  const mean = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    total += w;
    for (let j = 0; j < k; j++) mean[j] += w * rows[i * k + j];
  }
  for (let j = 0; j < k; j++) mean[j] /= total;
  const cross = new Float64Array(k * k);
  const centred = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    for (let j = 0; j < k; j++) centred[j] = rows[i * k + j] - mean[j];
    for (let a = 0; a < k; a++) {
      const ca = w * centred[a];
      for (let b = a; b < k; b++) cross[a * k + b] += ca * centred[b];
    }
  }
  const out = new Float64Array(k * k);
  const constant = (j: number): boolean => !(cross[j * k + j] / total > 1e-24 * (mean[j] * mean[j] + 1));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const r = constant(a) || constant(b) ? Number.NaN : a === b ? 1 : Math.max(-1, Math.min(1, cross[a * k + b] / Math.sqrt(cross[a * k + a] * cross[b * k + b])));
      out[a * k + b] = r;
      out[b * k + a] = r;
    }
  }
  return out;
}
