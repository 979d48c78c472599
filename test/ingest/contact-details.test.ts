/**
 * The contacts source's restricted details (name, email, phone): valid values are accepted (phones normalised to
 * E.164), invalid ones are kept as read and flagged in field_problems without their value, never quarantined;
 * rows read = accepted + quarantined as for any source; a quarantined contact's details never reach quarantine.csv.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, csvText, queryOut, reconciliation, responsesCsv, type Fixture } from './helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
  fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', '']]));
});
afterEach(() => fx.cleanup());

const HEADER = ['id', 'account', 'full name', 'mail', 'tel'];
const contacts = (extra: Record<string, unknown> = {}) => ({
  path: 'contacts.csv',
  columns: { contact_id: 'id', account_id: 'account', name: 'full name', email: 'mail', phone: 'tel' },
  ...extra,
});

describe('contact details', () => {
  it('valid values are accepted, phones normalised to E.164; invalid ones kept as read and flagged, the row accepted', async () => {
    fx.write('contacts.csv', csvText([
      HEADER,
      ['c1', 'a1', 'Élodie Müller', 'elodie.muller@example.fr', '06 39 98 12 34'],
      ['c2', 'a1', 'James Walsh', 'james.walsh@example', '+44 (0)20 7946 0958'],
      ['c3', 'a2', 'Grace Taylor', ' Grace.Taylor@Example.com ', '0044 7700 900123'],
      ['c4', 'a2', 'Ben Smith', 'ben smith@example.com', '555-01'],
      ['c5', 'a3', '', '', ''],
    ]));
    fx.pipeline({ sources: { contacts: contacts({ phone_country_code: '33' }) } });
    const result = await fx.run();
    expect(await reconciliation(result, 'contacts')).toEqual([5, 5, 0]);
    expect(await queryOut(result.outDir, 'SELECT contact_id, name, email, phone FROM contacts ORDER BY contact_id')).toEqual([
      { contact_id: 'c1', name: 'Élodie Müller', email: 'elodie.muller@example.fr', phone: '+33639981234' },
      { contact_id: 'c2', name: 'James Walsh', email: 'james.walsh@example', phone: '+442079460958' },
      { contact_id: 'c3', name: 'Grace Taylor', email: 'Grace.Taylor@Example.com', phone: '+447700900123' },
      { contact_id: 'c4', name: 'Ben Smith', email: 'ben smith@example.com', phone: '555-01' },
      { contact_id: 'c5', name: null, email: null, phone: null },
    ]);
    expect(await queryOut(result.outDir, "SELECT row_id, field, reason_code, line::INTEGER AS line, value FROM field_problems WHERE source = 'contacts' ORDER BY line, field")).toEqual([
      { row_id: 'c2', field: 'email', reason_code: 'invalid_email', line: 3, value: null },
      { row_id: 'c4', field: 'email', reason_code: 'invalid_email', line: 5, value: null },
      { row_id: 'c4', field: 'phone', reason_code: 'invalid_phone', line: 5, value: null },
    ]);
    expect(result.summary.fieldProblems.byReason.filter((x) => x.source === 'contacts').map((x) => [x.reason, x.count])).toEqual([['invalid_email', 2], ['invalid_phone', 1]]);
    // the exported field problems name the contact and the field, never the value
    const exported = readFileSync(join(result.outDir, 'tables', 'field_problems.csv'), 'utf8');
    expect(exported).toContain('c4');
    for (const v of ['james.walsh@example', 'ben smith', '555-01']) expect(exported).not.toContain(v);
  });

  it('without phone_country_code a national number is flagged and kept as read; an international one is normalised', async () => {
    fx.write('contacts.csv', csvText([HEADER, ['c1', 'a1', 'Léa Petit', 'lea@example.fr', '06 39 98 12 34'], ['c2', 'a1', 'Ryan Clarke', 'ryan@example.com', '+1 (201) 555-0123']]));
    fx.pipeline({ sources: { contacts: contacts() } });
    const result = await fx.run();
    expect(await queryOut(result.outDir, 'SELECT contact_id, phone FROM contacts ORDER BY contact_id')).toEqual([
      { contact_id: 'c1', phone: '06 39 98 12 34' },
      { contact_id: 'c2', phone: '+12015550123' },
    ]);
    expect(await queryOut(result.outDir, "SELECT row_id, reason_code FROM field_problems WHERE source = 'contacts'")).toEqual([{ row_id: 'c1', reason_code: 'invalid_phone' }]);
  });

  it("a quarantined contact's name, email and phone stay in DuckDB: quarantine.csv has its row without them", async () => {
    fx.write('contacts.csv', csvText([
      HEADER,
      ['c1', 'a1', 'Zoltan Quarantaine', 'zoltan.q@example.fr', '+33 6 39 98 00 01'],
      ['c1', 'a1', 'Zoltan Duplicate', 'zoltan.dup@example.fr', '+33 6 39 98 00 02'],
      ['c2', 'a1', 'Unparsed Person', 'unparsed@example.fr', '+33 6 39 98 00 03', 'one field too many'],
    ]));
    fx.pipeline({ sources: { contacts: contacts() } });
    const result = await fx.run();
    expect(await reconciliation(result, 'contacts')).toEqual([3, 1, 2]);
    const raw = await queryOut(result.outDir, "SELECT reason_code, raw FROM quarantine WHERE source = 'contacts' ORDER BY line");
    expect(raw.map((r) => r.reason_code)).toEqual(['duplicate_id', 'unparseable_row']);
    expect(String(raw[0]!.raw)).toContain('Zoltan Duplicate'); // the DuckDB file keeps it, for the data team
    const csv = readFileSync(join(result.outDir, 'quarantine.csv'), 'utf8');
    expect(csv).toContain('duplicate_id');
    expect(csv).toContain('"account_id"'); // the rest of the row is still there
    for (const v of ['Zoltan', 'zoltan.', 'Unparsed Person', 'unparsed@', '39 98 00']) expect(csv, v).not.toContain(v);
  });

  it('a phone_country_code that is not a calling code is a config error naming its path', async () => {
    fx.write('contacts.csv', csvText([HEADER, ['c1', 'a1', 'A B', 'a@example.fr', '0639981234']]));
    fx.pipeline({ sources: { contacts: contacts({ phone_country_code: '+33' }) } });
    await expect(fx.run()).rejects.toThrow(/sources\.contacts\.phone_country_code: expected a country calling code without \+/);
    fx.pipeline({ sources: { contacts: contacts({ phone_country_code: '999' }) } });
    await expect(fx.run()).rejects.toThrow('sources.contacts.phone_country_code: "999" is not a country calling code');
  });
});
