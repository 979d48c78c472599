/**
 * callback-list.json, the run's call-back list as a file: the run date, the effective `callbacks:`
 * settings it was computed with (windowDays, dueAfterHours, rule, assignTo), and the rows. Written by
 * emitVisuals; read back (checked with zod) by `ecoute notify`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { EcouteError } from '../../run/errors.ts';
import { callbackRuleSchema, type CallbackSettings } from './callback-config-schema.ts';
import type { CallbackRow } from './callback-list.ts';

export const CALLBACK_LIST_JSON = 'callback-list.json';

export interface CallbackListFile {
  readonly asOf: string;
  /** callbacks.window_days */
  readonly windowDays: number;
  /** callbacks.within_hours */
  readonly dueAfterHours: number;
  readonly rule: CallbackSettings['rule'];
  /** callbacks.assign_to */
  readonly assignTo: string;
  readonly rows: readonly CallbackRow[];
}

export function callbackListFile(asOf: string, settings: CallbackSettings, rows: readonly CallbackRow[]): CallbackListFile {
  return { asOf, windowDays: settings.window_days, dueAfterHours: settings.within_hours, rule: settings.rule, assignTo: settings.assign_to, rows };
}

/** What a reader of the file relies on: every row's response id (the rest of a row is passed through as written). */
const callbackListFileSchema = z.looseObject({
  asOf: z.string(),
  windowDays: z.number().int().positive().optional(),
  dueAfterHours: z.number().int().positive().optional(),
  rule: callbackRuleSchema.optional(),
  assignTo: z.string().optional(),
  rows: z.array(z.looseObject({ response_id: z.string().min(1) })),
});
export type CallbackListFileView = z.infer<typeof callbackListFileSchema>;

export function readCallbackListFile(path: string): CallbackListFileView {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new EcouteError(code === 'ENOENT' ? `${path}: not found (is this a run folder? \`ecoute run\` writes it)` : `${path}: not a JSON call-back list: ${(e as Error).message}`);
  }
  const parsed = callbackListFileSchema.safeParse(json);
  if (!parsed.success) throw new EcouteError(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
