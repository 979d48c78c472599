import { describe, it, expect } from 'vitest';
import { benchmarkAgainstNoise } from '../../src/analyze/stats/noise-benchmark.ts';
import { appendNoiseVariable } from '../../src/analyze/stats/noise-variable.ts';
import { rowCorrelationResampler } from '../../src/analyze/stats/resample-rows.ts';
import { correlationFromRows } from '../../src/analyze/stats/driver-correlation.ts';
import { createRng } from '../../src/util/random.ts';
import { simulateDrivers, names } from './helpers.ts';

describe('noise variable from the correlation matrix', () => {
  it('has the sampling spread of a real noise column (sd ≈ 1/sqrt(n)) and keeps the matrix valid', () => {
    const n = 200;
    const { matrix } = simulateDrivers(1, n, [0.5, 0.2, 0.1]);
    const rng = createRng(2);
    let s2 = 0;
    const reps = 4000;
    for (let b = 0; b < reps; b++) {
      const augmented = appendNoiseVariable(matrix, 4, n, rng);
      const c = augmented[3 * 5 + 4]; // noise (index 3) × outcome (index 4)
      s2 += c * c;
      if (b === 0) {
        expect(augmented[3 * 5 + 3]).toBe(1);
        expect(augmented[0 * 5 + 4]).toBe(matrix[0 * 4 + 3]);
      }
    }
    // E[r²] = 1/(n−1) for an independent column
    expect(s2 / reps / (1 / (n - 1))).toBeGreaterThan(0.93);
    expect(s2 / reps / (1 / (n - 1))).toBeLessThan(1.07);
  });

  it('matches the distribution of an explicit noise column', () => {
    // compare the R² gained by noise in both constructions (mean over replicates)
    const n = 60;
    const { rows, matrix } = simulateDrivers(3, n, [0.6, 0.3]);
    const rng = createRng(4);
    const reps = 3000;
    let viaMatrix = 0;
    let viaRows = 0;
    const withNoise = new Float64Array(n * 4);
    for (let b = 0; b < reps; b++) {
      const a = appendNoiseVariable(matrix, 3, n, rng);
      viaMatrix += a[2 * 4 + 0] ** 2 + a[2 * 4 + 1] ** 2 + a[2 * 4 + 3] ** 2;
      for (let i = 0; i < n; i++) withNoise.set([rows[i * 3], rows[i * 3 + 1], rng.normal(), rows[i * 3 + 2]], i * 4);
      const r = correlationFromRows(withNoise, n, 4);
      viaRows += r[2 * 4 + 0] ** 2 + r[2 * 4 + 1] ** 2 + r[2 * 4 + 3] ** 2;
    }
    expect(viaMatrix / viaRows).toBeGreaterThan(0.93);
    expect(viaMatrix / viaRows).toBeLessThan(1.07);
  });
});

describe('benchmarkAgainstNoise', () => {
  for (const method of ['relative-weights', 'shapley'] as const) {
    it(`separates real drivers from null ones (${method})`, async () => {
      const n = 600;
      const beta = [0.6, 0.35, 0, 0];
      const { rows, matrix } = simulateDrivers(10, n, beta, 0.3);
      const result = await benchmarkAgainstNoise({ drivers: names(4), matrix }, rowCorrelationResampler(rows, n, 5), {
        n,
        method,
        replicates: 150,
        seed: 7,
      });
      expect(result.failed).toBe(0);
      expect(result.drivers.map((d) => d.significant)).toEqual([true, true, false, false]);
      for (const d of result.drivers) {
        expect(d.interval.low).toBeLessThanOrEqual(d.weight);
        expect(d.interval.high).toBeGreaterThanOrEqual(d.weight);
      }
      expect(result.drivers[0].shareAboveNoise).toBe(1);
      // same seed → same result
      const again = await benchmarkAgainstNoise({ drivers: names(4), matrix }, rowCorrelationResampler(rows, n, 5), { n, method, replicates: 150, seed: 7 });
      expect(again.drivers).toEqual(result.drivers);
    });
  }

  it('accepts an async resampler (as a DuckDB-backed one would be)', async () => {
    const n = 300;
    const { rows, matrix } = simulateDrivers(12, n, [0.5, 0.1]);
    const inner = rowCorrelationResampler(rows, n, 3);
    const result = await benchmarkAgainstNoise({ drivers: names(2), matrix }, async (b, rng) => inner(b, rng), { n, replicates: 40 });
    expect(result.replicates).toBe(40);
    expect(result.drivers[0].significant).toBe(true);
  });
});
