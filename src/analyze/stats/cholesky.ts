/**
 * Cholesky factorisation A = L Lᵀ of a symmetric positive-definite matrix, with singularity
 * detection: a pivot whose remaining variance falls below `tolerance` × its diagonal entry means
 * that row is (numerically) a linear combination of the previous ones.
 */

export class SingularMatrixError extends Error {
  constructor(
    /** index of the first row found dependent on the previous ones */
    readonly index: number,
    message: string,
  ) {
    super(message);
    this.name = 'SingularMatrixError';
  }
}

export const DEFAULT_PIVOT_TOLERANCE = 1e-10;

/** Lower-triangular L (row-major n×n) with A = L Lᵀ; throws SingularMatrixError. */
export function cholesky(a: Float64Array, n: number, tolerance = DEFAULT_PIVOT_TOLERANCE): Float64Array {
  if (a.length !== n * n) throw new RangeError(`expected ${n * n} entries, got ${a.length}`);
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    const scale = Math.abs(a[j * n + j]);
    if (!(d > tolerance * scale) || !(scale > 0)) {
      throw new SingularMatrixError(j, `matrix is singular or not positive definite at row ${j} (pivot ${d.toExponential(3)})`);
    }
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}

/** Solves (L Lᵀ) x = b given the Cholesky factor L. */
export function choleskySolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(b as ArrayLike<number>);
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * x[k];
    x[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

/** A⁻¹ from the Cholesky factor of A (symmetric, row-major). */
export function choleskyInverse(l: Float64Array, n: number): Float64Array {
  const inv = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(l, n, e);
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i];
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = (inv[i * n + j] + inv[j * n + i]) / 2;
      inv[i * n + j] = v;
      inv[j * n + i] = v;
    }
  }
  return inv;
}

/** Solves A x = b for symmetric positive-definite A. */
export function solveSymmetric(a: Float64Array, n: number, b: ArrayLike<number>, tolerance = DEFAULT_PIVOT_TOLERANCE): Float64Array {
  return choleskySolve(cholesky(a, n, tolerance), n, b);
}

/** Inverse of symmetric positive-definite A. */
export function invertSymmetric(a: Float64Array, n: number, tolerance = DEFAULT_PIVOT_TOLERANCE): Float64Array {
  return choleskyInverse(cholesky(a, n, tolerance), n);
}
