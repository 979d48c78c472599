/**
 * The planted key-driver model: NPS is a linear function of the five attribute ratings plus
 * independent noise, so regressing NPS on the ratings recovers ATTRIBUTE_WEIGHTS.
 *   nps = round(clamp(NPS_INTERCEPT + Σ weight·rating + N(0, NPS_NOISE_SD), 0, 10))
 * Ratings come from a latent satisfaction (account mood + respondent) plus theme shifts.
 */
import type { Rng } from '../util/random.ts';

export const ATTRIBUTES = ['ease', 'support', 'value', 'reliability', 'onboarding'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/** Column of each rating in the responses export. */
export const RATING_COLUMNS: Readonly<Record<Attribute, string>> = {
  ease: 'Rating - Ease of use',
  support: 'Rating - Support',
  value: 'Rating - Value for money',
  reliability: 'Rating - Reliability',
  onboarding: 'Rating - Onboarding',
};

/** NPS points per rating point (the planted driver weights). */
export const ATTRIBUTE_WEIGHTS: Readonly<Record<Attribute, number>> = {
  reliability: 0.85,
  support: 0.65,
  value: 0.6,
  ease: 0.45,
  onboarding: 0.2,
};
export const NPS_INTERCEPT = -1.8;
export const NPS_NOISE_SD = 1.1;

const RATING_BASE: Readonly<Record<Attribute, number>> = { ease: 3.85, support: 3.7, value: 3.45, reliability: 3.85, onboarding: 3.75 };
const RATING_LOADING = 0.75;
const RATING_NOISE_SD = 0.6;

export type Ratings = Record<Attribute, number>;

const clampRound = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, Math.round(x)));

/** Latent (unrounded) ratings for one respondent: satisfaction factor plus theme shifts plus noise. */
export function drawLatentRatings(rng: Rng, satisfaction: number, shifts: Readonly<Partial<Ratings>>): Ratings {
  const out = {} as Ratings;
  for (const a of ATTRIBUTES) out[a] = RATING_BASE[a] + RATING_LOADING * satisfaction + (shifts[a] ?? 0) + RATING_NOISE_SD * rng.normal();
  return out;
}

/**
 * Observed 1-5 ratings. A natural straight line (all five equal) is broken by moving one rating
 * one step, so that every straight-liner in the export is a planted one.
 */
export function toObservedRatings(rng: Rng, latent: Readonly<Ratings>): Ratings {
  const out = {} as Ratings;
  for (const a of ATTRIBUTES) out[a] = clampRound(latent[a], 1, 5);
  if (ATTRIBUTES.every((a) => out[a] === out.ease)) {
    const a = rng.pick(ATTRIBUTES);
    out[a] = out[a] === 5 ? 4 : out[a] === 1 ? 2 : out[a] + (latent[a] >= out[a] ? 1 : -1);
  }
  return out;
}

export function computeNps(rng: Rng, ratings: Readonly<Ratings>): number {
  let x = NPS_INTERCEPT + NPS_NOISE_SD * rng.normal();
  for (const a of ATTRIBUTES) x += ATTRIBUTE_WEIGHTS[a] * ratings[a];
  return clampRound(x, 0, 10);
}

/** CSAT 1-5 on transactional surveys: the rating of the touchpoint's attribute, blurred. */
export function computeCsat(rng: Rng, latentOfTouchpoint: number): number {
  return clampRound(latentOfTouchpoint + 0.2 + 0.5 * rng.normal(), 1, 5);
}

/** CES 1-7 ("the company made it easy for me", 7 = very easy), from ease and support. */
export function computeCes(rng: Rng, latent: Readonly<Ratings>): number {
  return clampRound(1 + 0.85 * (latent.ease - 1) + 0.65 * (latent.support - 1) + 0.7 * rng.normal(), 1, 7);
}

export type NpsBand = 'detractor' | 'passive' | 'promoter';
export function npsBand(nps: number): NpsBand {
  return nps >= 9 ? 'promoter' : nps >= 7 ? 'passive' : 'detractor';
}
