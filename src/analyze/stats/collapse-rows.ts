/**
 * Covariate patterns: rows of a design matrix with the same covariates and outcome collapsed into
 * one row whose frequency weight is the sum of theirs. A logistic regression on the patterns has
 * exactly the likelihood, score and information of the regression on the rows, so a discrete
 * design (theme flags, bands, segments) is fitted on a few thousand patterns instead of every
 * account. Continuous covariates make nearly every row distinct; then nothing is collapsed, and a
 * sample of the first rows tells so early.
 */
export interface CollapsedRows {
  readonly x: Float64Array;
  readonly n: number;
  readonly y: Float64Array;
  readonly weights: Float64Array;
}

/** Collapse when the patterns are at most this share of the rows. */
export const MAX_PATTERN_SHARE = 0.5;
const PROBE_ROWS = 4096;

function rowHash(x: Float64Array, k: number, i: number, y: number): number {
  let h = 0x811c9dc5;
  const mix = (v: number): void => {
    // the value's 32-bit halves (exact for the 0/1 flags and small integers of a design)
    const lo = v | 0;
    const hi = Math.floor(v * 4294967296) | 0;
    h = Math.imul(h ^ lo, 0x01000193);
    h = Math.imul(h ^ hi, 0x01000193);
  };
  for (let j = 0; j < k; j++) mix(x[i * k + j]);
  mix(y);
  return h >>> 0;
}

function sameRow(x: Float64Array, k: number, a: number, b: number): boolean {
  for (let j = 0; j < k; j++) if (x[a * k + j] !== x[b * k + j]) return false;
  return true;
}

/** The distinct (row, y) patterns with summed weights, in order of first appearance; null when not worth it. */
export function collapseRows(x: Float64Array, n: number, k: number, y: ArrayLike<number>, weights?: ArrayLike<number>, maxShare = MAX_PATTERN_SHARE): CollapsedRows | null {
  const buckets = new Map<number, number[]>();
  const first: number[] = [];
  const patternOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = rowHash(x, k, i, y[i]);
    let list = buckets.get(h);
    if (list === undefined) buckets.set(h, (list = []));
    let g = -1;
    for (const c of list) if (y[first[c]] === y[i] && sameRow(x, k, first[c], i)) { g = c; break; }
    if (g < 0) {
      g = first.length;
      first.push(i);
      list.push(g);
    }
    patternOf[i] = g;
    const seen = i + 1;
    if ((seen === PROBE_ROWS || seen === n) && first.length > maxShare * seen) return null;
  }
  const m = first.length;
  const out = new Float64Array(m * k);
  first.forEach((i, g) => out.set(x.subarray(i * k, (i + 1) * k), g * k));
  const w = new Float64Array(m);
  for (let i = 0; i < n; i++) w[patternOf[i]] += weights ? weights[i] : 1;
  return { x: out, n: m, y: Float64Array.from(first, (i) => y[i]), weights: w };
}
