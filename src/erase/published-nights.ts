/**
 * Where the nights of an output folder are, for `ecoute erase`: every night kept under runs/ (the
 * published one and the older ones kept by output.keep_runs) and every failed or gated run kept under
 * failed/ (output.keep_failed). Each is a folder of its own; `hasDatabase` says whether it holds the run's
 * DuckDB file (a gated run stops before anything but its quarantine and summary is written).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_DATABASE } from '../charts/open-run.ts';
import { outputLayout } from '../publish/output-layout.ts';

export interface KeptNight {
  readonly dir: string;
  readonly hasDatabase: boolean;
}

export function publishedNights(outRoot: string): KeptNight[] {
  const layout = outputLayout(outRoot);
  const nights: KeptNight[] = [];
  for (const parent of [layout.runs, layout.failed]) {
    if (!existsSync(parent)) continue;
    for (const name of readdirSync(parent).sort()) {
      const dir = join(parent, name);
      if (!statSync(dir).isDirectory()) continue;
      nights.push({ dir, hasDatabase: existsSync(join(dir, RUN_DATABASE)) });
    }
  }
  return nights;
}
