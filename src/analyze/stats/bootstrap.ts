/**
 * Seeded bootstrap helpers: sample quantiles, percentile intervals and a generic resampling loop.
 * Every function takes its randomness from an explicit `Rng`, so the same seed gives the same interval.
 */
import { createRng, type Rng } from '../../util/random.ts';

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** Sample quantile (type 7, linear interpolation, as R's default) of already-sorted values. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be in [0, 1], got ${q}`);
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Sorted copy of the finite values (NaN replicates are dropped). */
export function sortFinite(values: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(Array.prototype.filter.call(values, (v: number) => Number.isFinite(v)) as number[]);
  return out.sort();
}

/** Percentile bootstrap interval at `level` (e.g. 0.95 → 2.5 % and 97.5 % quantiles). */
export function percentileInterval(samples: ArrayLike<number>, level = 0.95): Interval {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
  const sorted = sortFinite(samples);
  const alpha = (1 - level) / 2;
  return { low: quantileSorted(sorted, alpha), high: quantileSorted(sorted, 1 - alpha) };
}

/** Standard deviation (n − 1 denominator) of the finite values. */
export function sampleStandardDeviation(values: ArrayLike<number>): number {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    n++;
    const delta = v - mean;
    mean += delta / n;
    m2 += delta * (v - mean);
  }
  return n > 1 ? Math.sqrt(m2 / (n - 1)) : Number.NaN;
}

/**
 * Runs `statistic` on `replicates` resamples; `statistic` receives its own Rng and the replicate
 * index and returns one number (NaN when the resample is degenerate; such replicates are ignored
 * by the interval helpers).
 */
export function bootstrapReplicates(seed: number, replicates: number, statistic: (rng: Rng, replicate: number) => number): Float64Array {
  if (!Number.isInteger(replicates) || replicates < 1) throw new RangeError(`replicates must be a positive integer, got ${replicates}`);
  const rng = createRng(seed);
  const out = new Float64Array(replicates);
  for (let b = 0; b < replicates; b++) out[b] = statistic(rng, b);
  return out;
}

/** Indices of a with-replacement resample of size n. */
export function resampleIndices(rng: Rng, n: number, out?: Uint32Array): Uint32Array {
  const idx = out ?? new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = rng.int(n);
  return idx;
}
