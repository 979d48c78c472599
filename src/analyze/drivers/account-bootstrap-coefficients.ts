/**
 * Coefficient draws of the churn model from an account bootstrap, linearised (the one-step or
 * "estimating-function" bootstrap): each resample draws the training accounts with replacement
 * and takes one Newton step from the estimate, β*ᵦ = β̂ + C·Σᵢ (wᵢᵦ − 1)·uᵢ, where uᵢ = zᵢ(yᵢ − p̂ᵢ)
 * is account i's score contribution, wᵢᵦ its draw count and C = (ZᵀŴZ)⁻¹ the model covariance.
 * To first order this is the refitted bootstrap estimate (the score of the resample at β̂ is
 * Σ wᵢuᵢ, the full-data score Σ uᵢ being zero, or the ridge term when the fit was penalised), and
 * its covariance is the sandwich C·(Σ uᵢuᵢᵀ)·C: it stays honest when the model is misspecified or
 * the accounts are heterogeneous, where the model covariance C alone does not. A refit per resample
 * would cost ~10⁴ times more (Newton on every account, 1,000 times); this costs one pass over the
 * accounts for the scores and O(groups · p) per resample.
 *
 * Beyond `maxGroups` accounts, accounts are assigned to that many random groups and the groups are
 * resampled (each group is an iid sample of accounts, so the variance is preserved), as the other
 * bootstraps of the phase do.
 *
 * Returned draw-contiguous (out[j·draws + b]), as risk-patterns.ts expects.
 */
import { createRng } from '../../util/random.ts';
import type { LogisticModel } from '../stats/index.ts';
import { sparseModelRows, sparseDot } from './sparse-model-rows.ts';

export interface AccountBootstrapInput {
  readonly model: LogisticModel;
  /** p×p covariance of the coefficients (logistic-covariance.ts) */
  readonly covariance: Float64Array;
  /** training design, row-major n×k (one row per account), and its outcomes */
  readonly x: Float64Array;
  readonly n: number;
  readonly k: number;
  readonly y: ArrayLike<number>;
}

export function accountBootstrapCoefficients(input: AccountBootstrapInput, draws: number, seed: number, maxGroups: number): Float64Array {
  const { model, covariance, x, n, k, y } = input;
  const p = model.columns.length;
  if (covariance.length !== p * p) throw new RangeError(`covariance has ${covariance.length} values, expected ${p * p}`);
  const rng = createRng(seed);
  const groups = Math.max(1, Math.min(n, maxGroups));
  // score contribution per group: Σ over its accounts of z·(y − p̂)
  const score = new Float64Array(groups * p);
  const rows = sparseModelRows(model, x, n, k);
  for (let i = 0; i < n; i++) {
    const g = n <= maxGroups ? i : rng.int(groups);
    const residual = y[i] - 1 / (1 + Math.exp(-sparseDot(rows, i, model.coefficients)));
    for (let e = rows.start[i]; e < rows.start[i + 1]; e++) score[g * p + rows.index[e]] += rows.value[e] * residual;
  }
  const out = new Float64Array(p * draws);
  const w = new Float64Array(groups);
  const u = new Float64Array(p);
  for (let b = 0; b < draws; b++) {
    w.fill(-1);
    for (let t = 0; t < groups; t++) w[rng.int(groups)]++;
    u.fill(0);
    for (let g = 0; g < groups; g++) {
      const wg = w[g];
      if (wg === 0) continue;
      for (let j = 0; j < p; j++) u[j] += wg * score[g * p + j];
    }
    for (let a = 0; a < p; a++) {
      let s = model.coefficients[a];
      for (let c = 0; c < p; c++) s += covariance[a * p + c] * u[c];
      out[a * draws + b] = s;
    }
  }
  return out;
}
