import { describe, it, expect } from 'vitest';
import { penaltyReward, attributeBoxesFromRows, boxCutoffs, boxStatsFromNpsCounts, type AttributeBoxes } from '../../src/analyze/stats/penalty-reward.ts';
import { createRng } from '../../src/util/random.ts';
import { npsFromCounts } from '../../src/analyze/stats/nps.ts';

const box = (n: number, meanValue: number) => ({ n, sum: n * meanValue });

describe('penalty–reward', () => {
  it('computes penalties and rewards and classifies by the documented rule', () => {
    const attributes: AttributeBoxes[] = [
      { attribute: 'reliability', bottom: box(50, 2), middle: box(100, 7), top: box(80, 7.5) }, // P 5, R .5
      { attribute: 'ease_of_use', bottom: box(50, 4), middle: box(100, 6), top: box(80, 8) }, // P 2, R 2
      { attribute: 'innovation', bottom: box(50, 6.4), middle: box(100, 6.5), top: box(80, 9.5) }, // P .1, R 3
      { attribute: 'packaging', bottom: box(50, 6.6), middle: box(100, 6.8), top: box(80, 7) }, // P .2, R .2
      { attribute: 'rare', bottom: box(3, 1), middle: box(100, 7), top: box(80, 9) },
    ];
    const result = penaltyReward(attributes);
    // penalties judged against their mean (5 + 2 + .1 + .2) / 4 = 1.825, rewards against (.5 + 2 + 3 + .2) / 4 = 1.425
    expect(result.map((r) => [r.attribute, r.category])).toEqual([
      ['reliability', 'basic'],
      ['ease_of_use', 'performance'],
      ['innovation', 'excitement'],
      ['packaging', 'low-impact'],
      ['rare', 'insufficient-data'],
    ]);
    expect(result[0].penalty).toBeCloseTo(5, 12);
    expect(result[0].reward).toBeCloseTo(0.5, 12);
    expect(Number.isNaN(result[0].penaltyStandardError)).toBe(true);
    expect(penaltyReward(attributes, { threshold: 2.5 }).map((r) => r.category)).toEqual(['basic', 'low-impact', 'excitement', 'low-impact', 'insufficient-data']);
  });

  it('judges penalties and rewards against their own means, so larger rewards do not make everything "excitement"', () => {
    // on an NPS outcome every reward exceeds every penalty (top box turns passives into promoters)
    const attributes: AttributeBoxes[] = [
      { attribute: 'reliability', bottom: box(50, 0), middle: box(100, 10), top: box(80, 40) }, // P 10, R 30
      { attribute: 'support', bottom: box(50, 6), middle: box(100, 10), top: box(80, 25) }, // P 4, R 15
      { attribute: 'value', bottom: box(50, 8), middle: box(100, 10), top: box(80, 60) }, // P 2, R 50
      { attribute: 'ease', bottom: box(50, 1), middle: box(100, 10), top: box(80, 22) }, // P 9, R 12
    ];
    // mean penalty 6.25, mean reward 26.75
    expect(penaltyReward(attributes).map((r) => [r.attribute, r.category])).toEqual([
      ['reliability', 'performance'],
      ['support', 'low-impact'],
      ['value', 'excitement'],
      ['ease', 'basic'],
    ]);
  });

  it('builds boxes from rows and requires significance when sums of squares are known', () => {
    const rng = createRng(8);
    const n = 3000;
    const ratings = new Float64Array(n);
    const outcome = new Float64Array(n);
    const noisy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      ratings[i] = 1 + rng.int(5);
      // must-be: low ratings hurt a lot, high ratings add nothing
      outcome[i] = (ratings[i] <= 2 ? 3 : 7) + rng.normal();
      noisy[i] = 7 + 3 * rng.normal();
    }
    const cut = boxCutoffs(1, 5);
    expect(cut).toEqual({ bottomMax: 2, topMin: 4 });
    const boxes = attributeBoxesFromRows('support', ratings, outcome, cut);
    expect(boxes.bottom.n + boxes.middle.n + boxes.top.n).toBe(n);
    const [support, noise] = penaltyReward([boxes, attributeBoxesFromRows('noise', ratings, noisy, cut)], { threshold: 0.05 });
    expect(support.penalty).toBeCloseTo(4, 0);
    expect(Math.abs(support.reward)).toBeLessThan(0.2);
    expect(support.category).toBe('basic');
    expect(support.penaltyStandardError).toBeGreaterThan(0);
    // pure noise exceeds the tiny threshold by chance at most, but is not significant
    expect(noise.category).toBe('low-impact');
  });

  it('works in NPS points from promoter / passive / detractor counts per box', () => {
    const bottom = { promoters: 5, passives: 15, detractors: 80 };
    const middle = { promoters: 40, passives: 40, detractors: 20 };
    const top = { promoters: 70, passives: 25, detractors: 5 };
    const [r] = penaltyReward([
      { attribute: 'onboarding', bottom: boxStatsFromNpsCounts(bottom), middle: boxStatsFromNpsCounts(middle), top: boxStatsFromNpsCounts(top) },
    ]);
    expect(r.penalty).toBeCloseTo(npsFromCounts(40, 40, 20) - npsFromCounts(5, 15, 80), 12); // 20 − (−75) = 95
    expect(r.reward).toBeCloseTo(65 - 20, 12);
    // the box mean of ±100 scores has variance (p + d − (p − d)²)·100² / n, as the NPS standard error
    expect(r.penaltyStandardError).toBeGreaterThan(0);
  });

  it('rejects inconsistent input', () => {
    expect(() => attributeBoxesFromRows('a', [1, 2], [1], boxCutoffs(1, 5))).toThrow(/ratings/);
    expect(() => attributeBoxesFromRows('a', [1], [1], { bottomMax: 4, topMin: 2 })).toThrow(/cutoff/);
  });
});
