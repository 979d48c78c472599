/**
 * The `callbacks:` section of a pipeline file: which responses go on the closed-loop call-back list,
 * how long the team has to call back, and who is assigned. Every field has a default, and the defaults
 * are the list ecoute has always written: detractors (NPS 0–6) and passives (7–8) with a negative theme
 * mention, of the last 14 days, due 48 hours after the response, assigned to the account owner.
 */
import { z } from 'zod';

/** A whole number from min to max; every mistake gets the same message, naming what is expected. */
const wholeNumber = (expected: string, min: number, max: number) =>
  z.number({ error: expected }).int({ error: expected }).min(min, { error: expected }).max(max, { error: expected });

export const callbackRuleSchema = z
  .strictObject({
    nps_max: wholeNumber('expected an NPS score 0-10 (a whole number), or null', 0, 10)
      .nullable()
      .default(6)
      .describe('responses with an NPS at or below this need a call-back (6: the detractors); null: NPS alone never does'),
    passives_with_negative_theme: z
      .boolean({ error: 'expected true or false' })
      .default(true)
      .describe('passives (NPS 7-8) with at least one negative theme mention need a call-back too'),
    csat_max: wholeNumber('expected a CSAT score 1-5 (a whole number), or null', 1, 5)
      .nullable()
      .default(null)
      .describe('responses with a CSAT at or below this need a call-back too, NPS or not (e.g. 2 for CSAT-only programs); null (default): CSAT is not used'),
    ces_max: wholeNumber('expected a CES answer 1-7 (a whole number), or null', 1, 7)
      .nullable()
      .default(null)
      .describe('CES on an ease scale (ces_direction: higher_is_easier): responses with a CES at or below this need a call-back too (e.g. 2 for CES-only programs); null (default): CES is not used'),
    ces_min: wholeNumber('expected a CES answer 1-7 (a whole number), or null', 1, 7)
      .nullable()
      .default(null)
      .describe('CES on an effort scale (ces_direction: lower_is_easier): responses with a CES at or above this need a call-back too (e.g. 6); null (default): CES is not used'),
    min_arr: z
      .number({ error: 'expected an amount of ARR, 0 or more' })
      .min(0, { error: 'expected an amount of ARR, 0 or more' })
      .default(0)
      .describe("only accounts with at least this ARR (latest period up to the run date, reporting currency); 0 (default): every response, accounts without ARR included"),
  })
  .prefault({})
  .describe('which responses need a call-back: any of nps_max, passives_with_negative_theme, csat_max, ces_max / ces_min, and then min_arr');

export const callbackConfigSchema = z
  .strictObject({
    within_hours: wholeNumber('expected a whole number of hours, 1 to 8760 (a year)', 1, 24 * 365)
      .default(48)
      .describe('due_by = submitted_at + within_hours; a call-back is overdue when due_by is before the end of the run date'),
    window_days: wholeNumber('expected a whole number of days, 1 to 3650', 1, 3650)
      .default(14)
      .describe('responses of the last N days up to the run date'),
    rule: callbackRuleSchema,
    loop_since: z
      .string({ error: 'expected a date YYYY-MM-DD' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' })
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: 'expected a real date YYYY-MM-DD' })
      .optional()
      .describe('with a followups source: call-backs of responses submitted on or after this date are tracked by the closed-loop figures (default: the day of the earliest follow-up, when the team began recording calls)'),
    assign_to: z
      .string({ error: 'expected owner, or a team or person name' })
      .trim()
      .min(1, { error: 'expected owner, or a team or person name' })
      .max(200, { error: 'expected a name of at most 200 characters' })
      .default('owner')
      .describe('the assignee column: owner (default) for the account owner, or a fixed team or person name, e.g. "CX desk"'),
  })
  .prefault({})
  .describe('the closed-loop call-back list (callback-list.csv/.json, the dashboard panel, `ecoute notify`)');

export type CallbackSettings = z.infer<typeof callbackConfigSchema>;

/** The settings of a pipeline without a `callbacks:` section. */
export const DEFAULT_CALLBACK_SETTINGS: CallbackSettings = callbackConfigSchema.parse({});
