/**
 * Restricted files (src/publish/restricted-files.ts): written owner-only whatever the umask or a stale temp
 * file, frozen owner-read-only (the rest of the night world-readable), marked restricted in the manifest,
 * and made writable again by their owner alone when `ecoute erase` unfreezes the night.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempPath, writeFileAtomic } from '../../src/report/atomic-write.ts';
import { freezeNight, readNightManifest, unfreezeNight } from '../../src/publish/freeze-night.ts';
import { CALLBACK_CONTACTS_FILE, isRestrictedPath, RESTRICTED_MODES } from '../../src/publish/restricted-files.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const night = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'ecoute-restricted-'));
  dirs.push(d);
  return d;
};
const mode = (path: string): number => statSync(path).mode & 0o777;

describe('restricted files', () => {
  it('are written 0600 even over a stale world-readable temp file', () => {
    const dir = night();
    const path = join(dir, CALLBACK_CONTACTS_FILE);
    mkdirSync(join(dir, 'restricted'));
    writeFileSync(tempPath(path), 'stale', { mode: 0o666 });
    writeFileAtomic(path, 'name,email\r\n', RESTRICTED_MODES.file);
    expect(mode(path)).toBe(0o600);
    writeFileAtomic(join(dir, 'callback-list.csv'), 'x\r\n');
    expect(mode(join(dir, 'callback-list.csv')) & 0o044).toBe(0o044); // the others keep the usual mode
  });

  it('are frozen 0400 and marked restricted in the manifest; unfrozen 0600', async () => {
    const dir = night();
    writeFileAtomic(join(dir, CALLBACK_CONTACTS_FILE), 'a\r\n', RESTRICTED_MODES.file);
    writeFileAtomic(join(dir, 'callback-list.csv'), 'b\r\n');
    writeFileAtomic(join(dir, 'dashboard', 'restricted-looking.html'), 'c');
    await freezeNight(dir, { runId: 'r1', asOf: '2026-11-01' });
    expect(mode(join(dir, CALLBACK_CONTACTS_FILE))).toBe(0o400);
    expect(mode(join(dir, 'callback-list.csv'))).toBe(0o444);
    expect(readNightManifest(dir)!.files.map((f) => [f.path, f.restricted ?? false])).toEqual([
      ['callback-list.csv', false],
      ['dashboard/restricted-looking.html', false],
      [CALLBACK_CONTACTS_FILE, true],
    ]);
    await unfreezeNight(dir);
    expect(mode(join(dir, CALLBACK_CONTACTS_FILE))).toBe(0o600);
    expect(mode(join(dir, 'callback-list.csv'))).toBe(0o644);
  });

  it('are those of the night\'s restricted/ folder only', () => {
    expect([CALLBACK_CONTACTS_FILE, 'restricted.csv', 'dashboard/restricted/x', 'restricted'].map(isRestrictedPath)).toEqual([true, false, false, false]);
  });
});
