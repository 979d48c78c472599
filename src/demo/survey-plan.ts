/**
 * When and why a contact is invited to a survey: semi-annual relational waves per account, and
 * transactional surveys after a touchpoint (support ticket, invoice, kick-off...).
 */
import type { Rng } from '../util/random.ts';
import type { Role } from './company-model.ts';
import { pickWeighted } from './company-model.ts';
import { DAY_MS, MINUTE_MS } from './demo-calendar.ts';
import type { JourneyStage } from './theme-catalog.ts';

export type SurveyType = 'relational' | 'transactional';

export interface SurveyInvite {
  readonly invitedAt: number;
  readonly surveyType: SurveyType;
  readonly stage: JourneyStage;
  readonly touchpoint: string;
  readonly channel: string;
}

/** probability that a contact is sampled into the account's relational wave */
export const RELATIONAL_INVITE_RATE: Readonly<Record<Role, number>> = { decision_maker: 0.8, influencer: 0.64, user: 0.44 };
/** monthly probability of a transactional survey */
export const TRANSACTIONAL_INVITE_RATE: Readonly<Record<Role, number>> = { decision_maker: 0.022, influencer: 0.045, user: 0.06 };

const TOUCHPOINTS: Readonly<Record<JourneyStage, readonly string[]>> = {
  onboarding: ['Kick-off meeting', 'Onboarding session', 'Data migration'],
  adoption: ['Training webinar', 'Quarterly business review', 'Product release'],
  support: ['Support ticket closed', 'Support ticket closed', 'Live chat', 'Phone support'],
  billing: ['Invoice sent', 'Billing inquiry', 'Payment reminder'],
  renewal: ['Renewal meeting', 'Contract amendment'],
};

const TRANSACTIONAL_STAGES: readonly [JourneyStage, number][] = [
  ['support', 0.52], ['billing', 0.14], ['adoption', 0.16], ['onboarding', 0.08], ['renewal', 0.1],
];

/** A send time on working days: relational mailings go out in the morning, events happen all day. */
function sendTime(rng: Rng, monthStartMs: number, days: number, relational: boolean): number {
  let day = rng.int(days);
  const weekday = new Date(monthStartMs + day * DAY_MS).getUTCDay();
  if (weekday === 0 || weekday === 6) day = Math.max(0, day - (weekday === 6 ? 1 : 2));
  const minutes = relational ? 9 * 60 + rng.int(120) : 8 * 60 + rng.int(10 * 60);
  return monthStartMs + day * DAY_MS + minutes * MINUTE_MS + rng.int(60) * 1000;
}

export function planRelationalInvite(rng: Rng, monthStartMs: number, days: number, stage: JourneyStage): SurveyInvite {
  return {
    invitedAt: sendTime(rng, monthStartMs, days, true),
    surveyType: 'relational',
    stage,
    touchpoint: 'Relationship survey',
    channel: rng.chance(0.82) ? 'email' : 'in-app',
  };
}

export function planTransactionalInvite(rng: Rng, monthStartMs: number, days: number, isNewAccount: boolean): SurveyInvite {
  let stage = pickWeighted(TRANSACTIONAL_STAGES, (s) => s[1], rng.next())[0];
  if (stage === 'onboarding' && !isNewAccount) stage = 'support';
  const touchpoint = rng.pick(TOUCHPOINTS[stage]);
  const channel = touchpoint === 'Phone support' ? 'phone' : touchpoint === 'Live chat' ? 'in-app' : rng.chance(0.85) ? 'email' : 'sms';
  return { invitedAt: sendTime(rng, monthStartMs, days, false), surveyType: 'transactional', stage, touchpoint, channel };
}

/** Minutes to answer after the invitation: most within hours, a long tail over days. */
export function responseDelayMs(rng: Rng): number {
  if (rng.chance(0.55)) return (5 + rng.int(240)) * MINUTE_MS;
  const days = 1 + Math.floor(-Math.log(1 - rng.next()) * 2.5);
  return days * DAY_MS + (rng.int(11 * 60) - 3 * 60) * MINUTE_MS;
}
