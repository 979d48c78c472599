/**
 * Restricted files: what a night holds that only the people who call customers back may read (the contacts'
 * names, emails and phones beside the call-back list). They live in the night's `restricted/` folder, are
 * written owner-only (0600, the folder 0700), frozen owner-read-only (0400) instead of world-readable, and
 * marked `restricted: true` in the night's manifest. No dashboard, report or owner page ever reads or links them.
 */
export const RESTRICTED_FOLDER = 'restricted';

/** The call-back list with each contact's name, email and phone (src/report/callback/callback-contacts.ts). */
export const CALLBACK_CONTACTS_FILE = `${RESTRICTED_FOLDER}/callback-contacts.csv`;

export const RESTRICTED_MODES = { folder: 0o700, file: 0o600, frozen: 0o400 } as const;

/** Whether a path relative to a night (with `/` separators) is a restricted file. */
export function isRestrictedPath(path: string): boolean {
  return path.startsWith(`${RESTRICTED_FOLDER}/`);
}
