/**
 * Registers a model directory that already sits under the models root in models/manifest.json:
 * checks it loads as a model directory (config, tokenizer, ONNX), detects its task, hashes every
 * file. Replaces an entry for the same folder.
 */
import { basename, resolve } from 'node:path';
import { inspectModelDirectory } from '../classify/transformer/model-directory.ts';
import { taskFromConfig } from '../classify/transformer/detect-model-task.ts';
import { readManifest, writeManifest } from './manifest-file.ts';
import { contentRevision, hashModelFiles } from './hash-model-files.ts';
import type { ManifestModel } from './manifest-schema.ts';

export interface RegisterOptions {
  readonly id?: string;
  readonly revision?: string;
  readonly source: 'local' | 'hub';
  /** when the model was added, supplied by the caller (e.g. new Date().toISOString() in the CLI) */
  readonly addedAt: string;
}

export async function registerModelDir(modelsRoot: string, dir: string, opts: RegisterOptions): Promise<ManifestModel> {
  const directory = await inspectModelDirectory(dir);
  const files = await hashModelFiles(directory.dir);
  const entry: ManifestModel = {
    id: opts.id ?? basename(directory.dir),
    dir: basename(directory.dir),
    revision: opts.revision ?? contentRevision(files),
    tasks: [taskFromConfig(directory.config)],
    source: opts.source,
    files,
    added_at: opts.addedAt,
  };
  if (resolve(directory.parent) !== resolve(modelsRoot)) throw new Error(`${directory.dir} is not directly under ${modelsRoot}`);
  const manifest = await readManifest(modelsRoot);
  const models = manifest.models.filter((m) => m.dir !== entry.dir);
  models.push(entry);
  models.sort((a, b) => a.dir.localeCompare(b.dir));
  await writeManifest(modelsRoot, { version: 1, models });
  return entry;
}
