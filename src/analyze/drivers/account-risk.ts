/**
 * Current churn risk and the dissatisfier ranking. Each active account is scored with the churn
 * model on its feedback in the window before the run date: churn probability (delta-method
 * interval on the logit), ARR at risk = ARR × probability. A theme's attributable ARR at risk is
 * Σ over the active accounts that mention it negatively of ARR × (p − p without the theme), where
 * p without the theme removes its term (main effect, plus its interaction with the account's log
 * ARR when the model has one) from the account's logit.
 *
 * Interval: the attributable ARR is recomputed for each coefficient draw of an account bootstrap
 * of the training accounts (account-bootstrap-coefficients.ts: sampling of the accounts the model
 * learns from, with the sandwich covariance, so it holds under misspecification too); percentile
 * interval, p-value = 2 × the share of draws across zero. The active accounts are the book of
 * business itself, known in full, and are held fixed: the figure is the ARR at risk of these
 * accounts, and its uncertainty is that of the model learnt from the churn history.
 *
 * The draws are evaluated over covariate patterns, all draws at once (risk-patterns.ts).
 */
import { percentileInterval, zCritical, type LogisticModel } from '../stats/index.ts';
import { sparseModelRows, sparseDot, sparseQuadraticForm } from './sparse-model-rows.ts';
import { collapsePatterns, attributableArr, themeTerms, type ThemeColumn } from './risk-patterns.ts';
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
  /** 2 × the share of draws on the other side of zero (NaN when the theme's column was dropped) */
  readonly pValue: number;
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

/** coefficient index of each theme's negative-presence column (undefined when dropped) and of its fitted theme × log ARR interaction. */
function themeCoefficients(input: RiskInput): Map<string, ThemeColumn> {
  const out = new Map<string, ThemeColumn>();
  input.spec.columns.forEach((c, column) => {
    if (c.kind !== 'theme-negative') return;
    const j = input.model.columns.indexOf(column);
    const interactions = input.spec.columns.flatMap((d, dc) => {
      const coefficient = input.model.columns.indexOf(dc);
      return d.kind === 'theme-log-arr' && d.level === c.level && coefficient >= 0 ? [{ column: dc, coefficient }] : [];
    });
    out.set(c.level, { column, coefficient: j >= 0 ? j : undefined, interactions });
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
      const terms = themeTerms(t, x, k, i);
      if (terms.length === 0) continue;
      const gain = probability[i] - sigmoid(eta - terms.reduce((acc, term) => acc + model.coefficients[term.coefficient] * term.value, 0));
      if (gain > bestGain) { bestGain = gain; best = theme; }
    }
    topTheme.push(best);
  }
  return { probability, probabilityLow, probabilityHigh, topTheme };
}

/**
 * Attributable ARR at risk per theme, with its interval from coefficient draws (p × draws, draw-contiguous),
 * over the accounts `include` keeps (all by default): the others count with ARR 0, so the figure of a
 * segment is this sum restricted to its accounts, and the figures of a partition add up to the whole.
 */
export function themeArrAtRisk(
  input: RiskInput, segmentWeight: (segment: string) => number, betaDraws: Float64Array, include: (unit: ChurnUnit) => boolean = () => true,
): ThemeArrAtRisk[] {
  const { model, x, units } = input;
  const k = input.spec.columns.length;
  const p = model.columns.length;
  const draws = betaDraws.length / p;
  if (!Number.isInteger(draws)) throw new RangeError(`coefficient draws hold ${betaDraws.length} values, not a multiple of ${p} coefficients`);
  const themes = [...themeCoefficients(input)];
  const n = units.length;
  const kept = units.map(include);
  const arr = Float64Array.from(units, (u, i) => (kept[i] && Number.isFinite(u.arr) ? u.arr : 0));
  const weight = Float64Array.from(units, (u) => segmentWeight(u.segment));
  const patterns = collapsePatterns(model, x, n, k, themes.map(([, t]) => t), arr, weight);
  const estimate = new Float64Array(themes.length);
  const weighted = new Float64Array(themes.length);
  attributableArr(patterns, Float64Array.from(model.coefficients), 1, estimate, weighted);
  const samples = new Float64Array(themes.length * draws);
  if (draws > 0) attributableArr(patterns, betaDraws, draws, samples);
  return themes.map(([themeId, t], ti) => {
    let accounts = 0;
    let arrOfAccounts = 0;
    for (let i = 0; i < n; i++) if (kept[i] && x[i * k + t.column] !== 0) { accounts++; arrOfAccounts += arr[i]; }
    const own = samples.subarray(ti * draws, (ti + 1) * draws);
    const interval = t.coefficient === undefined ? { low: 0, high: 0 } : percentileInterval(own, input.level);
    return {
      themeId, accounts, arrOfAccounts, arrAtRisk: estimate[ti], low: interval.low, high: interval.high,
      pValue: t.coefficient === undefined || draws === 0 ? Number.NaN : acrossZero(estimate[ti], own), weightedArrAtRisk: weighted[ti],
    };
  });
}

/** 2 × the share of draws on the other side of zero from the estimate, capped at 1. */
function acrossZero(estimate: number, draws: Float64Array): number {
  let opposite = 0;
  for (const v of draws) if (estimate > 0 ? v <= 0 : estimate < 0 ? v >= 0 : true) opposite++;
  return Math.min(1, (2 * opposite) / draws.length);
}
