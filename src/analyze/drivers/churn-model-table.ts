/**
 * `churn_model`: logistic regression of churn on theme presence, NPS band and controls, fitted on
 * each account's latest renewal decision. One row per design column: coefficient, odds ratio with
 * its Wald interval, p-value, training accounts with the feature; dropped (constant / collinear)
 * columns are listed with their status; `note` flags a left-truncated tenure (churn-analysis.ts).
 */
import { fitLogisticRegression, type LogisticModel } from '../stats/index.ts';
import { designMatrix, type DesignSpec } from './design-matrix.ts';
import type { ChurnUnit } from './churn-units.ts';
import type { TableColumns, TableRow } from './write-rows.ts';

export const CHURN_MODEL_COLUMNS: TableColumns = {
  term: 'VARCHAR', kind: 'VARCHAR', level: 'VARCHAR', label: 'VARCHAR', reference: 'VARCHAR', status: 'VARCHAR',
  coefficient: 'DOUBLE', std_error: 'DOUBLE', z: 'DOUBLE', p_value: 'DOUBLE',
  odds_ratio: 'DOUBLE', odds_ratio_ci_low: 'DOUBLE', odds_ratio_ci_high: 'DOUBLE',
  accounts_with: 'BIGINT', churned_with: 'BIGINT', note: 'VARCHAR',
};

export interface FittedChurnModel {
  readonly model: LogisticModel;
  readonly x: Float64Array;
  readonly n: number;
  readonly k: number;
  readonly y: Float64Array;
}

export function fitChurnModel(spec: DesignSpec, train: readonly ChurnUnit[], level: number): FittedChurnModel {
  const x = designMatrix(spec, train);
  const k = spec.columns.length;
  const y = Float64Array.from(train, (u) => u.churned ?? 0);
  const model = fitLogisticRegression({ x, n: train.length, k, y, names: spec.columns.map((c) => c.name), level });
  return { model, x, n: train.length, k, y };
}

/** Area under the ROC curve of predictions p for outcomes y (rank statistic, ties counted half). */
export function areaUnderCurve(p: ArrayLike<number>, y: ArrayLike<number>): number {
  const order = Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p[a] - p[b]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && p[order[j + 1]] === p[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) if (y[order[t]] === 1) { rankSum += rank; positives++; }
    i = j + 1;
  }
  const negatives = p.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function churnModelRows(fit: FittedChurnModel, spec: DesignSpec, label: (themeId: string) => string): TableRow[] {
  const { model, x, n, k, y } = fit;
  const rows: TableRow[] = [];
  const coefficientOf = new Map(model.columns.map((c, j) => [c, j]));
  const counts = (c: number): { accounts: number; churned: number } => {
    let accounts = 0;
    let churned = 0;
    for (let i = 0; i < n; i++) if (x[i * k + c] !== 0) { accounts++; churned += y[i]; }
    return { accounts, churned };
  };
  const intercept = coefficientOf.get(-1);
  if (intercept !== undefined) rows.push({ term: '(intercept)', kind: 'intercept', level: null, label: 'intercept', reference: null, status: 'fitted', ...estimate(model, intercept), accounts_with: n, churned_with: y.reduce((s, v) => s + v, 0) });
  spec.columns.forEach((col, c) => {
    const j = coefficientOf.get(c);
    const binary = col.kind !== 'tenure' && col.kind !== 'theme-log-arr';
    const { accounts, churned } = binary ? counts(c) : { accounts: n, churned: y.reduce((s, v) => s + v, 0) };
    const dropped = model.dropped.find((d) => d.name === col.name);
    rows.push({
      term: col.name, kind: col.kind, level: col.level,
      label: col.kind === 'theme-log-arr' ? `${label(col.level)} (negative) × log ARR (centred)`
        : col.kind.startsWith('theme') ? `${label(col.level)} (${col.kind === 'theme-negative' ? 'negative' : 'positive'})` : col.level,
      reference: col.reference, status: j === undefined ? (dropped?.reason ?? 'dropped') : 'fitted',
      ...(j === undefined ? {} : estimate(model, j)),
      accounts_with: accounts, churned_with: churned,
    });
  });
  return rows;
}

function estimate(model: LogisticModel, j: number): TableRow {
  return {
    coefficient: model.coefficients[j], std_error: model.standardErrors[j], z: model.z[j], p_value: model.pValues[j],
    odds_ratio: model.oddsRatios[j], odds_ratio_ci_low: model.oddsRatioLow[j], odds_ratio_ci_high: model.oddsRatioHigh[j],
  };
}
