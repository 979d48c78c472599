/**
 * Screening of a regression design matrix before fitting: constant columns and columns that are
 * an exact linear combination of earlier ones are dropped (with their names), using the weighted
 * correlation matrix of the columns and the outcome and the same rule as screenDrivers.
 */
import { screenDrivers } from './screen-drivers.ts';
import { InvalidCorrelationError } from './driver-correlation.ts';
import type { DroppedDriver } from './stats-messages.ts';
import { accumulateGram } from './weighted-gram.ts';

export interface ScreenedColumns {
  /** indices of the kept columns */
  readonly kept: readonly number[];
  readonly dropped: readonly DroppedDriver[];
}

/** Weighted correlation matrix of the k columns of `x` (row-major n×k) and y (last). */
export function weightedColumnCorrelation(x: Float64Array, n: number, k: number, y: ArrayLike<number>, weights?: ArrayLike<number>): Float64Array {
  const size = k + 1;
  const mean = new Float64Array(size);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    total += w;
    for (let j = 0; j < k; j++) mean[j] += w * x[i * k + j];
    mean[k] += w * y[i];
  }
  for (let j = 0; j < size; j++) mean[j] /= total;
  // centred on the fly, four rows at a time
  const cross = accumulateGram(n, size, (i, target, offset) => {
    const base = i * k;
    for (let j = 0; j < k; j++) target[offset + j] = x[base + j] - mean[j];
    target[offset + k] = y[i] - mean[k];
    return weights ? weights[i] : 1;
  });
  const out = new Float64Array(size * size);
  for (let a = 0; a < size; a++) {
    for (let b = a; b < size; b++) {
      const va = cross[a * size + a];
      const vb = cross[b * size + b];
      const tiny = (m: number, v: number): boolean => !(v / total > 1e-24 * (m * m + 1));
      const r = tiny(mean[a], va) || tiny(mean[b], vb) ? Number.NaN : a === b ? 1 : Math.max(-1, Math.min(1, cross[a * size + b] / Math.sqrt(va * vb)));
      out[a * size + b] = r;
      out[b * size + a] = r;
    }
  }
  return out;
}

export function screenDesignColumns(
  x: Float64Array,
  n: number,
  k: number,
  y: ArrayLike<number>,
  names: readonly string[],
  weights?: ArrayLike<number>,
  tolerance = 1e-10,
): ScreenedColumns {
  if (k === 0) return { kept: [], dropped: [] };
  const matrix = weightedColumnCorrelation(x, n, k, y, weights);
  try {
    const screened = screenDrivers({ drivers: names, matrix }, { tolerance });
    return { kept: screened.kept, dropped: screened.dropped };
  } catch (error) {
    // every column constant: nothing but the intercept can be fitted
    if (error instanceof InvalidCorrelationError && names.every((_, j) => Number.isNaN(matrix[j * (k + 1) + j]))) {
      return { kept: [], dropped: names.map((name) => ({ name, reason: 'constant' as const, with: [] })) };
    }
    throw error;
  }
}
