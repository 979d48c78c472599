/**
 * Account-level (cluster) bootstrap of theme impact against an independent computation: the same
 * account draws replayed over the individual responses (each response weighted by its account's
 * draw count, NPS computed from the weighted scores), and the documented two-account example.
 */
import { describe, it, expect } from 'vitest';
import { bootstrapClusteredThemeImpacts } from '../../src/analyze/stats/clustered-theme-impact.ts';
import { percentileInterval } from '../../src/analyze/stats/bootstrap.ts';
import { createRng } from '../../src/util/random.ts';
import { meanEstimate, meanOfSums } from '../../src/analyze/stats/score-of-sums.ts';

describe('clustered theme impact', () => {
  it('equals a response-by-response replay of the same account draws', () => {
    const rng = createRng(5);
    // 40 accounts with 1-6 responses each; score and mention depend on the account (clustered)
    const responses: { account: number; score: number; a: boolean; b: boolean }[] = [];
    for (let acc = 0; acc < 40; acc++) {
      const unhappy = acc % 3 === 0;
      for (let j = 0; j <= acc % 6; j++) {
        responses.push({ account: acc, score: unhappy ? rng.int(7) : 5 + rng.int(6), a: rng.chance(unhappy ? 0.6 : 0.1), b: rng.chance(0.3) });
      }
    }
    const cat = (s: number): number => (s >= 9 ? 0 : s >= 7 ? 1 : 2);
    const totals = new Float64Array(40 * 3);
    const byTheme = (has: (r: (typeof responses)[number]) => boolean) => {
      const counts = new Map<number, number[]>();
      for (const r of responses) if (has(r)) {
        const c = counts.get(r.account) ?? [0, 0, 0];
        c[cat(r.score)]++;
        counts.set(r.account, c);
      }
      const groups = [...counts.keys()];
      return { groups: Int32Array.from(groups), counts: Float64Array.from(groups.flatMap((g) => counts.get(g) ?? [])) };
    };
    for (const r of responses) totals[r.account * 3 + cat(r.score)]++;
    const replicates = 400;
    const got = bootstrapClusteredThemeImpacts({ totals, mentions: [byTheme((r) => r.a), byTheme((r) => r.b)] }, { replicates, level: 0.9, seed: 12 });

    // independent replay: NPS over responses, each weighted by its account's draw count
    const nps = (rows: typeof responses, w: (r: (typeof responses)[number]) => number): number => {
      let n = 0;
      let net = 0;
      for (const r of rows) { n += w(r); net += w(r) * (r.score >= 9 ? 1 : r.score <= 6 ? -1 : 0); }
      return (100 * net) / n;
    };
    const impact = (has: (r: (typeof responses)[number]) => boolean, w: (r: (typeof responses)[number]) => number): number =>
      nps(responses, w) - nps(responses.filter((r) => !has(r)), w);
    const replay = new Float64Array(replicates);
    const draws = new Float64Array(40);
    const replayB = new Float64Array(replicates);
    const r2 = createRng(12);
    for (let b = 0; b < replicates; b++) {
      draws.fill(0);
      for (let i = 0; i < 40; i++) draws[r2.int(40)]++;
      replay[b] = impact((r) => r.a, (r) => draws[r.account]);
      replayB[b] = impact((r) => r.b, (r) => draws[r.account]);
    }
    expect(got[0]?.impact).toBeCloseTo(impact((r) => r.a, () => 1), 10);
    expect(got[1]?.impact).toBeCloseTo(impact((r) => r.b, () => 1), 10);
    const ia = percentileInterval(replay, 0.9);
    const ib = percentileInterval(replayB, 0.9);
    expect(got[0]?.interval.low).toBeCloseTo(ia.low, 9);
    expect(got[0]?.interval.high).toBeCloseTo(ia.high, 9);
    expect(got[1]?.interval.low).toBeCloseTo(ib.low, 9);
    expect(got[1]?.interval.high).toBeCloseTo(ib.high, 9);
  });

  it('estimates the impact on a mean (CES, 1–7 effort) from Σ score, Σ score², n: a replay of the same account draws', () => {
    const rng = createRng(8);
    // 30 accounts; those with the theme answer with more effort (higher CES): the impact must be positive
    const responses: { account: number; ces: number; theme: boolean }[] = [];
    for (let acc = 0; acc < 30; acc++) {
      const hard = acc % 4 === 0;
      for (let j = 0; j <= acc % 5; j++) {
        const theme = rng.chance(hard ? 0.7 : 0.1);
        responses.push({ account: acc, ces: theme ? 4 + rng.int(4) : 1 + rng.int(4), theme });
      }
    }
    const sums = (rows: typeof responses): number[] => [rows.reduce((a, r) => a + r.ces, 0), rows.reduce((a, r) => a + r.ces * r.ces, 0), rows.length];
    const totals = Float64Array.from(Array.from({ length: 30 }, (_, a) => sums(responses.filter((r) => r.account === a))).flat());
    const mentioned = [...new Set(responses.filter((r) => r.theme).map((r) => r.account))];
    const mention = { groups: Int32Array.from(mentioned), counts: Float64Array.from(mentioned.flatMap((a) => sums(responses.filter((r) => r.account === a && r.theme)))) };
    const replicates = 300;
    const [got] = bootstrapClusteredThemeImpacts({ totals, mentions: [mention] }, { replicates, level: 0.95, seed: 3, score: meanOfSums });

    const mean = (rows: typeof responses, w: (r: (typeof responses)[number]) => number): number => {
      let n = 0;
      let s = 0;
      for (const r of rows) { n += w(r); s += w(r) * r.ces; }
      return s / n;
    };
    const impact = (w: (r: (typeof responses)[number]) => number): number => mean(responses, w) - mean(responses.filter((r) => !r.theme), w);
    const observed = impact(() => 1);
    expect(observed).toBeGreaterThan(0.3);
    expect(got?.impact).toBeCloseTo(observed, 10);
    const replay = new Float64Array(replicates);
    const draws = new Float64Array(30);
    const r2 = createRng(3);
    for (let b = 0; b < replicates; b++) {
      draws.fill(0);
      for (let i = 0; i < 30; i++) draws[r2.int(30)]++;
      replay[b] = impact((r) => draws[r.account]);
    }
    const expected = percentileInterval(replay, 0.95);
    expect(got?.interval.low).toBeCloseTo(expected.low, 9);
    expect(got?.interval.high).toBeCloseTo(expected.high, 9);
    expect(got!.interval.low).toBeGreaterThan(0);
    // the mean's own interval: mean ± z·sd/√n
    const [s, q, n] = sums(responses);
    const e = meanEstimate(s!, q!, n!, 0.95);
    const sd = Math.sqrt(responses.reduce((a, r) => a + (r.ces - s! / n!) ** 2, 0) / (n! - 1));
    expect(e.value).toBeCloseTo(s! / n!, 12);
    expect(e.high - e.value).toBeCloseTo((1.959963984540054 * sd) / Math.sqrt(n!), 9);
  });

  it('gives the documented two-account example: −100 points, resamples without the others ignored', () => {
    const [r] = bootstrapClusteredThemeImpacts(
      { totals: Float64Array.of(2, 0, 0, 0, 0, 2), mentions: [{ groups: Int32Array.of(1), counts: Float64Array.of(0, 0, 2) }] },
      { replicates: 200, level: 0.95, seed: 1 },
    );
    // NPS_all = (2 − 2)/4 = 0; NPS_without = 100 → −100
    expect(r?.impact).toBe(-100);
    // a resample of account 2 twice leaves nobody without the theme: NaN, counted as degenerate (about a quarter)
    expect(r?.degenerate).toBeGreaterThan(20);
    expect(r?.degenerate).toBeLessThan(80);
  });

  it('rejects a mention group outside the cell and counts that do not come in threes', () => {
    expect(() => bootstrapClusteredThemeImpacts({ totals: Float64Array.of(1, 0, 0), mentions: [{ groups: Int32Array.of(3), counts: Float64Array.of(1, 0, 0) }] }, { replicates: 10, level: 0.95, seed: 1 })).toThrow(RangeError);
    expect(() => bootstrapClusteredThemeImpacts({ totals: Float64Array.of(1, 0), mentions: [] }, { replicates: 10, level: 0.95, seed: 1 })).toThrow(RangeError);
  });
});
