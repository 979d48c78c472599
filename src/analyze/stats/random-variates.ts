/**
 * Exact random variates on top of the seeded `Rng`: gamma (Marsaglia–Tsang), beta, chi-square,
 * binomial and multinomial. Binomial draws cost O(log n) (Devroye's beta splitting), so a
 * count-based bootstrap of 100,000 responses costs a handful of draws per resample, not 100,000.
 */
import type { Rng } from '../../util/random.ts';

/** Gamma(shape, 1) by Marsaglia & Tsang (2000); shape < 1 via the u^(1/shape) boost. */
export function sampleGamma(rng: Rng, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
  if (shape < 1) {
    let u = rng.next();
    while (u === 0) u = rng.next();
    return sampleGamma(rng, shape + 1) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (u > 0 && Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) as G₁ / (G₁ + G₂). */
export function sampleBeta(rng: Rng, a: number, b: number): number {
  const x = sampleGamma(rng, a);
  const y = sampleGamma(rng, b);
  return x / (x + y);
}

/** Chi-square with `df` degrees of freedom (df > 0). */
export function sampleChiSquare(rng: Rng, df: number): number {
  return 2 * sampleGamma(rng, df / 2);
}

const SMALL_N = 24;

/**
 * Binomial(n, p), exact. Small n: sum of Bernoulli draws. Large n: the k-th smallest of n
 * uniforms is Beta(k, n+1−k); comparing it with p tells on which side of k the count lies,
 * and the problem recurses on one half (Devroye 1986, ch. X.4).
 */
export function sampleBinomial(rng: Rng, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomial n must be a non-negative integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial p must be in [0, 1], got ${p}`);
  let count = 0;
  let trials = n;
  let prob = p;
  while (trials > SMALL_N) {
    if (prob <= 0) return count;
    if (prob >= 1) return count + trials;
    const k = (trials + 1) >> 1;
    const v = sampleBeta(rng, k, trials + 1 - k);
    if (prob < v) {
      trials = k - 1;
      prob = prob / v;
    } else {
      count += k;
      trials = trials - k;
      prob = (prob - v) / (1 - v);
    }
  }
  for (let i = 0; i < trials; i++) if (rng.next() < prob) count++;
  return count;
}

/**
 * Multinomial(n, probs) by sequential conditional binomials; `probs` need not be normalised.
 * Writes into `out` when given (avoids allocation in bootstrap loops).
 */
export function sampleMultinomial(rng: Rng, n: number, probs: ArrayLike<number>, out?: Float64Array): Float64Array {
  const k = probs.length;
  const result = out ?? new Float64Array(k);
  let total = 0;
  for (let i = 0; i < k; i++) {
    if (!(probs[i] >= 0)) throw new RangeError(`multinomial probabilities must be >= 0, got ${probs[i]} at ${i}`);
    total += probs[i];
  }
  if (!(total > 0)) throw new RangeError('multinomial probabilities sum to zero');
  let remainingN = n;
  let remainingP = total;
  for (let i = 0; i < k - 1; i++) {
    if (remainingN === 0) {
      result[i] = 0;
      continue;
    }
    const share = remainingP > 0 ? probs[i] / remainingP : 1;
    const draw = sampleBinomial(rng, remainingN, Math.min(1, Math.max(0, share)));
    result[i] = draw;
    remainingN -= draw;
    remainingP -= probs[i];
  }
  result[k - 1] = remainingN;
  return result;
}
