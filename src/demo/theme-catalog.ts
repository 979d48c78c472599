/**
 * The ten themes customers talk about, with every planted effect: how often each is experienced,
 * how it moves the attribute ratings (hence NPS) and how a negative mention moves churn.
 * ground-truth.json is built from these numbers; analyses should recover them.
 */
import type { Attribute } from './nps-model.ts';

export type JourneyStage = 'onboarding' | 'adoption' | 'support' | 'billing' | 'renewal';

export interface ThemeSpec {
  readonly id: string;
  readonly labels: { readonly en: string; readonly fr: string };
  /** per response, probability of a negative experience (before stage and account multipliers) */
  readonly negativeRate: number;
  readonly positiveRate: number;
  /** multiplier on both rates by journey stage */
  readonly stageBoost: Partial<Record<JourneyStage, number>>;
  /** rating points added to the latent attribute ratings by a negative experience */
  readonly negativeShift: Partial<Record<Attribute, number>>;
  /** rating points added by a positive experience */
  readonly positiveShift: Partial<Record<Attribute, number>>;
  /** churn log-odds of a negative mention by the account in the year before renewal */
  readonly churnLogOdds: number;
  /** extra churn log-odds when the account's ARR is at least HIGH_ARR_EUR */
  readonly churnLogOddsHighArr: number;
  /** churn log-odds of a positive mention */
  readonly positiveChurnLogOdds: number;
  /** downgrade log-odds of a negative mention (among accounts that do not churn) */
  readonly downgradeLogOdds: number;
}

export const SUPPORT_THEME = 'support_responsiveness';
export const BILLING_THEME = 'billing_errors';

/** billing_errors is an account trait: broken invoicing makes its mentions far likelier. */
export const BILLING_PROBLEM_NEGATIVE_RATE = 0.5;
export const BILLING_HEALTHY_NEGATIVE_RATE = 0.0025;

export const THEMES: readonly ThemeSpec[] = [
  {
    id: SUPPORT_THEME, labels: { en: 'Support responsiveness', fr: 'Réactivité du support' },
    negativeRate: 0.15, positiveRate: 0.06, stageBoost: { support: 2.6, onboarding: 0.8, billing: 0.4, renewal: 0.5 },
    negativeShift: { support: -1.6 }, positiveShift: { support: 0.6 },
    // Support complaints come from engaged, heavy users: the direct effect offsets most of the NPS route.
    churnLogOdds: -0.1, churnLogOddsHighArr: 0, positiveChurnLogOdds: 0, downgradeLogOdds: 0,
  },
  {
    id: BILLING_THEME, labels: { en: 'Billing errors', fr: 'Erreurs de facturation' },
    negativeRate: BILLING_HEALTHY_NEGATIVE_RATE, positiveRate: 0.004, stageBoost: { billing: 3, renewal: 1.5, adoption: 0.8 },
    negativeShift: { value: -0.9 }, positiveShift: { value: 0.2 },
    churnLogOdds: 0.7, churnLogOddsHighArr: 1.9, positiveChurnLogOdds: 0, downgradeLogOdds: 0.3,
  },
  {
    id: 'product_reliability', labels: { en: 'Product reliability', fr: 'Fiabilité du produit' },
    negativeRate: 0.055, positiveRate: 0.07, stageBoost: { adoption: 1.3, support: 1.4, billing: 0.3 },
    negativeShift: { reliability: -1.5 }, positiveShift: { reliability: 0.5 },
    churnLogOdds: 0.45, churnLogOddsHighArr: 0, positiveChurnLogOdds: 0, downgradeLogOdds: 0.2,
  },
  {
    id: 'ease_of_use', labels: { en: 'Ease of use', fr: 'Facilité d’utilisation' },
    negativeRate: 0.04, positiveRate: 0.11, stageBoost: { adoption: 1.4, onboarding: 1.3, billing: 0.3 },
    negativeShift: { ease: -1.3 }, positiveShift: { ease: 0.6 },
    churnLogOdds: 0.15, churnLogOddsHighArr: 0, positiveChurnLogOdds: 0, downgradeLogOdds: 0,
  },
  {
    id: 'onboarding', labels: { en: 'Onboarding', fr: 'Onboarding et déploiement' },
    negativeRate: 0.012, positiveRate: 0.025, stageBoost: { onboarding: 7, adoption: 0.6, support: 0.5, billing: 0.2, renewal: 0.3 },
    negativeShift: { onboarding: -1.6, ease: -0.3 }, positiveShift: { onboarding: 0.7 },
    churnLogOdds: 0.25, churnLogOddsHighArr: 0, positiveChurnLogOdds: 0, downgradeLogOdds: 0,
  },
  {
    id: 'pricing_value', labels: { en: 'Pricing and value', fr: 'Prix et rapport qualité-prix' },
    negativeRate: 0.05, positiveRate: 0.05, stageBoost: { renewal: 2.5, billing: 1.8, support: 0.5 },
    negativeShift: { value: -1.3 }, positiveShift: { value: 0.6 },
    churnLogOdds: 0.35, churnLogOddsHighArr: 0, positiveChurnLogOdds: 0, downgradeLogOdds: 1.1,
  },
  {
    id: 'account_manager', labels: { en: 'Account manager', fr: 'Chargé de compte' },
    negativeRate: 0.015, positiveRate: 0.07, stageBoost: { renewal: 2.2, onboarding: 1.2, support: 0.4 },
    negativeShift: { support: -0.4, value: -0.3 }, positiveShift: { support: 0.3, value: 0.3 },
    churnLogOdds: 0.3, churnLogOddsHighArr: 0, positiveChurnLogOdds: -0.35, downgradeLogOdds: 0,
  },
  {
    id: 'integrations', labels: { en: 'Integrations and API', fr: 'Intégrations et API' },
    negativeRate: 0.03, positiveRate: 0.035, stageBoost: { onboarding: 1.8, adoption: 1.3, billing: 0.2 },
    negativeShift: { reliability: -0.6, ease: -0.5 }, positiveShift: { ease: 0.3 },
    churnLogOdds: 0.3, churnLogOddsHighArr: 0, positiveChurnLogOdds: 0, downgradeLogOdds: 0,
  },
  {
    id: 'performance_speed', labels: { en: 'Performance and speed', fr: 'Performance et rapidité' },
    negativeRate: 0.04, positiveRate: 0.03, stageBoost: { adoption: 1.4, support: 1.1, billing: 0.2 },
    negativeShift: { reliability: -0.7, ease: -0.5 }, positiveShift: { reliability: 0.3 },
    churnLogOdds: 0.2, churnLogOddsHighArr: 0, positiveChurnLogOdds: 0, downgradeLogOdds: 0,
  },
  {
    id: 'documentation', labels: { en: 'Documentation', fr: 'Documentation' },
    negativeRate: 0.022, positiveRate: 0.025, stageBoost: { onboarding: 1.6, adoption: 1.2, billing: 0.2 },
    negativeShift: { ease: -0.5, support: -0.3 }, positiveShift: { ease: 0.2 },
    churnLogOdds: 0.05, churnLogOddsHighArr: 0, positiveChurnLogOdds: 0, downgradeLogOdds: 0,
  },
];

export const THEME_INDEX: ReadonlyMap<string, number> = new Map(THEMES.map((t, i) => [t.id, i]));
