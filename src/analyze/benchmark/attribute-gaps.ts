/**
 * Which attribute ratings explain the gap with a competitor: a key-driver comparison over the answers about
 * the two brands (all periods and segments) that rate every attribute. Per attribute k:
 *   importance_k   = the coefficient of rating k in the least-squares regression of the NPS indicator
 *                    y (+100 / 0 / −100) on all the ratings (with an intercept), fitted on the answers about
 *                    both brands: NPS points per rating point, the other attributes held equal;
 *   difference_k   = mean rating k of our brand − mean rating k of the competitor;
 *   contribution_k = importance_k × difference_k: the NPS points of the gap that attribute k accounts for
 *                    (the contributions add up to the part of the gap the ratings explain).
 * A negative contribution is an attribute where the competitor's lead costs us points.
 * Intervals: seeded percentile bootstrap, resampling our answers and the competitor's answers separately
 * (each answer is its own cluster). A comparison needs at least `minN` complete answers per brand.
 */
import { percentileInterval, bootstrapReplicates } from '../stats/bootstrap.ts';
import { stableSeed } from '../drivers/stable-seed.ts';
import { solveSymmetric, SingularMatrixError } from '../stats/cholesky.ts';
import { npsPoints, type BenchmarkAnswer } from './benchmark-answer.ts';

export interface AttributeGap {
  readonly competitor: string;
  readonly attribute: string;
  readonly nOwn: number;
  readonly nCompetitor: number;
  readonly meanOwn: number;
  readonly meanCompetitor: number;
  readonly difference: number;
  readonly differenceLow: number;
  readonly differenceHigh: number;
  readonly importance: number;
  readonly importanceLow: number;
  readonly importanceHigh: number;
  readonly contribution: number;
  readonly contributionLow: number;
  readonly contributionHigh: number;
  /** the contribution's interval excludes 0 */
  readonly clear: boolean;
}

/** One complete answer: its ratings (one per attribute) and its NPS indicator. */
export interface RatedAnswer {
  readonly ratings: readonly number[];
  readonly y: number;
}

export interface AttributeStatistics {
  readonly meanOwn: readonly number[];
  readonly meanCompetitor: readonly number[];
  readonly difference: readonly number[];
  readonly importance: readonly number[];
  readonly contribution: readonly number[];
}

/**
 * The distinct answers (ratings and indicator) of a brand, with each answer's index among them: a resample is
 * a weight per distinct answer, so a replicate costs its draws plus one pass over the distinct answers (ratings
 * on a 1–5 or 1–10 scale take few combinations) instead of a pass over every answer.
 */
interface DistinctAnswers {
  readonly rows: readonly RatedAnswer[];
  /** answer i is rows[of[i]] */
  readonly of: Uint32Array;
}

function distinctAnswers(xs: readonly RatedAnswer[]): DistinctAnswers {
  const index = new Map<string, number>();
  const rows: RatedAnswer[] = [];
  const of = new Uint32Array(xs.length);
  xs.forEach((x, i) => {
    const key = `${x.y}|${x.ratings.join('|')}`;
    let at = index.get(key);
    if (at === undefined) {
      at = rows.length;
      index.set(key, at);
      rows.push(x);
    }
    of[i] = at;
  });
  return { rows, of };
}

/** How many times each distinct answer is in the sample (all answers once: the observed sample). */
function observedWeights(d: DistinctAnswers): Float64Array {
  const w = new Float64Array(d.rows.length);
  for (const at of d.of) w[at]! += 1;
  return w;
}

function resampleWeights(rng: { int(n: number): number }, d: DistinctAnswers): Float64Array {
  const w = new Float64Array(d.rows.length);
  const n = d.of.length;
  for (let i = 0; i < n; i++) w[d.of[rng.int(n)]!]! += 1;
  return w;
}

function weightedMeans(rows: readonly RatedAnswer[], w: Float64Array, k: number): number[] {
  const m = new Array<number>(k).fill(0);
  let total = 0;
  rows.forEach((x, i) => {
    total += w[i]!;
    for (let j = 0; j < k; j++) m[j]! += w[i]! * x.ratings[j]!;
  });
  return m.map((v) => v / total);
}

/** Adds the weighted cross-products of (1, ratings) and y to xtx and xty. */
function addCrossProducts(rows: readonly RatedAnswer[], w: Float64Array, k: number, xtx: Float64Array, xty: Float64Array): void {
  const p = k + 1;
  const x = new Float64Array(p);
  rows.forEach((r, i) => {
    const wi = w[i]!;
    if (wi === 0) return;
    x[0] = 1;
    for (let j = 0; j < k; j++) x[j + 1] = r.ratings[j]!;
    for (let a = 0; a < p; a++) {
      xty[a] += wi * x[a]! * r.y;
      for (let b = 0; b < p; b++) xtx[a * p + b] += wi * x[a]! * x[b]!;
    }
  });
}

/** The figures of every attribute from weighted answers about each brand (weights: times each distinct answer counts). */
function attributeStatistics(own: DistinctAnswers, wOwn: Float64Array, competitor: DistinctAnswers, wCompetitor: Float64Array, k: number): AttributeStatistics {
  const meanOwn = weightedMeans(own.rows, wOwn, k);
  const meanCompetitor = weightedMeans(competitor.rows, wCompetitor, k);
  const p = k + 1;
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  addCrossProducts(own.rows, wOwn, k, xtx, xty);
  addCrossProducts(competitor.rows, wCompetitor, k, xtx, xty);
  let importance: number[];
  try {
    // least-squares coefficients of y on the ratings (intercept dropped); NaN when the ratings are collinear
    importance = [...solveSymmetric(xtx, p, xty)].slice(1);
  } catch (e) {
    if (!(e instanceof SingularMatrixError)) throw e;
    importance = new Array<number>(k).fill(Number.NaN);
  }
  const difference = meanOwn.map((m, j) => m - meanCompetitor[j]!);
  return { meanOwn, meanCompetitor, difference, importance, contribution: importance.map((b, j) => b * difference[j]!) };
}

function complete(answers: readonly BenchmarkAnswer[], k: number): RatedAnswer[] {
  const out: RatedAnswer[] = [];
  for (const a of answers) {
    const r = a.ratings.slice(0, k);
    if (r.length === k && r.every((x) => x !== null && x !== undefined)) out.push({ ratings: r as number[], y: npsPoints(a.score) });
  }
  return out;
}

export function attributeGaps(
  answers: readonly BenchmarkAnswer[],
  opts: { own: string; competitors: readonly string[]; attributes: readonly string[]; seed: number; replicates: number; minN: number },
): AttributeGap[] {
  const out: AttributeGap[] = [];
  const k = opts.attributes.length;
  if (k === 0) return out;
  const ownRows = complete(answers.filter((a) => a.brand === opts.own), k);
  for (const competitor of opts.competitors) {
    const compRows = complete(answers.filter((a) => a.brand === competitor), k);
    if (ownRows.length < opts.minN || compRows.length < opts.minN) continue;
    const own = distinctAnswers(ownRows);
    const comp = distinctAnswers(compRows);
    const point = attributeStatistics(own, observedWeights(own), comp, observedWeights(comp), k);
    const reps = opts.attributes.map(() => ({ difference: [] as number[], importance: [] as number[], contribution: [] as number[] }));
    bootstrapReplicates(stableSeed(opts.seed, `benchmark:${competitor}`), opts.replicates, (rng) => {
      const s = attributeStatistics(own, resampleWeights(rng, own), comp, resampleWeights(rng, comp), k);
      reps.forEach((r, j) => {
        r.difference.push(s.difference[j]!);
        r.importance.push(s.importance[j]!);
        r.contribution.push(s.contribution[j]!);
      });
      return 0;
    });
    opts.attributes.forEach((attribute, j) => {
      const d = percentileInterval(reps[j]!.difference);
      const i = percentileInterval(reps[j]!.importance);
      const ct = percentileInterval(reps[j]!.contribution);
      out.push({
        competitor, attribute, nOwn: ownRows.length, nCompetitor: compRows.length, meanOwn: point.meanOwn[j]!, meanCompetitor: point.meanCompetitor[j]!,
        difference: point.difference[j]!, differenceLow: d.low, differenceHigh: d.high,
        importance: point.importance[j]!, importanceLow: i.low, importanceHigh: i.high,
        contribution: point.contribution[j]!, contributionLow: ct.low, contributionHigh: ct.high,
        clear: ct.low > 0 || ct.high < 0,
      });
    });
  }
  return out.sort((a, b) => (a.competitor < b.competitor ? -1 : a.competitor > b.competitor ? 1 : a.contribution - b.contribution));
}
