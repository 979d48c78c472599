/**
 * Which attribute ratings explain the gap with a competitor: a key-driver comparison over the answers about
 * the two brands (all periods and segments). Per attribute k:
 *   importance_k   = slope of the NPS indicator y (+100 / 0 / −100) on rating k, over the answers about both
 *                    brands that rate k (cov(r_k, y) / var(r_k)): NPS points per rating point;
 *   difference_k   = mean rating k of our brand − mean rating k of the competitor;
 *   contribution_k = importance_k × difference_k: the NPS points of the gap that attribute k accounts for.
 * A negative contribution is an attribute where the competitor's lead costs us points.
 * Intervals: seeded percentile bootstrap, resampling our answers and the competitor's answers separately
 * (each answer is its own cluster). An attribute needs at least `minN` rated answers per brand.
 */
import { percentileInterval, bootstrapReplicates } from '../stats/bootstrap.ts';
import { stableSeed } from '../drivers/stable-seed.ts';
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

interface Rated {
  readonly rating: number;
  readonly y: number;
}

export interface AttributeStatistics {
  readonly meanOwn: number;
  readonly meanCompetitor: number;
  readonly difference: number;
  readonly importance: number;
  readonly contribution: number;
}

/** The three figures of one attribute from the rated answers of each brand. */
export function attributeStatistics(own: readonly Rated[], competitor: readonly Rated[]): AttributeStatistics {
  const mean = (xs: readonly Rated[]): number => xs.reduce((s, x) => s + x.rating, 0) / xs.length;
  const meanOwn = mean(own);
  const meanCompetitor = mean(competitor);
  const all = [...own, ...competitor];
  const mr = mean(all);
  const my = all.reduce((s, x) => s + x.y, 0) / all.length;
  let sxy = 0;
  let sxx = 0;
  for (const x of all) {
    sxy += (x.rating - mr) * (x.y - my);
    sxx += (x.rating - mr) ** 2;
  }
  const importance = sxx > 0 ? sxy / sxx : Number.NaN;
  const difference = meanOwn - meanCompetitor;
  return { meanOwn, meanCompetitor, difference, importance, contribution: importance * difference };
}

function rated(answers: readonly BenchmarkAnswer[], k: number): Rated[] {
  const out: Rated[] = [];
  for (const a of answers) {
    const r = a.ratings[k];
    if (r !== null && r !== undefined) out.push({ rating: r, y: npsPoints(a.score) });
  }
  return out;
}

function resample(rng: { int(n: number): number }, xs: readonly Rated[]): Rated[] {
  return Array.from({ length: xs.length }, () => xs[rng.int(xs.length)]!);
}

export function attributeGaps(
  answers: readonly BenchmarkAnswer[],
  opts: { own: string; competitors: readonly string[]; attributes: readonly string[]; seed: number; replicates: number; minN: number },
): AttributeGap[] {
  const out: AttributeGap[] = [];
  const ownAnswers = answers.filter((a) => a.brand === opts.own);
  for (const competitor of opts.competitors) {
    const compAnswers = answers.filter((a) => a.brand === competitor);
    opts.attributes.forEach((attribute, k) => {
      const o = rated(ownAnswers, k);
      const c = rated(compAnswers, k);
      if (o.length < opts.minN || c.length < opts.minN) return;
      const point = attributeStatistics(o, c);
      const reps = { difference: [] as number[], importance: [] as number[], contribution: [] as number[] };
      bootstrapReplicates(stableSeed(opts.seed, `benchmark:${competitor}:${attribute}`), opts.replicates, (rng) => {
        const s = attributeStatistics(resample(rng, o), resample(rng, c));
        reps.difference.push(s.difference);
        reps.importance.push(s.importance);
        reps.contribution.push(s.contribution);
        return s.contribution;
      });
      const d = percentileInterval(reps.difference);
      const i = percentileInterval(reps.importance);
      const ct = percentileInterval(reps.contribution);
      out.push({
        competitor, attribute, nOwn: o.length, nCompetitor: c.length, meanOwn: point.meanOwn, meanCompetitor: point.meanCompetitor,
        difference: point.difference, differenceLow: d.low, differenceHigh: d.high,
        importance: point.importance, importanceLow: i.low, importanceHigh: i.high,
        contribution: point.contribution, contributionLow: ct.low, contributionHigh: ct.high,
        clear: ct.low > 0 || ct.high < 0,
      });
    });
  }
  return out.sort((a, b) => (a.competitor < b.competitor ? -1 : a.competitor > b.competitor ? 1 : a.contribution - b.contribution));
}
