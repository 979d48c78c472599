/**
 * An output folder is ecoute's when it is new, empty, or carries the `.ecoute-output` marker ecoute
 * wrote when it first used it. Any other folder is refused before a single file is written, naming
 * what is in it: ecoute never deletes or overwrites a user's files (a `.work/` folder, their own
 * `quarantine.csv`). Inside its own folder ecoute touches only the names of its layout and the
 * fixed links into `current/`; a user's file among them is left alone and reported at publish.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { OutputFolderError } from '../run/errors.ts';
import type { OutputLayout } from './output-layout.ts';

const SHOWN = 6;

/** Checks, without writing anything, that ecoute may use the folder. */
export function checkOutputFolder(layout: OutputLayout): void {
  if (!existsSync(layout.root)) return;
  if (!lstatSync(layout.root).isDirectory()) throw new OutputFolderError(layout.root, 'is not a folder');
  if (existsSync(layout.marker)) return;
  // the lock of a first run that has not written the marker yet is ecoute's own
  const entries = readdirSync(layout.root).filter((e) => !e.startsWith('.ecoute-lock')).sort();
  if (entries.length === 0) return;
  const shown = entries.slice(0, SHOWN).join(', ') + (entries.length > SHOWN ? `, … (${entries.length} entries)` : '');
  throw new OutputFolderError(
    layout.root,
    `holds files ecoute did not write (${shown}); ecoute writes only into a new or empty folder, or one it created ` +
      '(marked by .ecoute-output). Choose another --out or output.dir; a folder of ecoute before 0.2 (no runs/ inside) can be moved away and rebuilt by one run',
  );
}

/** Creates the folder if needed and marks it as ecoute's (call after checkOutputFolder, under the lock). */
export function markOutputFolder(layout: OutputLayout, version: string): void {
  mkdirSync(layout.root, { recursive: true });
  if (!existsSync(layout.marker)) writeFileSync(layout.marker, `${JSON.stringify({ ecoute: version, layout: 1 })}\n`);
}
