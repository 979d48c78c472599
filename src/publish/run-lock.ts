/**
 * One run owns an output folder: `.ecoute-lock` is created exclusively (O_EXCL) and holds the
 * owner's pid, host and run id. A second run fails at once naming the owner, or waits (`--wait`).
 * A lock left by a killed run (same host, pid gone) is taken over: it is renamed aside first, so of
 * two runs that find it stale only one removes it.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { z } from 'zod';
import { RunLockedError } from '../run/errors.ts';

const lockSchema = z.object({ pid: z.number().int(), host: z.string(), runId: z.string(), startedAt: z.string() });
export type LockOwner = z.infer<typeof lockSchema>;

export interface LockOptions {
  readonly runId: string;
  readonly startedAt: string;
  /** wait for the owner to finish instead of failing at once */
  readonly wait?: boolean;
  readonly pollMs?: number;
  readonly log?: (message: string) => void;
}

export interface RunLock {
  release(): void;
}

/** A lock file that holds no parseable owner after this long is considered abandoned. */
const UNREADABLE_GRACE_MS = 30_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockFile: string): { owner?: LockOwner; text: string } | undefined {
  try {
    const text = readFileSync(lockFile, 'utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const owner = lockSchema.safeParse(parsed);
    return owner.success ? { owner: owner.data, text } : { text };
  } catch {
    return undefined; // gone meanwhile
  }
}

function isStale(lockFile: string, found: { owner?: LockOwner }): boolean {
  if (found.owner === undefined) {
    try {
      return Date.now() - statSync(lockFile).mtimeMs > UNREADABLE_GRACE_MS;
    } catch {
      return false;
    }
  }
  return found.owner.host === hostname() && !isAlive(found.owner.pid);
}

/** Renames a stale lock aside and removes it, unless another run replaced it meanwhile. */
function breakStaleLock(lockFile: string, staleText: string, runId: string): void {
  const aside = `${lockFile}.stale-${runId}`;
  try {
    renameSync(lockFile, aside);
  } catch {
    return; // another run took it over first
  }
  let asideText = '';
  try {
    asideText = readFileSync(aside, 'utf8');
  } catch {
    /* unreadable: treated as the stale one */
  }
  if (asideText !== staleText) {
    // we moved a fresh lock of another run: put it back (ours is not written yet)
    try {
      writeFileSync(lockFile, asideText, { flag: 'wx' });
    } catch {
      /* a third run holds it now; the run we displaced keeps running and fails at publish if it must */
    }
  }
  rmSync(aside, { force: true });
}

export async function acquireRunLock(lockFile: string, opts: LockOptions): Promise<RunLock> {
  const mine: LockOwner = { pid: process.pid, host: hostname(), runId: opts.runId, startedAt: opts.startedAt };
  let announced = false;
  for (;;) {
    try {
      writeFileSync(lockFile, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
      return {
        release: () => {
          const found = readOwner(lockFile);
          if (found?.owner?.runId === mine.runId) rmSync(lockFile, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const found = readOwner(lockFile);
    if (found === undefined) continue;
    if (isStale(lockFile, found)) {
      opts.log?.(`taking over the lock of a run that ended without releasing it (${found.owner ? `pid ${found.owner.pid}, run ${found.owner.runId}` : 'unreadable lock file'})`);
      breakStaleLock(lockFile, found.text, opts.runId);
      continue;
    }
    if (opts.wait !== true) throw new RunLockedError(lockFile, found.owner);
    if (!announced) {
      opts.log?.(`waiting for the run that holds ${lockFile}${found.owner ? ` (pid ${found.owner.pid}, started ${found.owner.startedAt})` : ''}`);
      announced = true;
    }
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 250));
  }
}
