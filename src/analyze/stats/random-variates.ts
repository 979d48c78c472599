/**
 * Exact random variates on top of the seeded `Rng`: gamma (Marsaglia–Tsang), beta, chi-square,
 * binomial and multinomial. Binomial draws cost O(1) expected (inversion when n·p < 10, else
 * Hörmann's transformed rejection BTRS with about 1.2 uniform pairs a draw), so a count-based
 * bootstrap of 1,000,000 responses costs a handful of uniforms per resample, not 1,000,000.
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

/**
 * Binomial(n, p), exact. By symmetry p ≤ ½. When n·p < 10: inversion, walking the probabilities
 * up from P(0) = (1−p)ⁿ with the ratio P(k)/P(k−1) (numpy's random_binomial_inversion). Otherwise
 * BTRS, transformed rejection with squeeze (Hörmann 1993, "The generation of binomial random
 * variates"; the acceptance test compares log v with the log ratio of the pmf at k and its mode,
 * written with Stirling tails as in TensorFlow's implementation).
 */
export function sampleBinomial(rng: Rng, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomial n must be a non-negative integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial p must be in [0, 1], got ${p}`);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  if (p > 0.5) return n - sampleBinomial(rng, n, 1 - p);
  return n * p < 10 ? binomialInversion(rng, n, p) : binomialBtrs(rng, n, p);
}

function binomialInversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const qn = Math.exp(n * Math.log1p(-p));
  const np = n * p;
  const bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1));
  let x = 0;
  let px = qn;
  let u = rng.next();
  while (u > px) {
    x++;
    if (x > bound) {
      x = 0;
      px = qn;
      u = rng.next();
    } else {
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
  }
  return x;
}

/** log(k!) − [(k + ½)·log(k + 1) − (k + 1) + ½·log(2π)]: the Stirling series tail. */
const STIRLING_TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
  0.0138761288230707, 0.0118967099458917, 0.010411265261972, 0.00925546218271273, 0.00833056343336287,
];

function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[k];
  const kp1sq = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

function binomialBtrs(rng: Rng, n: number, p: number): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / (1 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);
  const logRatioMode = (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) + stirlingTail(m) + stirlingTail(n - m);
  for (;;) {
    const u = rng.next() - 0.5;
    let v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || k > n) continue;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound = logRatioMode + (n + 1) * Math.log((n - m + 1) / (n - k + 1)) + (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) - stirlingTail(k) - stirlingTail(n - k);
    if (v <= bound) return k;
  }
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
