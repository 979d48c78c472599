/**
 * Outputs are written to `<name>.tmp` and renamed when complete, so a crash never leaves a half-written file.
 */
import { chmodSync, renameSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export function tempPath(path: string): string {
  return `${path}.tmp`;
}

/** With `mode`, the file is created with it (never wider for a moment, whatever the umask or a stale temp file). */
export function writeFileAtomic(path: string, content: string | Uint8Array, mode?: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  if (mode === undefined) writeFileSync(tmp, content);
  else {
    rmSync(tmp, { force: true });
    writeFileSync(tmp, content, { mode, flag: 'wx' });
    chmodSync(tmp, mode);
  }
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
