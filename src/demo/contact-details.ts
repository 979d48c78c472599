/**
 * Fake personal details of the demo's contacts, appended to contacts.csv (Name, Email, Phone) from their own
 * random stream, so the rest of the demo is byte for byte what it was without them.
 *
 * - names from name-banks.ts;
 * - emails at the account's subdomain of example.fr (French speakers) or example.com (RFC 2606 names, never
 *   anyone's mailbox): camille.martin@acc-000123.example.fr, a number added when a name repeats in an account;
 * - phones in ranges reserved for fiction: French 06 39 98 xx xx (ARCEP), written the French way in France
 *   (06 39 98 12 34, a national number: the pipeline's phone_country_code "33" makes it +33639981234) and
 *   +33 6 39 98 12 34 elsewhere; UK 07700 900xxx (Ofcom) as +44 7700 900123; North America 555-01xx as
 *   +1 201-555-0123;
 * - like any CRM export, a few blanks (5 % without a phone) and typos (0.5 % of the emails without a
 *   top-level domain, 0.5 % of the phones with a letter O for a 0), which ingest flags as invalid_email / invalid_phone.
 */
import { createRng, type Rng } from '../util/random.ts';
import type { Account } from './generate-accounts.ts';
import { FIRST_NAMES, LAST_NAMES } from './name-banks.ts';

/** Seeds the details' own random stream (seed XOR salt), apart from the company's. */
const SEED_SALT = 0x5eed_c0de;

export const CONTACT_DETAIL_RATES = { noPhone: 0.05, emailTypo: 0.005, phoneTypo: 0.005 } as const;

export interface ContactDetails {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** lower-case ASCII for an email's local part: accents dropped, spaces and apostrophes removed. */
export function emailWord(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function fictionPhone(rng: Rng, french: boolean, region: string): string {
  if (french) {
    const [a, b] = [pad(rng.int(100), 2), pad(rng.int(100), 2)];
    return region === 'France' ? `06 39 98 ${a} ${b}` : `+33 6 39 98 ${a} ${b}`;
  }
  if (region === 'North America') return `+1 ${rng.pick(['201', '312', '415', '617'])}-555-01${pad(rng.int(100), 2)}`;
  return `+44 7700 900${pad(rng.int(1000), 3)}`;
}

/** A random stream of contact details for a demo generated with this seed. */
export function createContactDetailsStream(seed: number): (account: Account) => ContactDetails[] {
  const rng = createRng((seed ^ SEED_SALT) >>> 0);
  return (account) => {
    const used = new Map<string, number>();
    return account.contacts.map((c) => {
      const [first, last] = [rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)];
      const local = `${emailWord(first)}.${emailWord(last)}`;
      const seen = (used.get(local) ?? 0) + 1;
      used.set(local, seen);
      const french = c.language === 'fr';
      const domain = `${account.id.toLowerCase()}.example.${french ? 'fr' : 'com'}`;
      const email = `${local}${seen > 1 ? seen : ''}@${rng.chance(CONTACT_DETAIL_RATES.emailTypo) ? domain.replace(/\.example\.(fr|com)$/, '') : domain}`;
      const phone = rng.chance(CONTACT_DETAIL_RATES.noPhone) ? '' : fictionPhone(rng, french, account.region.region);
      // the typo of a phone: its last digit typed as the letter O
      return { name: `${first} ${last}`, email, phone: phone !== '' && rng.chance(CONTACT_DETAIL_RATES.phoneTypo) ? `${phone.slice(0, -1)}O` : phone };
    });
  };
}
