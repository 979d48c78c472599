/**
 * A Redis address as users write it (redis://[user:password@]host:port[/db], rediss:// for TLS)
 * → the ioredis options every connection of the queue uses (BullMQ's own connections and the
 * engine-spec client). BullMQ loads its optional peer `ioredis` itself from these options.
 *
 * Reconnection is bounded: after REDIS_RECONNECT_ATTEMPTS failed attempts a client gives up and
 * every pending command fails with ioredis's "Connection is closed." (a worker then exits non-zero
 * and its supervisor restarts it; a coordinator run fails with that message) instead of retrying
 * for ever behind a silent cron job.
 *
 * **Example:**
 * ```ts
 * parseRedisUrl('redis://127.0.0.1:6390/2'); // { host: '127.0.0.1', port: 6390, db: 2, tls: false }
 * parseRedisUrl('http://x'); // throws: "http://x" is not a Redis address ...
 * ```
 */
import type { RedisOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { errorText, queueMessages } from './queue-messages.ts';

/** Where Redis is, as parsed from its URL. */
export interface RedisAddress {
  readonly host: string;
  readonly port: number;
  readonly username?: string;
  readonly password?: string;
  readonly db?: number;
  readonly tls: boolean;
}

/** Reconnection attempts (200 ms, 400 ms, … at most 2 s apart) before a client gives up. */
export const REDIS_RECONNECT_ATTEMPTS = 10;

export function parseRedisUrl(text: string): RedisAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(queueMessages.badRedisUrl(text));
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(queueMessages.badRedisUrl(text));
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new Error(queueMessages.badRedisUrl(text));
  return {
    host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: url.port === '' ? 6379 : Number(url.port),
    ...(url.username !== '' ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password !== '' ? { password: decodeURIComponent(url.password) } : {}),
    ...(db !== '' ? { db: Number(db) } : {}),
    tls: url.protocol === 'rediss:',
  };
}

/**
 * ioredis options for an address. `maxRetriesPerRequest: null` is what BullMQ requires of its
 * blocking connections; `lazyConnect` lets callers await `connect()` and report an unreachable
 * server with one clear message.
 */
export function redisOptions(redisUrl: string): RedisOptions {
  const { tls, ...address } = parseRedisUrl(redisUrl);
  return {
    ...address,
    ...(tls ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
    lazyConnect: true,
    retryStrategy: (attempt: number) => (attempt > REDIS_RECONNECT_ATTEMPTS ? null : Math.min(attempt * 200, 2000)),
  };
}

/**
 * A connected plain client (engine specs, test tooling). The first connection is tried once: an
 * unreachable server is one clear error naming the address and the cause (e.g. ECONNREFUSED), not
 * ten silent retries; once connected, the client reconnects as `redisOptions` says. Errors after
 * that surface on the commands that fail, so the client's 'error' events are only recorded.
 */
export async function connectRedis(redisUrl: string): Promise<Redis> {
  const options = redisOptions(redisUrl);
  let ready = false;
  let lastError: unknown;
  const client = new Redis({ ...options, retryStrategy: (attempt: number) => (ready ? options.retryStrategy!(attempt) : null) });
  client.on('error', (error: unknown) => {
    lastError = error;
  });
  client.once('ready', () => {
    ready = true;
  });
  try {
    await client.connect();
    return client;
  } catch (error) {
    client.disconnect();
    throw new Error(queueMessages.unreachable(redactRedisUrl(redisUrl), errorText(lastError ?? error)));
  }
}

/** The address without its password, for messages and logs. */
export function redactRedisUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.password !== '') url.password = '***';
    return url.toString().replace(/\/$/, '');
  } catch {
    return text;
  }
}
