/**
 * In-memory bootstrap of a small row matrix: each resample draws n rows with replacement
 * (as draw counts) and returns the correlation matrix of the resample. For large data, resample
 * inside DuckDB instead and pass a function with the same signature to the noise benchmark.
 */
import type { Rng } from '../../util/random.ts';
import { correlationFromRows } from './driver-correlation.ts';

/** Produces the correlation matrix of one bootstrap resample; may be async (DuckDB). */
export type CorrelationResampler = (replicate: number, rng: Rng) => Float64Array | Promise<Float64Array>;

/** A resampler over a row-major n×k matrix (drivers then outcome, as in the correlation matrix). */
export function rowCorrelationResampler(rows: Float64Array, n: number, k: number): CorrelationResampler {
  if (rows.length !== n * k) throw new RangeError(`expected ${n * k} values for ${n}×${k}, got ${rows.length}`);
  const counts = new Float64Array(n);
  return (_replicate, rng) => {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[rng.int(n)]++;
    return correlationFromRows(rows, n, k, counts);
  };
}
