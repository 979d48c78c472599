/**
 * Small dense matrices stored row-major in a Float64Array (entry (i, j) of an n×m matrix at i*m + j).
 * These helpers are for the p×p correlation-sized matrices of driver analysis (p ≲ 50).
 */

/** Row-major Float64Array from nested arrays; every row must have the same length. */
export function matrixFromRows(rows: readonly (readonly number[])[]): Float64Array {
  const n = rows.length;
  const m = n === 0 ? 0 : rows[0].length;
  const out = new Float64Array(n * m);
  rows.forEach((row, i) => {
    if (row.length !== m) throw new RangeError(`row ${i} has ${row.length} entries, expected ${m}`);
    out.set(row, i * m);
  });
  return out;
}

/** Side of a square matrix stored in `a`, or an error if the length is not a square. */
export function squareSize(a: Float64Array): number {
  const n = Math.round(Math.sqrt(a.length));
  if (n * n !== a.length) throw new RangeError(`expected a square matrix, got ${a.length} entries`);
  return n;
}

export function identityMatrix(n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}

/** The square submatrix of the n×n matrix `a` on rows and columns `index` (in that order). */
export function submatrix(a: Float64Array, n: number, index: readonly number[]): Float64Array {
  const k = index.length;
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out[i * k + j] = a[index[i] * n + index[j]];
  return out;
}

/** y = A x for a rows×cols matrix A. */
export function multiplyMatrixVector(a: Float64Array, rows: number, cols: number, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    const base = i * cols;
    for (let j = 0; j < cols; j++) s += a[base + j] * x[j];
    y[i] = s;
  }
  return y;
}

/** C = A B for A (r×k) and B (k×c). */
export function multiplyMatrices(a: Float64Array, b: Float64Array, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    for (let t = 0; t < k; t++) {
      const ait = a[i * k + t];
      if (ait === 0) continue;
      for (let j = 0; j < c; j++) out[i * c + j] += ait * b[t * c + j];
    }
  }
  return out;
}

/** Largest absolute difference between A and its transpose (0 for an exactly symmetric matrix). */
export function asymmetry(a: Float64Array, n: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) worst = Math.max(worst, Math.abs(a[i * n + j] - a[j * n + i]));
  return worst;
}
