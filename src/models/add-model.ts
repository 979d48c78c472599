/**
 * `ecoute models add <dir>`: copy a local Hugging Face-layout model directory under the models
 * root (skipping PyTorch/TF weights and dot-files) and record it in models/manifest.json.
 * A directory already under the models root is registered in place.
 *
 * @example
 *   await addModel('/mnt/usb/twitter-xlm-roberta-sentiment', 'models', {
 *     id: 'cardiffnlp/twitter-xlm-roberta-base-sentiment', addedAt: '2025-01-31T10:00:00Z' });
 *   // { id: 'cardiffnlp/twitter-xlm-roberta-base-sentiment', dir: 'cardiffnlp--twitter-xlm-roberta-base-sentiment', tasks: ['sentiment'], ... }
 */
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { inspectModelDirectory } from '../classify/transformer/model-directory.ts';
import { modelDirName, type ManifestModel } from './manifest-schema.ts';
import { modelMessages } from './model-messages.ts';
import { registerModelDir } from './register-model.ts';
import { pathExists } from '../util/path-exists.ts';

export interface AddModelOptions {
  /** when the model was added (no wall clock inside ecoute's library code) */
  readonly addedAt: string;
  /** model id, default: the source folder name */
  readonly id?: string;
  readonly revision?: string;
  /** overwrite an existing folder of the same name */
  readonly replace?: boolean;
}

const SKIPPED = /(^|\/)\.|\.(bin|safetensors|h5|msgpack|ckpt|pt|pth|ot)$/;

export async function addModel(srcDir: string, modelsRoot: string, opts: AddModelOptions): Promise<ManifestModel> {
  const source = resolve(srcDir);
  await inspectModelDirectory(source);
  const id = opts.id ?? basename(source);
  if (resolve(dirname(source)) === resolve(modelsRoot)) {
    return registerModelDir(modelsRoot, source, { id, revision: opts.revision, source: 'local', addedAt: opts.addedAt });
  }
  const target = join(resolve(modelsRoot), modelDirName(id));
  if (await pathExists(target)) {
    if (!opts.replace) throw new Error(modelMessages.targetExists(target));
  }
  await mkdir(modelsRoot, { recursive: true });
  const tmp = `${target}.adding.tmp`;
  await rm(tmp, { recursive: true, force: true });
  await cp(source, tmp, { recursive: true, filter: (path) => !SKIPPED.test(path.slice(source.length).split('\\').join('/')) });
  await rm(target, { recursive: true, force: true });
  await rename(tmp, target);
  return registerModelDir(modelsRoot, target, { id, revision: opts.revision, source: 'local', addedAt: opts.addedAt });
}
