/**
 * CRM accounts and their contacts: who the customers are, how much they pay, when they renew,
 * and the hidden traits (billing problems, mood) that drive what they later say.
 */
import type { Rng } from '../util/random.ts';
import { DAY_MS, WINDOW_END_MS, WINDOW_START_MS } from './demo-calendar.ts';
import {
  ACCOUNT_MANAGERS, REGIONS, ROLE_WEIGHTS, SEGMENTS, pickWeighted, tierOf,
  type ContactLanguage, type RegionSpec, type Role, type SegmentSpec,
} from './company-model.ts';
import { composeCompanyName, composePersonName } from './name-banks.ts';

export interface Contact {
  /** position among all contacts (0-based) */
  readonly index: number;
  readonly id: string;
  readonly accountIndex: number;
  readonly role: Role;
  readonly language: ContactLanguage;
}

export interface Account {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly segment: SegmentSpec;
  readonly region: RegionSpec;
  readonly owner: string;
  /** ARR at the start of the window (or at signature), EUR */
  readonly initialArr: number;
  readonly tier: string;
  /** contract signature; renewals fall on its anniversaries */
  readonly signedAt: number;
  /** month (0-5) of the semi-annual relational survey wave */
  readonly wavePhase: number;
  /** hidden: invoicing is broken for this account */
  readonly billingProblem: boolean;
  /** hidden: account-level satisfaction offset (standard-normal scale) */
  readonly mood: number;
  readonly contacts: Contact[];
}

export function accountId(i: number): string {
  return `ACC-${String(i + 1).padStart(6, '0')}`;
}

function generateOwners(rng: Rng): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  const used = new Set<string>();
  let remaining = ACCOUNT_MANAGERS;
  REGIONS.forEach((region, i) => {
    const n = i === REGIONS.length - 1 ? remaining : Math.max(1, Math.round(region.share * ACCOUNT_MANAGERS));
    remaining -= n;
    const names: string[] = [];
    while (names.length < n) {
      const name = composePersonName(rng);
      if (!used.has(name)) {
        used.add(name);
        names.push(name);
      }
    }
    owners.set(region.region, names);
  });
  return owners;
}

export function generateAccounts(rng: Rng, count: number): Account[] {
  const owners = generateOwners(rng);
  const names = new Set<string>();
  const accounts: Account[] = [];
  let contactSeq = 0;
  for (let i = 0; i < count; i++) {
    const segment = pickWeighted(SEGMENTS, (s) => s.share, rng.next());
    const region = pickWeighted(REGIONS, (r) => r.share, rng.next());
    let name = composeCompanyName(rng, region.style);
    for (let attempt = 0; names.has(name) && attempt < 20; attempt++) name = composeCompanyName(rng, region.style);
    if (names.has(name)) name = `${name} (${region.region})`;
    names.add(name);
    const arr = Math.round(segment.arrMedian * Math.exp(segment.arrSigma * rng.normal()) / 100) * 100;
    // 78% were customers before the window (signed up to 4 years earlier), the rest sign during it.
    const signedAt = rng.chance(0.78)
      ? WINDOW_START_MS - (1 + rng.int(4 * 365)) * DAY_MS
      : WINDOW_START_MS + rng.int(Math.floor((WINDOW_END_MS - WINDOW_START_MS) / DAY_MS) - 60) * DAY_MS;
    const contactCount = segment.minContacts + rng.int(segment.maxContacts - segment.minContacts + 1);
    const contacts: Contact[] = [];
    for (let c = 0; c < contactCount; c++) {
      const role: Role = c === 0 ? 'decision_maker' : pickWeighted(ROLE_WEIGHTS, (w) => w[1], rng.next())[0];
      contacts.push({
        index: contactSeq,
        id: `CON-${String(++contactSeq).padStart(7, '0')}`,
        accountIndex: i,
        role,
        language: rng.chance(region.frenchShare) ? 'fr' : 'en',
      });
    }
    accounts.push({
      index: i,
      id: accountId(i),
      name,
      segment,
      region,
      owner: rng.pick(owners.get(region.region) ?? ['Customer Success Pool']),
      initialArr: arr,
      tier: tierOf(arr),
      signedAt: signedAt - (signedAt % DAY_MS),
      wavePhase: rng.int(6),
      billingProblem: rng.chance(segment.billingProblemShare),
      mood: 0.55 * rng.normal(),
      contacts,
    });
  }
  return accounts;
}
