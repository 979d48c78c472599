import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { redactPii, findPii } from '../../src/classify/pii/redact-pii.ts';
import { isIbanValid, isLuhnValid, PII_PATTERNS } from '../../src/classify/pii/pii-patterns.ts';
import { sqlFile } from '../../src/db/sql-file.ts';
import { openRedactionDatabase, sqlRedact } from './sql-redact.ts';

const POSITIVE: ReadonlyArray<readonly [string, string]> = [
  ['écrivez à jean.dupont@example.fr svp', 'écrivez à [email] svp'],
  ['mail: Marie_Curie+cx@sub.mail.co.uk.', 'mail: [email].'],
  ['rappel au 06 12 34 56 78 demain', 'rappel au [phone] demain'],
  ['rappel au 06.12.34.56.78', 'rappel au [phone]'],
  ['rappel au 06-12-34-56-78', 'rappel au [phone]'],
  ['rappel au 0612345678 svp', 'rappel au [phone] svp'],
  ['portable +33 6 12 34 56 78', 'portable [phone]'],
  ['portable +33 (0)6 12 34 56 78', 'portable [phone]'],
  ['portable +33612345678', 'portable [phone]'],
  ['depuis l’étranger 0033 6 12 34 56 78', 'depuis l’étranger [phone]'],
  ['London office +44 20 7946 0958 thanks', 'London office [phone] thanks'],
  ['call +1 (415) 555-2671 now', 'call [phone] now'],
  ['IBAN FR76 3000 6000 0112 3456 7890 189 merci', 'IBAN [iban] merci'],
  ['IBAN FR7630006000011234567890189', 'IBAN [iban]'],
  ['Konto DE89 3704 0044 0532 0130 00.', 'Konto [iban].'],
  ['account GB82WEST12345698765432', 'account [iban]'],
  ['iban fr76 3000 6000 0112 3456 7890 189', 'iban [iban]'],
  ['carte 4111 1111 1111 1111 refusée', 'carte [card] refusée'],
  ['card 5500-0000-0000-0004', 'card [card]'],
  ['amex 378282246310005 ok', 'amex [card] ok'],
  ['mix: a@b.io, 06 12 34 56 78 et 4111111111111111', 'mix: [email], [phone] et [card]'],
];

const NEGATIVE: readonly string[] = [
  'le 12/03/2024 à 10:30',
  'le 06.12.2024 au guichet',
  'livré le 2024-03-12',
  'facture de 1 234,56 € au lieu de 987,00 €',
  'montant 12 345 678,90 EUR',
  'commande 123456789012 toujours pas reçue',
  'commande n° 4567890123 et ticket #998877',
  'carte 4111 1111 1111 1112 (numéro faux)',
  'IBAN FR76 3000 6000 0112 3456 7890 188 (clé fausse)',
  'hausse de +15 % sur un an',
  'prix +1 234 567 annoncés',
  'version 2.3.4 et code postal 75011',
  'un numéro de suivi 1Z999AA10123456784',
  '',
];

describe('redactPii', () => {
  it.each(POSITIVE)('redacts %s', (input, expected) => {
    expect(redactPii(input)).toBe(expected);
  });
  it.each(NEGATIVE.map((s) => [s]))('leaves %s alone', (input) => {
    expect(redactPii(input)).toBe(input);
    expect(findPii(input)).toEqual([]);
  });
  it('names the kinds found', () => {
    expect(findPii('a@b.io, 06 12 34 56 78 et 4111111111111111')).toEqual(['email', 'card', 'phone']);
  });
  it('validates checksums', () => {
    expect(isLuhnValid('4111 1111 1111 1111')).toBe(true);
    expect(isLuhnValid('4111 1111 1111 1112')).toBe(false);
    expect(isLuhnValid('42')).toBe(false);
    expect(isIbanValid('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(isIbanValid('FR76 3000 6000 0112 3456 7890 188')).toBe(false);
    expect(isIbanValid('GB82WEST12345698765432')).toBe(true);
  });
});

describe('redact_pii DuckDB macro', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openRedactionDatabase();
  });
  afterAll(() => db.close());

  it('gives exactly the TypeScript output on every fixture', async () => {
    const inputs = [...POSITIVE.map(([i]) => i), ...NEGATIVE];
    expect(await sqlRedact(db, inputs)).toEqual(inputs.map(redactPii));
  });

  it('uses the very same pattern strings as the TypeScript twin', () => {
    const sql = sqlFile('classify/create-redact-pii-macro');
    for (const p of PII_PATTERNS) expect(sql).toContain(`'${p.source}', '${p.kind}'`);
  });

  it('keeps NULL as NULL', async () => {
    const reader = await db.connection.runAndReadAll('SELECT redact_pii(NULL::VARCHAR) AS r');
    expect(reader.getRowObjectsJson()[0]?.r).toBeNull();
  });
});
