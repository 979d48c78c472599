/**
 * The restricted twin of the call-back list: `restricted/callback-contacts.csv`, the rows of callback-list.csv
 * with each contact's name, email and phone from the contacts source (and what ingest flagged on them), for
 * the people who make the calls. Written only when the contacts source holds such details, owner-only
 * (src/publish/restricted-files.ts); callback-list.csv/.json, the dashboard, the reports and `ecoute notify`
 * (unless --with-contact-details) carry the contact id alone. A night without details has no such file:
 * a stale one (the details unmapped since, or `ecoute erase` rewriting the night) is removed.
 *
 *   contacts (name, email, phone) + field_problems (invalid_email, invalid_phone)
 *     ⨝ call-back rows on contact_id ─► restricted/callback-contacts.csv (0600)
 */
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { queryNumber, querySqlFile, sqlFile } from '../../db/sql-file.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { CALLBACK_CONTACTS_FILE, RESTRICTED_FOLDER, RESTRICTED_MODES } from '../../publish/restricted-files.ts';
import { CALLBACK_COLUMNS, csvTable } from './callback-csv.ts';
import type { CallbackRow } from './callback-list.ts';

export interface ContactDetails {
  readonly contact_name: string | null;
  readonly contact_email: string | null;
  readonly contact_phone: string | null;
  /** invalid_email, invalid_phone: the value is as read */
  readonly contact_flags: string[];
}

export type CallbackContactRow = CallbackRow & ContactDetails;

export const CALLBACK_CONTACT_COLUMNS = [...CALLBACK_COLUMNS, 'contact_name', 'contact_email', 'contact_phone', 'contact_flags'] as const;

const NO_DETAILS: ContactDetails = { contact_name: null, contact_email: null, contact_phone: null, contact_flags: [] };
const DETAIL_COLUMNS = ['name', 'email', 'phone'] as const;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Whether the run's contacts table holds any name, email or phone (tables: the run's tables and their columns). */
export async function hasContactDetails(conn: DuckDBConnection, tables: ReadonlyMap<string, ReadonlySet<string>>): Promise<boolean> {
  const contacts = tables.get('contacts');
  if (contacts === undefined || !DETAIL_COLUMNS.every((c) => contacts.has(c))) return false;
  return (await queryNumber(conn, sqlFile('report/count-contact-details'))) > 0;
}

/** The restricted details of these contacts, by contact id. */
export async function loadContactDetails(conn: DuckDBConnection, contactIds: readonly string[]): Promise<Map<string, ContactDetails>> {
  const ids = [...new Set(contactIds)].sort();
  if (ids.length === 0) return new Map();
  const rows = await querySqlFile(conn, 'report/select-callback-contacts', { contact_ids: listValue(ids) });
  return new Map(rows.map((r) => [String(r.contact_id), {
    contact_name: str(r.name),
    contact_email: str(r.email),
    contact_phone: str(r.phone),
    contact_flags: Array.isArray(r.flags) ? r.flags.map(String) : [],
  }]));
}

/** The call-back rows, each with its contact's details (none for a row without a contact or an unknown one). */
export function withContactDetails(rows: readonly CallbackRow[], details: ReadonlyMap<string, ContactDetails>): CallbackContactRow[] {
  return rows.map((r) => ({ ...r, ...((r.contact_id === null ? undefined : details.get(r.contact_id)) ?? NO_DETAILS) }));
}

/**
 * Writes restricted/callback-contacts.csv (folder 0700, file 0600) when the run holds contact details, else
 * removes a stale one; returns the file written, relative to runDir (none or one).
 */
export async function writeCallbackContacts(runDir: string, conn: DuckDBConnection, tables: ReadonlyMap<string, ReadonlySet<string>>, rows: readonly CallbackRow[]): Promise<string[]> {
  const folder = join(runDir, RESTRICTED_FOLDER);
  if (!(await hasContactDetails(conn, tables))) {
    rmSync(folder, { recursive: true, force: true });
    return [];
  }
  const details = await loadContactDetails(conn, rows.flatMap((r) => (r.contact_id === null ? [] : [r.contact_id])));
  mkdirSync(folder, { recursive: true, mode: RESTRICTED_MODES.folder });
  chmodSync(folder, RESTRICTED_MODES.folder);
  writeFileAtomic(join(runDir, CALLBACK_CONTACTS_FILE), csvTable(CALLBACK_CONTACT_COLUMNS, withContactDetails(rows, details)), RESTRICTED_MODES.file);
  return [CALLBACK_CONTACTS_FILE];
}
