/**
 * One survey response, from invitation to exported fields: experienced themes → attribute
 * ratings → NPS (the planted driver model) → CSAT / CES → comment whose sentiment agrees with NPS.
 */
import type { Rng } from '../util/random.ts';
import type { Account, Contact } from './generate-accounts.ts';
import { composeVerbatim, type Mention, type Verbatim } from './compose-verbatim.ts';
import {
  ATTRIBUTES, computeCes, computeCsat, computeNps, drawLatentRatings, npsBand, toObservedRatings,
  type Attribute, type Ratings,
} from './nps-model.ts';
import { BILLING_HEALTHY_NEGATIVE_RATE, BILLING_PROBLEM_NEGATIVE_RATE, BILLING_THEME, THEMES, type JourneyStage } from './theme-catalog.ts';
import type { SurveyInvite } from './survey-plan.ts';
import {
  DIRTY_ROW_RATE, SPEEDER_RATE, STRAIGHT_LINER_RATE, drawDirtyDefect, type DirtyDefect,
} from './dirty-rows.ts';

export type ResponseQuality = 'clean' | 'speeder' | 'straight_liner';

export interface ResponseRecord {
  readonly seq: number;
  readonly id: string;
  readonly account: Account;
  readonly contact: Contact;
  readonly invite: SurveyInvite;
  readonly submittedAt: number;
  readonly nps: number;
  readonly csat: number | undefined;
  readonly ces: number | undefined;
  /** exported on relational surveys only */
  readonly ratings: Ratings | undefined;
  readonly verbatim: Verbatim | undefined;
  readonly durationSeconds: number;
  readonly quality: ResponseQuality;
  readonly defect: DirtyDefect | undefined;
  /** bit i = THEMES[i] written negatively / positively in the comment */
  readonly negativeMask: number;
  readonly positiveMask: number;
}

/** Which attribute a transactional survey's CSAT question is about. */
const STAGE_ATTRIBUTE: Readonly<Record<JourneyStage, Attribute>> = {
  onboarding: 'onboarding', adoption: 'ease', support: 'support', billing: 'value', renewal: 'value',
};
const COMMENT_RATE = { detractor: 0.95, passive: 0.8, promoter: 0.86 } as const;

function drawExperiences(rng: Rng, account: Account, stage: JourneyStage): Mention[] {
  const out: Mention[] = [];
  for (const t of THEMES) {
    const boost = t.stageBoost[stage] ?? 1;
    const neg = (t.id === BILLING_THEME ? (account.billingProblem ? BILLING_PROBLEM_NEGATIVE_RATE : BILLING_HEALTHY_NEGATIVE_RATE) : t.negativeRate) * boost;
    const pos = t.positiveRate * boost;
    const u = rng.next();
    if (u < neg) out.push({ themeId: t.id, sentiment: 'negative' });
    else if (u < neg + pos) out.push({ themeId: t.id, sentiment: 'positive' });
  }
  return out;
}

function shiftsOf(experiences: readonly Mention[]): Partial<Ratings> {
  const shifts: Partial<Ratings> = {};
  for (const e of experiences) {
    const t = THEMES.find((x) => x.id === e.themeId);
    const shift = e.sentiment === 'negative' ? t?.negativeShift : t?.positiveShift;
    for (const a of ATTRIBUTES) shifts[a] = (shifts[a] ?? 0) + (shift?.[a] ?? 0);
  }
  return shifts;
}

function masks(mentions: readonly Mention[]): { negativeMask: number; positiveMask: number } {
  let negativeMask = 0;
  let positiveMask = 0;
  for (const m of mentions) {
    const bit = 1 << THEMES.findIndex((t) => t.id === m.themeId);
    if (m.sentiment === 'negative') negativeMask |= bit;
    else positiveMask |= bit;
  }
  return { negativeMask, positiveMask };
}

export function generateResponse(rng: Rng, seq: number, account: Account, contact: Contact, invite: SurveyInvite, submittedAt: number): ResponseRecord {
  const satisfaction = account.mood + 0.8 * rng.normal();
  const experiences = drawExperiences(rng, account, invite.stage);
  const latent = drawLatentRatings(rng, satisfaction, shiftsOf(experiences));
  const observed = toObservedRatings(rng, latent);
  const nps = computeNps(rng, observed);
  const transactional = invite.surveyType === 'transactional';
  const csat = transactional ? computeCsat(rng, latent[STAGE_ATTRIBUTE[invite.stage]]) : undefined;
  const ces = transactional && (invite.stage === 'support' || invite.stage === 'onboarding') ? computeCes(rng, latent) : undefined;
  const band = npsBand(nps);
  let verbatim = rng.chance(COMMENT_RATE[band]) ? composeVerbatim(rng, contact.language, band, experiences) : undefined;
  let ratings: Ratings | undefined = transactional ? undefined : observed;
  let durationSeconds = Math.max(18, Math.round((transactional ? 38 : 70) * Math.exp(0.35 * rng.normal()) + (verbatim?.text.length ?? 0) * 0.4));
  let quality: ResponseQuality = 'clean';
  if (!transactional && rng.chance(STRAIGHT_LINER_RATE)) {
    const value = rng.pick([1, 3, 4, 5, 5]);
    ratings = { ease: value, support: value, value, reliability: value, onboarding: value };
    verbatim = undefined;
    durationSeconds = 20 + rng.int(25);
    quality = 'straight_liner';
  } else if (rng.chance(SPEEDER_RATE)) {
    verbatim = undefined;
    durationSeconds = 3 + rng.int(12);
    quality = 'speeder';
  }
  const defect = quality === 'clean' && rng.chance(DIRTY_ROW_RATE) ? drawDirtyDefect(rng) : undefined;
  return {
    seq,
    id: `RSP-${String(seq).padStart(8, '0')}`,
    account,
    contact,
    invite,
    submittedAt,
    nps,
    csat,
    ces,
    ratings,
    verbatim,
    durationSeconds,
    quality,
    defect,
    ...masks(verbatim?.mentions ?? []),
  };
}

/** Whether the response counts as valid feedback (what analyses, churn drivers and truth mentions see). */
export function isAccepted(r: ResponseRecord): boolean {
  return r.quality === 'clean' && (r.defect === undefined || r.defect.kind === 'duplicate_response_id');
}
