/**
 * The rows of a design matrix as the fitted model sees them (intercept first, then the model's
 * kept columns), stored sparsely: the churn design is mostly 0/1 indicators with a handful of
 * ones per account (themes mentioned, one NPS band, one segment, one ARR band) and a tenure
 * value, so a row has ~8 non-zeros out of ~30 coefficients. Products with a coefficient vector
 * then cost the non-zeros only, and rows can be collapsed into distinct covariate patterns.
 *
 * Terms keep the coefficient order and only exact zeros are skipped, so a dot product over the
 * sparse row adds the same non-zero terms in the same order as the dense loop: identical result.
 */
import type { LogisticModel } from '../stats/index.ts';

export interface SparseRows {
  readonly rows: number;
  /** row r's terms are start[r] .. start[r+1]-1 */
  readonly start: Int32Array;
  /** coefficient index (into model.coefficients) of each term */
  readonly index: Int32Array;
  readonly value: Float64Array;
}

/** Sparse model rows of the given rows (all n of them by default) of a row-major n×k matrix. */
export function sparseModelRows(model: Pick<LogisticModel, 'columns'>, x: Float64Array, n: number, k: number, rows?: ArrayLike<number>): SparseRows {
  const cols = model.columns;
  if (x.length !== n * k) throw new RangeError(`design matrix has ${x.length} values, expected n×k = ${n * k}`);
  const count = rows ? rows.length : n;
  const start = new Int32Array(count + 1);
  const index: number[] = [];
  const value: number[] = [];
  for (let r = 0; r < count; r++) {
    const i = rows ? rows[r] : r;
    for (let j = 0; j < cols.length; j++) {
      const v = cols[j] < 0 ? 1 : x[i * k + cols[j]];
      if (v === 0) continue;
      index.push(j);
      value.push(v);
    }
    start[r + 1] = index.length;
  }
  return { rows: count, start, index: Int32Array.from(index), value: Float64Array.from(value) };
}

/** Σ β_j z_j over row r. */
export function sparseDot(s: SparseRows, r: number, beta: ArrayLike<number>): number {
  let eta = 0;
  for (let e = s.start[r]; e < s.start[r + 1]; e++) eta += beta[s.index[e]] * s.value[e];
  return eta;
}

/** zᵀ C z over row r, C p×p row-major (the variance of the linear predictor). */
export function sparseQuadraticForm(s: SparseRows, r: number, c: Float64Array, p: number): number {
  let v = 0;
  for (let a = s.start[r]; a < s.start[r + 1]; a++) {
    const row = s.index[a] * p;
    const za = s.value[a];
    for (let b = s.start[r]; b < s.start[r + 1]; b++) v += za * c[row + s.index[b]] * s.value[b];
  }
  return v;
}

/** A key naming row r's covariate pattern (equal keys ⇔ equal sparse rows). */
export function patternKey(s: SparseRows, r: number): string {
  let key = '';
  for (let e = s.start[r]; e < s.start[r + 1]; e++) key += `${s.index[e]}:${s.value[e]};`;
  return key;
}
