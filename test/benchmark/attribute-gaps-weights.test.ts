/**
 * The attribute-gap bootstrap weighs distinct answers instead of copying resampled answers: the same draws must
 * give the figures a direct computation gives (OLS on the resampled answers themselves), on data with repeated
 * answers and with half-point ratings.
 */
import { describe, expect, it } from 'vitest';
import { attributeGaps } from '../../src/analyze/benchmark/attribute-gaps.ts';
import type { BenchmarkAnswer } from '../../src/analyze/benchmark/benchmark-answer.ts';
import { npsPoints } from '../../src/analyze/benchmark/benchmark-answer.ts';
import { percentileInterval } from '../../src/analyze/stats/bootstrap.ts';
import { solveSymmetric } from '../../src/analyze/stats/cholesky.ts';
import { stableSeed } from '../../src/analyze/drivers/stable-seed.ts';
import { createRng } from '../../src/util/random.ts';

function answers(brand: string, n: number, seed: number, step: number): BenchmarkAnswer[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const a = 1 + step * rng.int(Math.round(4 / step) + 1);
    const b = 1 + rng.int(5);
    const score = Math.min(10, Math.max(0, Math.round(2 * a + b - 3 + rng.int(3))));
    return { brand, role: brand === 'Us' ? 'own' : 'competitor', quarter: '2026-07-01', segment: null, score, ratings: [a, b] } as BenchmarkAnswer;
  });
}

/** The direct computation: means and OLS over the answers as drawn. */
function direct(own: readonly BenchmarkAnswer[], comp: readonly BenchmarkAnswer[]): { difference: number[]; importance: number[] } {
  const mean = (xs: readonly BenchmarkAnswer[], j: number): number => xs.reduce((s, x) => s + (x.ratings[j] as number), 0) / xs.length;
  const xtx = new Float64Array(9);
  const xty = new Float64Array(3);
  for (const r of [...own, ...comp]) {
    const x = [1, r.ratings[0] as number, r.ratings[1] as number];
    for (let a = 0; a < 3; a++) {
      xty[a] += x[a]! * npsPoints(r.score);
      for (let b = 0; b < 3; b++) xtx[a * 3 + b] += x[a]! * x[b]!;
    }
  }
  return { difference: [0, 1].map((j) => mean(own, j) - mean(comp, j)), importance: [...solveSymmetric(xtx, 3, xty)].slice(1) };
}

describe('attribute gaps: bootstrap by weights of distinct answers', () => {
  for (const step of [1, 0.5]) {
    it(`gives the direct computation's point figures and intervals (ratings in steps of ${step})`, () => {
      const own = answers('Us', 300, 1, step);
      const comp = answers('Rival', 250, 2, step);
      const replicates = 200;
      const gaps = attributeGaps([...own, ...comp], { own: 'Us', competitors: ['Rival'], attributes: ['a', 'b'], seed: 7, replicates, minN: 30 });
      const point = direct(own, comp);
      const rng = createRng(stableSeed(7, 'benchmark:Rival'));
      const reps = [0, 1].map(() => ({ d: [] as number[], i: [] as number[], c: [] as number[] }));
      for (let b = 0; b < replicates; b++) {
        const o = Array.from({ length: own.length }, () => own[rng.int(own.length)]!);
        const c = Array.from({ length: comp.length }, () => comp[rng.int(comp.length)]!);
        const s = direct(o, c);
        reps.forEach((r, j) => {
          r.d.push(s.difference[j]!);
          r.i.push(s.importance[j]!);
          r.c.push(s.importance[j]! * s.difference[j]!);
        });
      }
      for (const [j, attribute] of ['a', 'b'].entries()) {
        const g = gaps.find((x) => x.attribute === attribute)!;
        expect(g.difference).toBeCloseTo(point.difference[j]!, 10);
        expect(g.importance).toBeCloseTo(point.importance[j]!, 8);
        const d = percentileInterval(reps[j]!.d);
        const c = percentileInterval(reps[j]!.c);
        expect(g.differenceLow).toBeCloseTo(d.low, 10);
        expect(g.differenceHigh).toBeCloseTo(d.high, 10);
        expect(g.contributionLow).toBeCloseTo(c.low, 8);
        expect(g.contributionHigh).toBeCloseTo(c.high, 8);
      }
    });
  }
});
