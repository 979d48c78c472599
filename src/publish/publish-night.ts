/**
 * Publishing a finished night is one rename of a symbolic link: the staging folder moves to
 * `runs/<run-id>`, the fixed top-level links (`ecoute.duckdb -> current/ecoute.duckdb`, …) are made
 * for any new entry, then a temporary link to the night is renamed over `current`. Readers see the
 * whole old night or the whole new one; a run killed at any point before the rename leaves the old
 * night published, and one killed after it has published the new night. Old nights beyond
 * `keep` are removed afterwards.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { OutputFolderError } from '../run/errors.ts';
import { currentLinkTarget, LAYOUT_NAMES, type OutputLayout } from './output-layout.ts';

/** Names of a night's entries that get a fixed link at the top of the output folder. */
function linkedEntries(nightDir: string): string[] {
  return readdirSync(nightDir).filter((n) => !n.startsWith('.')).sort();
}

function isOurLink(path: string, name: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink() && readlinkSync(path) === currentLinkTarget(name);
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Refuses a night whose entries would overwrite a user's file at the top of the folder. */
export function checkLinkNames(layout: OutputLayout, nightDir: string): void {
  const clashes = linkedEntries(nightDir).filter(
    (n) => (LAYOUT_NAMES as readonly string[]).includes(n) || (exists(join(layout.root, n)) && !isOurLink(join(layout.root, n), n)),
  );
  if (clashes.length > 0) {
    throw new OutputFolderError(layout.root, `holds ${clashes.join(', ')}, which ecoute did not write and will not replace; move ${clashes.length === 1 ? 'it' : 'them'} away`);
  }
}

/** Moves the staging folder into runs/, switches `current` to it, and returns the published folder. */
export function publishNight(layout: OutputLayout, stagingDir: string): string {
  checkLinkNames(layout, stagingDir);
  mkdirSync(layout.runs, { recursive: true });
  const runId = basename(stagingDir);
  const nightDir = join(layout.runs, runId);
  renameSync(stagingDir, nightDir);
  const names = linkedEntries(nightDir);
  for (const name of names) {
    const link = join(layout.root, name);
    if (!exists(link)) symlinkSync(currentLinkTarget(name), link);
  }
  const tmpLink = join(layout.root, `.current-${runId}`);
  rmSync(tmpLink, { force: true });
  symlinkSync(join('runs', runId), tmpLink);
  renameSync(tmpLink, layout.current); // the publishing step: atomic on POSIX file systems
  for (const name of readdirSync(layout.root)) {
    const link = join(layout.root, name);
    if (!names.includes(name) && isOurLink(link, name)) rmSync(link, { force: true });
  }
  return nightDir;
}

/**
 * Keeps the newest `keep` folders of `dir` (by name: as-of then start time), never the folder named `protect`.
 * Returns the names removed.
 */
export function keepNewest(dir: string, keep: number, protect?: string): string[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).sort().reverse();
  const kept = new Set(names.filter((n) => n === protect));
  for (const n of names) if (kept.size < keep) kept.add(n);
  const removed = names.filter((n) => !kept.has(n));
  for (const n of removed) rmSync(join(dir, n), { recursive: true, force: true });
  return removed;
}
