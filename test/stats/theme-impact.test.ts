import { describe, it, expect } from 'vitest';
import { themeImpact, bootstrapThemeImpact } from '../../src/analyze/stats/theme-impact.ts';
import { proportionLift, wilsonInterval } from '../../src/analyze/stats/proportion-lift.ts';

const table = {
  mentions: { promoters: 10, passives: 20, detractors: 70 },
  others: { promoters: 600, passives: 200, detractors: 100 },
};

describe('theme impact', () => {
  it('is NPS_all − NPS_without_theme', () => {
    // NPS_all = (610 − 170)/1000 = 44; NPS_without = 500/900 = 55.56
    expect(themeImpact(table)).toBeCloseTo(44 - 500 / 9, 12);
  });

  it('bootstraps the 2×3 table reproducibly with a sensible interval', () => {
    const result = bootstrapThemeImpact(table, { replicates: 2000, seed: 3 });
    expect(result.impact).toBeCloseTo(44 - 500 / 9, 12);
    expect(result.interval.low).toBeLessThan(result.impact);
    expect(result.interval.high).toBeGreaterThan(result.impact);
    expect(result.interval.high).toBeLessThan(0);
    expect(result.pValue).toBeLessThan(0.01);
    expect(result.degenerate).toBe(0);
    // delta-method check: impact = (m/N)(NPS_all... ) — the SE should be a few points here
    expect(result.standardError).toBeGreaterThan(0.5);
    expect(result.standardError).toBeLessThan(3);
    expect(bootstrapThemeImpact(table, { replicates: 2000, seed: 3 })).toEqual(result);
  });

  it('handles 100,000 responses in O(cells) per resample', () => {
    const big = {
      mentions: { promoters: 2000, passives: 3000, detractors: 5000 },
      others: { promoters: 45000, passives: 27000, detractors: 18000 },
    };
    const t0 = performance.now();
    const result = bootstrapThemeImpact(big, { replicates: 1000, seed: 1 });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(result.interval.high - result.interval.low).toBeLessThan(2);
  });

  it('rejects bad counts', () => {
    expect(() => bootstrapThemeImpact({ mentions: { promoters: -1, passives: 0, detractors: 0 }, others: table.others })).toThrow(/non-negative/);
  });
});

describe('proportion lift', () => {
  it('computes difference (Newcombe), ratio (Katz) and the pooled z-test', () => {
    const lift = proportionLift({ events: 30, total: 100 }, { events: 100, total: 1000 });
    expect(lift.rateWith).toBe(0.3);
    expect(lift.rateWithout).toBe(0.1);
    expect(lift.difference).toBeCloseTo(0.2, 14);
    expect(lift.ratio).toBeCloseTo(3, 14);
    // Katz: se(log RR) = sqrt(1/30 − 1/100 + 1/100 − 1/1000)
    const se = Math.sqrt(1 / 30 - 1 / 100 + 1 / 100 - 1 / 1000);
    expect(lift.ratioInterval.low).toBeCloseTo(3 * Math.exp(-1.959963984540054 * se), 10);
    // Wilson 30/100: [0.2189, 0.3958] (published tables)
    const w = wilsonInterval(30, 100);
    expect(w.low).toBeCloseTo(0.2189, 4);
    expect(w.high).toBeCloseTo(0.3958, 4);
    expect(lift.differenceInterval.low).toBeGreaterThan(0.1);
    expect(lift.differenceInterval.high).toBeLessThan(0.3);
    expect(lift.pValue).toBeLessThan(1e-6);
  });

  it('stays finite with zero events', () => {
    const lift = proportionLift({ events: 0, total: 20 }, { events: 5, total: 200 });
    expect(lift.ratio).toBe(0);
    expect(Number.isFinite(lift.ratioInterval.high)).toBe(true);
    expect(lift.differenceInterval.low).toBeGreaterThanOrEqual(-1);
    expect(() => proportionLift({ events: 5, total: 3 }, { events: 1, total: 2 })).toThrow(/events <= total/);
  });
});
