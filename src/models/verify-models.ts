/**
 * `ecoute models verify`: re-hashes every file recorded in models/manifest.json and reports
 * missing or changed files (size or SHA-256), plus files present but not recorded.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readManifest } from './manifest-file.ts';
import { listFilesRecursive, sha256File } from './hash-model-files.ts';

export interface FileProblem {
  readonly file: string;
  readonly problem: 'missing' | 'changed';
  readonly detail: string;
}

export interface ModelVerification {
  readonly id: string;
  readonly dir: string;
  readonly ok: boolean;
  readonly problems: FileProblem[];
  /** files in the folder that the manifest does not record (not an error) */
  readonly untracked: string[];
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly models: ModelVerification[];
}

export async function verifyModels(modelsRoot: string): Promise<VerifyResult> {
  const manifest = await readManifest(modelsRoot);
  const models: ModelVerification[] = [];
  for (const m of manifest.models) {
    const dir = join(modelsRoot, m.dir);
    const problems: FileProblem[] = [];
    for (const f of m.files) {
      const path = join(dir, ...f.path.split('/'));
      const size = await stat(path).then((s) => s.size, () => undefined);
      const file = `${m.dir}/${f.path}`;
      if (size === undefined) problems.push({ file, problem: 'missing', detail: 'file not found' });
      else if (size !== f.size) problems.push({ file, problem: 'changed', detail: `size ${size} bytes, expected ${f.size}` });
      else {
        const sha = await sha256File(path);
        if (sha !== f.sha256) problems.push({ file, problem: 'changed', detail: `sha256 ${sha.slice(0, 12)}…, expected ${f.sha256.slice(0, 12)}…` });
      }
    }
    const recorded = new Set(m.files.map((f) => f.path));
    const present = await listFilesRecursive(dir).catch(() => [] as string[]);
    models.push({ id: m.id, dir: m.dir, ok: problems.length === 0, problems, untracked: present.filter((p) => !recorded.has(p)) });
  }
  return { ok: models.every((m) => m.ok), models };
}
