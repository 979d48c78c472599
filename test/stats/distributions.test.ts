import { describe, it, expect } from 'vitest';
import { normalCdf, normalQuantile, twoSidedPValue, erf, zCritical } from '../../src/analyze/stats/normal-distribution.ts';
import { npsFromCounts, npsStandardError, npsEstimate, npsCategory } from '../../src/analyze/stats/nps.ts';
import { sampleBinomial, sampleMultinomial, sampleGamma } from '../../src/analyze/stats/random-variates.ts';
import { percentileInterval, quantileSorted, bootstrapReplicates, sampleStandardDeviation } from '../../src/analyze/stats/bootstrap.ts';
import { createRng } from '../../src/util/random.ts';

describe('normal distribution', () => {
  it('matches reference values of Φ (absolute 1e-14, relative 1e-8)', () => {
    const reference: [number, number][] = [
      [0, 0.5],
      [-1, 0.15865525393145707],
      [-1.959963984540054, 0.025],
      [-3, 0.0013498980316300946],
      [-5, 2.866515718791939e-7],
      [-10, 7.619853024160593e-24],
      [1, 0.8413447460685429],
    ];
    for (const [x, p] of reference) {
      expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-14);
      expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(1e-8);
    }
  });

  it('inverts Φ to full precision', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(zCritical(0.9)).toBeCloseTo(1.6448536269514722, 14);
    for (const p of [1e-12, 1e-6, 0.01, 0.2, 0.5, 0.7, 0.99, 1 - 1e-9]) {
      const x = normalQuantile(p);
      expect(Math.abs(normalCdf(x) - p) / Math.min(p, 1 - p)).toBeLessThan(1e-9);
    }
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(Number.isNaN(normalQuantile(1.5))).toBe(true);
  });

  it('gives two-sided p-values and erf', () => {
    expect(twoSidedPValue(1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(twoSidedPValue(-1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(twoSidedPValue(0)).toBe(1);
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 13);
    expect(erf(-0.5)).toBeCloseTo(-0.5204998778130465, 13);
  });
});

describe('NPS helpers', () => {
  it('computes NPS and its standard error', () => {
    expect(npsFromCounts(50, 30, 20)).toBe(30);
    expect(Number.isNaN(npsFromCounts(0, 0, 0))).toBe(true);
    // p = .5, d = .2: sqrt((.7 − .09)/100)
    expect(npsStandardError(0.5, 0.2, 100)).toBeCloseTo(Math.sqrt(0.61 / 100), 15);
    const e = npsEstimate({ promoters: 50, passives: 30, detractors: 20 });
    expect(e.standardError).toBeCloseTo(100 * Math.sqrt(0.0061), 12);
    expect(e.low).toBeCloseTo(30 - 1.959963984540054 * e.standardError, 10);
    expect([10, 9, 8, 7, 6, 0].map(npsCategory)).toEqual(['promoter', 'promoter', 'passive', 'passive', 'detractor', 'detractor']);
  });

  it('standard error matches the spread of simulated NPS', () => {
    const rng = createRng(3);
    const n = 400;
    const draws = bootstrapReplicates(4, 4000, (r) => {
      const c = sampleMultinomial(r, n, [0.45, 0.3, 0.25]);
      return npsFromCounts(c[0], c[1], c[2]);
    });
    expect(rng.next()).toBeGreaterThanOrEqual(0);
    const expected = 100 * npsStandardError(0.45, 0.25, n);
    expect(sampleStandardDeviation(draws) / expected).toBeGreaterThan(0.95);
    expect(sampleStandardDeviation(draws) / expected).toBeLessThan(1.05);
  });
});

describe('random variates', () => {
  it('binomial draws have the right mean and variance, small and large n', () => {
    for (const [n, p] of [
      [10, 0.3],
      [100_000, 0.12],
      [1_000_000, 0.5],
    ] as const) {
      const rng = createRng(n);
      const reps = 3000;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < reps; i++) {
        const v = sampleBinomial(rng, n, p);
        expect(Number.isInteger(v) && v >= 0 && v <= n).toBe(true);
        s += v;
        s2 += v * v;
      }
      const mean = s / reps;
      const variance = s2 / reps - mean * mean;
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(mean - n * p)).toBeLessThan((4 * sd) / Math.sqrt(reps));
      expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.9);
      expect(variance / (n * p * (1 - p))).toBeLessThan(1.1);
    }
    const rng = createRng(1);
    expect(sampleBinomial(rng, 1000, 0)).toBe(0);
    expect(sampleBinomial(rng, 1000, 1)).toBe(1000);
  });

  it('multinomial draws sum to n', () => {
    const rng = createRng(9);
    for (let i = 0; i < 100; i++) {
      const c = sampleMultinomial(rng, 12345, [1, 2, 0, 3, 4, 0.5]);
      expect(c.reduce((a, b) => a + b, 0)).toBe(12345);
      expect(c[2]).toBe(0);
    }
  });

  it('gamma draws have mean = shape', () => {
    const rng = createRng(2);
    for (const shape of [0.3, 1, 7.5]) {
      let s = 0;
      for (let i = 0; i < 20000; i++) s += sampleGamma(rng, shape);
      expect(s / 20000).toBeCloseTo(shape, 1);
    }
  });
});

describe('bootstrap helpers', () => {
  it('computes type-7 quantiles and percentile intervals', () => {
    const sorted = Float64Array.of(1, 2, 3, 4, 5);
    expect(quantileSorted(sorted, 0.25)).toBe(2);
    expect(quantileSorted(sorted, 0.1)).toBeCloseTo(1.4, 14);
    const values = Array.from({ length: 1001 }, (_, i) => 1000 - i);
    const interval = percentileInterval(values, 0.95);
    expect(interval.low).toBeCloseTo(25, 10);
    expect(interval.high).toBeCloseTo(975, 10);
    expect(percentileInterval([Number.NaN, 1, 2, 3], 0.5)).toEqual({ low: 1.5, high: 2.5 });
  });

  it('is reproducible for a seed', () => {
    const f = (seed: number): Float64Array => bootstrapReplicates(seed, 10, (rng) => rng.normal());
    expect(Array.from(f(5))).toEqual(Array.from(f(5)));
    expect(Array.from(f(5))).not.toEqual(Array.from(f(6)));
  });
});
