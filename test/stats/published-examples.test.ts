/**
 * Checks against published outputs of reference implementations on the mtcars data:
 * - R package rwa (Martin Chan), README: rwa(mtcars, "mpg", c("cyl", "disp", "hp", "gear"))
 *   → R² 0.7791896, raw weights cyl .2284797, disp .2221469, hp .2321744, gear .0963886;
 * - R package relaimpo (Grömping 2006), calc.relimp(mpg ~ am + vs + cyl, mtcars, type = "lmg")
 *   → R² 76.2 %, lmg am .1774892, vs .2027032, cyl .3817849.
 */
import { describe, it, expect } from 'vitest';
import { relativeWeights } from '../../src/analyze/stats/relative-weights.ts';
import { shapleyRSquared } from '../../src/analyze/stats/shapley-r-squared.ts';
import { correlationFromRows } from '../../src/analyze/stats/driver-correlation.ts';
import { mtcars } from './mtcars-fixture.ts';

function correlationOf(columns: (keyof typeof mtcars)[]): Float64Array {
  const n = mtcars.mpg.length;
  const k = columns.length;
  const rows = new Float64Array(n * k);
  for (let i = 0; i < n; i++) columns.forEach((c, j) => (rows[i * k + j] = mtcars[c][i]));
  return correlationFromRows(rows, n, k);
}

describe('published examples (mtcars)', () => {
  it("Johnson's relative weights match the rwa package", () => {
    const drivers = ['cyl', 'disp', 'hp', 'gear'] as const;
    const result = relativeWeights({ drivers, matrix: correlationOf([...drivers, 'mpg']) });
    expect(result.rSquared).toBeCloseTo(0.7791896, 7);
    [0.2284797, 0.2221469, 0.2321744, 0.0963886].forEach((w, j) => expect(result.weights[j]).toBeCloseTo(w, 7));
    [29.32274, 28.50999, 29.79691, 12.37037].forEach((w, j) => expect(result.percent[j]).toBeCloseTo(w, 5));
  });

  it('Shapley / LMG matches relaimpo', () => {
    const drivers = ['am', 'vs', 'cyl'] as const;
    const result = shapleyRSquared({ drivers, matrix: correlationOf([...drivers, 'mpg']) });
    expect(result.rSquared).toBeCloseTo(0.762, 3);
    [0.1774892, 0.2027032, 0.3817849].forEach((w, j) => expect(result.weights[j]).toBeCloseTo(w, 7));
  });
});
