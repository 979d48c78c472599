/**
 * Logistic regression by IRLS (Newton–Raphson on the log-likelihood), for churn and other binary
 * outcomes. Standard errors come from the inverse Fisher information (XᵀWX)⁻¹; Wald z, two-sided
 * p-values and odds ratios with confidence intervals follow. Weights are frequency weights.
 *
 * Rows with the same covariates and outcome are fitted once, weighted by their count, when that
 * at least halves the rows (collapse-rows.ts): same likelihood, far fewer rows for a discrete
 * design. Constant and exactly collinear columns are dropped first (named in `dropped`). Separation
 * (a column, or combination, predicting the outcome perfectly) makes the maximum-likelihood
 * estimate infinite; it is detected when Newton fails to converge or fitted probabilities reach
 * 0 or 1 numerically (|η| > 30), and the model is then refitted with a ridge penalty
 * ½·λ·Σ(βⱼ·sdⱼ)² on the slopes (λ = `ridge`, default 0.1), flagged by `separation: true`.
 *
 * **Example:** one binary predictor reproduces the 2×2 table: slope = log odds ratio,
 * SE = sqrt(1/a + 1/b + 1/c + 1/d).
 */
import { cholesky, choleskyInverse } from './cholesky.ts';
import { buildDesign, fitNewton } from './logistic-newton.ts';
import { twoSidedPValue, zCritical } from './normal-distribution.ts';
import { screenDesignColumns } from './screen-design-columns.ts';
import { collapseRows } from './collapse-rows.ts';
import { statsMessages, type DroppedDriver } from './stats-messages.ts';

/** Fitted |η| beyond which probabilities are numerically 0 or 1: separation. */
const SEPARATION_ETA = 30;

export interface LogisticInput {
  /** design matrix, row-major n×k, without the intercept column */
  readonly x: Float64Array;
  readonly n: number;
  readonly k: number;
  /** outcome, 0/1 (proportions in [0, 1] are accepted) */
  readonly y: ArrayLike<number>;
  readonly weights?: ArrayLike<number>;
  /** column names (default x1..xk) */
  readonly names?: readonly string[];
  readonly intercept?: boolean;
  readonly level?: number;
  readonly maxIterations?: number;
  /** ridge λ used when separation is detected */
  readonly ridge?: number;
  /** fit on the distinct (row, y) patterns with summed weights when they are at most half the rows (default true) */
  readonly collapse?: boolean;
}

export interface LogisticModel {
  /** '(intercept)' first when fitted, then the kept columns */
  readonly names: readonly string[];
  /** input column index of each coefficient (−1 for the intercept) */
  readonly columns: readonly number[];
  readonly coefficients: Float64Array;
  readonly standardErrors: Float64Array;
  readonly z: Float64Array;
  readonly pValues: Float64Array;
  readonly oddsRatios: Float64Array;
  readonly oddsRatioLow: Float64Array;
  readonly oddsRatioHigh: Float64Array;
  readonly level: number;
  /** log-likelihood at the estimate (minus the ridge penalty when one was applied) */
  readonly logLikelihood: number;
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly separation: boolean;
  /** ridge λ applied (0 without separation) */
  readonly ridge: number;
  readonly dropped: readonly DroppedDriver[];
  readonly messages: readonly string[];
}

function checkInput(input: LogisticInput): void {
  const { x, n, k, y, weights } = input;
  if (x.length !== n * k) throw new RangeError(`design matrix has ${x.length} values, expected n×k = ${n * k}`);
  if (y.length !== n) throw new RangeError(`y has ${y.length} values, expected ${n}`);
  if (weights && weights.length !== n) throw new RangeError(`weights has ${weights.length} values, expected ${n}`);
  for (let i = 0; i < n; i++) {
    if (!(y[i] >= 0 && y[i] <= 1)) throw new RangeError(`y[${i}] = ${y[i]} is not in [0, 1]`);
    if (weights && !(weights[i] >= 0)) throw new RangeError(`weights[${i}] = ${weights[i]} is negative or not a number`);
  }
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) throw new RangeError(`x[${Math.floor(i / k)}][${i % k}] = ${x[i]} is not finite`);
  let low = false;
  let high = false;
  for (let i = 0; i < n; i++) {
    if (weights && weights[i] === 0) continue;
    if (y[i] < 1) low = true;
    if (y[i] > 0) high = true;
  }
  if (!low || !high) throw new RangeError('the outcome has a single class: a logistic regression cannot be fitted');
}

export function fitLogisticRegression(input: LogisticInput): LogisticModel {
  checkInput(input);
  const { x, n, k } = input;
  const names = input.names ?? Array.from({ length: k }, (_, j) => `x${j + 1}`);
  if (names.length !== k) throw new RangeError(`${names.length} names for ${k} columns`);
  const intercept = input.intercept ?? true;
  const level = input.level ?? 0.95;
  // identical rows carry identical information: a discrete design is fitted on its patterns
  const patterns = input.collapse === false ? null : collapseRows(x, n, k, input.y, input.weights);
  const rows = patterns ?? { x, n, y: input.y, weights: input.weights };
  const screened = screenDesignColumns(rows.x, rows.n, k, rows.y, names, rows.weights);
  const columns = screened.kept;
  const d = buildDesign(rows.x, rows.n, k, columns, intercept);
  const p = d.p;
  const messages: string[] = [];
  for (const reason of ['constant', 'collinear'] as const) {
    const list = screened.dropped.filter((c) => c.reason === reason).map((c) => c.name);
    if (list.length > 0) messages.push(statsMessages.droppedColumns(reason, list));
  }
  const maxIterations = input.maxIterations ?? 50;
  const scale = new Float64Array(p).fill(1);
  columns.forEach((c, t) => {
    let mean = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) mean += x[i * k + c];
    mean /= n;
    for (let i = 0; i < n; i++) sq += (x[i * k + c] - mean) ** 2;
    scale[t + (intercept ? 1 : 0)] = Math.sqrt(sq / n);
  });
  let yMean = 0;
  let total = 0;
  for (let i = 0; i < rows.n; i++) {
    const w = rows.weights ? rows.weights[i] : 1;
    yMean += w * rows.y[i];
    total += w;
  }
  yMean /= total;
  const start = new Float64Array(p);
  if (intercept && yMean > 0 && yMean < 1) start[0] = Math.log(yMean / (1 - yMean));
  let fit = fitNewton(d, rows.y, rows.weights, new Float64Array(p), scale, start, maxIterations, SEPARATION_ETA);
  const separation = !fit.converged || fit.maxAbsEta > SEPARATION_ETA;
  let ridge = 0;
  if (separation) {
    ridge = input.ridge ?? 0.1;
    // penalty on standardized slopes: λ·sd_j² on the diagonal, none on the intercept
    const penalty = scale.map((s, j) => (intercept && j === 0 ? 0 : ridge * s * s));
    fit = fitNewton(d, rows.y, rows.weights, penalty, scale, start, maxIterations);
    messages.push(statsMessages.separation(ridge));
  }
  const covariance = choleskyInverse(cholesky(fit.information, p, 1e-14), p);
  const zc = zCritical(level);
  const se = new Float64Array(p).map((_, j) => Math.sqrt(covariance[j * p + j]));
  const beta = fit.beta;
  const z = beta.map((b, j) => b / se[j]);
  const nullLl = total * (yMean > 0 && yMean < 1 ? yMean * Math.log(yMean) + (1 - yMean) * Math.log(1 - yMean) : 0);
  return {
    names: [...(intercept ? ['(intercept)'] : []), ...columns.map((c) => names[c])],
    columns: [...(intercept ? [-1] : []), ...columns],
    coefficients: beta,
    standardErrors: se,
    z,
    pValues: z.map(twoSidedPValue),
    oddsRatios: beta.map(Math.exp),
    oddsRatioLow: beta.map((b, j) => Math.exp(b - zc * se[j])),
    oddsRatioHigh: beta.map((b, j) => Math.exp(b + zc * se[j])),
    level,
    logLikelihood: fit.logLikelihood,
    deviance: -2 * fit.logLikelihood,
    nullDeviance: -2 * nullLl,
    iterations: fit.iterations,
    converged: fit.converged,
    separation,
    ridge,
    dropped: screened.dropped,
    messages,
  };
}

/** Predicted probabilities for a row-major n×k matrix with the same k columns as the fit input. */
export function predictLogistic(model: LogisticModel, x: Float64Array, n: number, k: number): Float64Array {
  if (x.length !== n * k) throw new RangeError(`design matrix has ${x.length} values, expected ${n * k}`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = 0;
    model.columns.forEach((c, j) => {
      eta += model.coefficients[j] * (c < 0 ? 1 : x[i * k + c]);
    });
    out[i] = 1 / (1 + Math.exp(-eta));
  }
  return out;
}
