/**
 * Reads and writes models/manifest.json. A missing manifest is an empty one; an invalid one is
 * a ManifestError listing every problem with its path. Writes go to a temp file then rename.
 */
import { readFile, rename, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatConfigProblems, toConfigProblems } from '../config/format-zod-issues.ts';
import { emptyManifest, MANIFEST_FILE, manifestSchema, type Manifest } from './manifest-schema.ts';

export class ManifestError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'ManifestError';
  }
}

export function manifestPath(modelsRoot: string): string {
  return join(modelsRoot, MANIFEST_FILE);
}

export async function readManifest(modelsRoot: string): Promise<Manifest> {
  const file = manifestPath(modelsRoot);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyManifest();
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ManifestError(file, `${file}: invalid JSON: ${(err as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new ManifestError(file, formatConfigProblems(file, toConfigProblems(parsed.error)));
  return parsed.data;
}

export async function writeManifest(modelsRoot: string, manifest: Manifest): Promise<void> {
  const valid = manifestSchema.parse(manifest);
  const file = manifestPath(modelsRoot);
  await mkdir(modelsRoot, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(valid, null, 2)}\n`);
  await rename(tmp, file);
}
