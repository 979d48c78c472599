/**
 * `owner_monitoring`: NPS and responses per account owner with their margin of error, and flags
 * for patterns that suggest gaming:
 * - share of 10s far above the peers': exact one-sided binomial test of the owner's 10s against
 *   the share among every other owner's responses, with its Benjamini–Hochberg q-value over the owners
 *   (one family: every owner tested), flagged when q < `alpha` (drivers.gaming.alpha) and at least
 *   `minExcessShare` above the peers;
 * - repeat respondents: contacts answering more than `maxResponses` times within `repeatDays` days;
 * - responses bunched right after the owner's own contact: not checkable (no owner activity data).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { npsEstimate, zCritical, benjaminiHochbergQValues } from '../stats/index.ts';
import { queryRows, num, str } from './read-rows.ts';
import { binomialUpperTail } from './binomial-tail.ts';
import type { TableColumns, TableRow } from './write-rows.ts';

export const OWNER_COLUMNS: TableColumns = {
  owner: 'VARCHAR', responses: 'BIGINT', accounts: 'BIGINT', respondents: 'BIGINT',
  nps: 'DOUBLE', nps_ci_low: 'DOUBLE', nps_ci_high: 'DOUBLE', margin: 'DOUBLE',
  share_10: 'DOUBLE', peer_share_10: 'DOUBLE', share_10_p_value: 'DOUBLE', share_10_q_value: 'DOUBLE', owners_tested: 'BIGINT', flag_share_10: 'BOOLEAN',
  repeat_respondents: 'BIGINT', max_responses_one_contact: 'BIGINT', flag_repeat_respondents: 'BOOLEAN',
  bunching_checked: 'BOOLEAN', flags: 'VARCHAR[]', small_n: 'BOOLEAN',
};

export interface OwnerSettings {
  readonly level: number;
  readonly minN: number;
  readonly alpha: number;
  readonly minExcessShare: number;
  readonly repeatDays: number;
  readonly maxResponses: number;
}

export async function computeOwnerMonitoring(conn: DuckDBConnection, s: OwnerSettings): Promise<TableRow[]> {
  const rows = await queryRows(conn, 'drivers/select-owner-counts', { repeat_days: s.repeatDays, max_responses: s.maxResponses });
  const totalN = rows.reduce((acc, r) => acc + num(r, 'responses'), 0);
  const totalTens = rows.reduce((acc, r) => acc + num(r, 'tens'), 0);
  const z = zCritical(s.level);
  const pValues = rows.map((r) => {
    const n = num(r, 'responses');
    const peerN = totalN - n;
    return peerN > 0 ? binomialUpperTail(num(r, 'tens'), n, (totalTens - num(r, 'tens')) / peerN) : Number.NaN;
  });
  const qValues = benjaminiHochbergQValues(pValues);
  const tested = pValues.filter((p) => Number.isFinite(p)).length;
  return rows.map((r, i) => {
    const n = num(r, 'responses');
    const tens = num(r, 'tens');
    const est = npsEstimate({ promoters: num(r, 'promoters'), passives: num(r, 'passives'), detractors: num(r, 'detractors') }, s.level);
    const peerN = totalN - n;
    const peerShare = peerN > 0 ? (totalTens - tens) / peerN : Number.NaN;
    const share = n > 0 ? tens / n : Number.NaN;
    const pValue = pValues[i];
    const qValue = qValues[i];
    const flagShare = peerN > 0 && qValue < s.alpha && share - peerShare >= s.minExcessShare;
    const repeats = num(r, 'repeat_respondents');
    const flags = [...(flagShare ? ['share_of_10s_above_peers'] : []), ...(repeats > 0 ? ['repeat_respondents'] : [])];
    return {
      owner: str(r, 'owner'), responses: n, accounts: num(r, 'accounts'), respondents: num(r, 'respondents'),
      nps: est.nps, nps_ci_low: est.low, nps_ci_high: est.high, margin: z * est.standardError,
      share_10: share, peer_share_10: peerShare, share_10_p_value: pValue, share_10_q_value: qValue, owners_tested: tested, flag_share_10: flagShare,
      repeat_respondents: repeats, max_responses_one_contact: num(r, 'max_responses_one_contact'), flag_repeat_respondents: repeats > 0,
      bunching_checked: false, flags, small_n: n < s.minN,
    };
  });
}
