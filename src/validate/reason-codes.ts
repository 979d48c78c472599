/**
 * Why a row was quarantined, or (field_problems) why a field of an accepted row was set missing.
 * The SQL checks emit these codes; this is the one place their wording lives.
 */
export const REASON_CODES = {
  missing_id: 'a required id is blank',
  invalid_id: 'an id holds a NUL byte or another control character (shown as U+FFFD in the value)',
  missing_date: 'a required date is blank',
  invalid_date: 'the date cannot be parsed with the configured date_formats nor as ISO 8601, is not a real date (31/02), or its year is outside 1900-2100',
  future_date: 'the date is after the run date (--as-of)',
  not_a_number: 'expected a number of the source\'s number grammar (no exponent, underscore, hex, inf or nan; see number_locale)',
  ambiguous_number: 'a number with a thousands separator (or a comma that could be one, as in 12,500) in a source without number_locale',
  out_of_range: 'the number is outside the allowed range (NPS integer 0-10, CSAT 1-5, CES 1-7, ratings rating_scale, reference NPS -100..100, n a positive whole number)',
  no_score: 'the response has no NPS, CSAT or CES score',
  missing_value: 'a required value is blank',
  negative_value: 'the amount is negative',
  invalid_value: 'the value is not one of the recognised values',
  currency_mismatch: 'the currency is not the reporting currency and no fx_rates entry converts it',
  unknown_account: 'the account id is not in the CRM accounts source',
  unknown_response: 'the follow-up names a response id that is not an accepted response (unknown, or itself quarantined)',
  account_mismatch: 'the follow-up\'s account id is not the account of the response it names',
  called_before_response: 'the follow-up call is dated before the response it follows up',
  duplicate_id: 'the same id was already read (the first record is kept; for CRM accounts the last export wins)',
  conflicting_record: 'the same account appears in several exports with different values; the last export wins',
  duplicate_submission: 'the same respondent submitted the same answers again within duplicate_window_days',
  invalid_email: 'the contact\'s email address is not of the form local@domain.tld; kept as read and flagged (the row is accepted)',
  invalid_phone: 'the contact\'s phone number does not normalise to E.164 (+ and 7-15 digits; a national number needs the source\'s phone_country_code); kept as read and flagged (the row is accepted)',
  not_rated: 'the attribute rating is a "not rated" value (rating_scale.not_rated or the rating\'s own not_rated); it is set missing',
  speeder: 'answered faster than speeder_seconds (quarantined only with settings.quality.speeder: quarantine)',
  straight_liner: 'every attribute rating has the same value (quarantined only with settings.quality.straight_liner: quarantine)',
  unparseable_row: 'the CSV/JSON record cannot be split into fields (unterminated quote, wrong number of fields, invalid encoding, control character in a JSON line)',
  record_too_large: 'the record is longer than settings.max_record_bytes (raw keeps its first bytes)',
} as const;

export type ReasonCode = keyof typeof REASON_CODES;

/**
 * Reasons that say a record does not have the shape of a record of its source (as opposed to a well-formed
 * record that is a duplicate, a speeder or of an unknown account). A file of which every record fails one
 * of these is not an export of that source: the run stops (src/validate/check-file-shapes.ts).
 */
export const SHAPE_REASONS: readonly ReasonCode[] = [
  'unparseable_row', 'missing_id', 'missing_date', 'invalid_date', 'not_a_number', 'out_of_range', 'no_score', 'missing_value', 'invalid_value',
];

export function isReasonCode(code: string): code is ReasonCode {
  return Object.hasOwn(REASON_CODES, code);
}

export function describeReason(code: string): string {
  return isReasonCode(code) ? REASON_CODES[code] : code;
}
