/**
 * Newton–Raphson (IRLS) iterations for logistic regression on a materialised design matrix,
 * with an optional ridge penalty and step halving. Used by fitLogisticRegression.
 *
 * A design that is mostly zeros (indicator columns: themes, bands, segments) is also kept in
 * sparse rows, and the linear predictor, gradient and information matrix are then accumulated
 * over the non-zeros only: O(n·nnz²) per iteration instead of O(n·p²).
 */
import { cholesky, choleskySolve, SingularMatrixError } from './cholesky.ts';
import { accumulateGram, symmetrizeUpper } from './weighted-gram.ts';

/** The design actually fitted: intercept (optional) then the kept columns, row-major n×p. */
export interface Design {
  readonly x: Float64Array;
  readonly p: number;
  /** the same rows without their zeros (row i: start[i] .. start[i+1]-1), when the design is sparse */
  readonly sparse?: SparseDesign;
}

export interface SparseDesign {
  readonly start: Int32Array;
  readonly index: Int32Array;
  readonly value: Float64Array;
}

/** Non-zero share below which the sparse rows are used. */
export const SPARSE_DENSITY = 0.5;

/** Sparse rows of a dense row-major n×p matrix, or undefined when it is not sparse enough. */
export function sparseRows(x: Float64Array, n: number, p: number, maxDensity = SPARSE_DENSITY): SparseDesign | undefined {
  let nnz = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== 0) nnz++;
  if (n === 0 || nnz > maxDensity * n * p) return undefined;
  const start = new Int32Array(n + 1);
  const index = new Int32Array(nnz);
  const value = new Float64Array(nnz);
  let e = 0;
  for (let i = 0; i < n; i++) {
    const off = i * p;
    for (let j = 0; j < p; j++) {
      const v = x[off + j];
      if (v === 0) continue;
      index[e] = j;
      value[e++] = v;
    }
    start[i + 1] = e;
  }
  return { start, index, value };
}

export function buildDesign(x: Float64Array, n: number, k: number, columns: readonly number[], intercept: boolean): Design {
  const p = columns.length + (intercept ? 1 : 0);
  const out = new Float64Array(n * p);
  const offset = intercept ? 1 : 0;
  const m = columns.length;
  for (let i = 0; i < n; i++) {
    const row = i * p;
    if (intercept) out[row] = 1;
    const src = i * k;
    for (let t = 0; t < m; t++) out[row + offset + t] = x[src + columns[t]];
  }
  return { x: out, p, sparse: sparseRows(out, n, p) };
}

/** log(1 + e^η) without overflow. */
function softplus(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

export interface Fit {
  beta: Float64Array;
  information: Float64Array;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  maxAbsEta: number;
}

/**
 * Newton iterations from `start`; converged when every step is below 1e-8 standard deviations of
 * its column (`scale`); the information returned is that of the last step, at most 1e-8 SD away.
 * Under separation the steps along the separating direction stay of order one, so the
 * fit does not converge (or its information matrix becomes singular) and the caller refits.
 * With `separationEta`, the iterations stop (not converged) as soon as a fitted |η| exceeds it
 * while the log-likelihood no longer moves (a step gains under 1e-9 of it): the fit is drifting
 * along a separating direction, and running out the remaining iterations would not change the
 * caller's verdict (fitted probabilities of 0 or 1), only cost time.
 */
export function fitNewton(
  d: Design,
  y: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  penalty: Float64Array,
  scale: Float64Array,
  start: Float64Array,
  maxIterations: number,
  separationEta = Number.POSITIVE_INFINITY,
): Fit {
  const n = y.length;
  const p = d.p;
  const xd = d.x;
  const sp = d.sparse;
  const eta = new Float64Array(n);
  const objective = (beta: Float64Array): { ll: number; maxAbsEta: number } => {
    let ll = 0;
    let maxAbsEta = 0;
    for (let i = 0; i < n; i++) {
      let e = 0;
      if (sp) {
        for (let t = sp.start[i]; t < sp.start[i + 1]; t++) e += sp.value[t] * beta[sp.index[t]];
      } else {
        const off = i * p;
        for (let j = 0; j < p; j++) e += xd[off + j] * beta[j];
      }
      eta[i] = e;
      maxAbsEta = Math.max(maxAbsEta, Math.abs(e));
      const w = weights ? weights[i] : 1;
      ll += w * (y[i] * e - softplus(e));
    }
    let pen = 0;
    for (let j = 0; j < p; j++) pen += 0.5 * penalty[j] * beta[j] * beta[j];
    return { ll: ll - pen, maxAbsEta };
  };
  let beta = Float64Array.from(start);
  let current = objective(beta);
  let information: Float64Array = new Float64Array(p * p);
  let converged = false;
  let iterations = 0;
  const gramWeight = new Float64Array(n);
  const fill = (i: number, target: Float64Array, offset: number): number => {
    const off = i * p;
    for (let j = 0; j < p; j++) target[offset + j] = xd[off + j];
    return gramWeight[i];
  };
  for (; iterations < maxIterations && !converged; iterations++) {
    const gradient = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i] : 1;
      const m = 1 / (1 + Math.exp(-eta[i]));
      gramWeight[i] = w * m * (1 - m);
      const r = w * (y[i] - m);
      if (r === 0) continue;
      if (sp) {
        for (let t = sp.start[i]; t < sp.start[i + 1]; t++) gradient[sp.index[t]] += r * sp.value[t];
        continue;
      }
      const off = i * p;
      for (let a = 0; a < p; a++) gradient[a] += r * xd[off + a];
    }
    information = sp ? sparseGram(sp, n, p, gramWeight) : accumulateGram(n, p, fill);
    for (let a = 0; a < p; a++) {
      gradient[a] -= penalty[a] * beta[a];
      information[a * p + a] += penalty[a];
    }
    symmetrizeUpper(information, p);
    let step: Float64Array;
    try {
      step = choleskySolve(cholesky(information, p, 1e-14), p, gradient);
    } catch (error) {
      if (error instanceof SingularMatrixError) break;
      throw error;
    }
    // Step halving keeps the (penalised) log-likelihood non-decreasing.
    let fraction = 1;
    let next = beta;
    let trial = current;
    for (let half = 0; half < 30; half++) {
      next = beta.map((b, j) => b + fraction * step[j]);
      trial = objective(next);
      if (trial.ll >= current.ll - 1e-12 * Math.abs(current.ll)) break;
      fraction /= 2;
    }
    let largest = 0;
    for (let j = 0; j < p; j++) largest = Math.max(largest, Math.abs(next[j] - beta[j]) * scale[j]);
    const gain = trial.ll - current.ll;
    beta = next;
    current = trial;
    if (largest < 1e-8) converged = true;
    else if (current.maxAbsEta > separationEta && gain <= 1e-9 * Math.abs(current.ll)) {
      iterations++;
      break;
    }
  }
  return { beta, information, logLikelihood: current.ll, iterations, converged, maxAbsEta: current.maxAbsEta };
}

/** Upper triangle of Σᵢ wᵢ rᵢ rᵢᵀ over sparse rows (column indices ascending within a row). */
export function sparseGram(sp: SparseDesign, n: number, p: number, weight: ArrayLike<number>): Float64Array {
  const out = new Float64Array(p * p);
  const { start, index, value } = sp;
  for (let i = 0; i < n; i++) {
    const w = weight[i];
    if (w === 0) continue;
    const end = start[i + 1];
    for (let a = start[i]; a < end; a++) {
      const wa = w * value[a];
      const row = index[a] * p;
      for (let b = a; b < end; b++) out[row + index[b]] += wa * value[b];
    }
  }
  return out;
}

