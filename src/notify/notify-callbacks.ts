/**
 * `ecoute notify <run-dir> --webhook URL`: closes the loop by posting the run's new call-backs
 * (callback-list.json) to a webhook (a ticketing tool, a chat channel, a CRM task endpoint).
 *
 *   callback-list.json rows ─► minus the ids in the state file and those already called back (followups)
 *     ─► one POST per call-back, in list order
 *     (ARR at risk first), retried with back-off ─► its id appended to the state file once delivered
 *
 * Each call-back (keyed by response_id) is delivered once ever; the first failure stops the command with
 * a non-zero exit, what was delivered before it staying recorded, so a rerun sends only the rest.
 * The body of each POST (content-type application/json; header Idempotency-Key: ecoute-callback-<response_id>):
 *
 *   { "type": "ecoute.callback", "pipeline": "<name>", "as_of": "<run date>", "callback": { <one row of callback-list.json> } }
 *
 * The row is written as the run wrote it: its verbatim already PII-redacted, the contact by id alone. With
 * `withContactDetails` (--with-contact-details, opt-in: the webhook then receives restricted data) the row also
 * carries `contact: {name, email, phone, flags}` from the run's database (the contacts source's details, as in
 * restricted/callback-contacts.csv; null for a row without a known contact). Two notify commands on the
 * same state file do not overlap: the second waits for the first (a lock beside the state file).
 */
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { EcouteError } from '../run/errors.ts';
import { openRun, readRunSummary } from '../charts/open-run.ts';
import { hasContactDetails, loadContactDetails, type ContactDetails } from '../report/callback/callback-contacts.ts';
import { acquireRunLock } from '../publish/run-lock.ts';
import { CALLBACK_LIST_JSON, readCallbackListFile } from '../report/callback/callback-list-file.ts';
import { parseWebhookUrl, postJson, webhookLabel } from './post-webhook.ts';
import { defaultStateFile, readNotified, recordNotified } from './notified-state.ts';

export interface NotifyOptions {
  readonly webhook: string;
  /** default: notified-callbacks.jsonl in the run's output folder */
  readonly stateFile?: string;
  /** retries of a call-back after its first attempt (default 3) */
  readonly retries?: number;
  /** delay before the first retry, doubled before each next one (default 500 ms) */
  readonly retryBaseMs?: number;
  /** per attempt (default 10 000 ms) */
  readonly timeoutMs?: number;
  readonly now?: () => Date;
  readonly log?: (message: string) => void;
  /** add each contact's name, email and phone (restricted) to the payload */
  readonly withContactDetails?: boolean;
}

export interface NotifyResult {
  readonly runDir: string;
  readonly asOf: string;
  /** the webhook's origin (its path may hold a secret: never printed) */
  readonly webhook: string;
  readonly stateFile: string;
  /** call-backs in the run's list */
  readonly callbacks: number;
  /** of them, delivered before (by an earlier notify) */
  readonly alreadyNotified: number;
  /** of them, not posted because the followups source shows them called back already (called_in_time, called_late) */
  readonly alreadyCalled: number;
  /** response ids delivered now, in order */
  readonly delivered: string[];
}

export class NotifyError extends EcouteError {
  override readonly code: string = 'notify_failed';
  constructor(message: string) {
    super(message);
    this.name = 'NotifyError';
  }
}

export const DEFAULT_NOTIFY = { retries: 3, retryBaseMs: 500, timeoutMs: 10_000 } as const;

type ContactPayload = { name: string | null; email: string | null; phone: string | null; flags: string[] } | null;

/** The restricted details of the list's contacts, from the run's database; an error when the run has none. */
async function readRunContactDetails(runDir: string, rows: ReadonlyArray<Record<string, unknown>>): Promise<Map<string, ContactDetails>> {
  const run = await openRun(runDir);
  try {
    if (!(await hasContactDetails(run.db.connection, run.tables))) {
      throw new EcouteError(`${runDir}: --with-contact-details: this run holds no contact details (map name, email or phone in the pipeline's contacts source)`);
    }
    return await loadContactDetails(run.db.connection, rows.flatMap((r) => (typeof r.contact_id === 'string' ? [r.contact_id] : [])));
  } finally {
    run.close();
  }
}

function contactOf(contacts: ReadonlyMap<string, ContactDetails>, id: unknown): ContactPayload {
  const d = typeof id === 'string' ? contacts.get(id) : undefined;
  return d === undefined ? null : { name: d.contact_name, email: d.contact_email, phone: d.contact_phone, flags: d.contact_flags };
}

/** A call-back the followups source shows made: nobody needs to be told to make it. */
const isCalledBack = (row: Readonly<Record<string, unknown>>): boolean => row.status === 'called_in_time' || row.status === 'called_late';

export async function notifyCallbacks(runDir: string, opts: NotifyOptions): Promise<NotifyResult> {
  const url = parseWebhookUrl('--webhook', opts.webhook);
  const label = webhookLabel(url);
  const list = readCallbackListFile(join(runDir, CALLBACK_LIST_JSON));
  const pipeline = readRunSummary(runDir).pipeline;
  const contacts = opts.withContactDetails === true ? await readRunContactDetails(runDir, list.rows) : undefined;
  const stateFile = opts.stateFile ?? defaultStateFile(runDir);
  const now = opts.now ?? (() => new Date());
  mkdirSync(dirname(stateFile), { recursive: true });
  const lock = await acquireRunLock(`${stateFile}.lock`, { runId: `notify-${process.pid}-${now().getTime()}`, startedAt: now().toISOString(), wait: true, ...(opts.log ? { log: opts.log } : {}) });
  try {
    const notified = readNotified(stateFile);
    const pending = list.rows.filter((r) => !notified.has(r.response_id));
    const fresh = pending.filter((r) => !isCalledBack(r));
    const delivered: string[] = [];
    opts.log?.(`posting ${fresh.length} new call-backs of ${list.asOf} to ${label} (${list.rows.length - pending.length} of ${list.rows.length} notified before${pending.length > fresh.length ? `, ${pending.length - fresh.length} called back already` : ''})`);
    for (const row of fresh) {
      const callback = contacts === undefined ? row : { ...row, contact: contactOf(contacts, row.contact_id) };
      const body = JSON.stringify({ type: 'ecoute.callback', pipeline, as_of: list.asOf, callback });
      const result = await postJson(url, body, { 'idempotency-key': `ecoute-callback-${row.response_id}` }, {
        retries: opts.retries ?? DEFAULT_NOTIFY.retries, retryBaseMs: opts.retryBaseMs ?? DEFAULT_NOTIFY.retryBaseMs, timeoutMs: opts.timeoutMs ?? DEFAULT_NOTIFY.timeoutMs,
        ...(opts.log ? { log: opts.log } : {}),
      });
      if (!result.ok) {
        throw new NotifyError(
          `${label}: call-back ${row.response_id} not delivered (${result.attempts} attempt${result.attempts === 1 ? '' : 's'}; last: ${result.reason}); ` +
            `${delivered.length} of ${fresh.length} new call-backs delivered before it, recorded in ${stateFile}: run ecoute notify again to send the rest`,
        );
      }
      recordNotified(stateFile, { response_id: row.response_id, notified_at: now().toISOString(), as_of: list.asOf, status: result.status });
      delivered.push(row.response_id);
    }
    return { runDir, asOf: list.asOf, webhook: label, stateFile, callbacks: list.rows.length, alreadyNotified: list.rows.length - pending.length, alreadyCalled: pending.length - fresh.length, delivered };
  } finally {
    lock.release();
  }
}
