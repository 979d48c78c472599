/**
 * Test harness of the queue suite: a throwaway redis-server on a free loopback port (no
 * persistence) and `ecoute worker` child processes running the real CLI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** redis-server on PATH or in /usr/bin, or undefined (the suite is then skipped, saying why). */
export function findRedisServer(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/bin', '/usr/local/bin'];
  return dirs.map((d) => join(d, 'redis-server')).find((p) => existsSync(p));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startRedis(bin: string): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await accepts(port)); i++) await new Promise((r) => setTimeout(r, 50));
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  /** everything the worker wrote on stderr so far */
  readonly log: () => string;
  /** resolves when a stderr line matches */
  readonly waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
}

export function startWorker(redisUrl: string, modelsRoot: string, extra: readonly string[] = []): WorkerProcess {
  // the CLI from source through tsx, so the suite does not depend on a build in dist/
  const args = ['--import', 'tsx', join(REPO, 'src', 'cli', 'ecoute.ts'), 'worker', '--redis', redisUrl, '--models', modelsRoot, '--lock-duration-ms', '4000', '--stalled-interval-ms', '1000', ...extra];
  const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TZ: 'UTC' } });
  let text = '';
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    text += chunk;
    for (const w of [...waiters]) {
      const line = text.split('\n').find((l) => w.pattern.test(l));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const line = text.split('\n').find((l) => pattern.test(l));
      if (line !== undefined) return resolve(line);
      const timer = setTimeout(() => reject(new Error(`worker: no line matching ${pattern} within ${timeoutMs} ms; stderr:\n${text}`)), timeoutMs);
      waiters.push({ pattern, resolve: (l) => (clearTimeout(timer), resolve(l)) });
    });
  return { child, log: () => text, waitFor };
}
