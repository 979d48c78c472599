/**
 * A finished night is frozen before it is published: its manifest (every file with size and SHA-256)
 * is written to `.manifest.json`, and every file is made read-only (a restricted file owner-read-only,
 * src/publish/restricted-files.ts). A session that opens a published database read-write is refused by the
 * file system (run ecoute as a user other than root for this to hold); the manifest lets the next run
 * detect a night changed anyway and not build on it.
 */
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { hashModelFiles, listFilesRecursive, sha256File } from '../models/hash-model-files.ts';
import { toJsonText, writeFileAtomic } from '../report/atomic-write.ts';
import { NIGHT_MANIFEST } from './output-layout.ts';
import { isRestrictedPath, RESTRICTED_MODES } from './restricted-files.ts';

const manifestSchema = z.object({
  runId: z.string(),
  asOf: z.string(),
  /** `restricted`: a file of the night's restricted/ folder (contact details), owner-read-only (src/publish/restricted-files.ts) */
  files: z.array(z.object({ path: z.string(), size: z.number().int(), sha256: z.string(), restricted: z.literal(true).optional() })),
});
export type NightManifest = z.infer<typeof manifestSchema>;

const READ_ONLY = 0o444;

export async function freezeNight(dir: string, meta: { runId: string; asOf: string }): Promise<NightManifest> {
  const files = (await hashModelFiles(dir)).filter((f) => f.path !== NIGHT_MANIFEST).map((f) => (isRestrictedPath(f.path) ? { ...f, restricted: true as const } : f));
  const manifest: NightManifest = { runId: meta.runId, asOf: meta.asOf, files };
  writeFileAtomic(join(dir, NIGHT_MANIFEST), toJsonText(manifest));
  for (const path of await listFilesRecursive(dir)) chmodSync(join(dir, ...path.split('/')), isRestrictedPath(path) ? RESTRICTED_MODES.frozen : READ_ONLY);
  return manifest;
}

/**
 * Makes a frozen night's files writable again, for the one sanctioned change to a published night:
 * `ecoute erase`, which purges it under the output folder's lock and freezes it again (new manifest).
 */
export async function unfreezeNight(dir: string): Promise<void> {
  for (const path of await listFilesRecursive(dir)) chmodSync(join(dir, ...path.split('/')), isRestrictedPath(path) ? RESTRICTED_MODES.file : 0o644);
}

export function readNightManifest(dir: string): NightManifest | undefined {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(join(dir, NIGHT_MANIFEST), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `path` (relative to the night) still has the bytes the manifest recorded. */
export async function isUnchanged(dir: string, path: string, manifest: NightManifest): Promise<boolean> {
  const entry = manifest.files.find((f) => f.path === path);
  if (entry === undefined) return false;
  try {
    return (await sha256File(join(dir, path))) === entry.sha256;
  } catch {
    return false;
  }
}
