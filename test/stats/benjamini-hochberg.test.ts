import { describe, expect, it } from 'vitest';
import { benjaminiHochbergQValues, countDiscoveries } from '../../src/analyze/stats/benjamini-hochberg.ts';

describe('benjaminiHochbergQValues', () => {
  it('matches p.adjust(method = "BH") on a hand-computed family', () => {
    // p sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4); m = 4
    // raw p·m/rank: 0.02, 0.02, 0.04, 0.04; running minimum from the top: 0.04, 0.04, 0.02, 0.02
    expect(benjaminiHochbergQValues([0.01, 0.04, 0.03, 0.005])).toEqual([0.02, 0.04, 0.04, 0.02]);
  });

  it('takes the running minimum from the largest p down (monotone q)', () => {
    // p = 0.01, 0.02, 0.03, 0.04, 0.05 (m = 5): p·m/rank = 0.05 for every rank
    const q = benjaminiHochbergQValues([0.05, 0.01, 0.03, 0.02, 0.04]);
    for (const value of q) expect(value).toBeCloseTo(0.05, 12);
    // p = 0.001, 0.2, 0.21 (m = 3): 0.003, 0.3, 0.21 → running min from the top: 0.21, 0.21, 0.003
    const r = benjaminiHochbergQValues([0.2, 0.001, 0.21]);
    expect(r[0]).toBeCloseTo(0.21, 12);
    expect(r[1]).toBeCloseTo(0.003, 12);
    expect(r[2]).toBeCloseTo(0.21, 12);
  });

  it('caps at 1, keeps NaN out of m, handles ties and the empty family', () => {
    const q = benjaminiHochbergQValues([0.9, Number.NaN, 0.8]);
    // m = 2: 0.8·2/1 = 1.6 → capped; 0.9·2/2 = 0.9; running min from the top: 0.9, 0.9
    expect(q[0]).toBeCloseTo(0.9, 12);
    expect(Number.isNaN(q[1])).toBe(true);
    expect(q[2]).toBeCloseTo(0.9, 12);
    expect(benjaminiHochbergQValues([0.02, 0.02])).toEqual([0.02, 0.02]);
    expect(benjaminiHochbergQValues([])).toEqual([]);
  });

  it('matches figures from R p.adjust(method = "BH"), ties and a missing p-value included', () => {
    // Source: R 4.2.2 Patched (2022-11-10 r83330), stats::p.adjust, options(digits = 17):
    //   p <- c(0.041, 0.0008, 0.012, 0.012, 0.3, 0.049, 0.012, 0.74, 0.0301, 0.049, 1)
    //   p.adjust(p, method = "BH")
    //   p.adjust(c(0.02, NA, 0.5, 0.02), method = "BH")   # NA stays NA and is left out of m
    const p = [0.041, 0.0008, 0.012, 0.012, 0.3, 0.049, 0.012, 0.74, 0.0301, 0.049, 1];
    const fromR = [
      0.067375000000000004, 0.0088000000000000005, 0.033000000000000002, 0.033000000000000002, 0.36666666666666670,
      0.067375000000000004, 0.033000000000000002, 0.81400000000000006, 0.066220000000000001, 0.067375000000000004, 1,
    ];
    const q = benjaminiHochbergQValues(p);
    expect(q).toHaveLength(fromR.length);
    q.forEach((v, i) => expect(Math.abs(v - fromR[i]), `q[${i}]`).toBeLessThan(1e-15));
    const withMissing = benjaminiHochbergQValues([0.02, Number.NaN, 0.5, 0.02]);
    expect(withMissing[0]).toBeCloseTo(0.03, 15);
    expect(Number.isNaN(withMissing[1])).toBe(true);
    expect(withMissing[2]).toBeCloseTo(0.5, 15);
    expect(withMissing[3]).toBeCloseTo(0.03, 15);
  });

  it('counts discoveries at a level', () => {
    expect(countDiscoveries([0.01, 0.049, 0.05, Number.NaN], 0.05)).toBe(2);
  });
});
