/**
 * Where `ecoute dashboard <run-dir> --per-owner` finds the owner page key without --key-file: owner-pages.key
 * in the output folder the run was published in (<out>/runs/<run-id>, <out>/current which points there, or <out>).
 * A run folder outside an output folder needs --key-file.
 */
import { join } from 'node:path';
import { UsageError } from '../../run/errors.ts';
import { outputFolderOfRun } from '../../publish/output-folder-of-run.ts';

export const OWNER_KEY_FILE = 'owner-pages.key';

export function defaultOwnerKeyFile(runDir: string): string {
  const out = outputFolderOfRun(runDir);
  if (out !== undefined) return join(out, OWNER_KEY_FILE);
  throw new UsageError(`${runDir} is not a published run of an output folder (<out>/runs/<run-id>): give the owner page key with --key-file`);
}
