/**
 * Checks against published outputs of reference implementations on the mtcars data:
 * - R package rwa (Martin Chan), README: rwa(mtcars, "mpg", c("cyl", "disp", "hp", "gear"))
 *   → R² 0.7791896, raw weights cyl .2284797, disp .2221469, hp .2321744, gear .0963886;
 * - R package relaimpo (Grömping 2006), calc.relimp(mpg ~ am + vs + cyl, mtcars, type = "lmg")
 *   → R² 76.2 %, lmg am .1774892, vs .2027032, cyl .3817849;
 * - R glm(vs ~ mpg, family = binomial, mtcars) → intercept −8.8331 (SE 3.1623, p 0.00522),
 *   mpg 0.4304 (SE 0.1584, z 2.717, p 0.00659), null deviance 43.860, residual deviance 25.533.
 */
import { describe, it, expect } from 'vitest';
import { relativeWeights } from '../../src/analyze/stats/relative-weights.ts';
import { shapleyRSquared } from '../../src/analyze/stats/shapley-r-squared.ts';
import { correlationFromRows } from '../../src/analyze/stats/driver-correlation.ts';
import { fitLogisticRegression } from '../../src/analyze/stats/logistic-regression.ts';
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

  it("logistic regression matches R's glm", () => {
    const n = mtcars.mpg.length;
    const m = fitLogisticRegression({ x: Float64Array.from(mtcars.mpg), n, k: 1, y: mtcars.vs, names: ['mpg'] });
    expect(m.coefficients[0]).toBeCloseTo(-8.8331, 4);
    expect(m.coefficients[1]).toBeCloseTo(0.4304, 4);
    expect(m.standardErrors[0]).toBeCloseTo(3.1623, 4);
    expect(m.standardErrors[1]).toBeCloseTo(0.1584, 4);
    expect(m.z[1]).toBeCloseTo(2.717, 3);
    expect(m.pValues[0]).toBeCloseTo(0.00522, 5);
    expect(m.pValues[1]).toBeCloseTo(0.00659, 5);
    expect(m.nullDeviance).toBeCloseTo(43.86, 3);
    expect(m.deviance).toBeCloseTo(25.533, 3);
  });
});
