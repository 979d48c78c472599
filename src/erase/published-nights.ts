/**
 * Where the published nights of an output folder are: the one function `ecoute erase` asks, so that the
 * layout of the output folder is decided in one place. Today a run writes its night straight into the
 * output folder, so there is one night, the folder itself (when it holds a database).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_DATABASE } from '../charts/open-run.ts';

export function publishedNights(outRoot: string): string[] {
  return existsSync(join(outRoot, RUN_DATABASE)) ? [outRoot] : [];
}
