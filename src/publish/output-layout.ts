/**
 * The output folder of a pipeline, as ecoute lays it out. One run owns the folder (lock), builds its
 * night in a fresh staging folder and publishes it by switching one symbolic link:
 *
 *   <out>/
 *     runs/<as-of>-<start>-<id>/   published nights, complete and read-only (the last `output.keep_runs`)
 *     current -> runs/<…>          switched atomically (a temporary link renamed over it)
 *     ecoute.duckdb -> current/ecoute.duckdb, dashboard -> current/dashboard, …
 *                                  one fixed link per entry of a night: the documented paths
 *     staging/<run-id>/            the run being built (a killed run's is removed by the next run)
 *     failed/<run-id>/             a failed or gated run, kept for inspection (the last `output.keep_failed`)
 *     history.jsonl                one line per run, published or not
 *     .ecoute-output               marks the folder as ecoute's: a folder without it must be empty
 *     .ecoute-lock                 the running run (pid, host, run id)
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';

export interface OutputLayout {
  readonly root: string;
  readonly runs: string;
  readonly staging: string;
  readonly failed: string;
  readonly current: string;
  readonly history: string;
  readonly marker: string;
  readonly lock: string;
}

/** Names ecoute keeps at the top of its output folder besides the links into `current/`. */
export const LAYOUT_NAMES = ['runs', 'staging', 'failed', 'current', 'history.jsonl', '.ecoute-output', '.ecoute-lock'] as const;

/** The night's manifest (files, sizes, SHA-256), written when the night is frozen. */
export const NIGHT_MANIFEST = '.manifest.json';

export function outputLayout(root: string): OutputLayout {
  return {
    root,
    runs: join(root, 'runs'),
    staging: join(root, 'staging'),
    failed: join(root, 'failed'),
    current: join(root, 'current'),
    history: join(root, 'history.jsonl'),
    marker: join(root, '.ecoute-output'),
    lock: join(root, '.ecoute-lock'),
  };
}

/** Target of the fixed top-level link for an entry of a night, e.g. `current/ecoute.duckdb`. */
export function currentLinkTarget(name: string): string {
  return `current/${name}`;
}

/**
 * The folder of the night published in `root` (the real path behind `current`), or undefined when
 * nothing was published yet. The one function that locates it: erasure and readers use it too.
 */
export function publishedNightDir(root: string): string | undefined {
  try {
    return realpathSync(outputLayout(root).current);
  } catch {
    return undefined;
  }
}
