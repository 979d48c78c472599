import { describe, it, expect } from 'vitest';
import { cholesky, choleskySolve, invertSymmetric, solveSymmetric, SingularMatrixError } from '../../src/analyze/stats/cholesky.ts';
import { symmetricEigen, symmetricMatrixFunction } from '../../src/analyze/stats/jacobi-eigen.ts';
import { matrixFromRows, multiplyMatrices, multiplyMatrixVector, identityMatrix } from '../../src/analyze/stats/dense-matrix.ts';
import { simulateDrivers } from './helpers.ts';

const spd = matrixFromRows([
  [4, 12, -16],
  [12, 37, -43],
  [-16, -43, 98],
]);

describe('cholesky', () => {
  it('factors the textbook example exactly', () => {
    // A = L Lᵀ with L = [[2,0,0],[6,1,0],[-8,5,3]]
    expect(Array.from(cholesky(spd, 3))).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
  });

  it('solves and inverts', () => {
    const x = solveSymmetric(spd, 3, [1, 2, 3]);
    const back = multiplyMatrixVector(spd, 3, 3, x);
    expect(Array.from(back).map((v) => +v.toFixed(10))).toEqual([1, 2, 3]);
    const inv = invertSymmetric(spd, 3);
    const product = multiplyMatrices(spd, inv, 3, 3, 3);
    const eye = identityMatrix(3);
    product.forEach((v, i) => expect(v).toBeCloseTo(eye[i], 10));
    expect(Array.from(choleskySolve(cholesky(spd, 3), 3, [1, 2, 3]))).toEqual(Array.from(x));
  });

  it('detects a singular row and names it', () => {
    // third row = first + second
    const singular = matrixFromRows([
      [1, 0.5, 1.5],
      [0.5, 1, 1.5],
      [1.5, 1.5, 3],
    ]);
    let caught: unknown;
    try {
      cholesky(singular, 3);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SingularMatrixError);
    expect((caught as SingularMatrixError).index).toBe(2);
  });

  it('rejects an indefinite matrix', () => {
    expect(() => cholesky(matrixFromRows([[1, 2], [2, 1]]), 2)).toThrow(SingularMatrixError);
  });
});

describe('symmetricEigen', () => {
  it('diagonalises a 2×2 correlation matrix', () => {
    const { values, vectors } = symmetricEigen(matrixFromRows([[1, 0.6], [0.6, 1]]), 2);
    expect(values[0]).toBeCloseTo(1.6, 14);
    expect(values[1]).toBeCloseTo(0.4, 14);
    expect(Math.abs(vectors[0])).toBeCloseTo(Math.SQRT1_2, 14);
  });

  it('satisfies A V = V D and VᵀV = I on a random 12×12 correlation matrix', () => {
    const { matrix } = simulateDrivers(7, 300, new Array(11).fill(0.2));
    const n = 12;
    const { values, vectors } = symmetricEigen(matrix, n);
    const av = multiplyMatrices(matrix, vectors, n, n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(av[i * n + j]).toBeCloseTo(vectors[i * n + j] * values[j], 12);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += vectors[k * n + a] * vectors[k * n + b];
        expect(s).toBeCloseTo(a === b ? 1 : 0, 12);
      }
    }
    for (let j = 1; j < n; j++) expect(values[j]).toBeLessThanOrEqual(values[j - 1]);
    const sqrt = symmetricMatrixFunction({ values, vectors }, n, Math.sqrt);
    const square = multiplyMatrices(sqrt, sqrt, n, n, n);
    square.forEach((v, i) => expect(v).toBeCloseTo(matrix[i], 12));
  });
});
