/**
 * The attributable-ARR computation of account-risk.ts, made cheap for many coefficient draws.
 * Accounts with the same covariate pattern (sparse model row) share every probability, so they
 * are collapsed into one pattern carrying their summed ARR (and segment-weighted ARR). The draws
 * are then evaluated pattern by pattern for all draws at once (coefficients stored
 * draw-contiguous), with one exp per pattern and draw: σ(η − β) = 1 / (1 + e^{−η}·e^{β}).
 */
import type { LogisticModel } from '../stats/index.ts';
import { sparseModelRows, patternKey } from './sparse-model-rows.ts';

const sigmoid = (eta: number): number => 1 / (1 + Math.exp(-eta));

/** A theme's negative-presence column in the design and its coefficient (undefined when dropped). */
export interface ThemeColumn {
  readonly column: number;
  readonly coefficient: number | undefined;
}

/** Accounts with ARR that mention a fitted theme, collapsed into covariate patterns. */
export interface Patterns {
  readonly rows: ReturnType<typeof sparseModelRows>;
  /** per pattern: Σ ARR and Σ weight × ARR of its accounts */
  readonly arr: Float64Array;
  readonly weightedArr: Float64Array;
  /** per pattern, mentions start[g] .. start[g+1]-1: theme position and coefficient index */
  readonly mentionStart: Int32Array;
  readonly mentionTheme: Int32Array;
  readonly mentionCoefficient: Int32Array;
}

export function collapsePatterns(
  model: Pick<LogisticModel, 'columns'>, x: Float64Array, n: number, k: number, themes: readonly ThemeColumn[], arr: Float64Array, weight: Float64Array,
): Patterns {
  const relevant: number[] = [];
  for (let i = 0; i < n; i++) {
    if (arr[i] !== 0 && themes.some((t) => t.coefficient !== undefined && x[i * k + t.column] !== 0)) relevant.push(i);
  }
  const all = sparseModelRows(model, x, n, k, relevant);
  const first = new Map<string, number>();
  const representative: number[] = [];
  const arrOf: number[] = [];
  const weightedOf: number[] = [];
  relevant.forEach((i, r) => {
    const key = patternKey(all, r);
    let g = first.get(key);
    if (g === undefined) {
      g = representative.length;
      first.set(key, g);
      representative.push(i);
      arrOf.push(0);
      weightedOf.push(0);
    }
    arrOf[g] += arr[i];
    weightedOf[g] += weight[i] * arr[i];
  });
  const mentionStart = new Int32Array(representative.length + 1);
  const mentionTheme: number[] = [];
  const mentionCoefficient: number[] = [];
  representative.forEach((i, g) => {
    themes.forEach((t, ti) => {
      if (t.coefficient === undefined || x[i * k + t.column] === 0) return;
      mentionTheme.push(ti);
      mentionCoefficient.push(t.coefficient);
    });
    mentionStart[g + 1] = mentionTheme.length;
  });
  return {
    rows: sparseModelRows(model, x, n, k, representative), arr: Float64Array.from(arrOf), weightedArr: Float64Array.from(weightedOf),
    mentionStart, mentionTheme: Int32Array.from(mentionTheme), mentionCoefficient: Int32Array.from(mentionCoefficient),
  };
}

/**
 * Attributable ARR per theme for `draws` coefficient vectors stored draw-contiguous
 * (betaT[j·draws + b]); out[theme·draws + b] (and the segment-weighted sums when asked).
 */
export function attributableArr(pt: Patterns, betaT: Float64Array, draws: number, out: Float64Array, weighted?: Float64Array): void {
  const expT = betaT.map(Math.exp);
  const eta = new Float64Array(draws);
  const e = new Float64Array(draws);
  const pi = new Float64Array(draws);
  const { rows } = pt;
  for (let g = 0; g < rows.rows; g++) {
    eta.fill(0);
    for (let t = rows.start[g]; t < rows.start[g + 1]; t++) {
      const off = rows.index[t] * draws;
      const v = rows.value[t];
      if (v === 1) for (let b = 0; b < draws; b++) eta[b] += betaT[off + b];
      else for (let b = 0; b < draws; b++) eta[b] += betaT[off + b] * v;
    }
    let overflow = false;
    for (let b = 0; b < draws; b++) {
      const eb = Math.exp(-eta[b]);
      if (eb === Number.POSITIVE_INFINITY) overflow = true;
      e[b] = eb;
      pi[b] = 1 / (1 + eb);
    }
    const a = pt.arr[g];
    const w = pt.weightedArr[g];
    for (let m = pt.mentionStart[g]; m < pt.mentionStart[g + 1]; m++) {
      const c = pt.mentionCoefficient[m] * draws;
      const o = pt.mentionTheme[m] * draws;
      for (let b = 0; b < draws; b++) {
        // σ(η − β) = 1 / (1 + e^{−η}·e^{β}); directly when e^{−η} overflowed
        const gain = pi[b] - (overflow ? sigmoid(eta[b] - betaT[c + b]) : 1 / (1 + e[b] * expT[c + b]));
        out[o + b] += a * gain;
        if (weighted) weighted[o + b] += w * gain;
      }
    }
  }
}
