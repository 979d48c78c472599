/**
 * The pipeline file (`pipelines/*.yaml`): what to load, how source columns map onto
 * ecoute's canonical model, the taxonomy of themes, and the analysis settings.
 * Every field carries `.describe()` so the reference in the README is generated from here.
 */
import { z } from 'zod';
import { taxonomySchema } from './taxonomy-schema.ts';
import { classifyConfigSchema } from '../classify/classify-config-schema.ts';
import { driversConfigSchema } from '../analyze/drivers/drivers-config-schema.ts';
import { callbackConfigSchema } from '../report/callback/callback-config-schema.ts';
import { CES_DIRECTIONS, DEFAULT_CES_DIRECTION } from '../analyze/metrics/headline-metric.ts';
import { MEMORY_SIZE_PATTERN } from '../db/memory-budget.ts';

/** A column name in a source file. Checked later against the file header; quoted by `quoteIdentifier`. */
const columnName = z
  .string({ error: 'expected a column name' })
  .min(1, { error: 'expected a column name' })
  .max(256, { error: 'column name longer than 256 characters' })
  .refine((s) => !/[\u0000-\u001f]/.test(s), { error: 'column name contains control characters' })
  .describe('name of a column in the source file');

const optionalColumn = columnName.optional();

/** Rating values that mean "not rated" (the attribute is then missing, and recorded in field_problems). */
const notRated = z.union([z.number(), z.array(z.number())]).optional();

/** One attribute rating mapped with its own "not rated" values, e.g. `{ column: "Q7", not_rated: 0 }`. */
const ratingColumnSchema = z.strictObject({
  column: columnName,
  not_rated: notRated.describe('values of this rating that mean "not rated" (instead of rating_scale.not_rated)'),
});

export const csvOptionsSchema = z
  .strictObject({
    delimiter: z.string().min(1).max(4).default(',').describe('field separator, e.g. "," ";" "\\t" "|"'),
    quote: z.string().length(1).default('"').describe('quote character'),
    escape: z.string().length(1).optional().describe('escape character inside quoted fields (default: same as quote)'),
    header: z.boolean().default(true).describe('whether the first line names the columns'),
    encoding: z
      .enum(['utf-8', 'latin-1', 'windows-1252', 'utf-16'])
      .default('utf-8')
      .describe('text encoding of the file; windows-1252 is transcoded to UTF-8 before loading'),
  })
  .describe('CSV reader options');

/** The strptime specifiers DuckDB knows (a `-` drops the leading zero of a number); anything else is a config error. */
export const STRPTIME_SPECIFIERS = 'abcdfghjmnpuwxyzABGHIMSTUVWXYZ%';
const NO_PAD_SPECIFIERS = 'djmyHIMS';

/** The first specifier of a strptime format that DuckDB would refuse, or undefined. */
export function badStrptimeSpecifier(format: string): string | undefined {
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== '%') continue;
    const dash = format[i + 1] === '-';
    const c = format[i + (dash ? 2 : 1)];
    if (c === undefined || !(dash ? NO_PAD_SPECIFIERS : STRPTIME_SPECIFIERS).includes(c)) return format.slice(i, i + (dash ? 3 : 2));
    i += dash ? 2 : 1;
  }
  return undefined;
}

const dateFormats = z
  .array(
    z
      .string()
      .min(1)
      .check((ctx) => {
        const bad = badStrptimeSpecifier(ctx.value);
        if (bad !== undefined) ctx.issues.push({ code: 'custom', message: `unknown strptime specifier ${JSON.stringify(bad)} in ${JSON.stringify(ctx.value)}`, input: ctx.value });
      }),
  )
  .min(1)
  .optional()
  .describe('strptime formats tried in order, e.g. ["%d/%m/%Y", "%Y-%m-%d %H:%M"]; default ISO 8601');

export const NUMBER_LOCALES = ['en', 'fr'] as const;

/** Options shared by every source. */
const sourceBase = {
  path: z
    .string({ error: 'expected a file path or glob' })
    .min(1)
    .describe('file or glob (e.g. exports/responses-*.csv), relative to the pipeline file; files are unioned'),
  format: z.enum(['csv', 'parquet', 'jsonl']).optional().describe('file format; inferred from the extension when omitted'),
  csv: csvOptionsSchema.optional(),
  date_formats: dateFormats,
  number_locale: z
    .enum(NUMBER_LOCALES)
    .optional()
    .describe('thousands separators of the numbers: en 12,500.50; fr 12 500,50; none (default): no thousands separator, "12,500" is ambiguous_number'),
  missing_values: z
    .array(z.string().max(256))
    .default([''])
    .describe('texts that mean "no value" in this export, compared after trimming spaces, e.g. ["", "NA", "N/A", "-"]; a blank cell is always missing'),
};

export const responsesSourceSchema = z
  .strictObject({
    ...sourceBase,
    columns: z
      .strictObject({
        response_id: columnName.describe('unique id of the response (required)'),
        contact_id: optionalColumn.describe('respondent / contact id'),
        account_id: optionalColumn.describe('account (customer company) id'),
        submitted_at: columnName.describe('when the response was submitted (required)'),
        channel: optionalColumn.describe('email, web, sms, in-app, phone...'),
        survey_type: optionalColumn.describe('relational, transactional or employee'),
        journey_stage: optionalColumn.describe('journey stage, e.g. onboarding, renewal'),
        touchpoint: optionalColumn.describe('touchpoint, e.g. support ticket, invoice'),
        nps: optionalColumn.describe('likelihood to recommend, integer 0-10'),
        csat: optionalColumn.describe('satisfaction, integer 1-5'),
        ces: optionalColumn.describe('customer effort score, integer 1-7 (its direction: ces_direction)'),
        verbatim: optionalColumn.describe('free-text comment'),
        language: optionalColumn.describe('language code if known (fr, en...)'),
        duration_seconds: optionalColumn.describe('time taken to answer, for speeder detection'),
        consent: optionalColumn.describe('testimonial consent per response (yes/no, oui/non, true/false, 1/0); without it `ecoute testimonials` exports nothing'),
        ratings: z
          .record(
            z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, { error: 'attribute names are lower_snake_case' }),
            z.union([columnName, ratingColumnSchema]),
          )
          .default({})
          .describe('attribute ratings: canonical attribute name -> column, or { column, not_rated } for a rating with its own "not rated" values'),
      })
      .describe('mapping of canonical response fields to source columns'),
    survey_type: z.enum(['relational', 'transactional', 'employee']).optional().describe('survey type when the file has no column for it'),
    ces_direction: z
      .enum(CES_DIRECTIONS)
      .default(DEFAULT_CES_DIRECTION)
      .describe(
        'which way the CES answer (1-7) runs: higher_is_easier (default; CES 2.0, the current standard: agreement with "The company made it easy for me to handle my issue", 7 = easiest) or lower_is_easier (CES 1.0: "How much effort did you personally have to put forth?", 1 = least effort). Theme impact, drivers and every CES wording follow it',
      ),
    rating_scale: z
      .strictObject({
        min: z.number().default(1),
        max: z.number().default(5),
        not_rated: notRated.describe('rating values that mean "not rated" for every attribute, e.g. 0 or [0, 99]'),
      })
      .prefault({})
      .refine((r) => r.min < r.max, { error: 'rating_scale.min must be below rating_scale.max', path: ['max'] })
      .describe('range of attribute ratings'),
  })
  .describe('survey responses (required)');

export const accountsSourceSchema = z
  .strictObject({
    ...sourceBase,
    columns: z.strictObject({
      account_id: columnName,
      name: optionalColumn,
      segment: optionalColumn,
      region: optionalColumn,
      owner: optionalColumn.describe('account owner or team'),
      tier: optionalColumn,
    }),
  })
  .describe('CRM accounts');

export const contactsSourceSchema = z
  .strictObject({
    ...sourceBase,
    columns: z.strictObject({
      contact_id: columnName,
      account_id: columnName,
      role: optionalColumn.describe('decision_maker, influencer, user...'),
      language: optionalColumn.describe('preferred language of the contact (fr, en...)'),
      name: optionalColumn.describe("the contact's name: restricted, only in restricted/callback-contacts.csv (never in the dashboard or reports)"),
      email: optionalColumn.describe("the contact's email address (checked: local@domain.tld, else kept as read and flagged invalid_email); restricted; `ecoute erase --email` matches it"),
      phone: optionalColumn.describe("the contact's phone number, normalised to E.164 (+33639981234) when it can be, else kept as read and flagged invalid_phone; restricted"),
    }),
    phone_country_code: z
      .string()
      .regex(/^[1-9][0-9]{0,2}$/, { error: 'expected a country calling code without +, e.g. "33" for France, "44" for the UK, "1" for North America' })
      .optional()
      .describe('calling code of the phone numbers written without one (06 39 98 12 34 with "33" is +33639981234); without it such numbers are flagged invalid_phone'),
  })
  .describe('CRM contacts');

export const revenueSourceSchema = z
  .strictObject({
    ...sourceBase,
    columns: z.strictObject({
      account_id: columnName,
      period: columnName.describe('period start date (month or year)'),
      arr: columnName.describe('annual recurring revenue (or revenue) for the period'),
      currency: optionalColumn,
    }),
    currency: z.string().length(3).optional().describe('currency when the file has no column for it (ISO 4217)'),
  })
  .describe('financial data: ARR per account and period');

export const churnSourceSchema = z
  .strictObject({
    ...sourceBase,
    columns: z.strictObject({
      account_id: columnName,
      date: columnName.describe('date of the renewal decision or loss'),
      outcome: columnName.describe('churned, renewed or downgraded'),
      reason: optionalColumn,
    }),
  })
  .describe('renewals and losses');

export const invitationsSourceSchema = z
  .strictObject({
    ...sourceBase,
    columns: z.strictObject({
      invitation_id: optionalColumn,
      contact_id: optionalColumn,
      account_id: optionalColumn,
      invited_at: columnName,
      survey_type: optionalColumn,
    }),
  })
  .describe('survey invitations, for response rates');

const attributeRatings = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, { error: 'attribute names are lower_snake_case' }), columnName)
  .default({})
  .describe('attribute ratings: canonical attribute name -> column');

export const benchmarkSourceSchema = z
  .strictObject({
    ...sourceBase,
    columns: z
      .strictObject({
        response_id: columnName.describe('unique id of the panel answer (required)'),
        responded_at: columnName.describe('when the panel member answered (required)'),
        brand: columnName.describe('the brand the answer is about (required)'),
        role: columnName.describe('own or competitor (required; also propre/concurrent)'),
        nps: columnName.describe('likelihood to recommend the brand, integer 0-10 (required)'),
        segment: optionalColumn.describe('segment of the panel member, e.g. Enterprise'),
        verbatim: optionalColumn.describe('free-text comment'),
        ratings: attributeRatings,
      })
      .describe('mapping of the benchmark survey columns'),
    rating_scale: z
      .strictObject({ min: z.number().default(1), max: z.number().default(5) })
      .prefault({})
      .refine((r) => r.min < r.max, { error: 'rating_scale.min must be below rating_scale.max', path: ['max'] })
      .describe('range of attribute ratings'),
  })
  .describe('competitive benchmark: one row per answer of a blind or panel survey about our brand and competitors');

export const referenceScoresSourceSchema = z
  .strictObject({
    ...sourceBase,
    columns: z.strictObject({
      brand: columnName.describe('brand or industry the figure is about'),
      period: columnName.describe('period the figure covers, as published (e.g. 2026, 2026-Q2)'),
      nps: columnName.describe('published NPS in points, -100..100'),
      n: optionalColumn.describe('published number of respondents'),
      source: columnName.describe('who published it'),
    }),
  })
  .describe('published reference NPS figures (no respondent-level data): shown as reference points, never tested');

export const followupsSourceSchema = z
  .strictObject({
    ...sourceBase,
    columns: z
      .strictObject({
        response_id: optionalColumn.describe('the response that was followed up (a row with it closes that call-back)'),
        account_id: optionalColumn.describe('the account that was called (a row without response_id closes every earlier call-back of the account)'),
        called_at: columnName.describe('when the customer was called back (required; an offset is converted to UTC)'),
        outcome: columnName.describe('reached, voicemail, no_answer or declined (required; also joint, messagerie, pas de réponse, refus...)'),
        notes: optionalColumn.describe('free-text notes of the call: kept in the DuckDB file only, erased with the person, redacted in every file'),
        called_by: optionalColumn.describe('who called'),
      })
      .refine((c) => c.response_id !== undefined || c.account_id !== undefined, { error: 'map response_id or account_id (at least one)', path: ['response_id'] })
      .describe('mapping of the follow-up export columns'),
  })
  .describe('call-back follow-ups (the CRM or ticketing export of calls made): closes the call-back loop');

const qualityAction = z.enum(['flag', 'quarantine']).default('flag');

export const SOURCE_NAMES = ['responses', 'accounts', 'contacts', 'revenue', 'churn', 'invitations', 'benchmark', 'reference_scores', 'followups'] as const;

/** Thresholds of one source's gate; unset ones take the gates' defaults. */
const gateThresholds = {
  min_accepted_rows: z.number().int().min(0).optional().describe('fewest accepted rows (default 1: a source that loads nothing fails)'),
  max_quarantined_share: z.number().min(0).max(1).optional().describe('largest share of rows read that may be quarantined (default 0.5)'),
  max_row_change: z
    .number()
    .min(0)
    .optional()
    .describe('largest relative change of rows read against the previous published run, e.g. 0.3 = ±30 % (default: not checked)'),
};

export const gatesSchema = z
  .strictObject({
    ...gateThresholds,
    required_sources: z
      .array(z.enum(SOURCE_NAMES))
      .optional()
      .describe('sources that must be in the pipeline and deliver rows (default: every source the pipeline maps)'),
    sources: z
      .strictObject(Object.fromEntries(SOURCE_NAMES.map((s) => [s, z.strictObject(gateThresholds).optional()])) as Record<
        (typeof SOURCE_NAMES)[number],
        z.ZodOptional<z.ZodObject<typeof gateThresholds>>
      >)
      .prefault({})
      .describe('thresholds per source, e.g. { responses: { max_quarantined_share: 0.05 } }'),
  })
  .prefault({})
  .describe('quality gates checked right after validation: a failed gate stops the run with exit code 3 and publishes nothing');

/** The default of settings.dashboard.embed_max_verbatims: past it the explorer is served (`ecoute serve`), not embedded. */
export const DEFAULT_EMBED_MAX_VERBATIMS = 200_000;

export const settingsSchema = z
  .strictObject({
    min_n: z.number().int().min(1).default(30).describe('cells with fewer responses are flagged as small'),
    periods: z
      .array(z.enum(['week', 'month', 'quarter']))
      .min(1)
      .default(['month', 'quarter'])
      .describe('period grains for the metric trends'),
    role_weights: z
      .record(z.string(), z.number().min(0))
      .default({ decision_maker: 1, influencer: 0.5, user: 0.25 })
      .describe('respondent weight by contact role; unknown roles weigh default_role_weight'),
    default_role_weight: z.number().min(0).default(1),
    response_rate_target: z.number().min(0).max(1).default(0.65),
    fdr_level: z
      .number()
      .gt(0, { error: 'expected a level between 0 and 1, such as 0.05' })
      .lt(1, { error: 'expected a level between 0 and 1, such as 0.05' })
      .default(0.05)
      .describe('false-discovery rate: a change (or owner flag) is reported when its Benjamini–Hochberg q-value is below it'),
    speeder_seconds: z.number().min(0).default(0).describe('responses faster than this are speeders (0 = off); see quality'),
    straightline_min_ratings: z
      .number()
      .int()
      .min(2)
      .default(5)
      .describe('with at least this many attribute ratings all identical, a response is a straight-liner'),
    quality: z
      .strictObject({
        speeder: qualityAction.describe('speeders: flagged in responses.quality_flags (default) or quarantined'),
        straight_liner: qualityAction.describe('straight-liners: flagged in responses.quality_flags (default) or quarantined'),
      })
      .prefault({})
      .describe('what happens to responses that look careless: flag keeps them (metrics count them), quarantine drops them'),
    duplicate_window_days: z.number().min(0).default(30).describe('same respondent, same answers within this many days = duplicate'),
    max_verbatim_chars: z.number().int().min(100).default(20000).describe('longer verbatims are truncated (and flagged)'),
    max_record_bytes: z
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(2 * 1024 * 1024)
      .describe('a longer record (CSV record or JSON line, in bytes) is quarantined as record_too_large with a truncated copy'),
    unknown_accounts: z
      .enum(['quarantine', 'keep'])
      .default('quarantine')
      .describe('rows whose account id is not in the CRM accounts: quarantined, or kept (when CRM exports lag)'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { error: 'expected an ISO 4217 code such as EUR' })
      .optional()
      .describe('reporting currency; default: the most common currency of the revenue source'),
    fx_rates: z
      .record(z.string().regex(/^[A-Z]{3}$/, { error: 'expected an ISO 4217 code such as USD' }), z.number().positive())
      .default({})
      .describe('rates to the reporting currency, e.g. { USD: 0.92 }; revenue in other currencies is quarantined'),
    memory_limit: z
      .string()
      .regex(MEMORY_SIZE_PATTERN, { error: 'expected a size such as 4GB or 512MB' })
      .optional()
      .describe("memory of the whole run (DuckDB + JavaScript): DuckDB gets 70 % of it as its limit, past which it spills to a folder beside the database (default: DuckDB takes 80 % of RAM)"),
    threads: z.number().int().min(1).max(256).optional().describe('DuckDB worker threads for the run (default: one per core)'),
    dashboard: z
      .strictObject({
        embed_max_verbatims: z
          .number()
          .int()
          .min(0)
          .default(DEFAULT_EMBED_MAX_VERBATIMS)
          .describe('most verbatims the dashboard embeds (dashboard/verbatims.js); a run with more writes none and its explorer is answered by `ecoute serve <run-dir>`'),
      })
      .prefault({})
      .describe('the dashboard: how many verbatims its pages may embed'),
    gates: gatesSchema,
  })
  .prefault({})
  .describe('analysis settings');

export const pipelineSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'expected a name of letters, digits, _ or -' }),
    description: z.string().optional(),
    sources: z.strictObject({
      responses: responsesSourceSchema,
      accounts: accountsSourceSchema.optional(),
      contacts: contactsSourceSchema.optional(),
      revenue: revenueSourceSchema.optional(),
      churn: churnSourceSchema.optional(),
      invitations: invitationsSourceSchema.optional(),
      benchmark: benchmarkSourceSchema.optional(),
      reference_scores: referenceScoresSourceSchema.optional(),
      followups: followupsSourceSchema.optional(),
    }),
    taxonomy: taxonomySchema.optional(),
    classify: classifyConfigSchema,
    drivers: driversConfigSchema.describe('driver analyses: churn window, bootstrap resamples, ROI scenario, gaming flags'),
    callbacks: callbackConfigSchema,
    settings: settingsSchema,
    output: z
      .strictObject({
        dir: z.string().min(1).default('out').describe('output folder, relative to the pipeline file'),
        keep_runs: z.number().int().min(1).max(1000).default(7).describe('published nights kept under runs/ (the current one included)'),
        keep_failed: z.number().int().min(0).max(1000).default(3).describe('failed or gated runs kept under failed/ for inspection'),
        per_owner: z
          .strictObject({
            key_file: z
              .string()
              .min(1)
              .default('owner-pages.key')
              .describe('secret key of the owner page names (HMAC-SHA256), relative to the output folder; created (random, mode 600) when missing'),
          })
          .optional()
          .describe('write one dashboard per account owner (dashboard/owners/) and an administrator index in every run'),
      })
      .prefault({})
      .describe('where outputs land and how many nights are kept'),
  })
  .superRefine((p, ctx) => {
    // a CES call-back threshold reads the scale the program declares: at or below on an ease scale, at or above on an effort scale
    const ease = p.sources.responses.ces_direction === 'higher_is_easier';
    const wrong = ease ? 'ces_min' : 'ces_max';
    if (p.callbacks.rule[wrong] !== null) {
      ctx.addIssue({
        code: 'custom', path: ['callbacks', 'rule', wrong],
        message: `this program's CES is ${ease ? 'an ease scale (ces_direction: higher_is_easier): call back the low answers with ces_max' : 'an effort scale (ces_direction: lower_is_easier): call back the high answers with ces_min'}`,
      });
    }
  })
  .describe('an ecoute pipeline');

export type Pipeline = z.infer<typeof pipelineSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type SourceName = keyof Pipeline['sources'];
/** Sources whose rows carry attribute ratings (columns.ratings, rating_scale). */
export type RatedSourceName = 'responses' | 'benchmark';
export function isRatedSource(source: SourceName): source is RatedSourceName {
  return source === 'responses' || source === 'benchmark';
}
export type CsvOptions = z.infer<typeof csvOptionsSchema>;
/** CSV options of a source without a `csv:` section: the schema's defaults. */
export const DEFAULT_CSV_OPTIONS: CsvOptions = csvOptionsSchema.parse({});
export type Gates = z.infer<typeof gatesSchema>;
export type QualityAction = z.infer<typeof qualityAction>;
void (SOURCE_NAMES satisfies readonly SourceName[]);
