/**
 * Theme impact on a score with an account-level (cluster) bootstrap: score of everyone minus score of the
 * responses without the theme, the score computed from three sums per group (`score`: NPS or CSAT from
 * class counts, the default; CES from Σ score, Σ score², n — score-of-sums.ts). Respondents of one account answer
 * alike, so resampling responses understates the uncertainty; here whole resampling groups are
 * drawn with replacement (a group is one account, or a random group of whole accounts beyond
 * `drivers.bootstrap_groups`; a response without an account is its own cluster). One draw of the
 * groups serves every theme and sentiment of the cell, so each resample costs O(groups + mentions).
 *
 * **Example:** one cell with two accounts, totals [[2, 0, 0], [0, 0, 2]] (promoters, passives,
 * detractors), theme mentioned by the detractors of the second account: impact = 0 − 100 = −100
 * points; resamples drawing the first account twice have nobody with the theme (impact 0), those
 * drawing the second twice have nobody without it (NaN, ignored).
 */
import { createRng } from '../../util/random.ts';
import { summariseImpactDraws, type ThemeImpactBootstrap } from './theme-impact.ts';
import { npsOfClassCounts, type ScoreOfSums } from './score-of-sums.ts';

export interface ClusteredThemeCell {
  /** per resampling group of the cell: its three sums, e.g. promoters, passives, detractors (groups × 3, row-major) */
  readonly totals: Float64Array;
  /** per theme: the groups (indices into totals) where it is mentioned and their counts (entries × 3) */
  readonly mentions: readonly { readonly groups: Int32Array; readonly counts: Float64Array }[];
}

export interface ClusteredImpactOptions {
  readonly replicates: number;
  readonly level: number;
  readonly seed: number;
  /** the score of a set of responses from its three sums (default: NPS of the class counts) */
  readonly score?: ScoreOfSums;
}

/** Σ of the triples. */
function sums(counts: Float64Array, out: Float64Array): void {
  out.fill(0);
  for (let e = 0; e < counts.length; e += 3) {
    out[0] += counts[e];
    out[1] += counts[e + 1];
    out[2] += counts[e + 2];
  }
}

/** Impact of each theme of the cell with its cluster-bootstrap interval, SE and p-value (in the order of `mentions`). */
export function bootstrapClusteredThemeImpacts(cell: ClusteredThemeCell, o: ClusteredImpactOptions): ThemeImpactBootstrap[] {
  const groups = cell.totals.length / 3;
  if (!Number.isInteger(groups) || groups === 0) throw new RangeError('a cell needs at least one resampling group of three counts');
  for (const m of cell.mentions) {
    if (m.counts.length !== 3 * m.groups.length) throw new RangeError('mention counts must hold three counts per group');
    for (const g of m.groups) if (!(g >= 0 && g < groups)) throw new RangeError(`mention group ${g} outside the cell's ${groups} groups`);
  }
  const score = o.score ?? npsOfClassCounts;
  const t = new Float64Array(3);
  const m = new Float64Array(3);
  sums(cell.totals, t);
  const impacts = cell.mentions.map((x) => {
    sums(x.counts, m);
    return score(t[0], t[1], t[2]) - score(t[0] - m[0], t[1] - m[1], t[2] - m[2]);
  });
  const draws = cell.mentions.map(() => new Float64Array(o.replicates));
  const rng = createRng(o.seed);
  const w = new Float64Array(groups);
  const totals = cell.totals;
  for (let b = 0; b < o.replicates; b++) {
    w.fill(0);
    for (let i = 0; i < groups; i++) w[rng.int(groups)]++;
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    for (let g = 0; g < groups; g++) {
      const wg = w[g];
      if (wg === 0) continue;
      t0 += wg * totals[3 * g];
      t1 += wg * totals[3 * g + 1];
      t2 += wg * totals[3 * g + 2];
    }
    const scoreAll = score(t0, t1, t2);
    for (let k = 0; k < cell.mentions.length; k++) {
      const { groups: mg, counts } = cell.mentions[k];
      let m0 = 0;
      let m1 = 0;
      let m2 = 0;
      for (let e = 0; e < mg.length; e++) {
        const wg = w[mg[e]];
        if (wg === 0) continue;
        m0 += wg * counts[3 * e];
        m1 += wg * counts[3 * e + 1];
        m2 += wg * counts[3 * e + 2];
      }
      // NaN when nobody is left without the theme (ignored by the summary)
      draws[k][b] = scoreAll - score(t0 - m0, t1 - m1, t2 - m2);
    }
  }
  return impacts.map((impact, k) => summariseImpactDraws(impact, draws[k], o.level));
}
