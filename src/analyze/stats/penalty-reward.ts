/**
 * Penalty–reward contrast analysis (Kano categories from ratings). For each attribute, responses
 * are split by their rating into bottom box, middle and top box, and the outcome (NPS score,
 * overall satisfaction...) is averaged per box:
 *   penalty = mean(middle) − mean(bottom)   what a poor rating costs
 *   reward  = mean(top) − mean(middle)      what an excellent rating adds
 *
 * Classification rule (negative effects count as 0):
 * - an effect is *large* when it is at least `threshold` (outcome units; default: a penalty is compared
 *   with the mean penalty of all attributes, a reward with their mean reward, so attributes are judged
 *   against each other) and, when
 *   sums of squares are given, significantly above 0 (Welch z > 1.96);
 * - basic (must-be): large penalty only; excitement (attractive): large reward only;
 *   performance (one-dimensional): both large; low-impact: neither;
 * - insufficient-data: a box has fewer than `minBoxSize` responses (default 10).
 */
import { zCritical } from './normal-distribution.ts';
import type { NpsCounts } from './nps.ts';

export interface BoxStats {
  /** responses in the box */
  readonly n: number;
  /** Σ outcome */
  readonly sum: number;
  /** Σ outcome², optional: enables standard errors and the significance requirement */
  readonly sumSquares?: number;
}

export interface AttributeBoxes {
  readonly attribute: string;
  readonly bottom: BoxStats;
  readonly middle: BoxStats;
  readonly top: BoxStats;
}

export type KanoCategory = 'basic' | 'performance' | 'excitement' | 'low-impact' | 'insufficient-data';

export interface PenaltyReward {
  readonly attribute: string;
  readonly penalty: number;
  readonly reward: number;
  /** Welch standard errors (NaN without sums of squares) */
  readonly penaltyStandardError: number;
  readonly rewardStandardError: number;
  readonly category: KanoCategory;
}

export interface PenaltyRewardOptions {
  readonly threshold?: number;
  readonly minBoxSize?: number;
  readonly level?: number;
}

/**
 * Box statistics whose mean is the box's NPS in points: each promoter scores +100, each passive 0,
 * each detractor −100. Penalty and reward are then NPS-point differences between boxes.
 */
export function boxStatsFromNpsCounts(counts: NpsCounts): BoxStats {
  const { promoters: p, passives, detractors: d } = counts;
  return { n: p + passives + d, sum: 100 * (p - d), sumSquares: 10_000 * (p + d) };
}

const mean = (b: BoxStats): number => (b.n > 0 ? b.sum / b.n : Number.NaN);

/** Variance of the box mean (sample variance / n); NaN without sums of squares or n < 2. */
function meanVariance(b: BoxStats): number {
  if (b.sumSquares === undefined || b.n < 2) return Number.NaN;
  const variance = Math.max(0, (b.sumSquares - (b.sum * b.sum) / b.n) / (b.n - 1));
  return variance / b.n;
}

export function penaltyReward(attributes: readonly AttributeBoxes[], options: PenaltyRewardOptions = {}): PenaltyReward[] {
  const minBoxSize = options.minBoxSize ?? 10;
  const z = zCritical(options.level ?? 0.95);
  const effects = attributes.map((a) => ({
    attribute: a.attribute,
    penalty: mean(a.middle) - mean(a.bottom),
    reward: mean(a.top) - mean(a.middle),
    penaltyStandardError: Math.sqrt(meanVariance(a.middle) + meanVariance(a.bottom)),
    rewardStandardError: Math.sqrt(meanVariance(a.top) + meanVariance(a.middle)),
    enough: a.bottom.n >= minBoxSize && a.middle.n >= minBoxSize && a.top.n >= minBoxSize,
  }));
  const usable = effects.filter((e) => e.enough);
  // penalties are judged against the attributes' mean penalty, rewards against their mean reward: on an NPS
  // outcome rewards are usually larger than penalties, and one common threshold would call every attribute "excitement"
  const meanEffect = (pick: (e: (typeof usable)[number]) => number): number =>
    usable.length > 0 ? usable.reduce((s, e) => s + Math.max(0, pick(e)), 0) / usable.length : Number.NaN;
  const penaltyThreshold = options.threshold ?? meanEffect((e) => e.penalty);
  const rewardThreshold = options.threshold ?? meanEffect((e) => e.reward);
  const large = (effect: number, se: number, threshold: number): boolean => effect > 0 && effect >= threshold && (Number.isNaN(se) || effect / se > z);
  return effects.map(({ enough, ...e }) => {
    let category: KanoCategory = 'insufficient-data';
    if (enough) {
      const p = large(e.penalty, e.penaltyStandardError, penaltyThreshold);
      const r = large(e.reward, e.rewardStandardError, rewardThreshold);
      category = p && r ? 'performance' : p ? 'basic' : r ? 'excitement' : 'low-impact';
    }
    return { ...e, category };
  });
}

export interface BoxCutoffs {
  /** ratings ≤ bottomMax are bottom box */
  readonly bottomMax: number;
  /** ratings ≥ topMin are top box */
  readonly topMin: number;
}

/** Bottom / top quarter of a rating scale: 1–5 → ≤2 and ≥4; 0–10 → ≤2.5 and ≥7.5. */
export function boxCutoffs(min: number, max: number): BoxCutoffs {
  const quarter = (max - min) / 4;
  return { bottomMax: min + quarter, topMin: max - quarter };
}

/** Box statistics of one attribute from paired ratings and outcomes (NaN ratings skipped). */
export function attributeBoxesFromRows(attribute: string, ratings: ArrayLike<number>, outcome: ArrayLike<number>, cutoffs: BoxCutoffs): AttributeBoxes {
  if (ratings.length !== outcome.length) throw new RangeError(`${ratings.length} ratings for ${outcome.length} outcomes`);
  if (!(cutoffs.bottomMax < cutoffs.topMin)) throw new RangeError('bottom-box cutoff must be below the top-box cutoff');
  const boxes = [0, 1, 2].map(() => ({ n: 0, sum: 0, sumSquares: 0 }));
  for (let i = 0; i < ratings.length; i++) {
    const r = ratings[i];
    const y = outcome[i];
    if (Number.isNaN(r) || Number.isNaN(y)) continue;
    const box = boxes[r <= cutoffs.bottomMax ? 0 : r >= cutoffs.topMin ? 2 : 1];
    box.n++;
    box.sum += y;
    box.sumSquares += y * y;
  }
  return { attribute, bottom: boxes[0], middle: boxes[1], top: boxes[2] };
}
