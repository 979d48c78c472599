/**
 * How response rates can be computed from what was loaded. Pure: takes counts, returns a plan.
 *
 * - no invitations (by the run date)                   → none: response_rates is created empty.
 * - every invitation carries contact_id or account_id,
 *   and at least one response carries an id            → id_match (see sql/metrics/create-response-rate-counts-matched.sql):
 *                                                         an invitation is answered when a response of the same contact
 *                                                         (else account) arrives at or after it, before the next one.
 * - otherwise                                          → count_ratio: responses per segment-period / invitations per
 *                                                         segment-period (see create-response-rate-counts-counted.sql).
 */
export interface InvitationCounts {
  readonly invitations: number;
  readonly keyed_invitations: number;
  readonly keyed_responses: number;
}

export type MatchRule = 'id_match' | 'count_ratio';

export type ResponseRatePlan =
  | { readonly computed: false; readonly matchRule: null; readonly reason: string }
  | { readonly computed: true; readonly matchRule: MatchRule; readonly reason: string };

export const responseRateMessages = {
  noInvitations: (asOf: string) => `no invitations loaded up to ${asOf}: response_rates is empty`,
  idMatch: (n: number) => `${n} invitation rows matched to responses by contact_id (else account_id)`,
  unkeyedInvitations: (unkeyed: number, total: number) =>
    `${unkeyed} of ${total} invitation rows carry neither contact_id nor account_id: rates are responses / invitations counted per segment and period`,
  unkeyedResponses: (total: number) =>
    `no response carries a contact_id or account_id to match ${total} invitation rows: rates are responses / invitations counted per segment and period`,
} as const;

export function planResponseRates(counts: InvitationCounts, asOf: string): ResponseRatePlan {
  const { invitations, keyed_invitations: keyed, keyed_responses: keyedResponses } = counts;
  if (invitations === 0) return { computed: false, matchRule: null, reason: responseRateMessages.noInvitations(asOf) };
  if (keyed < invitations) {
    return { computed: true, matchRule: 'count_ratio', reason: responseRateMessages.unkeyedInvitations(invitations - keyed, invitations) };
  }
  if (keyedResponses === 0) return { computed: true, matchRule: 'count_ratio', reason: responseRateMessages.unkeyedResponses(invitations) };
  return { computed: true, matchRule: 'id_match', reason: responseRateMessages.idMatch(invitations) };
}
