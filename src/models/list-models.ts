/**
 * `ecoute models list`: the models recorded in models/manifest.json (with whether their folder is
 * present) and folders under the models root that are not registered.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readManifest } from './manifest-file.ts';
import type { ModelTask } from './manifest-schema.ts';

export interface ListedModel {
  readonly id: string;
  readonly dir: string;
  readonly revision: string;
  readonly tasks: readonly ModelTask[];
  readonly source: 'local' | 'hub';
  readonly files: number;
  readonly bytes: number;
  readonly added_at: string;
  readonly present: boolean;
}

export interface ModelList {
  readonly models: ListedModel[];
  /** folders under the models root that the manifest does not know */
  readonly unregistered: string[];
}

export async function listModels(modelsRoot: string): Promise<ModelList> {
  const manifest = await readManifest(modelsRoot);
  const models: ListedModel[] = [];
  for (const m of manifest.models) {
    models.push({
      id: m.id,
      dir: m.dir,
      revision: m.revision,
      tasks: m.tasks,
      source: m.source,
      files: m.files.length,
      bytes: m.files.reduce((s, f) => s + f.size, 0),
      added_at: m.added_at,
      present: await isDirectory(join(modelsRoot, m.dir)),
    });
  }
  const known = new Set(manifest.models.map((m) => m.dir));
  const entries = await readdir(modelsRoot, { withFileTypes: true }).catch(() => []);
  const unregistered = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !e.name.endsWith('.tmp') && !known.has(e.name))
    .map((e) => e.name)
    .sort();
  return { models, unregistered };
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
