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

/** A theme's negative-presence column in the design and its coefficient (undefined when dropped), and its fitted theme × ARR band interactions. */
export interface ThemeColumn {
  readonly column: number;
  readonly coefficient: number | undefined;
  readonly interactions?: readonly { readonly column: number; readonly coefficient: number }[];
}

/** The theme's terms present in row i of x (main effect first): coefficient index and the row's value; empty when its main effect is not fitted or absent. */
export function themeTerms(t: ThemeColumn, x: Float64Array, k: number, i: number): { coefficient: number; value: number }[] {
  if (t.coefficient === undefined || x[i * k + t.column] === 0) return [];
  const terms = [{ coefficient: t.coefficient, value: x[i * k + t.column] }];
  for (const c of t.interactions ?? []) if (x[i * k + c.column] !== 0) terms.push({ coefficient: c.coefficient, value: x[i * k + c.column] });
  return terms;
}

/** Accounts with ARR that mention a fitted theme, collapsed into covariate patterns. */
export interface Patterns {
  readonly rows: ReturnType<typeof sparseModelRows>;
  /** per pattern: Σ ARR and Σ weight × ARR of its accounts */
  readonly arr: Float64Array;
  readonly weightedArr: Float64Array;
  /** per pattern, mentions start[g] .. start[g+1]-1: theme position and its terms termStart[m] .. termStart[m+1]-1 (coefficient index, value) */
  readonly mentionStart: Int32Array;
  readonly mentionTheme: Int32Array;
  readonly termStart: Int32Array;
  readonly terms: Int32Array;
  readonly termValues: Float64Array;
}

export function collapsePatterns(
  model: Pick<LogisticModel, 'columns'>, x: Float64Array, n: number, k: number, themes: readonly ThemeColumn[], arr: Float64Array, weight: Float64Array,
): Patterns {
  const relevant: number[] = [];
  for (let i = 0; i < n; i++) {
    if (arr[i] !== 0 && themes.some((t) => themeTerms(t, x, k, i).length > 0)) relevant.push(i);
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
  const termStart: number[] = [0];
  const terms: number[] = [];
  const termValues: number[] = [];
  representative.forEach((i, g) => {
    themes.forEach((t, ti) => {
      const own = themeTerms(t, x, k, i);
      if (own.length === 0) return;
      mentionTheme.push(ti);
      for (const term of own) {
        terms.push(term.coefficient);
        termValues.push(term.value);
      }
      termStart.push(terms.length);
    });
    mentionStart[g + 1] = mentionTheme.length;
  });
  return {
    rows: sparseModelRows(model, x, n, k, representative), arr: Float64Array.from(arrOf), weightedArr: Float64Array.from(weightedOf),
    mentionStart, mentionTheme: Int32Array.from(mentionTheme), termStart: Int32Array.from(termStart), terms: Int32Array.from(terms), termValues: Float64Array.from(termValues),
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
      const o = pt.mentionTheme[m] * draws;
      const first = pt.termStart[m];
      const last = pt.termStart[m + 1];
      if (last - first === 1 && pt.termValues[first] === 1) {
        const c = pt.terms[first] * draws;
        for (let b = 0; b < draws; b++) {
          // σ(η − β) = 1 / (1 + e^{−η}·e^{β}); directly when e^{−η} overflowed
          const gain = pi[b] - (overflow ? sigmoid(eta[b] - betaT[c + b]) : 1 / (1 + e[b] * expT[c + b]));
          out[o + b] += a * gain;
          if (weighted) weighted[o + b] += w * gain;
        }
        continue;
      }
      // main effect plus its interaction with the account's ARR: removing the theme removes both
      for (let b = 0; b < draws; b++) {
        let delta = 0;
        for (let t = first; t < last; t++) delta += betaT[pt.terms[t] * draws + b] * pt.termValues[t];
        const gain = pi[b] - (overflow ? sigmoid(eta[b] - delta) : 1 / (1 + e[b] * Math.exp(delta)));
        out[o + b] += a * gain;
        if (weighted) weighted[o + b] += w * gain;
      }
    }
  }
}
