/**
 * EngineInfo of a transformer model directory: id and revision from models/manifest.json when the
 * directory is registered there, otherwise the folder name and a content hash of its files.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { EngineInfo } from '../classifier-types.ts';
import { readManifest } from '../../models/manifest-file.ts';
import { sha256File } from '../../models/hash-model-files.ts';
import type { ModelDirectory } from './model-directory.ts';

export async function describeModel(directory: ModelDirectory, role: string): Promise<EngineInfo> {
  const registered = await findInManifest(directory);
  const model = registered?.id ?? directory.name;
  const revision = registered?.revision ?? (await hashRevision(directory));
  const bytes = (await stat(directory.onnxFile)).size;
  const size = bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
  return {
    engine: 'transformer',
    model,
    revision,
    description: `transformer ${role} model ${model} (${directory.dtype} ONNX, ${size}, max ${directory.maxLength} tokens), local directory ${directory.name}`,
  };
}

async function findInManifest(directory: ModelDirectory): Promise<{ id: string; revision: string } | undefined> {
  try {
    const manifest = await readManifest(directory.parent);
    return manifest.models.find((m) => m.dir === directory.name);
  } catch {
    return undefined;
  }
}

async function hashRevision(directory: ModelDirectory): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [directory.configFile, directory.tokenizerFile, directory.tokenizerConfigFile, directory.onnxFile]) {
    hash.update(await sha256File(file));
  }
  return `sha256:${hash.digest('hex').slice(0, 16)}`;
}
