/**
 * The demo company's customer base: segments, regions, ARR distributions and tiers.
 * These are the planted parameters of the CRM side (recorded in ground-truth.json).
 */
import type { CompanyStyle } from './name-banks.ts';

export type Segment = 'Enterprise' | 'Mid-Market' | 'SMB';
export type ContactLanguage = 'fr' | 'en';
export type Role = 'decision_maker' | 'influencer' | 'user';

export interface SegmentSpec {
  readonly segment: Segment;
  readonly share: number;
  /** lognormal ARR: median (EUR) and sigma of log */
  readonly arrMedian: number;
  readonly arrSigma: number;
  readonly minContacts: number;
  readonly maxContacts: number;
  /** probability that one survey invitation is answered */
  readonly responseRate: number;
  /** share of accounts whose invoicing is broken (source of billing_errors mentions) */
  readonly billingProblemShare: number;
}

export const SEGMENTS: readonly SegmentSpec[] = [
  { segment: 'Enterprise', share: 0.06, arrMedian: 520_000, arrSigma: 0.55, minContacts: 8, maxContacts: 24, responseRate: 0.66, billingProblemShare: 0.15 },
  { segment: 'Mid-Market', share: 0.27, arrMedian: 68_000, arrSigma: 0.42, minContacts: 2, maxContacts: 7, responseRate: 0.54, billingProblemShare: 0.11 },
  { segment: 'SMB', share: 0.67, arrMedian: 10_500, arrSigma: 0.36, minContacts: 1, maxContacts: 3, responseRate: 0.43, billingProblemShare: 0.08 },
];

export interface RegionSpec {
  readonly region: string;
  readonly share: number;
  /** probability that a contact there answers in French */
  readonly frenchShare: number;
  readonly style: CompanyStyle;
}

export const REGIONS: readonly RegionSpec[] = [
  { region: 'France', share: 0.38, frenchShare: 0.96, style: { trades: 'fr', legalForms: ['SAS', 'SA', 'SARL', 'SAS', 'Groupe'] } },
  { region: 'Benelux', share: 0.1, frenchShare: 0.45, style: { trades: 'nl', legalForms: ['BV', 'NV', 'SA', 'SRL'] } },
  { region: 'DACH', share: 0.12, frenchShare: 0.03, style: { trades: 'de', legalForms: ['GmbH', 'AG', 'GmbH & Co. KG'] } },
  { region: 'UK & Ireland', share: 0.12, frenchShare: 0.01, style: { trades: 'en', legalForms: ['Ltd', 'plc', 'Ltd'] } },
  { region: 'North America', share: 0.14, frenchShare: 0.06, style: { trades: 'en', legalForms: ['Inc.', 'LLC', 'Corp.'] } },
  { region: 'Nordics', share: 0.06, frenchShare: 0.01, style: { trades: 'en', legalForms: ['AB', 'AS', 'Oy', 'A/S'] } },
  { region: 'Southern Europe', share: 0.08, frenchShare: 0.15, style: { trades: 'it', legalForms: ['S.p.A.', 'S.r.l.', 'S.L.', 'S.A.'] } },
];

/** Roles of an account's contacts after the first (always a decision maker). */
export const ROLE_WEIGHTS: readonly [Role, number][] = [
  ['decision_maker', 0.12],
  ['influencer', 0.33],
  ['user', 0.55],
];

/** Accounts at or above this ARR count as high-ARR in the churn model (tiers Strategic and Key). */
export const HIGH_ARR_EUR = 100_000;

export function tierOf(arr: number): string {
  if (arr >= 500_000) return 'Strategic';
  if (arr >= HIGH_ARR_EUR) return 'Key';
  if (arr >= 20_000) return 'Core';
  return 'Growth';
}

export const ACCOUNT_MANAGERS = 60;
/** Default number of accounts at scale 1. */
export const FULL_ACCOUNT_COUNT = 20_000;

/** Picks an item by weight with one uniform draw u in [0, 1). */
export function pickWeighted<T>(items: readonly T[], weightOf: (item: T) => number, u: number): T {
  let total = 0;
  for (const item of items) total += weightOf(item);
  let x = u * total;
  for (const item of items) {
    x -= weightOf(item);
    if (x < 0) return item;
  }
  return items[items.length - 1] as T;
}
