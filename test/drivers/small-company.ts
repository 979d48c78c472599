/**
 * A seeded small company for driver tests: accounts in two segments and five owners (owner O5
 * inflates 10s, contact C-0001 answers many times), responses through 2025 with two themes
 * (billing: rare, lowers NPS and raises churn; support: frequent, lowers NPS only), ratings on
 * three attributes plus a constant one and an exact copy, ARR, and one renewal decision per
 * account on 2026-03-01.
 */
import { createRng } from '../../src/util/random.ts';
import { day, type FixtureData, type FixtureRow } from './fixture.ts';

export interface SmallCompanyOptions {
  readonly seed?: number;
  readonly accounts?: number;
  readonly withChurn?: boolean;
  readonly singleSegment?: boolean;
  readonly arrMissingEvery?: number;
}

export function smallCompany(o: SmallCompanyOptions = {}): FixtureData {
  const rng = createRng(o.seed ?? 5);
  const n = o.accounts ?? 400;
  const accounts: FixtureRow[] = [];
  const responses: FixtureRow[] = [];
  const ratings: FixtureRow[] = [];
  const revenue: FixtureRow[] = [];
  const churn: FixtureRow[] = [];
  const mentions: FixtureRow[] = [];
  let r = 0;
  for (let a = 0; a < n; a++) {
    const id = `A-${String(a).padStart(4, '0')}`;
    const segment = o.singleSegment ? 'SMB' : a % 3 === 0 ? 'Mid' : 'SMB';
    const owner = `O${(a % 5) + 1}`;
    accounts.push({ account_id: id, segment, owner });
    const arr = segment === 'Mid' ? 60_000 + rng.int(40_000) : 8_000 + rng.int(8_000);
    if (!(o.arrMissingEvery && a % o.arrMissingEvery === 0)) revenue.push({ account_id: id, period: '2025-01-01', arr });
    const billingAccount = rng.chance(0.15);
    let billingMentioned = false;
    const count = 2 + rng.int(3);
    for (let k = 0; k < count; k++) {
      const rid = `R-${String(r++).padStart(5, '0')}`;
      const billing = billingAccount && rng.chance(0.6);
      const support = rng.chance(0.3);
      billingMentioned ||= billing;
      const ra = 1 + rng.int(5);
      const rb = 1 + rng.int(5);
      const rc = 1 + rng.int(5);
      let score = Math.round(Math.max(0, Math.min(10, -1 + 0.9 * ra + 0.6 * rb + 0.3 * rc + rng.normal() - (billing ? 1.5 : 0) - (support ? 1 : 0))));
      if (owner === 'O5' && rng.chance(0.5)) score = 10;
      const contact = a === 1 ? 'C-0001' : `C-${id}-${k % 2}`;
      responses.push({ response_id: rid, contact_id: contact, account_id: id, submitted_at: day(rng.int(360)), journey_stage: k % 2 === 0 ? 'adoption' : 'renewal', nps: score });
      for (const [attribute, rating] of [['a', ra], ['b', rb], ['c', rc], ['const', 3], ['dup', ra]] as const) ratings.push({ response_id: rid, attribute, rating });
      if (billing) mentions.push({ response_id: rid, theme_id: 'billing', sentiment_label: 'negative' });
      if (support) mentions.push({ response_id: rid, theme_id: 'support', sentiment_label: rng.chance(0.8) ? 'negative' : 'positive' });
    }
    if (a === 1) {
      for (let k = 0; k < 6; k++) responses.push({ response_id: `R-rep-${k}`, contact_id: 'C-0001', account_id: id, submitted_at: day(200 + k), journey_stage: 'adoption', nps: 10 });
    }
    if (o.withChurn ?? true) {
      const logit = -2 + (billingMentioned ? 1.8 : 0);
      churn.push({ account_id: id, event_date: '2026-03-01', outcome: rng.chance(1 / (1 + Math.exp(-logit))) ? 'churned' : 'renewed' });
    }
  }
  return { accounts, responses, ratings, revenue, churn, mentions };
}
