/**
 * Covariance of a fitted logistic model's coefficients: the inverse Fisher information XᵀWX at
 * the estimate (plus the ridge penalty when the fit used one, as logistic-regression.ts does),
 * over the model's own columns (intercept first). Its diagonal reproduces the model's standard
 * errors; the off-diagonal terms are needed for predictions and for simulating the coefficients.
 */
import { cholesky, choleskyInverse, type LogisticModel } from '../stats/index.ts';
import { sparseModelRows, sparseDot } from './sparse-model-rows.ts';

export function logisticCovariance(model: LogisticModel, x: Float64Array, n: number, k: number, weights?: ArrayLike<number>): Float64Array {
  const cols = model.columns;
  const p = cols.length;
  const info = new Float64Array(p * p);
  // over the non-zeros of each row (coefficient indices ascending): the upper triangle of XᵀWX
  const rows = sparseModelRows(model, x, n, k);
  const { start, index, value } = rows;
  for (let i = 0; i < n; i++) {
    const m = 1 / (1 + Math.exp(-sparseDot(rows, i, model.coefficients)));
    const w = (weights ? weights[i] : 1) * m * (1 - m);
    for (let a = start[i]; a < start[i + 1]; a++) {
      const wa = w * value[a];
      const row = index[a] * p;
      for (let b = a; b < start[i + 1]; b++) info[row + index[b]] += wa * value[b];
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
