/**
 * The action of `ecoute serve <run-dir>`: the options as given (port 0 = any free port; the token from
 * --token or ECOUTE_SERVE_TOKEN), the URL printed (with `?token=` when there is one), and a clean stop on
 * Ctrl-C (SIGINT) or SIGTERM: the server closes, then the database.
 */
import { UsageError } from '../run/errors.ts';
import { serveRun } from './serve-run.ts';

export interface ServeCommandOptions {
  readonly host: string;
  readonly port: string;
  readonly token?: string;
}

export async function serveCommand(runDir: string, o: ServeCommandOptions, print: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: expected 0-65535, got ${JSON.stringify(o.port)}`);
  const token = o.token ?? env.ECOUTE_SERVE_TOKEN;
  const server = await serveRun(runDir, { host: o.host, port, token });
  print(`serving ${runDir} (read-only; ${server.explorer.meta.n} verbatims) at ${server.url}${token === undefined || token === '' ? '' : '?token=…'}`);
  if (server.explorer.sourceReason !== null) print(`note: ${server.explorer.sourceReason}`);
  print('Ctrl-C stops');
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
