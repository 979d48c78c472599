/**
 * A Redis address as users write it (redis://[user:password@]host:port[/db], rediss:// for TLS)
 * → the connection options BullMQ passes to RespClient. Every BullMQ connection of this process
 * is made by RespClient (RedisConnection.clientFactory), so ioredis is not needed.
 *
 * **Example:**
 * ```ts
 * parseRedisUrl('redis://127.0.0.1:6390/2'); // { host: '127.0.0.1', port: 6390, db: 2, tls: false, maxRetriesPerRequest: null }
 * parseRedisUrl('http://x'); // throws: expected redis://HOST:PORT or rediss://HOST:PORT
 * ```
 */
import { RedisConnection, type RedisOptions } from 'bullmq';
import { RespClient, type RespClientOptions } from './resp-client.ts';
import { queueMessages } from './queue-messages.ts';

export function parseRedisUrl(text: string): RespClientOptions {
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
    maxRetriesPerRequest: null,
  };
}

/** Options in the shape BullMQ takes; RespClient is installed as its client factory on first use. */
export function bullConnection(redisUrl: string): RedisOptions {
  RedisConnection.clientFactory ??= (opts) => new RespClient(opts as unknown as RespClientOptions);
  return { ...parseRedisUrl(redisUrl) };
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
