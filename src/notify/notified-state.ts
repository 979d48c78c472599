/**
 * The notified call-backs: one JSON line per call-back delivered to a webhook (its response id, when,
 * the run date), appended and flushed right after each delivery, so a call-back is posted once ever and a
 * rerun after a failure sends only what was not delivered. Kept at the top of the output folder
 * (`<out>/notified-callbacks.jsonl`, beside the nights) unless `--state` says otherwise.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../run/errors.ts';
import { appendJsonLine, readJsonLines } from '../run/json-lines.ts';
import { outputFolderOfRun } from '../publish/output-folder-of-run.ts';

export const NOTIFIED_CALLBACKS_FILE = 'notified-callbacks.jsonl';

export const notifiedEntrySchema = z.looseObject({
  response_id: z.string().min(1).describe('the call-back delivered (callback-list.json rows[].response_id)'),
  notified_at: z.string().describe('when the webhook accepted it, ISO 8601 UTC'),
  as_of: z.string().optional().describe('the run date of the list it came from'),
  status: z.number().int().optional().describe('the HTTP status the webhook answered'),
});
export type NotifiedEntry = z.infer<typeof notifiedEntrySchema>;

/** `<out>/notified-callbacks.jsonl` of the output folder the run belongs to; --state is needed outside one. */
export function defaultStateFile(runDir: string): string {
  const out = outputFolderOfRun(runDir);
  if (out !== undefined) return join(out, NOTIFIED_CALLBACKS_FILE);
  throw new UsageError(`${runDir} is not an output folder or a published run of one (<out>/runs/<run-id>): give the state file with --state`);
}

/** The response ids already delivered. */
export function readNotified(stateFile: string): Set<string> {
  return new Set(readJsonLines(stateFile, notifiedEntrySchema, 'fix or remove the line (each line is a call-back already delivered)').map((e) => e.response_id));
}

export function recordNotified(stateFile: string, entry: NotifiedEntry): void {
  appendJsonLine(stateFile, entry);
}
