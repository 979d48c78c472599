/**
 * ROI bootstrap: bands up to maxGroups accounts are resampled account by account (unchanged by
 * the option), larger bands by random groups, whose intervals agree with the exact bootstrap.
 */
import { describe, it, expect } from 'vitest';
import { computeRoi, type RoiSettings } from '../../src/analyze/drivers/roi-tables.ts';
import type { ChurnUnit } from '../../src/analyze/drivers/churn-units.ts';
import { createRng } from '../../src/util/random.ts';

function accounts(n: number, seed: number): ChurnUnit[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const meanNps = rng.int(11);
    return {
      unit: 'train', accountId: `a${i}`, refDate: '2026-01-01', churned: rng.chance(meanNps < 7 ? 0.3 : 0.1) ? 1 : 0, segment: 'S', owner: 'O',
      arr: i % 13 === 0 ? Number.NaN : 2000 + rng.int(50_000) * (meanNps < 7 ? 1 : 2), tenureYears: 1, npsResponses: 1, meanNps,
      negativeThemes: [], positiveThemes: [], anyThemes: [],
    };
  });
}

const settings: RoiSettings = { seed: 4, replicates: 400, level: 0.95, minN: 30, renewalMonths: 12, maxLifetimeYears: 10, shareMoved: 0.1 };

describe('ROI bootstrap', () => {
  it('leaves bands of up to maxGroups accounts to the exact account bootstrap', () => {
    const train = accounts(900, 1);
    expect(computeRoi(train, train, { ...settings, maxGroups: 2000 })).toEqual(computeRoi(train, train, settings));
  });

  it('resamples large bands by groups, with intervals close to the exact bootstrap', () => {
    const train = accounts(30_000, 2);
    const exact = computeRoi(train, train, settings);
    const grouped = computeRoi(train, train, { ...settings, maxGroups: 500 });
    expect(grouped).not.toEqual(exact);
    for (const band of ['detractor', 'passive', 'promoter']) {
      const e = exact.categories.find((r) => r.nps_category === band) ?? {};
      const g = grouped.categories.find((r) => r.nps_category === band) ?? {};
      expect(g.mean_arr).toBe(e.mean_arr);
      for (const [low, high] of [['mean_arr_ci_low', 'mean_arr_ci_high'], ['lifetime_value_ci_low', 'lifetime_value_ci_high']]) {
        const width = Number(e[high]) - Number(e[low]);
        expect(width).toBeGreaterThan(0);
        expect(Math.abs(Number(g[low]) - Number(e[low]))).toBeLessThan(0.25 * width);
        expect(Math.abs(Number(g[high]) - Number(e[high]))).toBeLessThan(0.25 * width);
      }
    }
    const [es] = exact.scenario;
    const [gs] = grouped.scenario;
    const width = Number(es?.annual_revenue_gained_ci_high) - Number(es?.annual_revenue_gained_ci_low);
    expect(Math.abs(Number(gs?.annual_revenue_gained_ci_low) - Number(es?.annual_revenue_gained_ci_low))).toBeLessThan(0.25 * width);
  });
});
