/**
 * Outputs are written to `<name>.tmp` and renamed when complete, so a crash never leaves a half-written file.
 */
import { renameSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export function tempPath(path: string): string {
  return `${path}.tmp`;
}

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/** Runs `write(tmp)` then renames tmp over `path`; removes tmp if writing fails. */
export async function withAtomicFile(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  try {
    await write(tmp);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Stable JSON for outputs: two-space indent and a final newline. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
