/**
 * The binomial sampler (inversion for n·p < 10, BTRS above, symmetry for p > ½) against the exact
 * probability mass function: chi-square goodness of fit over bins with at least 5 expected draws.
 */
import { describe, it, expect } from 'vitest';
import { sampleBinomial } from '../../src/analyze/stats/random-variates.ts';
import { createRng } from '../../src/util/random.ts';

/** Exact pmf by the ratio recursion in log space. */
function binomialPmf(n: number, p: number): Float64Array {
  const out = new Float64Array(n + 1);
  const lq = Math.log1p(-p);
  const lr = Math.log(p) - lq;
  let lp = n * lq;
  out[0] = Math.exp(lp);
  for (let k = 1; k <= n; k++) {
    lp += Math.log((n - k + 1) / k) + lr;
    out[k] = Math.exp(lp);
  }
  return out;
}

function chiSquare(n: number, p: number, draws: number, sample: () => number): { stat: number; df: number } {
  const counts = new Float64Array(n + 1);
  for (let i = 0; i < draws; i++) {
    const v = sample();
    expect(Number.isInteger(v) && v >= 0 && v <= n).toBe(true);
    counts[v]++;
  }
  const pmf = binomialPmf(n, p);
  // bins: consecutive values merged until each expects ≥ 5 draws
  let stat = 0;
  let bins = 0;
  let expected = 0;
  let observed = 0;
  for (let k = 0; k <= n; k++) {
    expected += pmf[k] * draws;
    observed += counts[k];
    if (expected >= 5 || k === n) {
      stat += (observed - expected) ** 2 / Math.max(expected, 1e-12);
      bins++;
      expected = 0;
      observed = 0;
    }
  }
  return { stat, df: bins - 1 };
}

describe('binomial sampler', () => {
  it.each([
    [30, 0.2], // inversion
    [400, 0.01], // inversion, long tail
    [50, 0.4], // BTRS, small n
    [2000, 0.3], // BTRS
    [1_000_000, 0.5], // BTRS, large n
    [40, 0.85], // symmetry, then BTRS
    [100_000, 0.99995], // symmetry, then inversion
  ])('n = %i, p = %f matches the exact distribution', (n, p) => {
    const rng = createRng(n + Math.round(p * 1000));
    const { stat, df } = chiSquare(n, p, 40_000, () => sampleBinomial(rng, n, p));
    // far right tail of χ²(df): df + 5·sqrt(2·df) (a biased sampler gives statistics in the thousands)
    expect(df).toBeGreaterThan(3);
    expect(stat).toBeLessThan(df + 5 * Math.sqrt(2 * df));
  });

  it('has power: a sampler whose draws are off by one standard deviation 10 % of the time fails', () => {
    const n = 2000;
    const p = 0.3;
    const rng = createRng(3);
    const { stat, df } = chiSquare(n, p, 40_000, () => Math.min(n, sampleBinomial(rng, n, p) + (rng.next() < 0.1 ? 20 : 0)));
    expect(stat).toBeGreaterThan(df + 5 * Math.sqrt(2 * df));
  });

  it('is reproducible and handles the edges', () => {
    const a = createRng(9);
    const b = createRng(9);
    for (let i = 0; i < 100; i++) expect(sampleBinomial(a, 5000, 0.37)).toBe(sampleBinomial(b, 5000, 0.37));
    const rng = createRng(1);
    expect(sampleBinomial(rng, 0, 0.5)).toBe(0);
    expect(sampleBinomial(rng, 10, 0)).toBe(0);
    expect(sampleBinomial(rng, 10, 1)).toBe(10);
    expect(() => sampleBinomial(rng, 2.5, 0.5)).toThrow(RangeError);
    expect(() => sampleBinomial(rng, 10, 1.5)).toThrow(RangeError);
  });
});
