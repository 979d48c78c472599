/**
 * Lists the files of a model directory (recursively, sorted, / separators) with size and SHA-256.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ManifestFile } from './manifest-schema.ts';

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function listFilesRecursive(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries) {
      const full = join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  await walk(dir);
  return out.sort();
}

export async function hashModelFiles(dir: string): Promise<ManifestFile[]> {
  const files = await listFilesRecursive(dir);
  const out: ManifestFile[] = [];
  for (const path of files) {
    const full = join(dir, ...path.split('/'));
    out.push({ path, size: (await stat(full)).size, sha256: await sha256File(full) });
  }
  return out;
}

/** a short content revision for local models: sha256 over the sorted (path, sha256) list */
export function contentRevision(files: readonly ManifestFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.path}\0${f.sha256}\n`);
  return `sha256:${hash.digest('hex').slice(0, 16)}`;
}
