/**
 * One JSON POST to a webhook, retried with exponential back-off: on a network error, a timeout, a 5xx or
 * a 429 the request is sent again after retryBaseMs, 2 × retryBaseMs, 4 × … (at least what a Retry-After
 * header asks, up to a minute), `retries` times at most. A 2xx is a delivery; any other answer (4xx but
 * 429, a redirect, which is not followed) fails at once: sending the same request again would not help.
 */
import { UsageError } from '../run/errors.ts';

export interface PostOptions {
  /** attempts after the first one */
  readonly retries: number;
  /** delay before the first retry; doubled before each next one */
  readonly retryBaseMs: number;
  /** each attempt gives up after this long without an answer (then it is retried like a network error) */
  readonly timeoutMs: number;
  readonly log?: (message: string) => void;
}

export type PostResult =
  | { readonly ok: true; readonly status: number; readonly attempts: number }
  | { readonly ok: false; readonly attempts: number; readonly reason: string };

const MAX_RETRY_AFTER_MS = 60_000;

/** An http:// or https:// URL, or a usage error naming the flag. */
export function parseWebhookUrl(flag: string, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${flag}: expected an http:// or https:// URL, got ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${flag}: expected an http:// or https:// URL, got ${JSON.stringify(text)} (${url.protocol} is not accepted)`);
  return url;
}

/** The webhook as printed: its origin only (webhook paths and queries often hold a secret token). */
export function webhookLabel(url: URL): string {
  return url.pathname === '/' && url.search === '' ? url.origin : `${url.origin}/…`;
}

function networkReason(e: unknown, timeoutMs: number): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = e instanceof Error ? (e.cause as { code?: string; message?: string } | undefined) : undefined;
  const message = e instanceof Error ? e.message : String(e);
  return cause?.code !== undefined ? `${message} (${cause.code})` : cause?.message !== undefined ? `${message} (${cause.message})` : message;
}

function retryAfterMs(header: string | null): number {
  const seconds = header === null ? Number.NaN : Number(header.trim());
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : 0;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function postJson(url: URL, body: string, headers: Readonly<Record<string, string>>, opts: PostOptions): Promise<PostResult> {
  let reason = '';
  for (let attempt = 0; attempt <= opts.retries; attempt++) {
    let wait = 0;
    try {
      const res = await fetch(url, {
        method: 'POST', body, redirect: 'manual', signal: AbortSignal.timeout(opts.timeoutMs),
        headers: { 'content-type': 'application/json', ...headers },
      });
      const text = (await res.text()).slice(0, 200).trim();
      if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, attempts: attempt + 1 };
      reason = `answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${text ? `: ${text}` : ''}`;
      if (res.status !== 429 && res.status < 500) return { ok: false, attempts: attempt + 1, reason };
      wait = retryAfterMs(res.headers.get('retry-after'));
    } catch (e) {
      reason = networkReason(e, opts.timeoutMs);
    }
    if (attempt < opts.retries) {
      const delay = Math.max(opts.retryBaseMs * 2 ** attempt, wait);
      opts.log?.(`${webhookLabel(url)} ${reason}; retrying in ${delay} ms (retry ${attempt + 1} of ${opts.retries})`);
      await sleep(delay);
    }
  }
  return { ok: false, attempts: opts.retries + 1, reason };
}
