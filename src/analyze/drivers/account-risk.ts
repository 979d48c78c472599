/**
 * Current churn risk and the dissatisfier ranking. Each active account is scored with the churn
 * model on its feedback in the window before the run date: churn probability (delta-method
 * interval on the logit), ARR at risk = ARR × probability. A theme's attributable ARR at risk is
 * Σ over the active accounts that mention it negatively of ARR × (p − p without the theme), where
 * p without the theme removes its coefficient from the account's logit.
 *
 * Interval: the coefficients are drawn `draws` times from their estimated sampling distribution
 * N(β̂, (XᵀWX)⁻¹) and the attributable ARR recomputed per draw (percentile interval). Accounts are
 * held fixed: the interval reflects the uncertainty of the model, not of which accounts complain.
 *
 * The draws are evaluated over covariate patterns, all draws at once (risk-patterns.ts).
 */
import { cholesky, percentileInterval, zCritical, type LogisticModel } from '../stats/index.ts';
import { createRng } from '../../util/random.ts';
import { sparseModelRows, sparseDot, sparseQuadraticForm } from './sparse-model-rows.ts';
import { collapsePatterns, attributableArr, type ThemeColumn } from './risk-patterns.ts';
import type { DesignSpec } from './design-matrix.ts';
import type { ChurnUnit } from './churn-units.ts';

const sigmoid = (eta: number): number => 1 / (1 + Math.exp(-eta));

export interface AccountRisk {
  readonly probability: Float64Array;
  readonly probabilityLow: Float64Array;
  readonly probabilityHigh: Float64Array;
  /** per account, the theme whose removal lowers its ARR at risk most ('' when none) */
  readonly topTheme: string[];
}

export interface ThemeArrAtRisk {
  readonly themeId: string;
  readonly accounts: number;
  readonly arrOfAccounts: number;
  readonly arrAtRisk: number;
  readonly low: number;
  readonly high: number;
  readonly weightedArrAtRisk: number;
}

export interface RiskInput {
  readonly model: LogisticModel;
  readonly covariance: Float64Array;
  readonly spec: DesignSpec;
  /** scoring design matrix, row-major units × spec columns */
  readonly x: Float64Array;
  readonly units: readonly ChurnUnit[];
  readonly level: number;
}

/** coefficient index of each theme's negative-presence column (undefined when dropped). */
function themeCoefficients(input: RiskInput): Map<string, ThemeColumn> {
  const out = new Map<string, ThemeColumn>();
  input.spec.columns.forEach((c, column) => {
    if (c.kind !== 'theme-negative') return;
    const j = input.model.columns.indexOf(column);
    out.set(c.level, { column, coefficient: j >= 0 ? j : undefined });
  });
  return out;
}

export function scoreAccounts(input: RiskInput): AccountRisk {
  const { model, covariance, x, units } = input;
  const k = input.spec.columns.length;
  const p = model.columns.length;
  const zc = zCritical(input.level);
  const themes = themeCoefficients(input);
  const n = units.length;
  const rows = sparseModelRows(model, x, n, k);
  const probability = new Float64Array(n);
  const probabilityLow = new Float64Array(n);
  const probabilityHigh = new Float64Array(n);
  const topTheme: string[] = [];
  for (let i = 0; i < n; i++) {
    const eta = sparseDot(rows, i, model.coefficients);
    const se = Math.sqrt(Math.max(0, sparseQuadraticForm(rows, i, covariance, p)));
    probability[i] = sigmoid(eta);
    probabilityLow[i] = sigmoid(eta - zc * se);
    probabilityHigh[i] = sigmoid(eta + zc * se);
    let best = '';
    let bestGain = 0;
    for (const [theme, t] of themes) {
      if (t.coefficient === undefined || x[i * k + t.column] === 0) continue;
      const gain = probability[i] - sigmoid(eta - model.coefficients[t.coefficient]);
      if (gain > bestGain) { bestGain = gain; best = theme; }
    }
    topTheme.push(best);
  }
  return { probability, probabilityLow, probabilityHigh, topTheme };
}

export function themeArrAtRisk(input: RiskInput, segmentWeight: (segment: string) => number, draws: number, seed: number): ThemeArrAtRisk[] {
  const { model, covariance, x, units } = input;
  const k = input.spec.columns.length;
  const p = model.columns.length;
  const themes = [...themeCoefficients(input)];
  const n = units.length;
  const arr = Float64Array.from(units, (u) => (Number.isFinite(u.arr) ? u.arr : 0));
  const weight = Float64Array.from(units, (u) => segmentWeight(u.segment));
  const patterns = collapsePatterns(model, x, n, k, themes.map(([, t]) => t), arr, weight);
  const estimate = new Float64Array(themes.length);
  const weighted = new Float64Array(themes.length);
  attributableArr(patterns, Float64Array.from(model.coefficients), 1, estimate, weighted);
  // coefficient draws β̂ + L·g (L the Cholesky factor of the covariance), drawn in the same order
  // as ever, stored draw-contiguous
  const l = cholesky(Float64Array.from(covariance), p, 0);
  const rng = createRng(seed);
  const g = new Float64Array(p);
  const betaT = new Float64Array(p * draws);
  for (let b = 0; b < draws; b++) {
    for (let j = 0; j < p; j++) g[j] = rng.normal();
    for (let a = 0; a < p; a++) {
      let s = model.coefficients[a];
      for (let c = 0; c <= a; c++) s += l[a * p + c] * g[c];
      betaT[a * draws + b] = s;
    }
  }
  const samples = new Float64Array(themes.length * draws);
  if (draws > 0) attributableArr(patterns, betaT, draws, samples);
  return themes.map(([themeId, t], ti) => {
    let accounts = 0;
    let arrOfAccounts = 0;
    for (let i = 0; i < n; i++) if (x[i * k + t.column] !== 0) { accounts++; arrOfAccounts += arr[i]; }
    const interval = t.coefficient === undefined ? { low: 0, high: 0 } : percentileInterval(samples.subarray(ti * draws, (ti + 1) * draws), input.level);
    return { themeId, accounts, arrOfAccounts, arrAtRisk: estimate[ti], low: interval.low, high: interval.high, weightedArrAtRisk: weighted[ti] };
  });
}
