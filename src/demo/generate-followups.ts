/**
 * The demo's follow-up export (followups.csv): the calls the account teams logged in the CRM after a
 * call-back was due, from 2025-01-01 (when the demo company started recording them). Written after every other
 * export, from them (read back with DuckDB: sql/demo/select-demo-callbacks.sql), with its own random stream, so
 * no other file changes. Per call-back item of the default rule:
 *
 *   called?   logistic: the owner's own diligence (35-70 %), plus the planted association below
 *   when?     in time (within 48 h) with the owner's punctuality (55-90 %), else 2-10 days late
 *   what?     reached 65 %, voicemail 20 %, no answer 10 %, declined 5 %; notes from a small bank, a few with an
 *             email address or a phone number (the run redacts them in every file)
 *   how?      ~10 % logged on the account only (no response id); times in Paris time with their offset
 *   dirty     ~0.5 % of rows: an unknown response id, an unparseable time or an unknown outcome (quarantined)
 *
 * The planted association: the other exports are generated first and must not change, so a call cannot change
 * what the customer does next. Instead, detractors whose next answer is higher, or whose account renews, were
 * more likely to be called (logit + 0.15 per NPS point of the next answer above 5, + 0.45 if the account renewed).
 * That is exactly what an observational comparison cannot tell apart from an effect of the call: the estimate
 * finds a modest positive difference by construction. followups-ground-truth.json records the parameters and counts.
 */
import { join } from 'node:path';
import { openDatabase } from '../db/open-database.ts';
import { querySqlFile } from '../db/sql-file.ts';
import { createRng, type Rng } from '../util/random.ts';
import { stableSeed } from '../analyze/drivers/stable-seed.ts';
import { WINDOW_END_MS } from './demo-calendar.ts';
import { createCsvFileWriter, writeTextFileAtomic } from './write-file-atomic.ts';

export const FOLLOWUPS_HEADER = ['Response ID', 'Account ID', 'Called At', 'Outcome', 'Notes', 'Called By'] as const;
export const FOLLOWUPS_START = '2025-01-01';

const HOUR_MS = 3_600_000;
const PLANTED = { nextNpsLogitPerPoint: 0.15, renewedLogit: 0.45 } as const;
const OUTCOMES: ReadonlyArray<readonly [string, number]> = [['reached', 0.65], ['voicemail', 0.2], ['no_answer', 0.1], ['declined', 0.05]];
const NOTES: Readonly<Record<string, readonly string[]>> = {
  reached: [
    'Spoke with the customer: support delays acknowledged, escalation opened.',
    'Walked through the billing issue; credit note promised this week.',
    'Customer appreciated the call, agreed on a quarterly review.',
    'Discussed the outages; shared the reliability roadmap.',
    'Rappel effectué : le client attend un geste commercial.',
    'Client joint, points de blocage notés, suivi dans 2 semaines.',
  ],
  voicemail: ['Left a voicemail, will try again.', 'Message laissé sur la messagerie.'],
  no_answer: ['No answer.', 'Pas de réponse, relance par email.'],
  declined: ['Customer declined the call.', 'Le client ne souhaite pas être rappelé.'],
};

interface Item {
  readonly response_id: string;
  readonly account_id: string;
  readonly owner: string;
  readonly submitted_ms: number;
  readonly nps: number;
  readonly next_nps: number | null;
  readonly renewed: boolean | null;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const logit = (p: number): number => Math.log(p / (1 - p));
/** A share in [lo, hi] that stays with a name (an owner's diligence), from a hash: no random draw consumed. */
const perName = (salt: number, name: string, lo: number, hi: number): number => lo + ((hi - lo) * stableSeed(salt, name)) / 4294967296;

/** Europe/Paris offset in hours at a UTC instant: +2 from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC, else +1. */
export function parisOffsetHours(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const lastSunday = (month: number): number => {
    const end = Date.UTC(year, month + 1, 0);
    return end - new Date(end).getUTCDay() * 86_400_000 + HOUR_MS;
  };
  return ms >= lastSunday(2) && ms < lastSunday(9) ? 2 : 1;
}

/** ISO 8601 local Paris time with its offset, as the CRM exports it: 2026-03-14T10:30:00+01:00. */
export function formatParisTime(ms: number): string {
  const offset = parisOffsetHours(ms);
  return `${new Date(ms + offset * HOUR_MS).toISOString().slice(0, 19)}+0${offset}:00`;
}

function pickWeighted(rng: Rng, choices: ReadonlyArray<readonly [string, number]>): string {
  let u = rng.next();
  for (const [value, w] of choices) {
    if ((u -= w) < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

function note(rng: Rng, outcome: string, item: Item): string {
  const text = rng.pick(NOTES[outcome] ?? ['']);
  if (outcome !== 'reached' || !rng.chance(0.08)) return text;
  const handle = `contact.${item.account_id.toLowerCase()}`;
  return rng.chance(0.5) ? `${text} Follow-up to ${handle}@example.com.` : `${text} Rappeler au 06 12 34 ${String(10 + rng.int(90))} ${String(10 + rng.int(90))}.`;
}

export interface FollowupsDemo {
  readonly files: ReadonlyArray<readonly [string, number]>;
}

export async function generateFollowups(outDir: string, seed: number): Promise<FollowupsDemo> {
  const db = await openDatabase(':memory:');
  let items: Item[];
  try {
    items = (await querySqlFile(db.connection, 'demo/select-demo-callbacks', { dir: outDir, start: FOLLOWUPS_START })).map((r) => ({
      response_id: String(r.response_id), account_id: String(r.account_id), owner: String(r.owner), submitted_ms: Number(r.submitted_ms), nps: Number(r.nps),
      next_nps: r.next_nps === null ? null : Number(r.next_nps), renewed: r.renewed === null ? null : Boolean(r.renewed),
    }));
  } finally {
    db.close();
  }
  const rng = createRng((seed ^ 0x0f0110f5) >>> 0);
  const rows: Array<{ at: number; fields: string[] }> = [];
  const counts = { items: items.length, called: 0, inTime: 0, late: 0, accountOnly: 0, dirty: 0 };
  for (const item of items) {
    const diligence = perName(0xca11, item.owner, 0.35, 0.7);
    const planted = item.nps <= 6
      ? (item.next_nps === null ? 0 : PLANTED.nextNpsLogitPerPoint * (item.next_nps - 5)) + (item.renewed === true ? PLANTED.renewedLogit : 0)
      : 0;
    const called = rng.chance(sigmoid(logit(diligence) + planted));
    const inTime = rng.chance(perName(0x7153, item.owner, 0.55, 0.9));
    const hours = inTime ? 1 + rng.next() * 46 : 49 + rng.next() * 191;
    const at = Math.round((item.submitted_ms + hours * HOUR_MS) / 60_000) * 60_000;
    const outcome = pickWeighted(rng, OUTCOMES);
    const text = note(rng, outcome, item);
    const accountOnly = rng.chance(0.1);
    const dirty = rng.chance(0.005) ? rng.int(3) : -1;
    if (!called || at >= WINDOW_END_MS) continue;
    counts.called++;
    if (inTime) counts.inTime++;
    else counts.late++;
    if (accountOnly) counts.accountOnly++;
    const byWhom = rng.chance(0.15) ? 'CX desk' : item.owner;
    const fields = [accountOnly ? '' : item.response_id, item.account_id, formatParisTime(at), outcome, text, byWhom];
    if (dirty >= 0) {
      counts.dirty++;
      if (dirty === 0) fields[0] = `R-9${String(rng.int(1_000_000)).padStart(6, '0')}`;
      else if (dirty === 1) fields[2] = rng.pick(['tomorrow', '2026-13-01T10:00:00+01:00', '']);
      else fields[3] = rng.pick(['left a note', '?', 'TBD']);
    }
    rows.push({ at, fields });
  }
  rows.sort((a, b) => a.at - b.at);
  const writer = createCsvFileWriter(join(outDir, 'followups.csv'), FOLLOWUPS_HEADER);
  for (const r of rows) writer.writeRow(r.fields);
  const written = writer.close();
  writeTextFileAtomic(
    join(outDir, 'followups-ground-truth.json'),
    `${JSON.stringify({ start: FOLLOWUPS_START, end: new Date(WINDOW_END_MS - 1).toISOString().slice(0, 10), planted: PLANTED, counts }, null, 2)}\n`,
  );
  return { files: [['followups.csv', written]] };
}
