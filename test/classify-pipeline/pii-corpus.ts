/**
 * The PII test corpus: FR/EN sentences, each holding one personal-data string of a promised kind
 * (email, phone FR/BE/CH/US/UK, IBAN, card, French NIR) written in the ways people write them, and
 * PII-free sentences full of numbers (amounts, dates, times, order and tracking numbers) that must come
 * out unchanged. Checksums are computed here, independently of src/classify/pii (check digits are
 * generated, not verified), from a seeded generator plus published example numbers.
 */
import { createRng, type Rng } from '../../src/util/random.ts';
import type { PiiKind } from '../../src/classify/pii/pii-patterns.ts';

export interface PiiCase {
  readonly kind: PiiKind;
  /** the personal-data string as written in the sentence */
  readonly pii: string;
  readonly sentence: string;
  /** the sentence once redacted: the string replaced by `[kind]` */
  readonly expected: string;
}

const NBSP = '\u00A0';
const NNBSP = '\u202F';
/** separators people put between digit groups: space, no-break space, narrow no-break space, dot, dash */
const SEPARATORS = [' ', NBSP, NNBSP, '.', '-'] as const;

const FR_FRAMES = [
  'Rappelez-moi au {} svp.',
  'Mon numéro : {}, merci de me recontacter.',
  'Vous pouvez me joindre sur {} après 18h.',
  'Contact : {} (laissez un message)',
  '{} est mon numéro perso, ne le diffusez pas',
];
const EN_FRAMES = [
  'Please call me back at {} tomorrow.',
  'My number is {}, thanks.',
  'Reach me on {} any time after 6pm',
  'Contact: {} (leave a voicemail)',
  '{} is my direct line.',
];
const IBAN_FRAMES = [
  'Remboursez sur mon IBAN {} merci',
  'IBAN : {}. Merci de faire le virement.',
  'Please refund to {} asap',
  'My IBAN is {} thanks',
  'Le RIB ({}) est joint au courrier',
  'Virement sur {} puis confirmation par courrier',
];
const CARD_FRAMES = [
  'La carte {} a été débitée deux fois',
  'card {} was charged twice',
  'Carte bancaire : {}, expiration 12/27',
  'my card number is {} exp 09/26',
  'paiement refusé avec la carte {} hier',
  'charged on {}.',
];
const NIR_FRAMES = [
  'Mon numéro de sécu est le {} pour le dossier',
  'N° de sécurité sociale : {}.',
  'NIR {} (attestation jointe)',
  'Social security number {} as requested',
];
const EMAIL_FRAMES = [
  'écrivez-moi à {} svp',
  'Mon adresse : {}.',
  'email me at {} please',
  'Contact ({}) for the invoice',
  '{} ne reçoit plus vos factures',
  'cc {}, {} merci',
];

function fill(frame: string, pii: string): string {
  return frame.replaceAll('{}', pii);
}

function cases(kind: PiiKind, piis: readonly string[], frames: readonly string[], rng: Rng): PiiCase[] {
  return piis.map((pii) => {
    const frame = rng.pick(frames);
    return { kind, pii, sentence: fill(frame, pii), expected: fill(frame, `[${kind}]`) };
  });
}

const digits = (rng: Rng, n: number): string => Array.from({ length: n }, () => String(rng.int(10))).join('');

/** Luhn check digit that makes `body + digit` pass (computed from the doubling rule, right to left). */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // positions counted from the right of the full number; the check digit is position 0
    const d = Number(body[body.length - 1 - i]);
    const doubled = i % 2 === 0 ? d * 2 : d;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return String((10 - (sum % 10)) % 10);
}

/** IBAN check digits: 98 - (BBAN + country letters as numbers + "00") mod 97, ISO 13616. */
export function ibanCheckDigits(country: string, bban: string): string {
  const numeric = `${bban}${country}00`.toUpperCase().replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const rest = Number(BigInt(numeric) % 97n);
  return String(98 - rest).padStart(2, '0');
}

/** NIR key: 97 - (13 digits mod 97), with 2A → 19 and 2B → 18. */
export function nirKey(body13: string): string {
  const n = BigInt(body13.replace('2A', '19').replace('2B', '18'));
  return String(97n - (n % 97n)).padStart(2, '0');
}

function group(s: string, sizes: readonly number[], sep: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= s.length) break;
    parts.push(s.slice(at, at + size));
    at += size;
  }
  if (at < s.length) parts.push(s.slice(at));
  return parts.join(sep);
}

function emails(): string[] {
  return [
    'jean.dupont@example.fr', 'marie-claire.martin@orange.fr', 'Marie_Curie+cx@sub.mail.co.uk', 'j.smith@acme-corp.com',
    'CONTACT@SOCIETE.FR', 'a.b.c@d.io', 'support-team@my-company.org', 'paul.durand75@gmail.com', 'x@y.eu',
    'first.last@university.ac.uk', 'o.brien@example.ie', 'finance.dept@grandegroupe.com', 'hello+tag@startup.co',
    'lucie_bernard@laposte.net', 'r.garcia@empresa.es', 'anna.muller@firma.de', 'comptabilite@entreprise-123.fr',
    'mike.j.robinson@mail.example.com', 'user2024@test.travel', 'n.lefevre@cabinet-avocats.paris',
    'Jean-Pierre.Moreau@Free.fr', 'sales.emea@bigvendor.co.uk', 'noreply-2@alerts.example.net', 'cx_team@client.be',
    'francois.roux@client.ch', 'ops%team@relay.example.org', 'k.nguyen@hospital.nhs.uk', 'e.petit@mairie-lyon.fr',
    'julia.schmidt@web.de', 'tom.oconnor@company.ie', 'sara.rossi@azienda.it', 'info@boulangerie-martin.fr',
    'ceo@tiny.io', 'billing@saas-provider.com', 'h.dubois@outlook.fr', 'm.leroy2@yahoo.fr', 'p.fontaine@wanadoo.fr',
    'a_very.long-name+filter@sub.domain.example.com', 'd.lambert@etu.univ-paris.fr', 'priya.patel@corp.example.co.in',
  ];
}

function frenchPhones(rng: Rng): string[] {
  const out: string[] = [];
  for (let i = 0; i < 40; i++) {
    const n = `0${rng.pick(['1', '2', '3', '4', '5', '6', '7', '9'])}${digits(rng, 8)}`;
    const style = i % 10;
    const sep = SEPARATORS[i % SEPARATORS.length]!;
    if (style < 5) out.push(group(n, [2, 2, 2, 2, 2], sep));
    else if (style === 5) out.push(n);
    else if (style === 6) out.push(`+33${[' ', NBSP, '.', '-', ''][i % 5]!}${group(n.slice(1), [1, 2, 2, 2, 2], [' ', NBSP, '.', '-', ''][i % 5]!)}`);
    else if (style === 7) out.push(`+33 (0)${group(n.slice(1), [1, 2, 2, 2, 2], ' ')}`);
    else if (style === 8) out.push(`0033 ${group(n.slice(1), [1, 2, 2, 2, 2], sep === '.' || sep === '-' ? ' ' : sep)}`);
    else out.push(`(+33) ${group(n.slice(1), [1, 2, 2, 2, 2], ' ')}`);
  }
  return out;
}

function belgianPhones(rng: Rng): string[] {
  const out: string[] = [];
  for (let i = 0; i < 15; i++) {
    const mobile = `04${rng.pick(['7', '8', '9'])}${digits(rng, 7)}`;
    const land = `0${rng.pick(['2', '3', '4', '9'])}${digits(rng, 7)}`;
    const sep = [' ', NBSP, '.', ' ', '-'][i % 5]!;
    if (i % 5 === 0) out.push(group(mobile, [4, 2, 2, 2], sep));
    else if (i % 5 === 1) out.push(group(land, [2, 3, 2, 2], sep));
    else if (i % 5 === 2) out.push(`${mobile.slice(0, 4)}/${group(mobile.slice(4), [2, 2, 2], '.')}`);
    else if (i % 5 === 3) out.push(`+32 ${group(mobile.slice(1), [3, 2, 2, 2], ' ')}`);
    else out.push(`0032 ${group(land.slice(1), [1, 3, 2, 2], ' ')}`);
  }
  return out;
}

function swissPhones(rng: Rng): string[] {
  const out: string[] = [];
  for (let i = 0; i < 15; i++) {
    const n = `0${rng.pick(['21', '22', '31', '44', '76', '78', '79'])}${digits(rng, 7)}`;
    const sep = [' ', NBSP, '.', '-', NNBSP][i % 5]!;
    if (i % 3 === 0) out.push(group(n, [3, 3, 2, 2], sep));
    else if (i % 3 === 1) out.push(`+41 ${group(n.slice(1), [2, 3, 2, 2], ' ')}`);
    else out.push(`0041${sep === '.' || sep === '-' ? ' ' : sep}${group(n.slice(1), [2, 3, 2, 2], sep === '.' || sep === '-' ? ' ' : sep)}`);
  }
  return out;
}

function usPhones(rng: Rng): string[] {
  const out: string[] = [];
  for (let i = 0; i < 20; i++) {
    const area = `${2 + rng.int(8)}${digits(rng, 2)}`;
    const ex = `${2 + rng.int(8)}${digits(rng, 2)}`;
    const line = digits(rng, 4);
    const style = i % 7;
    if (style === 0) out.push(`(${area}) ${ex}-${line}`);
    else if (style === 1) out.push(`${area}-${ex}-${line}`);
    else if (style === 2) out.push(`${area}.${ex}.${line}`);
    else if (style === 3) out.push(`${area} ${ex} ${line}`);
    else if (style === 4) out.push(`+1 ${area} ${ex} ${line}`);
    else if (style === 5) out.push(`+1 (${area}) ${ex}-${line}`);
    else out.push(`1-${area}-${ex}-${line}`);
  }
  return out;
}

function ukPhones(rng: Rng): string[] {
  const out: string[] = [];
  for (let i = 0; i < 20; i++) {
    const london = `020${rng.pick(['3', '7', '8'])}${digits(rng, 7)}`;
    const mobile = `07${rng.pick(['4', '5', '7', '8', '9'])}${digits(rng, 8)}`;
    const city = `01${rng.pick(['13', '14', '16', '21', '31'])}${digits(rng, 7)}`;
    const style = i % 8;
    if (style === 0) out.push(group(london, [3, 4, 4], ' '));
    else if (style === 1) out.push(`(${london.slice(0, 3)}) ${group(london.slice(3), [4, 4], ' ')}`);
    else if (style === 2) out.push(group(mobile, [5, 6], ' '));
    else if (style === 3) out.push(group(mobile, [5, 3, 3], ' '));
    else if (style === 4) out.push(group(city, [4, 3, 4], ' '));
    else if (style === 5) out.push(`+44 ${group(mobile.slice(1), [4, 6], ' ')}`);
    else if (style === 6) out.push(`+44 (0)${group(london.slice(1), [2, 4, 4], ' ')}`);
    else out.push(`+44${NBSP}${group(london.slice(1), [2, 4, 4], NBSP)}`);
  }
  return out;
}

const IBAN_SHAPES: ReadonlyArray<{ country: string; bban: (rng: Rng) => string }> = [
  { country: 'FR', bban: (rng) => `${digits(rng, 10)}${digits(rng, 11)}${digits(rng, 2)}` },
  { country: 'DE', bban: (rng) => digits(rng, 18) },
  { country: 'BE', bban: (rng) => digits(rng, 12) },
  { country: 'CH', bban: (rng) => digits(rng, 17) },
  { country: 'GB', bban: (rng) => `${rng.pick(['WEST', 'NWBK', 'BARC', 'HBUK'])}${digits(rng, 14)}` },
  { country: 'ES', bban: (rng) => digits(rng, 20) },
  { country: 'IT', bban: (rng) => `${rng.pick(['X', 'A', 'K'])}${digits(rng, 22)}` },
  { country: 'NL', bban: (rng) => `${rng.pick(['ABNA', 'INGB', 'RABO'])}${digits(rng, 10)}` },
  { country: 'LU', bban: (rng) => digits(rng, 16) },
];

/** Published example IBANs (ECBS / bank documentation), valid check digits. */
const PUBLISHED_IBANS = [
  'FR1420041010050500013M02606', 'DE89370400440532013000', 'GB82WEST12345698765432', 'BE68539007547034',
  'CH9300762011623852957', 'NL91ABNA0417164300', 'ES9121000418450200051332', 'IT60X0542811101000000123456',
];

function ibans(rng: Rng): string[] {
  const compact = [...PUBLISHED_IBANS];
  for (let i = 0; i < 52; i++) {
    const shape = IBAN_SHAPES[i % IBAN_SHAPES.length]!;
    const bban = shape.bban(rng);
    compact.push(`${shape.country}${ibanCheckDigits(shape.country, bban)}${bban}`);
  }
  return compact.map((iban, i) => {
    const style = i % 7;
    if (style === 0) return iban;
    if (style === 1) return group(iban, Array(9).fill(4), ' ');
    if (style === 2) return group(iban, Array(9).fill(4), '-');
    if (style === 3) return group(iban, Array(9).fill(4), '.');
    if (style === 4) return group(iban, Array(9).fill(4), NBSP);
    if (style === 5) return group(iban.toLowerCase(), Array(9).fill(4), ' ');
    return group(iban, Array(9).fill(4), NNBSP);
  });
}

function cards(rng: Rng): string[] {
  const out = ['4111111111111111', '5500 0000 0000 0004', '3782 822463 10005', '6011-1111-1111-1117', '4012888888881881'];
  const prefixes: ReadonlyArray<{ p: string; len: number; sizes: number[] }> = [
    { p: '4', len: 16, sizes: [4, 4, 4, 4] },
    { p: '51', len: 16, sizes: [4, 4, 4, 4] },
    { p: '2221', len: 16, sizes: [4, 4, 4, 4] },
    { p: '37', len: 15, sizes: [4, 6, 5] },
    { p: '6011', len: 16, sizes: [4, 4, 4, 4] },
    { p: '4', len: 13, sizes: [4, 4, 5] },
    { p: '62', len: 19, sizes: [4, 4, 4, 4, 3] },
  ];
  for (let i = 0; i < 50; i++) {
    const shape = prefixes[i % prefixes.length]!;
    const body = shape.p + digits(rng, shape.len - shape.p.length - 1);
    const number = body + luhnCheckDigit(body);
    const sep = ['', ...SEPARATORS][i % 6]!;
    out.push(sep === '' ? number : group(number, shape.sizes, sep));
  }
  return out;
}

function nirs(rng: Rng): string[] {
  const out: string[] = [];
  for (let i = 0; i < 40; i++) {
    const sex = String(1 + rng.int(2));
    const year = digits(rng, 2);
    const month = String(1 + rng.int(12)).padStart(2, '0');
    const dept = i % 8 === 3 ? '2A' : i % 8 === 7 ? '2B' : String(1 + rng.int(95)).padStart(2, '0');
    const commune = String(1 + rng.int(998)).padStart(3, '0');
    const order = String(1 + rng.int(998)).padStart(3, '0');
    const body = `${sex}${year}${month}${dept}${commune}${order}`;
    const key = nirKey(body);
    const parts = [sex, year, month, dept, commune, order, key];
    const sep = ['', ' ', NBSP, '.', '-', NNBSP][i % 6]!;
    out.push(parts.join(sep));
  }
  return out;
}

/** Every PII case, deterministic (seed 2026). */
export function piiCorpus(): PiiCase[] {
  const rng = createRng(2026);
  const phoneFrames = (i: number): readonly string[] => (i % 2 === 0 ? FR_FRAMES : EN_FRAMES);
  const phones = [...frenchPhones(rng), ...belgianPhones(rng), ...swissPhones(rng), ...usPhones(rng), ...ukPhones(rng)];
  return [
    ...cases('email', emails(), EMAIL_FRAMES, rng),
    ...phones.flatMap((p, i) => cases('phone', [p], phoneFrames(i), rng)),
    ...cases('iban', ibans(rng), IBAN_FRAMES, rng),
    ...cases('card', cards(rng), CARD_FRAMES, rng),
    ...cases('nir', nirs(rng), NIR_FRAMES, rng),
  ];
}

/** Order numbers of 13-19 digits that fail the Luhn check (and are no NIR, IBAN or phone). */
function orderNumbers(rng: Rng): string[] {
  const out: string[] = [];
  while (out.length < 30) {
    const len = 13 + rng.int(7);
    const body = `${1 + rng.int(9)}${digits(rng, len - 2)}`;
    const check = luhnCheckDigit(body);
    const wrong = String((Number(check) + 1 + rng.int(9)) % 10);
    const number = body + wrong;
    if (number.length === 15 && /^[12]/.test(number) && nirKey(number.slice(0, 13)) === number.slice(13)) continue;
    out.push(number);
  }
  return out;
}

/** Sentences without personal data, full of numbers: must come out of redaction unchanged. */
export function piiFreeCorpus(): string[] {
  const rng = createRng(7);
  const fixed = [
    'le 12/03/2024 à 10:30', 'livré le 2024-03-12 à 14h05', 'rendez-vous le 05.11.2024 10:30', 'le 06.12.2024 au guichet',
    'facture de 1 234,56 € au lieu de 987,00 €', `montant 12${NBSP}345${NBSP}678,90 EUR`, 'we paid $1,299.99 instead of $999.00',
    'an increase of 15% in 2024 vs 2023', 'hausse de +15 % sur un an', 'prix +1 234 567 annoncés', 'version 2.3.4 et code postal 75011',
    'un numéro de suivi 1Z999AA10123456784', 'ticket #998877 ouvert depuis 12 jours', 'commande n° 4567890123', 'commande 123456789012 toujours pas reçue',
    'between 9:00 and 17:30 on weekdays', 'Q3 2025 revenue up 3.5 points', 'NPS went from -12 to +8 in 6 months', 'we have 250 users and 3 admins',
    'invoice FAC-2024-000123 dated 2024-01-31', 'the 2023-2024 contract, renewed 2024-2025', 'délai de 30 à 45 jours', '3 x 29,90 € par mois',
    'période du 01/01/2024 au 31/12/2024', 'from 01.01.2024 to 31.12.2024', 'ref 2024/03/000456', 'batch 20240312-0001', 'ISBN 978-2-07-036822-8',
    'coordonnées 48.8566, 2.3522', 'température 21,5 °C à 08:45', 'SLA 99.95 % au T2 2024', 'on 3/14/2025 at 2:30 pm',
    'we were billed 3 times: 120.00, 120.00 and 120.00', 'room 204, building 3, floor 12', 'une remise de 10 % sur 12 mois',
    'uptime 99,9 % sur 30 jours', 'ID client 00045612 depuis 2019', 'ligne 3, colonne 12, page 45', 'le 1er janvier 2025 à 0h00',
    'total : 10 000 € HT soit 12 000 € TTC', 'RC 2024-11-05 build 4521', 'mot de passe réinitialisé 3 fois en 2 jours',
    'the 10:45 to 11:15 slot on 2024-06-21', 'plan at 49 EUR/month for 12 months', 'we opened 17 tickets in 2024',
    'délai moyen 4,5 j (médiane 3 j)', 'version 10.0.19045.3803', 'temps de réponse 250 ms au 95e centile', 'seats: 1 250 → 1 500',
  ];
  const generated: string[] = [];
  for (const n of orderNumbers(rng)) generated.push(rng.pick([`commande ${n} non livrée`, `order ${n} never arrived`, `réf. ${n}`, `tracking ${n} stuck`]));
  for (let i = 0; i < 40; i++) {
    const euros = `${1 + rng.int(999)} ${String(rng.int(1000)).padStart(3, '0')},${String(rng.int(100)).padStart(2, '0')}`;
    const date = `${String(1 + rng.int(28)).padStart(2, '0')}/${String(1 + rng.int(12)).padStart(2, '0')}/20${20 + rng.int(7)}`;
    const time = `${String(rng.int(24)).padStart(2, '0')}:${String(rng.int(60)).padStart(2, '0')}`;
    generated.push(
      rng.pick([
        `facturé ${euros} € le ${date} à ${time}`,
        `charged ${euros.replace(',', '.').replace(' ', ',')} on ${date}`,
        `le ${date} ${time}, ${1 + rng.int(50)} utilisateurs bloqués`,
        `renouvellement du ${date} pour ${euros} EUR`,
      ]),
    );
  }
  return [...fixed, ...generated];
}
