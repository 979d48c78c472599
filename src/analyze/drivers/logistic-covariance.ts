/**
 * Covariance of a fitted logistic model's coefficients: the inverse Fisher information XᵀWX at
 * the estimate (plus the ridge penalty when the fit used one, as logistic-regression.ts does),
 * over the model's own columns (intercept first). Its diagonal reproduces the model's standard
 * errors; the off-diagonal terms are needed for predictions and for simulating the coefficients.
 */
import { cholesky, choleskyInverse, type LogisticModel } from '../stats/index.ts';

/** The fitted coefficients' linear predictor for row i of a row-major n×k matrix. */
export function linearPredictor(model: LogisticModel, x: Float64Array, k: number, i: number, beta: ArrayLike<number> = model.coefficients): number {
  let eta = 0;
  const cols = model.columns;
  for (let j = 0; j < cols.length; j++) eta += beta[j] * (cols[j] < 0 ? 1 : x[i * k + cols[j]]);
  return eta;
}

export function logisticCovariance(model: LogisticModel, x: Float64Array, n: number, k: number, weights?: ArrayLike<number>): Float64Array {
  const cols = model.columns;
  const p = cols.length;
  const info = new Float64Array(p * p);
  const z = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const m = 1 / (1 + Math.exp(-linearPredictor(model, x, k, i)));
    const w = (weights ? weights[i] : 1) * m * (1 - m);
    for (let j = 0; j < p; j++) z[j] = cols[j] < 0 ? 1 : x[i * k + cols[j]];
    for (let a = 0; a < p; a++) {
      const wa = w * z[a];
      for (let b = a; b < p; b++) info[a * p + b] += wa * z[b];
    }
  }
  if (model.ridge > 0) {
    cols.forEach((c, j) => {
      if (c < 0) return;
      let mean = 0;
      for (let i = 0; i < n; i++) mean += x[i * k + c];
      mean /= n;
      let sq = 0;
      for (let i = 0; i < n; i++) sq += (x[i * k + c] - mean) ** 2;
      info[j * p + j] += (model.ridge * sq) / n;
    });
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) info[a * p + b] = info[b * p + a];
  return choleskyInverse(cholesky(info, p, 1e-14), p);
}
