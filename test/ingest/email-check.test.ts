/**
 * ecoute_email_ok (sql/ingest/create-staging-tables.sql) checks an ASCII address with [A-Za-z0-9] for speed and
 * any other with the Unicode classes: both paths must agree with the Unicode pattern alone, address by address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { runSqlFile } from '../../src/db/sql-file.ts';

const UNICODE = String.raw`[\p{L}\p{N}!#$%&''*+/=?^_${'`'}{|}~-]+(\.[\p{L}\p{N}!#$%&''*+/=?^_${'`'}{|}~-]+)*@([\p{L}\p{N}]([\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,63}`;

const ADDRESSES: Array<[string, boolean]> = [
  ['jean.dupont@exemple.fr', true],
  ['a.b+tag@sub.example.co.uk', true],
  ["o'brien@example.com", true],
  ['x_y-z@a1.io', true],
  ['user@localhost', false],
  ['user@-bad.com', false],
  ['user@bad-.com', false],
  ['.user@example.com', false],
  ['user..dots@example.com', false],
  ['user@example.c', false],
  ['user@example.123', false],
  ['no-at-sign.example.com', false],
  ['two@@example.com', false],
  ['space in@example.com', false],
  ['"quoted"@example.com', false],
  ['user@[192.168.0.1]', false],
  ['élodie.müller@exemple.fr', true],
  ['jean@société.fr', true],
  ['用户@例子.广告', true],
  ['élodie@exemple.f', false],
  ['élodie@-exemple.fr', false],
  ['josé@exemple.123', false],
];

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
  await runSqlFile(db.connection, 'ingest/create-staging-tables');
});
afterAll(() => db.close());

describe('ecoute_email_ok', () => {
  it('gives the Unicode pattern verdict on ASCII and non-ASCII addresses, and the expected one', async () => {
    for (const [address, expected] of ADDRESSES) {
      const reader = await db.connection.runAndReadAll(`SELECT ecoute_email_ok($a) AS fast, length($a) <= 254 AND regexp_full_match($a, '${UNICODE}') AS slow`, { a: address });
      const [fast, slow] = reader.getRows()[0]!;
      expect(fast, address).toBe(slow);
      expect(fast, address).toBe(expected);
    }
  });
});
