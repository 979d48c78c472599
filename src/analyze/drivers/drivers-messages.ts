/**
 * Every user-facing message of the driver phase, built in one place so tests compare against the
 * builder rather than a copied string.
 */
import type { HeadlineMetric } from '../metrics/headline-metric.ts';

const list = (names: readonly string[]): string => names.join(', ');
const pct = (share: number): string => `${Math.round(share * 100)} %`;

export const driversMessages = {
  noResponses: (metric: HeadlineMetric = 'nps') => `no response with ${metric === 'nps' ? 'an' : 'a'} ${metric.toUpperCase()} answer up to the run date: ${metric.toUpperCase()} analyses skipped`,
  ownerMonitoringNps: (metric: HeadlineMetric) => `owner monitoring checks the share of NPS 10s per owner; this run has no NPS answers (its driver score is ${metric.toUpperCase()}): skipped`,
  noThemes: () => 'no theme mentions (the verbatim engine did not run or found no theme): theme analyses skipped',
  noRatings: () => 'the survey has no attribute ratings: key driver analysis and penalty-reward skipped',
  lowCoverage: (attributes: readonly string[], share: number) =>
    `left out of the key driver analysis (rated on fewer than ${pct(share)} of the rated responses): ${list(attributes)}`,
  tooFewRatedResponses: (n: number, needed: number) =>
    `only ${n} responses rated every attribute (at least ${needed} needed): key driver analysis skipped`,
  tooManyForShapley: (p: number, max: number) => `exact Shapley decomposition skipped: ${p} drivers, the limit is ${max}; relative weights reported`,
  fewerShapleyResamples: (p: number, replicates: number) =>
    replicates === 0
      ? `Shapley weights of ${p} drivers without bootstrap intervals (2^${p} subsets per resample); use the relative-weights intervals`
      : `Shapley intervals from ${replicates} resamples (2^${p} subsets per resample)`,
  noChurnEvents: () => 'no renewal or churn events up to the run date: churn and revenue analyses skipped (NPS analyses still run)',
  noChurned: (events: number) => `none of the ${events} accounts with a renewal decision churned: churn and revenue analyses skipped`,
  allChurned: (events: number) => `all ${events} accounts with a renewal decision churned: churn and revenue analyses skipped`,
  trainingWindow: (accounts: number, from: string, days: number) =>
    `churn model fitted on the latest renewal decision of ${accounts} accounts, decided from ${from} on (so their ${days}-day feedback window lies inside the survey history)`,
  windowNotCovered: (days: number) =>
    `the survey history is shorter than the ${days}-day churn window before every renewal decision: all decisions used, early ones have partial feedback (silent accounts look riskier)`,
  noAccounts: () => 'no CRM accounts: churn and revenue analyses skipped',
  accountsWithoutArr: (n: number) => `${n} active accounts have no ARR: their churn probability is reported, their ARR at risk is not`,
  arrRiskInterval: (draws: number, accounts: number) =>
    `ARR-at-risk intervals: ${draws} account-bootstrap resamples of the ${accounts} training accounts (one-step refit of the churn model per resample, sandwich covariance); the active accounts are held fixed`,
  tenureTruncated: (accounts: number, total: number, first: string) =>
    `tenure_years is left-truncated for ${accounts} of ${total} training accounts: their first revenue period is the first period of the export (${first}), so their true tenure may be longer`,
  revenueLinks: (dissatisfiers: number, tested: number, fdr: number) =>
    dissatisfiers === 0
      ? `no reliable revenue link found: none of the ${tested} themes tested has an ARR-at-risk interval above zero with q < ${fdr}`
      : `${dissatisfiers} of ${tested} themes tested are revenue dissatisfiers (ARR-at-risk interval above zero, q < ${fdr})`,
  noDetractors: () => 'no active detractor account: the ROI scenario gains nothing',
  noPassiveOrDetractorHistory: () => 'no renewal history for detractor or passive accounts: ROI scenario skipped',
  bunchingNotCheckable: () =>
    'responses bunched right after the owner\'s own contact cannot be checked: the data has no owner contact activity (only survey invitations)',
  singleOwner: () => 'a single owner: no peers to compare the share of 10s with',
} as const;
