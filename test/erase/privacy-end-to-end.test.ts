/**
 * Privacy end to end on the demo company (scale 0.02) with planted people and personal data:
 *  - every file ecoute writes outside the DuckDB file is redacted (call-back list, dashboard, reports,
 *    tables in CSV and Parquet, quarantine.csv with its raw rows);
 *  - the contacts' names, emails and phones (restricted) reach restricted/callback-contacts.csv (owner-only,
 *    marked restricted in the night's manifest) and no other file outside the DuckDB file;
 *  - `ecoute erase` by contact, account and email (in a verbatim, or a contact's email in the contacts source)
 *    leaves no trace of those people (ids, names, emails, phones, verbatims, cached classifications) in any
 *    file of the output folder, the DuckDB file and the restricted file included, writes the audit, and a
 *    rerun on the very same exports keeps them out, counted as erased.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/demo/generate-demo.ts';
import { runPipeline, type RunResult } from '../../src/run/run-pipeline.ts';
import { erasePerson } from '../../src/erase/erase-person.ts';
import { ERASURE_LIST_FILE } from '../../src/erase/erasure-list.ts';
import { formatRun } from '../../src/cli/format-run.ts';
import { nirKey } from '../classify-pipeline/pii-corpus.ts';
import { findings, outputTexts } from './output-text.ts';
import { CALLBACK_CONTACTS_FILE } from '../../src/publish/restricted-files.ts';
import { readNightManifest } from '../../src/publish/freeze-night.ts';

const AS_OF = '2026-11-01';
const NBSP = '\u00A0';
const NNBSP = '\u202F';
const nirBody = '1850578006084';
const NIR = `${nirBody.slice(0, 1)} ${nirBody.slice(1, 3)} ${nirBody.slice(3, 5)} ${nirBody.slice(5, 7)} ${nirBody.slice(7, 10)} ${nirBody.slice(10, 13)} ${nirKey(nirBody)}`;

/** PII strings planted in verbatims of people who stay (detractors of the last days: on the call-back list). */
const PII = [
  `06${NBSP}12${NBSP}34${NBSP}56${NBSP}78`,
  '(415) 555-2671',
  '020 7946 0958',
  '4111.1111.1111.1111',
  'FR76-3000-6000-0112-3456-7890-189',
  'BE68 5390 0754 7034',
  `5500${NNBSP}0000${NNBSP}0000${NNBSP}0004`,
  NIR,
  'jane.roe@example.net',
  '+33 6 12 34 56 79',
  '4012888888881881',
];
const PII_VERBATIMS = [
  `Rappelez-moi au ${PII[0]}, la facture est fausse`,
  `call me at ${PII[1]} about the wrong invoice`,
  `UK office ${PII[2]}, billing errors again`,
  `carte ${PII[3]} débitée deux fois, erreur de facturation`,
  `remboursez sur ${PII[4]} merci, facture erronée`,
  `IBAN ${PII[5]} merci pour le remboursement de la facture`,
  `card ${PII[6]} was charged twice, billing mess`,
  `mon numéro de sécu ${PII[7]} figure sur la facture, inadmissible`,
  `email ${PII[8]}, the invoice is wrong`,
];
/** A quarantined row (NPS "abc") carrying PII in its raw copy. */
const PII_QUARANTINED = `joignable au ${PII[9]} ou carte ${PII[10]}`;

/** The people to erase: what identifies them, and what of theirs must disappear. */
const ERASED_TEXT = [
  'Quokkaxyl: la facture est encore fausse, erreur de facturation inacceptable',
  'Quokkaxyl support lent et facture erronée',
  'Quokkaxyl commentaire en quarantaine',
  'Wombatrix billing errors every month, invoice wrong',
  'Narwhalio write to zed.erase@example.org about the wrong invoice',
  'Xylophonia: nobody answers, the invoice is wrong again',
];
const ERASED_NEEDLES = [
  'CON-ERASE-01', 'CON-ERASE-02', 'CON-ERASE-03', 'ACC-ERASE-02', 'Erasable Widgets', 'Quokkaxyl', 'Wombatrix', 'Narwhalio', 'Xylophonia',
  'zed.erase@example.org', 'RSP-ERASE-', 'Quentin Effaçable', 'quentin.erase@example.fr', 'Ursula Effacée', 'ursula.erase@example.com', '+33199001234',
];
/** A contact who stays, with a detractor response on the call-back list: their details must reach the restricted file only. */
const KEPT_CONTACT = { id: 'CON-KEEP-01', name: 'Zéphyrine Confidentielle', email: 'zephyrine.keep@example.fr', phone: '01 99 00 55 01', e164: '+33199005501' };
const KEPT_DETAILS = [KEPT_CONTACT.name, KEPT_CONTACT.email, KEPT_CONTACT.phone, KEPT_CONTACT.e164];

const csvCell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

function responseRow(o: { id: string; contact: string; account: string; at: string; nps: string; text: string; lang: string }): string {
  // Response ID, Contact ID, Account ID, Submitted, Channel, Survey Type, Journey Stage, Touchpoint, NPS, CSAT, CES, 5 ratings, Comment, Language, Duration (s), Testimonial Consent
  return [o.id, o.contact, o.account, o.at, 'email', 'relational', 'renewal', 'Relationship survey', o.nps, '', '', '', '', '', '', '', o.text, o.lang, '140', 'No'].map(csvCell).join(',');
}

let root: string;
let outDir: string;
let pipelineFile: string;
let first: RunResult;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ecoute-privacy-'));
  const data = join(root, 'demo-data');
  await generateDemo({ outDir: data, seed: 11, scale: 0.02 });
  pipelineFile = join(root, 'demo.yaml');
  writeFileSync(pipelineFile, readFileSync(new URL('../../pipelines/demo.yaml', import.meta.url), 'utf8').replaceAll('../demo-data/', './demo-data/'));
  const contacts = readFileSync(join(data, 'contacts.csv'), 'utf8').trim().split('\n').slice(1, 20).map((l) => l.split(','));
  const rows: string[] = [];
  PII_VERBATIMS.forEach((text, i) => {
    const [contact, account] = contacts[i]!;
    rows.push(responseRow({ id: `RSP-PII-${i}`, contact: contact!, account: account!, at: `2${i % 9}/10/2026 10:00`, nps: '2', text, lang: 'fr' }));
  });
  rows.push(responseRow({ id: 'RSP-PII-Q', contact: contacts[10]![0]!, account: contacts[10]![1]!, at: '29/10/2026 11:00', nps: 'abc', text: PII_QUARANTINED, lang: 'fr' }));
  rows.push(responseRow({ id: 'RSP-ERASE-X1', contact: 'CON-ERASE-01', account: 'ACC-000002', at: '30/10/2026 09:00', nps: '2', text: ERASED_TEXT[0]!, lang: 'fr' }));
  rows.push(responseRow({ id: 'RSP-ERASE-X2', contact: 'CON-ERASE-01', account: 'ACC-000002', at: '15/09/2026 09:00', nps: '5', text: ERASED_TEXT[1]!, lang: 'fr' }));
  rows.push(responseRow({ id: 'RSP-ERASE-X3', contact: 'CON-ERASE-01', account: 'ACC-000002', at: '29/10/2026 09:00', nps: '11', text: ERASED_TEXT[2]!, lang: 'fr' }));
  rows.push(responseRow({ id: 'RSP-ERASE-Y1', contact: 'CON-ERASE-02', account: 'ACC-ERASE-02', at: '30/10/2026 10:00', nps: '1', text: ERASED_TEXT[3]!, lang: 'en' }));
  rows.push(responseRow({ id: 'RSP-ERASE-Z1', contact: contacts[12]![0]!, account: contacts[12]![1]!, at: '31/10/2026 08:00', nps: '3', text: ERASED_TEXT[4]!, lang: 'en' }));
  rows.push(responseRow({ id: 'RSP-ERASE-W1', contact: 'CON-ERASE-03', account: 'ACC-000003', at: '30/10/2026 11:00', nps: '0', text: ERASED_TEXT[5]!, lang: 'en' }));
  rows.push(responseRow({ id: 'RSP-KEEP-1', contact: KEPT_CONTACT.id, account: 'ACC-000004', at: '31/10/2026 09:30', nps: '1', text: 'billing errors on every invoice', lang: 'en' }));
  appendFileSync(join(data, 'responses-2026-10.csv'), `${rows.join('\n')}\n`);
  // Contact ID, Account ID, Role, Language, Name, Email, Phone
  appendFileSync(join(data, 'contacts.csv'), [
    'CON-ERASE-01,ACC-000002,user,fr,Quentin Effaçable,quentin.erase@example.fr,',
    'CON-ERASE-02,ACC-ERASE-02,decision_maker,en,,,',
    'CON-ERASE-03,ACC-000003,user,en,Ursula Effacée,ursula.erase@example.com,01 99 00 12 34',
    `${KEPT_CONTACT.id},ACC-000004,user,fr,${KEPT_CONTACT.name},${KEPT_CONTACT.email},${KEPT_CONTACT.phone}`,
  ].map((l) => `${l}\n`).join(''));
  appendFileSync(join(data, 'accounts.csv'), 'ACC-ERASE-02,Erasable Widgets SARL,SMB,France,Emma Peeters,Growth\n');
  appendFileSync(join(data, 'revenue.csv'), 'ACC-ERASE-02,2026-01-01,48000,EUR\n');
  outDir = join(root, 'out');
  first = await runPipeline({ pipelineFile, outDir, asOf: AS_OF });
}, 600_000);

afterAll(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

describe('privacy by default', () => {
  it('no file outside the DuckDB file holds any planted PII string, quarantine raw rows included', async () => {
    const texts = (await outputTexts(outDir)).filter((f) => !f.path.endsWith('.duckdb'));
    expect(findings(texts, PII, outDir)).toEqual([]);
    // the planted rows did reach the outputs, redacted
    const callbacks = readFileSync(join(outDir, 'callback-list.csv'), 'utf8');
    for (const kind of ['[phone]', '[card]', '[iban]', '[nir]', '[email]']) expect(callbacks, kind).toContain(kind);
    const quarantine = readFileSync(join(outDir, 'quarantine.csv'), 'utf8');
    expect(quarantine).toContain('joignable au [phone] ou carte [card]');
  }, 300_000);

  it("the contacts' names, emails and phones are in restricted/callback-contacts.csv (owner-only, restricted in the manifest) and in no other file", async () => {
    const restricted = readFileSync(join(outDir, CALLBACK_CONTACTS_FILE), 'utf8');
    const header = restricted.split('\r\n')[0]!.split(',');
    expect(header.slice(-4)).toEqual(['contact_name', 'contact_email', 'contact_phone', 'contact_flags']);
    const kept = restricted.split('\r\n').find((l) => l.includes('RSP-KEEP-1'));
    // the phone normalised to E.164, its + quoted as every cell a spreadsheet would evaluate (after the list's
    // follow-up columns, empty without a followups source)
    expect(kept).toContain(`${KEPT_CONTACT.id},billing errors on every invoice,,,,,,${KEPT_CONTACT.name},${KEPT_CONTACT.email},'${KEPT_CONTACT.e164},`);
    // one line per row of the call-back list, in its order
    const list = readFileSync(join(outDir, 'callback-list.csv'), 'utf8').split('\r\n');
    expect(restricted.split('\r\n').map((l) => l.split(',')[0])).toEqual(list.map((l) => l.split(',')[0]));

    const night = realpathSync(join(outDir, 'current'));
    expect(statSync(join(night, CALLBACK_CONTACTS_FILE)).mode & 0o777).toBe(0o400);
    expect(statSync(join(night, 'restricted')).mode & 0o777).toBe(0o700);
    expect(statSync(join(night, 'callback-list.csv')).mode & 0o777).toBe(0o444);
    const files = readNightManifest(night)!.files;
    expect(files.filter((f) => f.restricted === true).map((f) => f.path)).toEqual([CALLBACK_CONTACTS_FILE]);
    expect(first.summary.outputs).toContain(CALLBACK_CONTACTS_FILE);

    // every detail of every contact of the restricted file (the demo's too), in no other file but the database
    const emails = [...restricted.matchAll(/[a-z0-9.]+@[a-z0-9.-]+\.example\.(?:fr|com)/g)].map((m) => m[0]);
    const phones = [...restricted.matchAll(/\+[0-9]{8,15}/g)].map((m) => m[0]);
    expect(emails.length).toBeGreaterThan(3);
    expect(phones.length).toBeGreaterThan(3);
    const others = (await outputTexts(outDir)).filter((f) => !f.path.endsWith('.duckdb') && !f.path.endsWith(CALLBACK_CONTACTS_FILE));
    expect(others.length).toBeGreaterThan(20);
    expect(findings(others, [...KEPT_DETAILS, ...new Set(emails), ...new Set(phones)], outDir)).toEqual([]);
    // nothing a reader of the dashboard, the reports or the owner pages opens links to it
    const pages = others.filter((f) => /[/\\](dashboard|report)[/\\]/.test(f.path));
    expect(pages.length).toBeGreaterThan(3);
    expect(findings(pages, ['callback-contacts', 'restricted/'], outDir)).toEqual([]);
    // the planted contact is on the lists that stay anonymous, by id
    expect(readFileSync(join(outDir, 'callback-list.json'), 'utf8')).toContain(KEPT_CONTACT.id);
  }, 300_000);
});

describe('ecoute erase', () => {
  it('before: the people to erase are in the outputs (the searches below can find them)', async () => {
    const texts = await outputTexts(outDir);
    const db = texts.find((f) => f.path.endsWith('ecoute.duckdb'))!;
    for (const needle of ERASED_NEEDLES) expect(db.text, needle).toContain(needle);
    expect(readFileSync(join(outDir, 'ecoute.duckdb')).includes('CON-ERASE-01')).toBe(true);
    expect(readFileSync(join(outDir, 'callback-list.csv'), 'utf8')).toContain('Quokkaxyl');
    const restricted = readFileSync(join(outDir, CALLBACK_CONTACTS_FILE), 'utf8');
    for (const needle of ['Quentin Effaçable', 'Ursula Effacée', 'ursula.erase@example.com', '+33199001234', 'Xylophonia']) expect(restricted, needle).toContain(needle);
  }, 300_000);

  it('by contact, account and email: no trace of them in any file, the audit says what went', async () => {
    const by = { by: 'dpo@example.com', outDir };
    const contact = await erasePerson({ pipelineFile, ...by, kind: 'contact', id: 'CON-ERASE-01', at: '2026-11-02T09:00:00.000Z' });
    const account = await erasePerson({ pipelineFile, ...by, kind: 'account', id: ' ACC-ERASE-02 ', at: '2026-11-02T09:05:00.000Z' });
    const email = await erasePerson({ pipelineFile, ...by, kind: 'email', id: 'Zed.Erase@Example.org', at: '2026-11-02T09:10:00.000Z' });
    // an email that is a contact's (contacts source): that contact goes with all their rows
    const contactEmail = await erasePerson({ pipelineFile, ...by, kind: 'email', id: 'Ursula.Erase@example.com', at: '2026-11-02T09:15:00.000Z' });
    expect(contactEmail.nights[0]!.removed).toMatchObject({ responses: 1, contacts: 1, classification_cache: 1 });
    // CON-ERASE-01: 2 accepted responses, 1 quarantined, its contact row, its verbatims' classifications
    expect(contact.nights[0]!.removed).toMatchObject({ responses: 2, quarantine: 1, contacts: 1, verbatim_sentiment: 2, classification_cache: 2, classify_output_state: 2 });
    expect(account.nights[0]!.removed).toMatchObject({ responses: 1, accounts: 1, contacts: 1, revenue: 1, classification_cache: 1 });
    expect(email.nights[0]!.removed).toMatchObject({ responses: 1, classification_cache: 1 });
    for (const r of [contact, account, email]) expect(r.nights[0]!.removed.theme_mentions ?? 0).toBeGreaterThan(0);

    const texts = await outputTexts(outDir);
    expect(findings(texts, ERASED_NEEDLES, outDir).map((f) => f.join(" : ")).join("\n")).toBe("");
    const md5s = ERASED_TEXT.map((t) => createHash('md5').update(t).digest('hex'));
    expect(findings(texts, md5s, outDir)).toEqual([]);
    expect(findings(texts.filter((f) => !f.path.endsWith('.duckdb')), PII, outDir)).toEqual([]);

    const list = readFileSync(join(outDir, ERASURE_LIST_FILE), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(list.map((e) => [e.kind, e.by])).toEqual([['contact', 'dpo@example.com'], ['account', 'dpo@example.com'], ['email', 'dpo@example.com'], ['email', 'dpo@example.com']]);
    // the restricted file was rewritten without them, the contact who stays still in it, owner-only again
    const restricted = readFileSync(join(outDir, CALLBACK_CONTACTS_FILE), 'utf8');
    expect(restricted).toContain(KEPT_CONTACT.email);
    expect(statSync(join(realpathSync(join(outDir, 'current')), CALLBACK_CONTACTS_FILE)).mode & 0o777).toBe(0o400);
    const audit = readFileSync(join(outDir, 'erasure-audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { at: string; by: string; kind: string; nights: Array<{ removed: Record<string, number> }> });
    expect(audit.map((a) => [a.at, a.by, a.kind])).toEqual([
      ['2026-11-02T09:00:00.000Z', 'dpo@example.com', 'contact'],
      ['2026-11-02T09:05:00.000Z', 'dpo@example.com', 'account'],
      ['2026-11-02T09:10:00.000Z', 'dpo@example.com', 'email'],
      ['2026-11-02T09:15:00.000Z', 'dpo@example.com', 'email'],
    ]);
    expect(audit[0]!.nights[0]!.removed.responses).toBe(2);
  }, 300_000);

  it('a rerun on the very same exports keeps them out, counted as erased: read = accepted + quarantined + erased', async () => {
    const again = await runPipeline({ pipelineFile, outDir, asOf: AS_OF });
    expect(findings(await outputTexts(outDir), ERASED_NEEDLES, outDir)).toEqual([]);
    const rec = Object.fromEntries(again.summary.sources.map((s) => [s.source, s.reconciliation]));
    const before = Object.fromEntries(first.summary.sources.map((s) => [s.source, s.reconciliation]));
    // planted: responses X1 X2 X3(quarantined) Y1 Z1 W1; contacts CON-ERASE-01/02/03; account ACC-ERASE-02 and its revenue row
    expect([rec.responses!.rowsErased, rec.contacts!.rowsErased, rec.accounts!.rowsErased, rec.revenue!.rowsErased]).toEqual([6, 3, 1, 1]);
    expect(rec.responses!.rowsAccepted).toBe(before.responses!.rowsAccepted - 5);
    expect(readFileSync(join(outDir, CALLBACK_CONTACTS_FILE), 'utf8')).toContain(KEPT_CONTACT.name);
    expect(rec.responses!.rowsQuarantined).toBe(before.responses!.rowsQuarantined - 1);
    for (const r of again.summary.sources.map((s) => s.reconciliation)) expect(r.rowsRead, r.source).toBe(r.rowsAccepted + r.rowsQuarantined + r.rowsErased);
    expect(formatRun(again)).toContain('Reconciliation (rows read = accepted + quarantined + erased)');
  }, 300_000);
});
