/**
 * models/manifest.json: which model directories are installed, at which revision, for which
 * tasks, and the size and SHA-256 of every file, so `ecoute models verify` can tell a changed or
 * missing file. `added_at` is supplied by the caller (no wall clock in library code).
 */
import { z } from 'zod';

export const MODEL_TASKS = ['sentiment', 'embedding', 'nli'] as const;
export type ModelTask = (typeof MODEL_TASKS)[number];

export const manifestFileSchema = z
  .strictObject({
    path: z.string().min(1).describe('path relative to the model directory, with / separators'),
    size: z.number().int().nonnegative().describe('size in bytes'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected a lowercase hex SHA-256' }),
  })
  .describe('one file of a model directory');

export const MODEL_DIR_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export const manifestModelSchema = z
  .strictObject({
    id: z.string().min(1).describe('model id, e.g. cardiffnlp/twitter-xlm-roberta-base-sentiment'),
    dir: z.string().regex(MODEL_DIR_PATTERN, { error: 'expected a plain folder name under models/' }).describe('folder under models/'),
    revision: z.string().min(1).describe('hub revision, or sha256:<prefix> of the files for a local model'),
    tasks: z.array(z.enum(MODEL_TASKS)).min(1),
    source: z.enum(['local', 'hub']),
    files: z.array(manifestFileSchema).min(1),
    added_at: z.string().min(1).describe('when it was added, as given by the caller'),
  })
  .describe('one installed model');

export const manifestSchema = z
  .strictObject({
    version: z.literal(1),
    models: z.array(manifestModelSchema),
  })
  .superRefine((m, ctx) => {
    const dirs = new Set<string>();
    m.models.forEach((model, i) => {
      if (dirs.has(model.dir)) ctx.addIssue({ code: 'custom', path: ['models', i, 'dir'], message: `duplicate model dir "${model.dir}"` });
      dirs.add(model.dir);
    });
  })
  .describe('installed models');

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestModel = z.infer<typeof manifestModelSchema>;
export type ManifestFile = z.infer<typeof manifestFileSchema>;

export const MANIFEST_FILE = 'manifest.json';

export function emptyManifest(): Manifest {
  return { version: 1, models: [] };
}

/** a hub id or name → a folder name: "cardiffnlp/twitter-xlm" → "cardiffnlp--twitter-xlm" */
export function modelDirName(id: string): string {
  const name = id.replace(/\//g, '--').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._-]+/, '');
  if (!MODEL_DIR_PATTERN.test(name)) throw new Error(`cannot derive a folder name from model id "${id}"`);
  return name;
}
