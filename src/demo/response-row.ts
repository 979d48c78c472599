/**
 * The monthly responses export, as the French survey tool writes it: human column names,
 * `DD/MM/YYYY HH:MM` timestamps, blanks for questions that were not asked.
 */
import { formatFrenchDateTime } from './demo-calendar.ts';
import { ATTRIBUTES, RATING_COLUMNS } from './nps-model.ts';
import type { ResponseRecord } from './generate-response.ts';
import { stableSeed } from '../analyze/drivers/stable-seed.ts';

/**
 * The survey's last question, "may we quote your comment as a testimonial?": Yes for about 30 % of the
 * respondents, No for 60 %, unanswered otherwise. Drawn from a hash of the response id, not from the demo's
 * random stream, so every other column of the export is unchanged by it.
 */
export function testimonialConsent(responseId: string): string {
  const u = stableSeed(0x7e57, responseId) / 4294967296;
  return u < 0.3 ? 'Yes' : u < 0.9 ? 'No' : '';
}

export const RESPONSE_COLUMNS = {
  response_id: 'Response ID',
  contact_id: 'Contact ID',
  account_id: 'Account ID',
  submitted_at: 'Submitted',
  channel: 'Channel',
  survey_type: 'Survey Type',
  journey_stage: 'Journey Stage',
  touchpoint: 'Touchpoint',
  nps: 'NPS',
  csat: 'CSAT',
  ces: 'CES',
  verbatim: 'Comment',
  language: 'Language',
  duration_seconds: 'Duration (s)',
  consent: 'Testimonial Consent',
} as const;

export const RESPONSE_HEADER: readonly string[] = [
  ...Object.values(RESPONSE_COLUMNS).slice(0, 11),
  ...ATTRIBUTES.map((a) => RATING_COLUMNS[a]),
  RESPONSE_COLUMNS.verbatim,
  RESPONSE_COLUMNS.language,
  RESPONSE_COLUMNS.duration_seconds,
  RESPONSE_COLUMNS.consent,
];

export function responseFields(r: ResponseRecord): string[] {
  const d = r.defect;
  return [
    d?.kind === 'blank_response_id' ? '' : r.id,
    r.contact.id,
    d?.kind === 'unknown_account_id' ? d.value : r.account.id,
    d?.kind === 'unparseable_date' ? d.value : formatFrenchDateTime(r.submittedAt),
    r.invite.channel,
    r.invite.surveyType,
    r.invite.stage,
    r.invite.touchpoint,
    d?.kind === 'nps_out_of_range' || d?.kind === 'nps_non_numeric' ? d.value : String(r.nps),
    r.csat === undefined ? '' : String(r.csat),
    r.ces === undefined ? '' : String(r.ces),
    ...ATTRIBUTES.map((a) => (r.ratings === undefined ? '' : String(r.ratings[a]))),
    r.verbatim?.text ?? '',
    r.contact.language,
    String(r.durationSeconds),
    testimonialConsent(r.id),
  ];
}
