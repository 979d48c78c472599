/**
 * The planted effects can be recovered from the exported rows alone (truth-mentions.csv stands in
 * for a perfect classifier). Deterministic: one seed, so each threshold either always holds or never.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createDemoFixture, parseFrenchDateTime, RATING_HEADERS, type DemoFixture } from './demo-fixture.ts';
import { addObservation, createNormalEquations, solveNormalEquations } from '../../src/demo/least-squares.ts';

const DAY = 86_400_000;
let demo: DemoFixture;

interface Accepted {
  readonly id: string;
  readonly account: string;
  readonly at: number;
  readonly nps: number;
  readonly comment: string;
  readonly ratings: number[];
}
let accepted: Accepted[];
const mentions = new Map<string, { theme: string; sentiment: string }[]>();

beforeAll(async () => {
  demo = await createDemoFixture(42, 0.25);
  const dq = demo.truth.data_quality;
  const rejected = new Set([
    ...dq.speeders.response_ids, ...dq.straight_liners.response_ids,
    ...dq.dirty_row_locations.filter((d) => d.kind !== 'duplicate_response_id').map((d) => `${d.file}:${d.line}`),
  ]);
  const seen = new Set<string>();
  accepted = [];
  for (const r of demo.responses()) {
    const id = r.values['Response ID'] ?? '';
    if (rejected.has(id) || rejected.has(`${r.file}:${r.line}`) || seen.has(id)) continue;
    seen.add(id);
    accepted.push({
      id,
      account: r.values['Account ID'] ?? '',
      at: parseFrenchDateTime(r.values.Submitted ?? '') as number,
      nps: Number(r.values.NPS),
      comment: r.values.Comment ?? '',
      ratings: RATING_HEADERS.map((h) => r.values[h] ?? '').filter((x) => x !== '').map(Number),
    });
  }
  for (const m of demo.read('truth-mentions.csv')) {
    const list = mentions.get(m.values.response_id ?? '') ?? [];
    list.push({ theme: m.values.theme_id ?? '', sentiment: m.values.sentiment ?? '' });
    mentions.set(m.values.response_id ?? '', list);
  }
}, 120_000);
afterAll(() => demo?.cleanup());

function renewalsBy(theme: string, accountFilter: (tier: string) => boolean) {
  const tiers = new Map(demo.read('accounts.csv').map((a) => [a.values['Account ID'], a.values.Tier ?? '']));
  const byAccount = new Map<string, Accepted[]>();
  for (const r of accepted) {
    const list = byAccount.get(r.account);
    if (list === undefined) byAccount.set(r.account, [r]);
    else list.push(r);
  }
  const out = { with: { n: 0, churned: 0 }, without: { n: 0, churned: 0 } };
  for (const row of demo.read('churn.csv')) {
    const account = row.values['Account ID'] ?? '';
    if (!accountFilter(tiers.get(account) ?? '')) continue;
    const date = Date.parse(`${row.values['Renewal Date']}T00:00:00Z`);
    const mentioned = (byAccount.get(account) ?? []).some(
      (r) => r.at < date && r.at >= date - 365 * DAY && (mentions.get(r.id) ?? []).some((m) => m.theme === theme && m.sentiment === 'negative'),
    );
    const cell = mentioned ? out.with : out.without;
    cell.n++;
    if (row.values.Outcome === 'churned') cell.churned++;
  }
  return { ...out, rateWith: out.with.churned / out.with.n, rateWithout: out.without.churned / out.without.n };
}

const highArr = (tier: string): boolean => tier === 'Key' || tier === 'Strategic';

describe('planted effects in the demo data', () => {
  it('billing errors drive churn, above all among high-ARR accounts', () => {
    const all = renewalsBy('billing_errors', () => true);
    expect(all.with.n).toBeGreaterThan(100);
    expect(all.rateWith).toBeGreaterThan(2 * all.rateWithout);
    const high = renewalsBy('billing_errors', highArr);
    const low = renewalsBy('billing_errors', (t) => !highArr(t));
    expect(high.rateWith).toBeGreaterThan(0.3);
    expect(high.rateWith - high.rateWithout).toBeGreaterThan(low.rateWith - low.rateWithout);
  });

  it('support complaints are the most frequent but barely move churn', () => {
    const support = renewalsBy('support_responsiveness', () => true);
    expect(support.with.n).toBeGreaterThan(500);
    expect(Math.abs(support.rateWith - support.rateWithout)).toBeLessThan(0.04);
    const negatives = new Map<string, number>();
    for (const list of mentions.values()) for (const m of list) if (m.sentiment === 'negative') negatives.set(m.theme, (negatives.get(m.theme) ?? 0) + 1);
    const ranked = [...negatives].sort((a, b) => b[1] - a[1]).map(([t]) => t);
    expect(ranked[0]).toBe('support_responsiveness');
    const comments = accepted.filter((r) => r.comment !== '').length;
    const share = (theme: string): number => [...mentions.values()].filter((l) => l.some((m) => m.theme === theme)).length / comments;
    expect(share('support_responsiveness')).toBeGreaterThan(0.15);
    expect(share('support_responsiveness')).toBeLessThan(0.24);
    expect(share('billing_errors')).toBeGreaterThan(0.025);
    expect(share('billing_errors')).toBeLessThan(0.06);
    expect(comments / accepted.length).toBeGreaterThan(0.6);
    expect(comments / accepted.length).toBeLessThan(0.8);
  });

  it('ranked by ARR at risk billing comes first, ranked by count support does', () => {
    const h = demo.truth.headline_effects;
    expect(h.frequent_low_churn.rank_by_negative_mentions).toBe(1);
    expect(h.rare_high_churn.rank_by_arr_at_risk).toBe(1);
    expect(h.rare_high_churn.rank_by_excess_churned_arr).toBe(1);
    expect(h.frequent_low_churn.rank_by_arr_at_risk).toBeGreaterThan(3);
    expect(h.rare_high_churn.rank_by_negative_mentions).toBeGreaterThan(2);
  });

  it('a regression of NPS on the five ratings recovers the planted driver order and relative weights', () => {
    const eq = createNormalEquations(5);
    for (const r of accepted) if (r.ratings.length === 5) addObservation(eq, r.ratings, r.nps);
    const b = solveNormalEquations(eq)!.slice(1);
    const weights = demo.truth.drivers.weights;
    const names = ['ease', 'support', 'value', 'reliability', 'onboarding'] as const;
    names.forEach((a, i) => expect(b[i]).toBeCloseTo(weights[a].ols_on_export ?? Number.NaN, 3));
    const order = names.slice().sort((x, y) => b[names.indexOf(y)]! - b[names.indexOf(x)]!);
    expect(order).toEqual(['reliability', 'support', 'value', 'ease', 'onboarding']);
    const sum = b.reduce((s, x) => s + x, 0);
    names.forEach((a, i) => expect(Math.abs(b[i]! / sum - weights[a].relative_weight)).toBeLessThan(0.03));
  });

  it('comment sentiment agrees with the NPS band', () => {
    let checked = 0;
    const inconsistent: string[] = [];
    for (const r of accepted) {
      const list = mentions.get(r.id);
      if (list === undefined) continue;
      const pos = list.filter((m) => m.sentiment === 'positive').length;
      const neg = list.length - pos;
      if (r.nps >= 9 && !(pos >= 1 && neg <= pos)) inconsistent.push(r.id);
      if (r.nps <= 6 && !(neg >= 1 && pos <= neg)) inconsistent.push(r.id);
      checked++;
    }
    expect(inconsistent).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });

  it('no response is submitted after its account churned', () => {
    const churnedAt = new Map<string, number>();
    for (const row of demo.read('churn.csv')) {
      if (row.values.Outcome === 'churned') churnedAt.set(row.values['Account ID'] ?? '', Date.parse(`${row.values['Renewal Date']}T00:00:00Z`));
    }
    expect(churnedAt.size).toBeGreaterThan(100);
    expect(accepted.filter((r) => r.at > (churnedAt.get(r.account) ?? Infinity)).map((r) => r.id)).toEqual([]);
  });

  it('the CRM looks like the brief: segment shares, ARR ranges, language by region, response rates', () => {
    const accounts = demo.read('accounts.csv');
    const share = (seg: string): number => accounts.filter((a) => a.values.Segment === seg).length / accounts.length;
    expect(share('SMB')).toBeGreaterThan(0.6);
    expect(share('Enterprise')).toBeGreaterThan(0.03);
    expect(share('Enterprise')).toBeLessThan(0.1);
    expect(new Set(accounts.map((a) => a.values.Owner)).size).toBe(60);
    const segmentOf = new Map(accounts.map((a) => [a.values['Account ID'], a.values.Segment]));
    const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const firstPeriod = demo.read('revenue.csv').filter((r) => r.values.Period === '2024-11-01');
    const arr = (seg: string): number => median(firstPeriod.filter((r) => segmentOf.get(r.values['Account ID']) === seg).map((r) => Number(r.values.ARR)));
    expect(arr('SMB')).toBeGreaterThan(5_000);
    expect(arr('SMB')).toBeLessThan(20_000);
    expect(arr('Mid-Market')).toBeGreaterThan(30_000);
    expect(arr('Mid-Market')).toBeLessThan(150_000);
    expect(arr('Enterprise')).toBeGreaterThan(200_000);
    expect(arr('Enterprise')).toBeLessThan(2_000_000);
    const regionOf = new Map(accounts.map((a) => [a.values['Account ID'], a.values.Region]));
    const contacts = demo.read('contacts.csv');
    const frShare = (region: string): number => {
      const c = contacts.filter((x) => regionOf.get(x.values['Account ID']) === region);
      return c.filter((x) => x.values.Language === 'fr').length / c.length;
    };
    expect(frShare('France')).toBeGreaterThan(0.9);
    expect(frShare('UK & Ireland')).toBeLessThan(0.05);
    const rates = demo.truth.response_rate_by_segment;
    for (const seg of ['Enterprise', 'Mid-Market', 'SMB'] as const) {
      expect(rates[seg].observed!).toBeGreaterThan(0.38);
      expect(rates[seg].observed!).toBeLessThan(0.72);
    }
    expect(rates.Enterprise.observed!).toBeGreaterThan(rates.SMB.observed!);
  });
});
