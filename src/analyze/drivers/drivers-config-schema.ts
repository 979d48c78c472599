/**
 * The `drivers:` section of a pipeline file: how theme impact, key drivers, churn linkage, ROI
 * figures and owner monitoring are computed. Every field has a default, so `drivers: {}` (or no
 * section at all) runs the full analysis with the settings a CX team would choose.
 */
import { z } from 'zod';

const positiveInt = (what: string) => z.number({ error: `expected a number of ${what}` }).int().min(1);

export const driversConfigSchema = z
  .strictObject({
    churn_window_days: positiveInt('days')
      .max(3650)
      .default(365)
      .describe('feedback counted for an account: responses in this many days before its renewal / churn date (and before the run date for current risk)'),
    analysis_window_days: positiveInt('days')
      .max(36500)
      .optional()
      .describe('theme impact, key drivers and owner monitoring use the responses of the last N days before the run date (default: all up to the run date)'),
    bootstrap_resamples: z.number().int().min(50).max(100_000).default(1000).describe('bootstrap resamples behind every interval'),
    confidence_level: z.number().gt(0.5).lt(1).default(0.95).describe('level of every interval'),
    fdr_level: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.05)
      .describe('false-discovery rate of findings: a theme impact, churn lift or revenue link is reported only when its Benjamini–Hochberg q-value is below this'),
    min_n: positiveInt('responses').optional().describe('cells with fewer responses / accounts are flagged small_n (default: settings.min_n)'),
    arr_bands: z
      .array(z.number().positive())
      .min(1)
      .max(10)
      .default([25_000, 100_000, 500_000])
      .refine((bands) => bands.every((b, i) => i === 0 || b > bands[i - 1]), { error: 'ARR band limits must increase' })
      .describe('upper limits of the ARR bands used as a churn-model control, e.g. [25000, 100000, 500000]'),
    tenure_source: z
      .enum(['first_revenue_period', 'first_response', 'none'])
      .default('first_revenue_period')
      .describe('where an account\'s start date comes from for the tenure control'),
    churn_outcomes: z
      .array(z.enum(['churned', 'downgraded']))
      .min(1)
      .default(['churned'])
      .describe('renewal outcomes counted as churn (add downgraded to model contraction too)'),
    theme_arr_interactions: z
      .boolean()
      .default(true)
      .describe('the churn model also gets theme × log ARR interactions (a complaint may cost more churn among large accounts); a column is kept when min_n training accounts with ARR mention the theme'),
    include_positive_mentions: z.boolean().default(true).describe('the churn model also gets one presence column per theme mentioned positively'),
    segment_weights: z
      .record(z.string().min(1), z.number().min(0))
      .default({})
      .describe('weight of ARR at risk by segment for the prioritised ranking, e.g. { Enterprise: 2 } (missing segments weigh 1)'),
    rating_scale: z
      .strictObject({ min: z.number(), max: z.number() })
      .refine((s) => s.max > s.min, { error: 'rating_scale.max must be above rating_scale.min' })
      .optional()
      .describe('range of attribute ratings for the Kano boxes (default: the observed range)'),
    min_attribute_coverage: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe('attributes rated on fewer than this share of the rated responses are left out of the key driver analysis'),
    bootstrap_groups: z
      .number()
      .int()
      .min(50)
      .max(1_000_000)
      .default(2000)
      .describe('the bootstraps resample accounts (a response without an account is its own): exactly up to this many accounts (per NPS band for ROI), beyond it random groups of whole accounts'),
    roi: z
      .strictObject({
        share_detractors_moved: z.number().gt(0).max(1).default(0.1).describe('share of detractor accounts moved to passive in the ROI scenario'),
        renewal_period_months: positiveInt('months').max(120).default(12).describe('contract length: churn rates are per renewal of this length'),
        max_lifetime_years: z.number().positive().max(100).default(10).describe('cap on the expected lifetime (1 / annual churn rate) in lifetime value'),
      })
      .prefault({})
      .describe('ROI figures'),
    gaming: z
      .strictObject({
        alpha: z.number().gt(0).lt(1).default(0.01).describe('false-discovery rate of the share-of-10s test (Benjamini–Hochberg q-value over owners)'),
        min_excess_share: z.number().min(0).max(1).default(0.1).describe('a flagged owner\'s share of 10s is at least this far above the peers\''),
        repeat_window_days: positiveInt('days').max(365).default(30).describe('window for the one-respondent-answering-many-times check'),
        max_responses_per_contact: positiveInt('responses').default(3).describe('more responses than this from one contact within the window is a repeat respondent'),
      })
      .prefault({})
      .describe('owner / team gaming flags'),
  })
  .prefault({})
  .describe('driver analyses: theme impact, key drivers, churn and revenue linkage, ROI, owner monitoring');

export type DriversConfig = z.infer<typeof driversConfigSchema>;
