/**
 * Frequentist checks: over 200 simulated surveys, the 95 % intervals must cover the planted truth
 * at about their nominal rate. Binomial sd of the coverage at 200 runs is 1.5 points, so
 * [0.88, 0.99] fails only for a genuinely miscalibrated interval.
 */
import { describe, it, expect } from 'vitest';
import { bootstrapThemeImpact } from '../../src/analyze/stats/theme-impact.ts';
import { fitLogisticRegression } from '../../src/analyze/stats/logistic-regression.ts';
import { proportionLift } from '../../src/analyze/stats/proportion-lift.ts';
import { createRng } from '../../src/util/random.ts';

const RUNS = 200;

describe('interval coverage', () => {
  it('bootstrap CI of theme impact covers the planted truth ≈95 % of the time', () => {
    // cells: mentions × (P, Pa, D), others × (P, Pa, D)
    const probs = [0.03, 0.05, 0.12, 0.42, 0.23, 0.15];
    const truth = 100 * (probs[0] + probs[3] - probs[2] - probs[5]) - (100 * (probs[3] - probs[5])) / (probs[3] + probs[4] + probs[5]);
    const n = 400;
    let covered = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const rng = createRng(seed);
      const counts = [0, 0, 0, 0, 0, 0];
      for (let i = 0; i < n; i++) {
        let u = rng.next();
        let cell = 0;
        while (cell < 5 && u >= probs[cell]) u -= probs[cell++];
        counts[cell]++;
      }
      const table = {
        mentions: { promoters: counts[0], passives: counts[1], detractors: counts[2] },
        others: { promoters: counts[3], passives: counts[4], detractors: counts[5] },
      };
      const { interval } = bootstrapThemeImpact(table, { replicates: 400, seed: 1000 + seed });
      if (interval.low <= truth && truth <= interval.high) covered++;
    }
    const rate = covered / RUNS;
    expect(rate).toBeGreaterThanOrEqual(0.88);
    expect(rate).toBeLessThanOrEqual(0.99);
  });

  it('logistic Wald CI of a slope covers the planted coefficient ≈95 % of the time', () => {
    const beta0 = -0.5;
    const beta1 = 0.8;
    const n = 400;
    let covered = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const rng = createRng(seed);
      const x = new Float64Array(n * 2);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const x1 = rng.normal();
        const x2 = rng.chance(0.4) ? 1 : 0;
        x[i * 2] = x1;
        x[i * 2 + 1] = x2;
        y[i] = rng.chance(1 / (1 + Math.exp(-(beta0 + beta1 * x1 - 0.3 * x2)))) ? 1 : 0;
      }
      const m = fitLogisticRegression({ x, n, k: 2, y });
      const low = Math.log(m.oddsRatioLow[1]);
      const high = Math.log(m.oddsRatioHigh[1]);
      if (low <= beta1 && beta1 <= high) covered++;
    }
    const rate = covered / RUNS;
    expect(rate).toBeGreaterThanOrEqual(0.88);
    expect(rate).toBeLessThanOrEqual(0.99);
  });

  it('Newcombe interval of a churn-rate difference covers the truth ≈95 % of the time', () => {
    let covered = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const rng = createRng(seed);
      let x1 = 0;
      let x0 = 0;
      for (let i = 0; i < 80; i++) if (rng.chance(0.25)) x1++;
      for (let i = 0; i < 600; i++) if (rng.chance(0.1)) x0++;
      const { differenceInterval } = proportionLift({ events: x1, total: 80 }, { events: x0, total: 600 });
      if (differenceInterval.low <= 0.15 && 0.15 <= differenceInterval.high) covered++;
    }
    expect(covered / RUNS).toBeGreaterThanOrEqual(0.88);
    expect(covered / RUNS).toBeLessThanOrEqual(0.99);
  });
});
