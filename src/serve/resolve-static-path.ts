/**
 * Where a request's path points inside the served folder, or null when it would leave it: the path is
 * percent-decoded once (a malformed escape, a NUL or a backslash is refused), resolved against the folder, and
 * must stay inside it (`..`, `%2e%2e`, `//etc/passwd` all give null). `/` is index.html. Pure (no file access).
 *
 * **Example:**
 * ```ts
 * resolveStaticPath('/srv/dash', '/vendor/vega.min.js'); // '/srv/dash/vendor/vega.min.js'
 * resolveStaticPath('/srv/dash', '/%2e%2e/ecoute.duckdb'); // null
 * ```
 */
import { extname, resolve, sep } from 'node:path';

export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const path = resolve(base, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  return path.startsWith(base + sep) ? path : null;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a served file; files of other kinds are not served (null). */
export function contentTypeOf(path: string): string | null {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? null;
}
