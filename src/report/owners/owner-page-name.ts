/**
 * The file name of an owner's dashboard: HMAC-SHA256 of the owner's name under a secret key, so the name
 * is stable from night to night but cannot be guessed (nor checked) from the owner's name without the key.
 * The key file is the one input the administrator keeps secret; it is created once (32 random bytes, hex,
 * mode 600) when missing.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EcouteError } from '../../run/errors.ts';

export function ownerPageName(key: Buffer, owner: string): string {
  return createHmac('sha256', key).update(`ecoute owner page\u0000${owner}`, 'utf8').digest('hex').slice(0, 32);
}

/** Reads the key file, or creates it when missing. A key shorter than 16 bytes is refused. */
export function loadOwnerKey(path: string): { key: Buffer; created: boolean } {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    return { key: Buffer.from(readFileSync(path, 'utf8').trim(), 'hex'), created: true };
  }
  const text = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{32,}$/i.test(text)) throw new EcouteError(`${path}: the owner page key must be at least 32 hexadecimal characters (16 bytes)`);
  return { key: Buffer.from(text, 'hex'), created: false };
}
