/**
 * The month-by-month life of the customer base over the 24-month window:
 *   invitations → responses (buffered by submission month) → renewals decided from the
 *   feedback of the previous 365 days → post-churn activity removed → month's files written.
 * Only one or two months of responses are held in memory at a time.
 */
import { join } from 'node:path';
import type { Rng } from '../util/random.ts';
import {
  DAY_MS, WINDOW_END_MS, WINDOW_MONTHS, daysInMonth, formatIsoDate, formatIsoDateTime, monthIndexOf, monthKey, monthStart,
} from './demo-calendar.ts';
import {
  CHURN_WINDOW_DAYS, accountNpsBand, chooseReason, churnLogit, downgradeLogit, sigmoid,
  type RenewalFeatures, type RenewalOutcome,
} from './churn-model.ts';
import type { Account, Contact } from './generate-accounts.ts';
import { generateResponse, isAccepted, type ResponseRecord } from './generate-response.ts';
import { RESPONSE_HEADER, responseFields } from './response-row.ts';
import {
  RELATIONAL_INVITE_RATE, TRANSACTIONAL_INVITE_RATE, planRelationalInvite, planTransactionalInvite, responseDelayMs,
  type SurveyInvite,
} from './survey-plan.ts';
import type { JourneyStage } from './theme-catalog.ts';
import { createCsvFileWriter, type CsvFileWriter } from './write-file-atomic.ts';
import type { DemoStats } from './demo-stats.ts';

export const INVITATION_HEADER = ['Invitation ID', 'Contact ID', 'Account ID', 'Invited At', 'Survey Type'] as const;
export const REVENUE_HEADER = ['Account ID', 'Period', 'ARR', 'Currency'] as const;
export const CHURN_HEADER = ['Account ID', 'Renewal Date', 'Outcome', 'Reason'] as const;
export const TRUTH_MENTIONS_HEADER = ['response_id', 'theme_id', 'sentiment'] as const;

interface Feedback {
  readonly at: number;
  readonly nps: number;
  readonly negativeMask: number;
  readonly positiveMask: number;
}

interface Invitation {
  readonly seq: number;
  readonly account: Account;
  readonly contact: Contact;
  readonly invite: SurveyInvite;
}

export interface SimulationWriters {
  readonly invitations: CsvFileWriter;
  readonly revenue: CsvFileWriter;
  readonly churn: CsvFileWriter;
  readonly truthMentions: CsvFileWriter;
  readonly truthTextMentions: CsvFileWriter;
}

/** Contract anniversaries inside the window. */
export function renewalDates(signedAt: number): number[] {
  const d = new Date(signedAt);
  const out: number[] = [];
  for (let k = 1; k < 8; k++) {
    const t = Date.UTC(d.getUTCFullYear() + k, d.getUTCMonth(), Math.min(d.getUTCDate(), 28));
    if (t >= WINDOW_END_MS) break;
    if (t >= monthStart(0)) out.push(t);
  }
  return out;
}

/**
 * A contact answers at most once per this many days (survey fatigue), which also guarantees that
 * no two genuine answers of a contact fall inside the validator's duplicate-submission window.
 */
export const CONTACT_MIN_DAYS_BETWEEN_RESPONSES = 31;

const bySubmission = (a: ResponseRecord, b: ResponseRecord): number => a.submittedAt - b.submittedAt || a.seq - b.seq;

export function simulateCompany(rng: Rng, accounts: readonly Account[], outDir: string, writers: SimulationWriters, tracker: DemoStats): void {
  const arr = accounts.map((a) => a.initialArr);
  const churnedAt = accounts.map(() => Number.POSITIVE_INFINITY);
  const history: Feedback[][] = accounts.map(() => []);
  const renewals = accounts.map((a) => renewalDates(a.signedAt));
  const buckets = new Map<number, ResponseRecord[]>();
  const contactCount = accounts.reduce((n, a) => n + a.contacts.length, 0);
  const lastResponseAt = new Float64Array(contactCount).fill(Number.NEGATIVE_INFINITY);
  let responseSeq = 0;
  let invitationSeq = 0;

  for (let m = 0; m < WINDOW_MONTHS; m++) {
    const mStart = monthStart(m);
    const mEnd = monthStart(m + 1);
    const days = daysInMonth(m);
    if (m % 3 === 0) {
      for (const a of accounts) {
        if (a.signedAt < monthStart(m + 3) && churnedAt[a.index]! >= mStart) {
          writers.revenue.writeRow([a.id, formatIsoDate(mStart), Math.round(arr[a.index]!), 'EUR']);
        }
      }
    }
    let invitations: Invitation[] = [];
    for (const a of accounts) {
      if (churnedAt[a.index]! < mStart || a.signedAt >= mEnd) continue;
      const isNew = mStart - a.signedAt < 180 * DAY_MS;
      const wave = m % 6 === a.wavePhase;
      const nextRenewal = renewals[a.index]!.find((r) => r >= mStart) ?? Number.POSITIVE_INFINITY;
      const stage: JourneyStage = mStart - a.signedAt < 120 * DAY_MS ? 'onboarding' : nextRenewal - mStart < 75 * DAY_MS ? 'renewal' : 'adoption';
      for (const contact of a.contacts) {
        const planned: SurveyInvite[] = [];
        if (wave && rng.chance(RELATIONAL_INVITE_RATE[contact.role])) planned.push(planRelationalInvite(rng, mStart, days, stage));
        if (rng.chance(TRANSACTIONAL_INVITE_RATE[contact.role])) planned.push(planTransactionalInvite(rng, mStart, days, isNew));
        for (const invite of planned) {
          if (invite.invitedAt < a.signedAt) continue;
          invitations.push({ seq: ++invitationSeq, account: a, contact, invite });
          if (!rng.chance(a.segment.responseRate)) continue;
          const submittedAt = invite.invitedAt + responseDelayMs(rng);
          if (submittedAt >= WINDOW_END_MS) continue;
          if (submittedAt - lastResponseAt[contact.index]! < CONTACT_MIN_DAYS_BETWEEN_RESPONSES * DAY_MS) continue;
          lastResponseAt[contact.index] = submittedAt;
          const r = generateResponse(rng, ++responseSeq, a, contact, invite, submittedAt);
          const month = monthIndexOf(submittedAt);
          let bucket = buckets.get(month);
          if (bucket === undefined) buckets.set(month, (bucket = []));
          bucket.push(r);
          if (isAccepted(r)) history[a.index]!.push({ at: submittedAt, nps: r.nps, negativeMask: r.negativeMask, positiveMask: r.positiveMask });
        }
      }
    }

    const churnedNow = new Set<number>();
    for (const a of accounts) {
      if (churnedAt[a.index]! < mStart) continue;
      for (const renewalAt of renewals[a.index]!) {
        if (renewalAt < mStart || renewalAt >= mEnd) continue;
        const window = history[a.index]!.filter((f) => f.at < renewalAt && f.at >= renewalAt - CHURN_WINDOW_DAYS * DAY_MS);
        const features: RenewalFeatures = {
          segment: a.segment,
          arr: arr[a.index]!,
          band: accountNpsBand(window.map((f) => f.nps)),
          negativeMask: window.reduce((acc, f) => acc | f.negativeMask, 0),
          positiveMask: window.reduce((acc, f) => acc | f.positiveMask, 0),
        };
        const outcome: RenewalOutcome = rng.chance(sigmoid(churnLogit(features)))
          ? 'churned'
          : rng.chance(sigmoid(downgradeLogit(features))) ? 'downgraded' : 'renewed';
        tracker.onRenewal(features, outcome);
        writers.churn.writeRow([a.id, formatIsoDate(renewalAt), outcome, chooseReason(rng, outcome, features)]);
        if (outcome === 'churned') {
          churnedAt[a.index] = renewalAt;
          churnedNow.add(a.index);
        } else {
          const factor = outcome === 'downgraded' ? 0.5 + 0.35 * rng.next() : 1 + 0.07 * rng.next();
          arr[a.index] = Math.round((arr[a.index]! * factor) / 100) * 100;
        }
      }
    }
    if (churnedNow.size > 0) {
      const keep = (accountIndex: number, at: number): boolean => !churnedNow.has(accountIndex) || at <= churnedAt[accountIndex]!;
      invitations = invitations.filter((i) => keep(i.account.index, i.invite.invitedAt));
      for (const [month, bucket] of buckets) buckets.set(month, bucket.filter((r) => keep(r.account.index, r.submittedAt)));
    }

    invitations.sort((x, y) => x.invite.invitedAt - y.invite.invitedAt || x.seq - y.seq);
    for (const i of invitations) {
      writers.invitations.writeRow([`INV-${String(i.seq).padStart(8, '0')}`, i.contact.id, i.account.id, formatIsoDateTime(i.invite.invitedAt), i.invite.surveyType]);
      tracker.onInvitation(i.account.segment.segment);
    }
    writeResponseMonth(m, (buckets.get(m) ?? []).sort(bySubmission), outDir, writers, tracker);
    buckets.delete(m);
  }
}

function writeResponseMonth(m: number, rows: readonly ResponseRecord[], outDir: string, writers: SimulationWriters, tracker: DemoStats): void {
  const name = `responses-${monthKey(m)}.csv`;
  const writer = createCsvFileWriter(join(outDir, name), RESPONSE_HEADER);
  for (const r of rows) {
    const fields = responseFields(r);
    tracker.onResponseRow(r, name, writer.writeRow(fields));
    // A re-exported response: the same row again, with the same Response ID.
    if (r.defect?.kind === 'duplicate_response_id') tracker.onResponseRow(r, name, writer.writeRow(fields), true);
    if (isAccepted(r)) {
      for (const mention of r.verbatim?.mentions ?? []) writers.truthMentions.writeRow([r.id, mention.themeId, mention.sentiment]);
      for (const mention of r.verbatim?.stated ?? []) writers.truthTextMentions.writeRow([r.id, mention.themeId, mention.sentiment]);
    }
  }
  tracker.onFile(name, writer.close());
}
