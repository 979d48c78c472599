/**
 * The planted renewal model. At each contract anniversary the account churns with
 *   logit p = intercept(segment) + effect(NPS band of the year's responses) + LOG_ARR_COEF·ln(ARR / segment median)
 *           + Σ over themes mentioned negatively in the 365 days before renewal (log-odds, + extra if ARR ≥ 100k)
 *           + Σ over themes mentioned positively (log-odds)
 * and, if it stays, downgrades with a second logistic model driven mostly by pricing complaints.
 */
import type { Rng } from '../util/random.ts';
import { HIGH_ARR_EUR, pickWeighted, type Segment, type SegmentSpec } from './company-model.ts';
import { THEMES } from './theme-catalog.ts';

export const CHURN_WINDOW_DAYS = 365;
export const CHURN_INTERCEPT: Readonly<Record<Segment, number>> = { Enterprise: -3.0, 'Mid-Market': -2.4, SMB: -1.9 };
export type AccountNpsBand = 'detractor' | 'passive' | 'promoter' | 'no_response';
/** band of the account's mean NPS over the window (<7 detractor, <9 passive) */
export const CHURN_NPS_BAND_EFFECT: Readonly<Record<AccountNpsBand, number>> = { detractor: 0.55, passive: 0, promoter: -0.45, no_response: 0.25 };
export const LOG_ARR_COEF = -0.2;
export const DOWNGRADE_INTERCEPT = -2.7;
export const DOWNGRADE_DETRACTOR_EFFECT = 0.3;

export interface RenewalFeatures {
  readonly segment: SegmentSpec;
  readonly arr: number;
  readonly band: AccountNpsBand;
  /** bit i set = THEMES[i] mentioned negatively / positively in the window */
  readonly negativeMask: number;
  readonly positiveMask: number;
}

export function accountNpsBand(npsValues: readonly number[]): AccountNpsBand {
  if (npsValues.length === 0) return 'no_response';
  const mean = npsValues.reduce((a, b) => a + b, 0) / npsValues.length;
  return mean >= 9 ? 'promoter' : mean >= 7 ? 'passive' : 'detractor';
}

export function themeChurnLogOdds(themeIndex: number, arr: number): number {
  const t = THEMES[themeIndex];
  if (t === undefined) throw new Error(`unknown theme index ${themeIndex}`);
  return t.churnLogOdds + (arr >= HIGH_ARR_EUR ? t.churnLogOddsHighArr : 0);
}

export function churnLogit(f: RenewalFeatures): number {
  let x = CHURN_INTERCEPT[f.segment.segment] + CHURN_NPS_BAND_EFFECT[f.band] + LOG_ARR_COEF * Math.log(f.arr / f.segment.arrMedian);
  THEMES.forEach((t, i) => {
    if (f.negativeMask & (1 << i)) x += themeChurnLogOdds(i, f.arr);
    if (f.positiveMask & (1 << i)) x += t.positiveChurnLogOdds;
  });
  return x;
}

export function downgradeLogit(f: RenewalFeatures): number {
  let x = DOWNGRADE_INTERCEPT + (f.band === 'detractor' ? DOWNGRADE_DETRACTOR_EFFECT : 0);
  THEMES.forEach((t, i) => {
    if (f.negativeMask & (1 << i)) x += t.downgradeLogOdds;
  });
  return x;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export type RenewalOutcome = 'churned' | 'renewed' | 'downgraded';

const BASE_CHURN_REASONS = [
  'Budget cuts',
  'Acquired by another company, tools consolidated',
  'Switched to a competitor',
  'Project discontinued',
  'Built an internal tool',
  'Company went into administration',
];
const THEME_CHURN_REASONS: Readonly<Record<string, readonly string[]>> = {
  support_responsiveness: ['Unhappy with support response times'],
  billing_errors: ['Repeated invoicing errors - finance lost trust', 'Billing mistakes, escalated to CFO'],
  product_reliability: ['Too many outages', 'Stability issues'],
  ease_of_use: ['Low adoption, users find the tool too complex'],
  onboarding: ['Failed implementation'],
  pricing_value: ['Price increase at renewal', 'Too expensive for usage'],
  account_manager: ['Poor relationship with account team'],
  integrations: ['Missing ERP integration', 'Salesforce sync problems'],
  performance_speed: ['Performance issues on large reports'],
  documentation: ['Low adoption'],
};
const DOWNGRADE_REASONS = ['Reduced seats', 'Moved to a lower plan', 'Dropped the analytics module', 'Fewer licences after reorganisation'];

/** The CRM reason text: a planted driver is named in proportion to its log-odds, else a generic reason. */
export function chooseReason(rng: Rng, outcome: RenewalOutcome, f: RenewalFeatures): string {
  if (outcome === 'renewed') return '';
  if (outcome === 'downgraded') {
    return f.negativeMask & (1 << THEMES.findIndex((t) => t.id === 'pricing_value')) && rng.chance(0.6)
      ? 'Price pressure, reduced seats'
      : rng.pick(DOWNGRADE_REASONS);
  }
  const candidates: { reasons: readonly string[]; weight: number }[] = [{ reasons: BASE_CHURN_REASONS, weight: 0.9 }];
  THEMES.forEach((t, i) => {
    const lo = themeChurnLogOdds(i, f.arr);
    if (f.negativeMask & (1 << i) && lo > 0) candidates.push({ reasons: THEME_CHURN_REASONS[t.id] ?? BASE_CHURN_REASONS, weight: lo });
  });
  return rng.pick(pickWeighted(candidates, (c) => c.weight, rng.next()).reasons);
}
