/**
 * The phone numbers of the staged contacts in E.164: each distinct number is normalised once by
 * libphonenumber-js (phone-e164.ts) into the table contact_phones, which check-contacts.sql joins.
 * Only the distinct numbers cross into JavaScript (one per contact at most: tens of thousands, not millions).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { querySqlFile, runSqlFile } from '../db/sql-file.ts';
import { EcouteError } from '../run/errors.ts';
import { isCallingCode, phoneE164 } from './phone-e164.ts';

export async function loadContactPhones(conn: DuckDBConnection, countryCallingCode: string | null): Promise<void> {
  if (countryCallingCode !== null && !isCallingCode(countryCallingCode)) {
    throw new EcouteError(`sources.contacts.phone_country_code: "${countryCallingCode}" is not a country calling code (e.g. "33" for France, "44" for the UK, "1" for North America)`);
  }
  await runSqlFile(conn, 'validate/create-contact-phones');
  const rows = await querySqlFile(conn, 'validate/select-contact-phones');
  const appender = await conn.createAppender('contact_phones');
  for (const row of rows) {
    const read = String(row.phone_read);
    appender.appendVarchar(read);
    const e164 = phoneE164(read, countryCallingCode);
    if (e164 === null) appender.appendNull();
    else appender.appendVarchar(e164);
    appender.endRow();
  }
  appender.closeSync();
}
