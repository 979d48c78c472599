/**
 * The erasure list: one JSON line per erasure request, kept at the top of the output folder
 * (`<out>/erasure-list.jsonl`, beside the nights, so every later run reads it) and applied by every run at
 * ingest. Identifiers are stored only as salted SHA-256 hashes (`erasureHash`): the list is not a copy of
 * the ids it erases, yet DuckDB recomputes the same hash on each row (`erasure_hash` in
 * sql/erase/create-erasure-macros.sql) to drop theirs.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonLines } from '../run/json-lines.ts';

export const ERASURE_LIST_FILE = 'erasure-list.jsonl';
export const ERASURE_KINDS = ['contact', 'account', 'email'] as const;
export type ErasureKind = (typeof ERASURE_KINDS)[number];

export const erasureEntrySchema = z.strictObject({
  kind: z.enum(ERASURE_KINDS).describe('what the identifier is: a contact id, an account id or an email address'),
  hash: z.string().regex(/^[0-9a-f]{64}$/).describe('erasureHash(kind, identifier)'),
  requested_at: z.string().describe('when the request was recorded, ISO 8601 UTC'),
  by: z.string().min(1).describe('who recorded it (--by, or the OS user)'),
});
export type ErasureEntry = z.infer<typeof erasureEntrySchema>;

/** The characters ecoute trims from values (ecoute_text): spaces, tabs, line breaks, no-break spaces. */
const EDGE_SPACE = /^[ \t\r\n\u00A0\u202F]+|[ \t\r\n\u00A0\u202F]+$/g;

/** Salted so a hash of this list matches nothing outside ecoute; the SQL twin is `erasure_hash`. */
export const ERASURE_SALT = 'ecoute-erasure-v1';

/** The identifier as rows hold it: trimmed; an email address in lower case. */
export function normalizeIdentifier(kind: ErasureKind, id: string): string {
  const trimmed = id.replace(EDGE_SPACE, '');
  return kind === 'email' ? trimmed.toLowerCase() : trimmed;
}

export function erasureHash(kind: ErasureKind, id: string): string {
  return createHash('sha256').update(`${ERASURE_SALT}:${kind}:${normalizeIdentifier(kind, id)}`).digest('hex');
}

export function erasureListPath(outRoot: string): string {
  return join(outRoot, ERASURE_LIST_FILE);
}

/**
 * Every entry of the list (none when the file does not exist). A line that does not parse stops with
 * its file and line: a damaged list must not silently let erased people back in.
 */
export function readErasureList(file: string): ErasureEntry[] {
  return readJsonLines(file, erasureEntrySchema, 'fix or remove the line (the erasure list is applied by every run)');
}

/** The distinct hashes of a list, sorted (what the ingest and the purge match rows against). */
export function erasureHashes(entries: readonly ErasureEntry[]): string[] {
  return [...new Set(entries.map((e) => e.hash))].sort();
}
