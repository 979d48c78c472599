/**
 * `ecoute serve <run-dir>`: serves a run's dashboard folder (static files, GET/HEAD only, no directory listing,
 * nothing outside the folder, the pages' Content-Security-Policy as a header) and the explorer's API over the
 * run's database opened read-only (served-explorer.ts): `GET /api/explorer/meta`, `GET /api/explorer?<filters>`
 * ({ n, page, pageSize, rows }), `GET /api/explorer.csv?<filters>` and `GET /api/explorer/derived?chart=<id>&<filters>`
 * ({ chart, rows }: theme-sentiment or segment-theme-heatmap, as the page derives them from embedded verbatims). Bound to 127.0.0.1 by default; any other
 * address needs a token, then every request carries it (`Authorization: Bearer`, a `?token=` that sets an
 * HttpOnly SameSite=Strict cookie, or that cookie), compared in constant time.
 *
 * **Example:**
 * ```ts
 * const server = await serveRun('out/runs/2026-11-01', { host: '127.0.0.1', port: 0 });
 * console.log(server.url); // http://127.0.0.1:40321/
 * await server.close();
 * ```
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createHash, timingSafeEqual } from 'node:crypto';
import { UsageError } from '../run/errors.ts';
import { SERVED_CONTENT_SECURITY_POLICY } from '../report/dashboard/dashboard-page.ts';
import { contentTypeOf, resolveStaticPath } from './resolve-static-path.ts';
import { ExplorerQueryError } from './explorer-query.ts';
import { openServedExplorer, type ServedExplorer } from './served-explorer.ts';
import { TaskNotWanted } from './connection-pool.ts';

export interface ServeOptions {
  readonly host?: string;
  readonly port?: number;
  readonly token?: string | undefined;
}

export interface RunServer {
  readonly url: string;
  readonly explorer: ServedExplorer;
  close(): Promise<void>;
}

const COOKIE = 'ecoute_token';
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
/** Constant-time comparison (of digests: equal lengths whatever was sent). */
const sameToken = (given: string, token: string): boolean => timingSafeEqual(digest(given), digest(token));

function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** Whether the request carries the token; with `?token=` right, also the cookie the page's own requests will carry. */
function authorize(req: IncomingMessage, res: ServerResponse, url: URL, token: string): boolean {
  const auth = req.headers.authorization;
  if (auth !== undefined && auth.startsWith('Bearer ') && sameToken(auth.slice(7), token)) return true;
  const query = url.searchParams.get('token');
  if (query !== null && sameToken(query, token)) {
    res.setHeader('Set-Cookie', `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`);
    return true;
  }
  const cookie = cookieToken(req);
  return cookie !== null && sameToken(cookie, token);
}

function send(res: ServerResponse, status: number, type: string, body: string, head = false): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown, head = false): void => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), head);

export async function serveRun(runDir: string, opts: ServeOptions = {}): Promise<RunServer> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token === undefined || opts.token === '' ? undefined : opts.token;
  if (!LOOPBACK.has(host) && token === undefined) {
    throw new UsageError(`--host ${host}: serving beyond this machine needs a token (--token TOKEN or ECOUTE_SERVE_TOKEN)`);
  }
  const root = join(runDir, 'dashboard');
  if (!existsSync(join(root, 'index.html'))) throw new UsageError(`${root}: no dashboard (run \`ecoute dashboard ${runDir}\` first)`);
  const explorer = await openServedExplorer(runDir);

  async function api(res: ServerResponse, url: URL, head: boolean): Promise<void> {
    // a question still waiting for a connection when its client has gone (a page asking again as the user types) is not asked
    const wanted = (): boolean => !(res.destroyed || res.socket === null || res.socket.destroyed);
    if (url.pathname === '/api/explorer/meta') return sendJson(res, 200, explorer.meta, head);
    if (url.pathname === '/api/explorer') return sendJson(res, 200, await explorer.page(url.searchParams, wanted), head);
    if (url.pathname === '/api/explorer/derived') {
      return sendJson(res, 200, await explorer.derived(url.searchParams.get('chart') ?? '', url.searchParams, wanted), head);
    }
    if (url.pathname === '/api/explorer.csv') {
      const csvHead = { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="explorer.csv"' };
      if (head) return void res.writeHead(200, csvHead).end();
      // the head goes with the first chunk: a bad query is still a 400
      await explorer.csv(url.searchParams, (chunk) => {
        if (!res.headersSent) res.writeHead(200, csvHead).write('\ufeff');
        res.write(chunk);
      }, wanted);
      return void res.end();
    }
    return sendJson(res, 404, { error: 'not found' }, head);
  }

  function file(res: ServerResponse, url: URL, head: boolean): void {
    // the browser asks for an icon the dashboard does not have: nothing, rather than a 404 in its console
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    const path = resolveStaticPath(root, url.pathname);
    if (path === null) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden\n', head);
    const type = contentTypeOf(path);
    const stat = type === null || !existsSync(path) ? null : statSync(path);
    if (type === null || stat === null || !stat.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n', head);
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': stat.size, 'Cache-Control': 'no-cache' });
    if (head) return void res.end();
    createReadStream(path).pipe(res);
  }

  const server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', SERVED_CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    // origin-form only ('/path?query'); '//host/...' must stay a path, not become another authority
    const target = req.url ?? '';
    if (!target.startsWith('/')) return send(res, 400, 'text/plain; charset=utf-8', 'bad request\n');
    const url = new URL(`http://localhost${target}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    }
    const head = req.method === 'HEAD';
    if (token !== undefined && !authorize(req, res, url, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return send(res, 401, 'text/plain; charset=utf-8', 'token required\n', head);
    }
    if (url.pathname.startsWith('/api/')) {
      api(res, url, head).catch((e: unknown) => {
        if (res.headersSent || e instanceof TaskNotWanted) return void res.destroy();
        if (e instanceof ExplorerQueryError) return sendJson(res, 400, { error: e.message });
        return sendJson(res, 500, { error: 'the query failed' });
      });
      return;
    }
    file(res, url, head);
  });
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(opts.port ?? 8080, host, () => ok());
    });
  } catch (e) {
    explorer.close();
    throw e;
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    explorer,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => {
        explorer.close();
        ok();
      });
    }),
  };
}
