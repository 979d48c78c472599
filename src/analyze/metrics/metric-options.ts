/**
 * The inputs of `computeMetrics`: the run date (never the wall clock) and the analysis settings.
 * Checked at the boundary so a bad date or setting fails with every problem and its path at once.
 */
import { z } from 'zod';
import { settingsSchema, type Settings } from '../../config/pipeline-schema.ts';
import { toConfigProblems, formatConfigProblems } from '../../config/format-zod-issues.ts';

export interface MetricOptions {
  /** Run date, YYYY-MM-DD: responses and invitations after this day are ignored; periods ending by it are complete. */
  readonly asOf: string;
  /** Analysis settings: min_n, periods, role_weights, default_role_weight, response_rate_target. */
  readonly settings: Settings;
}

/** A metric grain: 'all' (one period covering everything, period = NULL) or a calendar period. */
export type Grain = 'all' | Settings['periods'][number];

export class MetricOptionsError extends Error {}

const isoDate = z
  .string({ error: 'expected a date YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { error: 'not a calendar date' })
  .describe('run date');

const metricOptionsSchema = z.object({ asOf: isoDate, settings: settingsSchema });

/** Validates the options; throws a MetricOptionsError listing every problem (`metrics: settings.min_n: ...`). */
export function parseMetricOptions(input: MetricOptions): MetricOptions {
  const parsed = metricOptionsSchema.safeParse(input);
  if (!parsed.success) throw new MetricOptionsError(formatConfigProblems('metrics', toConfigProblems(parsed.error)));
  return parsed.data;
}

/** The grains of the metric tables: 'all' then the configured periods, without duplicates. */
export function metricGrains(settings: Settings): Grain[] {
  return ['all', ...new Set(settings.periods)];
}
