/** Runs the CLI from its TypeScript sources (src/cli/ecoute.ts through tsx) in a child process, stdout and stderr piped. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CLI_SOURCE = fileURLToPath(new URL('../../src/cli/ecoute.ts', import.meta.url));
/** tsx's loader by absolute path: a child started in another directory resolves it all the same */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
export const CHILDREN = fileURLToPath(new URL('./children/', import.meta.url));

export interface CliChildResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `imports`: extra `--import` modules (resolution hooks of test/cli/children/) loaded before the CLI. */
export function runCliChild(args: readonly string[], opts: { imports?: readonly string[]; cwd?: string } = {}): Promise<CliChildResult> {
  const preload = (opts.imports ?? []).flatMap((m) => ['--import', `${CHILDREN}${m}`]);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...preload, '--import', TSX, CLI_SOURCE, ...args], {
      cwd: opts.cwd ?? REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}
